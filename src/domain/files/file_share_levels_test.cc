#include "domain/files/file_share_levels.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

TEST(FileShareLevels, NumbersAndNamesAreTheOriginals) {
  ASSERT_EQ(kFileShareNames.size(), 9u);
  for (std::size_t i = 0; i < kFileShareNames.size(); ++i)
    EXPECT_EQ(static_cast<std::size_t>(kFileShareNames[i].share), i) << kFileShareNames[i].name;
  EXPECT_EQ(kFileShareNames[1].name, "ReadWrite");
  EXPECT_EQ(kFileShareNames[3].name, "Restrict");
  EXPECT_EQ(kFileShareNames[8].name, "CustomFilter");
}

TEST(FileShareLevels, OnlyReadWriteChangesAndRestrictNoneVariesDoNotRead) {
  for (const FileShareName& level : kFileShareNames) {
    const bool reads = level.share != FileShare::kNone && level.share != FileShare::kRestrict &&
                       level.share != FileShare::kVaries;
    EXPECT_EQ(share_reads(level.share), reads) << level.name;
    EXPECT_EQ(share_changes(level.share), level.share == FileShare::kReadWrite) << level.name;
  }
}

TEST(FileShareLevels, RestrictOutranksReadWhichOutranksReadWrite) {
  EXPECT_GT(share_restrictiveness(FileShare::kRestrict), share_restrictiveness(FileShare::kRead));
  EXPECT_GT(share_restrictiveness(FileShare::kRead), share_restrictiveness(FileShare::kReview));
  EXPECT_GT(share_restrictiveness(FileShare::kReview),
            share_restrictiveness(FileShare::kReadWrite));
}

}  // namespace
}  // namespace projectd
