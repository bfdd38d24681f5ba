#include "store/postgres/postgres_connection.h"
#include "store/postgres/postgres_test_support.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace projectd {
namespace {

using PostgresConnectionTest = testing::PostgresTest;

TEST_F(PostgresConnectionTest, QuestionMarksInQuotesAreNotParameters) {
  SqlStatement statement = connection_->prepare("SELECT 'it''s ?1' AS \"a?2\", ?1::text");
  EXPECT_EQ(statement.parameter_count(), 1);
  statement.bind_all("x");
  ASSERT_TRUE(statement.step());
  EXPECT_EQ(statement.text(0), "it's ?1");
  EXPECT_EQ(statement.text(1), "x");
  EXPECT_FALSE(statement.step());
}

TEST_F(PostgresConnectionTest, BindsAndReadsIntegersTextAndNulls) {
  SqlStatement statement = connection_->prepare("SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?1 = ?2, ?7");
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  statement.bind_all(std::numeric_limits<std::int64_t>::min(), max, "déjà vu", "",
                     std::optional<int>(), std::optional<std::string>(), true);
  ASSERT_TRUE(statement.step());
  EXPECT_EQ(statement.int64(0), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(statement.int64(1), max);
  EXPECT_EQ(statement.text(2), "déjà vu");
  EXPECT_FALSE(statement.is_null(3));
  EXPECT_EQ(statement.text(3), "");
  EXPECT_EQ(statement.optional_int64(4), std::nullopt);
  EXPECT_EQ(statement.optional_text(5), std::nullopt);
  // A NULL reads as SQLite's 0 and "", a boolean as 1 or 0.
  EXPECT_EQ(statement.int64(4), 0);
  EXPECT_EQ(statement.text(5), "");
  EXPECT_EQ(statement.int64(6), 0);
  EXPECT_EQ(statement.int64(7), 1);
  EXPECT_FALSE(statement.step());
}

TEST_F(PostgresConnectionTest, MisuseThrowsInternalErrors) {
  SqlStatement statement = connection_->prepare("SELECT ?1::text, 'x'");
  EXPECT_THROW(statement.bind_int(2, 1), SqlError);
  EXPECT_THROW(statement.bind_text(0, "a"), SqlError);
  EXPECT_THROW(statement.bind_text(1, std::string("a\0b", 3)), SqlError);
  statement.bind_all("12");
  EXPECT_THROW(statement.int64(0), SqlError);  // no row yet
  ASSERT_TRUE(statement.step());
  EXPECT_EQ(statement.int64(0), 12);
  EXPECT_THROW(statement.text(2), SqlError);
  try {
    statement.int64(1);
    ADD_FAILURE() << "'x' read as an integer";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInternal);
    EXPECT_NE(std::string(e.what()).find("column 1"), std::string::npos) << e.what();
  }
}

// An optional filter binds one parameter, compared twice; its NULL must carry the column's type,
// and each type signature gets a server-side statement of its own.
TEST_F(PostgresConnectionTest, OptionalNullsWorkWhenAParameterIsUsedTwice) {
  connection_->execute_script(
      "CREATE TABLE t (x bigint, name text); "
      "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (2, NULL)");
  const std::string by_x = "SELECT count(*) FROM t WHERE ?1 IS NULL OR x = ?1";
  const std::string by_name = "SELECT count(*) FROM t WHERE ?1 IS NULL OR name = ?1";
  auto count = [&](const std::string& sql, const auto& value) {
    SqlStatement statement = connection_->prepare(sql);
    statement.bind_all(value);
    EXPECT_TRUE(statement.step());
    return statement.int64(0);
  };
  EXPECT_EQ(count(by_x, std::optional<std::int64_t>()), 3);
  EXPECT_EQ(count(by_x, std::optional<std::int64_t>(2)), 2);
  EXPECT_EQ(count(by_name, std::optional<std::string>()), 3);
  EXPECT_EQ(count(by_name, std::optional<std::string>("b")), 1);
  // An untyped NULL (std::nullopt) takes its type from the SQL, but PostgreSQL fixes a parameter's
  // type at its first use, and `?1 IS NULL` says nothing ("could not determine data type of
  // parameter $1"): the comparison must come first.
  EXPECT_EQ(count("SELECT count(*) FROM t WHERE x = ?1 OR ?1 IS NULL", std::nullopt), 3);
}

TEST_F(PostgresConnectionTest, ChangesCountsRowsWrittenByTheLastWrite) {
  connection_->execute_script("CREATE TABLE t (x bigint)");
  connection_->prepare("INSERT INTO t VALUES (?1), (?2), (?3)").bind_all(1, 2, 3).run();
  EXPECT_EQ(connection_->changes(), 3);
  connection_->prepare("UPDATE t SET x = x + 10 WHERE x >= ?1").bind_all(2).run();
  EXPECT_EQ(connection_->changes(), 2);
  // Like SQLite, a SELECT or BEGIN leaves the count of the last write.
  EXPECT_EQ(ints(connection_->prepare("SELECT x FROM t ORDER BY x")),
            (std::vector<std::int64_t>{1, 12, 13}));
  connection_->execute("BEGIN");
  EXPECT_EQ(connection_->changes(), 2);
  connection_->prepare("DELETE FROM t WHERE x > ?1").bind_all(100).run();
  EXPECT_EQ(connection_->changes(), 0);
  connection_->prepare("DELETE FROM t").run();
  EXPECT_EQ(connection_->changes(), 3);
  EXPECT_TRUE(connection_->in_transaction());
  connection_->execute("ROLLBACK");
  EXPECT_FALSE(connection_->in_transaction());
}

TEST_F(PostgresConnectionTest, ReturningGivesTheNewId) {
  connection_->execute_script(
      "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)");
  const std::string insert = "INSERT INTO t (name) VALUES (?1) RETURNING id";
  for (std::int64_t expected : {1, 2}) {
    SqlStatement statement = connection_->prepare(insert);
    statement.bind_all("n");
    ASSERT_TRUE(statement.step());
    EXPECT_EQ(statement.int64(0), expected);
    EXPECT_FALSE(statement.step());
    EXPECT_EQ(connection_->changes(), 1);
  }
}

TEST_F(PostgresConnectionTest, TheSameSqlCanBeLeasedWhileInUse) {
  connection_->execute_script("CREATE TABLE t (x bigint); INSERT INTO t VALUES (1), (2), (3)");
  const std::string sql = "SELECT x FROM t WHERE x >= ?1 ORDER BY x";
  std::vector<std::int64_t> pairs;
  SqlStatement outer = connection_->prepare(sql);
  outer.bind_all(2);
  while (outer.step()) {
    SqlStatement inner = connection_->prepare(sql);
    inner.bind_all(outer.int64(0) + 1);
    while (inner.step())
      pairs.push_back(outer.int64(0) * 10 + inner.int64(0));
  }
  EXPECT_EQ(pairs, (std::vector<std::int64_t>{23}));
  // Both cursors went back clean: a new lease starts with nothing bound and no rows.
  SqlStatement again = connection_->prepare(sql);
  again.bind_all(3);
  EXPECT_EQ(ints(std::move(again)), (std::vector<std::int64_t>{3}));
}

// Filter queries make their SQL from the filters present: the server-side statements must stop
// growing at the cap, and texts past it must still run.
TEST_F(PostgresConnectionTest, PreparedStatementsStopAtTheCapAndTextsPastItStillRun) {
  const std::size_t start = connection_->cached_statements();
  const std::size_t n = PostgresConnection::kMaxCachedStatements + 10;
  for (std::size_t i = 0; i < n; ++i) {
    SqlStatement statement = connection_->prepare("SELECT ?1 + " + std::to_string(i));
    statement.bind_all(1);
    ASSERT_TRUE(statement.step());
    EXPECT_EQ(statement.int64(0), static_cast<std::int64_t>(i + 1));
  }
  EXPECT_LT(start, PostgresConnection::kMaxCachedStatements);
  EXPECT_EQ(connection_->cached_statements(), PostgresConnection::kMaxCachedStatements);
  SqlStatement again = connection_->prepare("SELECT ?1 + 0");
  again.bind_all(41);
  ASSERT_TRUE(again.step());
  EXPECT_EQ(again.int64(0), 41);
}

TEST_F(PostgresConnectionTest, ScriptsRunSeveralStatements) {
  connection_->execute_script(
      "CREATE TABLE t (x bigint); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2), (3)");
  EXPECT_EQ(connection_->changes(), 2);
  EXPECT_EQ(ints(connection_->prepare("SELECT count(*) FROM t")), (std::vector<std::int64_t>{3}));
  PostgresError error =
      error_of([&] { connection_->execute_script("SELECT 1; SELECT * FROM no"); });
  EXPECT_EQ(error.kind(), ErrorKind::kInternal);
  EXPECT_EQ(error.sqlstate(), "42P01");
}

// The URL may carry a password: no error may repeat it.
TEST(PostgresConnectionUrlTest, ConnectionErrorsNeverShowTheUrl) {
  for (const std::string url : {"postgresql://me:hunter2@[::1/db?%zz",
                                "postgresql://me:hunter2@/db?host=/nonexistent&port=1"}) {
    try {
      PostgresConnection connection(url);
      ADD_FAILURE() << "connected";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("cannot connect to PostgreSQL: "), std::string::npos);
      EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace projectd
