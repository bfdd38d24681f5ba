#include "base/text_fold.h"

#include <gtest/gtest.h>

namespace projectd::text_fold {
namespace {

TEST(TextFoldTest, FoldsLatinCyrillicAndGreekCaseTheUnicodeWay) {
  EXPECT_EQ(fold("ÄRGER.TXT"), fold("ärger.txt"));
  EXPECT_EQ(fold("ПРОЕКТ"), "проект");
  EXPECT_EQ(fold("ΣΟΦΙΑ"), fold("σοφια"));
  EXPECT_EQ(fold("ΟΔΟΣ"), fold("οδος"));  // final sigma folds to sigma
  EXPECT_EQ(fold("Straße"), "strasse");   // full folding, not lowering
  EXPECT_EQ(fold("ABC"), "abc");
}

TEST(TextFoldTest, MatchesComposedAndDecomposedForms) {
  // "ä" precomposed (U+00E4) and as "a" + combining diaeresis (U+0308).
  EXPECT_EQ(fold("\xC3\xA4"), fold("a\xCC\x88"));
  EXPECT_TRUE(contains_folded("Bericht \xC3\x84rger.txt", fold("A\xCC\x88RGER")));
}

TEST(TextFoldTest, ContainsIgnoresCaseAndAnEmptyNeedleMatches) {
  EXPECT_TRUE(contains_folded("Quarterly ÄRGER report", fold("ärger")));
  EXPECT_FALSE(contains_folded("Quarterly report", fold("ärger")));
  EXPECT_TRUE(contains_folded("anything", ""));
}

TEST(TextFoldTest, InvalidUtf8IsFoldedAsAsciiWithoutThrowing) {
  EXPECT_EQ(fold("AB\xFF"), "ab\xFF");
}

}  // namespace
}  // namespace projectd::text_fold
