#include "store/sql/sql_bound_values.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace projectd {
namespace {

using testing::TempDir;

class SqliteIdListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    connection_.execute_script(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
        "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (40, 'd');");
  }

  std::string select_sql(std::size_t count) {
    return "SELECT id FROM t WHERE " + connection_.dialect().in_ids("id", 1, count) +
           " ORDER BY id";
  }

  std::vector<std::int64_t> rows_of(const std::vector<std::int64_t>& ids) {
    SqlStatement statement = connection_.prepare(select_sql(ids.size()));
    statement.bind_all(ids_value(ids));
    std::vector<std::int64_t> rows;
    while (statement.step())
      rows.push_back(statement.int64(0));
    return rows;
  }

  std::string plan_of(std::size_t count) {
    SqlStatement plan = connection_.prepare("EXPLAIN QUERY PLAN " + select_sql(count));
    std::string details;
    while (plan.step())
      details += plan.text(3) + "\n";
    return details;
  }

  TempDir dir_;
  SqliteConnection connection_{dir_.file("test.db"), {}};
};

TEST_F(SqliteIdListTest, OneIdIsAnEqualityAndAnyOtherCountAJsonList) {
  EXPECT_EQ(connection_.dialect().in_ids("t.id", 2, 1), "t.id = ?2");
  EXPECT_EQ(connection_.dialect().in_ids("t.id", 2, 0),
            "t.id IN (SELECT value FROM json_each(?2))");
  EXPECT_EQ(connection_.dialect().in_ids("t.id", 2, 3),
            "t.id IN (SELECT value FROM json_each(?2))");
  EXPECT_EQ(std::get<std::int64_t>(ids_value(std::vector<std::int64_t>{7})), 7);
  EXPECT_EQ(std::get<std::string>(ids_value(std::vector<std::int64_t>{7, 8})), "[7,8]");
  EXPECT_EQ(std::get<std::string>(ids_value(std::vector<std::int64_t>{})), "[]");
  EXPECT_EQ(ids_value(std::vector<std::string>{"a\"b"}), "a\"b");
  EXPECT_EQ(ids_value(std::vector<std::string>{"a", "b"}), "[\"a\",\"b\"]");
}

TEST_F(SqliteIdListTest, FindsTheRowsOfEveryListShape) {
  EXPECT_EQ(rows_of({}), std::vector<std::int64_t>{});
  EXPECT_EQ(rows_of({2}), std::vector<std::int64_t>{2});
  EXPECT_EQ(rows_of({99}), std::vector<std::int64_t>{});
  EXPECT_EQ(rows_of({40, 1, 99}), (std::vector<std::int64_t>{1, 40}));
  EXPECT_EQ(rows_of({3, 3}), std::vector<std::int64_t>{3});  // a list is a set
}

TEST_F(SqliteIdListTest, TextIdsBindTheSameWay) {
  for (const std::vector<std::string>& names :
       {std::vector<std::string>{"c"}, std::vector<std::string>{"c", "a", "zz"}}) {
    SqlStatement statement = connection_.prepare(
        "SELECT name FROM t WHERE " +
        connection_.dialect().in_ids("name", 1, names.size(), SqlType::kText) + " ORDER BY name");
    statement.bind_all(ids_value(names));
    std::string found;
    while (statement.step())
      found += statement.text(0);
    EXPECT_EQ(found, names.size() == 1 ? "c" : "ac");
  }
}

// The reason for the two forms: one id must not make SQLite build a temporary index of the list.
TEST_F(SqliteIdListTest, OneIdIsAPlainLookup) {
  const std::string one = plan_of(1);
  EXPECT_NE(one.find("USING INTEGER PRIMARY KEY"), std::string::npos) << one;
  EXPECT_EQ(one.find("LIST SUBQUERY"), std::string::npos) << one;
  const std::string many = plan_of(2);
  EXPECT_NE(many.find("LIST SUBQUERY"), std::string::npos) << many;
}

}  // namespace
}  // namespace projectd
