#include "store/postgres/postgres_placeholders.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

TEST(PostgresPlaceholdersTest, NumberedParametersBecomeDollarParameters) {
  PostgresSql sql = translate_placeholders("SELECT ?1, ?12 FROM t WHERE a = ?2 OR ?1 IS NULL");
  EXPECT_EQ(sql.text, "SELECT $1, $12 FROM t WHERE a = $2 OR $1 IS NULL");
  EXPECT_EQ(sql.parameter_count, 12);
}

TEST(PostgresPlaceholdersTest, QuotedTextIsLeftAlone) {
  PostgresSql sql = translate_placeholders(
      "SELECT 'it''s ?1', \"col ?2\"\"x\", E'\\'?3', e'?4' || ?5, type'?6' FROM t");
  EXPECT_EQ(sql.text, "SELECT 'it''s ?1', \"col ?2\"\"x\", E'\\'?3', e'?4' || $5, type'?6' FROM t");
  EXPECT_EQ(sql.parameter_count, 5);
}

// Only E'...' strings take backslash escapes: in 'a\' the backslash is a character, so ?1 after
// it is a parameter (the LIKE ... ESCAPE '\' of the dialect).
TEST(PostgresPlaceholdersTest, BackslashEndsAStandardString) {
  PostgresSql sql = translate_placeholders("SELECT x LIKE ?2 ESCAPE '\\' AND y = ?1");
  EXPECT_EQ(sql.text, "SELECT x LIKE $2 ESCAPE '\\' AND y = $1");
  EXPECT_EQ(sql.parameter_count, 2);
}

TEST(PostgresPlaceholdersTest, CommentsAndJsonbOperatorsAreLeftAlone) {
  PostgresSql sql =
      translate_placeholders("SELECT ?1 -- not ?2\n, /* ?3 /* ?4 */ ?5 */ doc ? 'k', doc ?| ?2");
  EXPECT_EQ(sql.text, "SELECT $1 -- not ?2\n, /* ?3 /* ?4 */ ?5 */ doc ? 'k', doc ?| $2");
  EXPECT_EQ(sql.parameter_count, 2);
}

TEST(PostgresPlaceholdersTest, UnterminatedQuotesEndAtTheEnd) {
  EXPECT_EQ(translate_placeholders("SELECT ?1, 'abc ?2").text, "SELECT $1, 'abc ?2");
  EXPECT_EQ(translate_placeholders("SELECT ?1 /* ?2").parameter_count, 1);
}

TEST(PostgresPlaceholdersTest, HugeNumbersSaturate) {
  PostgresSql sql = translate_placeholders("SELECT ?99999999999999999999");
  EXPECT_EQ(sql.parameter_count, kMaxParameterNumber + 1);
}

}  // namespace
}  // namespace projectd
