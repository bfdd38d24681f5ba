#include "store/postgres/postgres_dialect.h"
#include "store/postgres/postgres_test_support.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace projectd {
namespace {

using Strings = std::vector<std::string>;
using Ints = std::vector<std::int64_t>;

class PostgresDialectTest : public testing::PostgresTest {
 protected:
  const SqlDialect& dialect() { return connection_->dialect(); }

  // The names of table `name` matching `condition`, in byte order.
  Strings names_where(const std::string& condition, std::string_view parameter) {
    SqlStatement statement = connection_->prepare("SELECT name FROM name WHERE " + condition +
                                                  " ORDER BY name COLLATE \"C\"");
    statement.bind_text(1, parameter);
    return texts(std::move(statement));
  }
  void insert_names(const Strings& names) {
    connection_->execute_script("CREATE TABLE name (name text)");
    for (const std::string& name : names) {
      connection_->prepare("INSERT INTO name VALUES (?1)").bind_all(name).run();
    }
  }
};

TEST_F(PostgresDialectTest, JsonValuesKeepTheirOrder) {
  SqlStatement ints_in_order = connection_->prepare(
      "SELECT value + 1 FROM " + dialect().json_values(1, SqlType::kInt) + " ORDER BY key");
  ints_in_order.bind_all("[30, 10, 20]");
  EXPECT_EQ(ints(std::move(ints_in_order)), (Ints{31, 11, 21}));
  for (SqlType type : {SqlType::kText, SqlType::kUnknown}) {
    SqlStatement texts_in_order = connection_->prepare(
        "SELECT value FROM " + dialect().json_values(1, type) + " ORDER BY key DESC");
    texts_in_order.bind_all(R"(["b", "é", "a"])");
    EXPECT_EQ(texts(std::move(texts_in_order)), (Strings{"a", "é", "b"}));
  }
}

TEST_F(PostgresDialectTest, TwoJsonListsInOneStatement) {
  SqlStatement statement = connection_->prepare(
      "SELECT j1.value || ':' || j2.value FROM " + dialect().json_values(1, SqlType::kInt) + ", " +
      dialect().json_values(2, SqlType::kText) + " WHERE j1.key = j2.key ORDER BY j1.key");
  statement.bind_all("[7, 8]", R"(["x", "y"])");
  EXPECT_EQ(texts(std::move(statement)), (Strings{"7:x", "8:y"}));
}

TEST_F(PostgresDialectTest, InIdsAndJsonLength) {
  connection_->execute_script("CREATE TABLE t (id bigint); INSERT INTO t VALUES (1), (2), (3)");
  SqlStatement many = connection_->prepare("SELECT id FROM t WHERE " +
                                           dialect().in_ids("id", 1, 2) + " ORDER BY id");
  many.bind_all("[3, 1]");
  EXPECT_EQ(ints(std::move(many)), (Ints{1, 3}));
  SqlStatement one = connection_->prepare("SELECT id FROM t WHERE " + dialect().in_ids("id", 1, 1));
  one.bind_all(2);
  EXPECT_EQ(ints(std::move(one)), (Ints{2}));

  for (auto [list, length] : {std::pair{"[1, 2, 3]", 3}, std::pair{"[]", 0}}) {
    SqlStatement statement = connection_->prepare("SELECT " + dialect().json_length(1));
    statement.bind_all(list);
    EXPECT_EQ(ints(std::move(statement)), (Ints{length}));
  }
}

// SQLite's NOCASE folds A-Z to a-z and compares bytes: "_" (0x5F) sorts before "a", and the two
// É/é stay apart and after ASCII.
TEST_F(PostgresDialectTest, NocaseFoldsAsciiOnlyAndOrdersByBytes) {
  insert_names({"é", "B", "É", "a", "_"});
  EXPECT_EQ(
      texts(connection_->prepare("SELECT name FROM name ORDER BY " + dialect().nocase("name"))),
      (Strings{"_", "a", "B", "É", "é"}));
  const std::string equal = dialect().nocase("name") + " = " + dialect().nocase("?1");
  EXPECT_EQ(names_where(equal, "b"), (Strings{"B"}));
  EXPECT_EQ(names_where(equal, "é"), (Strings{"é"}));
}

TEST_F(PostgresDialectTest, NocaseIndexesServeNocaseLookups) {
  insert_names({"a", "B"});
  connection_->execute_script("CREATE INDEX name_nocase ON name (" + dialect().nocase("name") +
                              "); SET enable_seqscan = off");
  SqlStatement plan =
      connection_->prepare("EXPLAIN SELECT name FROM name WHERE " + dialect().nocase("name") +
                           " = " + dialect().nocase("?1"));
  plan.bind_all("b");
  std::string text;
  for (const std::string& line : texts(std::move(plan)))
    text += line + "\n";
  EXPECT_NE(text.find("name_nocase"), std::string::npos) << text;
}

TEST_F(PostgresDialectTest, LikeEscapesAndFoldsAsciiOnly) {
  insert_names({"100%", "100x", "a_b", "axb", "a\\b", "ABC", "abc", "ÉTÉ", "été"});
  const std::string like = dialect().like("name", "?1");
  EXPECT_EQ(names_where(like, "100\\%"), (Strings{"100%"}));
  EXPECT_EQ(names_where(like, "100%"), (Strings{"100%", "100x"}));
  EXPECT_EQ(names_where(like, "a\\_b"), (Strings{"a_b"}));
  EXPECT_EQ(names_where(like, "a_b"), (Strings{"a\\b", "a_b", "axb"}));
  EXPECT_EQ(names_where(like, "a\\\\b"), (Strings{"a\\b"}));
  EXPECT_EQ(names_where(like, "abc"), (Strings{"ABC", "abc"}));
  EXPECT_EQ(names_where(like, "%té"), (Strings{"été"}));
  EXPECT_EQ(names_where(like, "_t_"), (Strings{"ÉTÉ", "été"}));  // _ is one character, not byte
}

}  // namespace
}  // namespace projectd
