#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <string>

namespace projectd {
namespace {

using testing::TempDir;

class SqliteConnectionTest : public ::testing::Test {
 protected:
  TempDir dir_;
  SqliteConnection connection_{dir_.file("test.db"), {}};
};

// Filter queries make their SQL from the filters present: the cache must not grow with every new
// combination a client sends.
TEST_F(SqliteConnectionTest, CacheStopsGrowingAtItsCapAndStatementsStillRun) {
  std::size_t start = connection_.cached_statements();
  std::uint64_t leased = connection_.statements_leased();
  const std::size_t n = SqliteConnection::kMaxCachedStatements + 10;
  for (std::size_t i = 0; i < n; ++i) {
    SqlStatement statement = connection_.prepare("SELECT ?1 + " + std::to_string(i));
    statement.bind_all(1);
    ASSERT_TRUE(statement.step());
    EXPECT_EQ(statement.int64(0), static_cast<std::int64_t>(i + 1));
  }
  EXPECT_EQ(connection_.cached_statements(), SqliteConnection::kMaxCachedStatements);
  EXPECT_GT(SqliteConnection::kMaxCachedStatements, start);
  EXPECT_EQ(connection_.statements_leased() - leased, n);
  // A cached text is still served from the cache once full.
  SqlStatement again = connection_.prepare("SELECT ?1 + 0");
  again.bind_all(41);
  ASSERT_TRUE(again.step());
  EXPECT_EQ(again.int64(0), 41);
}

TEST_F(SqliteConnectionTest, RunReturningIdGivesTheNewRow) {
  connection_.execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x)");
  EXPECT_EQ(connection_.prepare("INSERT INTO t (x) VALUES (1) RETURNING id").run_returning_id(), 1);
  EXPECT_EQ(connection_.prepare("INSERT INTO t (x) VALUES (2) RETURNING id").run_returning_id(), 2);
  EXPECT_EQ(connection_.changes(), 1);
}

}  // namespace
}  // namespace projectd
