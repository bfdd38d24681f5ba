#include "domain/files/zip_entry_names.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

TEST(ZipEntryNames, UnsafeCharactersControlsAndPathsBecomeUnderscores) {
  EXPECT_EQ(safe_zip_component(R"(a\b/c:d*e?f"g<h>i|j.txt)"), "a_b_c_d_e_f_g_h_i_j.txt");
  EXPECT_EQ(safe_zip_component("tab\there\x01\x7f.txt"), "tab_here__.txt");
  EXPECT_EQ(safe_zip_component(".."), "_");
  EXPECT_EQ(safe_zip_component("."), "_");
  EXPECT_EQ(safe_zip_component(""), "_");
  EXPECT_EQ(safe_zip_component("../../etc/passwd"), ".._.._etc_passwd");
  EXPECT_EQ(safe_zip_component("/abs"), "_abs");
  EXPECT_EQ(safe_zip_component("trailing. . "), "trailing");
  EXPECT_EQ(safe_zip_component("bad\xff\xfe utf8"), "bad__ utf8");
  EXPECT_EQ(safe_zip_component("Überblick 報告.txt"), "Überblick 報告.txt");
}

TEST(ZipEntryNames, WindowsReservedNamesGetAPrefix) {
  EXPECT_EQ(safe_zip_component("CON"), "_CON");
  EXPECT_EQ(safe_zip_component("nul.txt"), "_nul.txt");
  EXPECT_EQ(safe_zip_component("Lpt9.doc"), "_Lpt9.doc");
  EXPECT_EQ(safe_zip_component("COM0"), "COM0");
  EXPECT_EQ(safe_zip_component("console.txt"), "console.txt");
}

TEST(ZipEntryNames, LongNamesAreCutAtACharacterKeepingTheExtension) {
  std::string long_name;
  for (int i = 0; i < 200; ++i)
    long_name += "é";  // two bytes each
  const std::string safe = safe_zip_component(long_name + ".txt");
  EXPECT_LE(safe.size(), 255u);
  EXPECT_TRUE(safe.ends_with("é.txt")) << safe;
}

TEST(ZipEntryNames, DuplicatesAreNumberedAsTheOriginalIgnoringCase) {
  ZipDirectoryNames names;
  EXPECT_EQ(names.take("a.txt"), "a.txt");
  EXPECT_EQ(names.take("A.TXT"), "A (1).TXT");
  EXPECT_EQ(names.take("a.txt"), "a (2).txt");
  EXPECT_EQ(names.take("ÄRGER"), "ÄRGER");
  EXPECT_EQ(names.take("ärger"), "ärger (1)");
  EXPECT_EQ(names.take("x:y"), "x_y");
  EXPECT_EQ(names.take("x_y"), "x_y (1)");
  std::string long_name(300, 'n');
  const std::string first = names.take(long_name);
  const std::string second = names.take(long_name);
  EXPECT_NE(first, second);
  EXPECT_LE(second.size(), 255u);
}

}  // namespace
}  // namespace projectd
