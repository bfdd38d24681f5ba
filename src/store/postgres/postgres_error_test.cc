#include "store/postgres/postgres_connection.h"
#include "store/postgres/postgres_test_support.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace projectd {
namespace {

class PostgresErrorTest : public testing::PostgresTest {
 protected:
  void SetUp() override {
    testing::PostgresTest::SetUp();
    if (IsSkipped()) return;
    connection_->execute_script(
        "CREATE TABLE parent (id bigint PRIMARY KEY); INSERT INTO parent VALUES (1); "
        "CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint REFERENCES parent (id), "
        "n bigint CHECK (n > 0), name text NOT NULL UNIQUE)");
  }

  PostgresError insert_child(std::int64_t parent, std::int64_t n, std::optional<std::string> name) {
    return error_of([&] {
      connection_->prepare("INSERT INTO child VALUES (?1, ?2, ?3, ?4)")
          .bind_all(next_id_++, parent, n, name)
          .run();
    });
  }

  std::int64_t next_id_ = 1;
};

TEST_F(PostgresErrorTest, ConstraintViolationsNameTheirConstraint) {
  connection_->prepare("INSERT INTO child VALUES (?1, ?2, ?3, ?4)")
      .bind_all(100, 1, 1, "secret-name")
      .run();
  struct Case {
    PostgresError error;
    SqlConstraint constraint;
    const char* sqlstate;
  };
  const Case cases[] = {
      {insert_child(1, 1, "secret-name"), SqlConstraint::kUnique, "23505"},
      {insert_child(2, 1, "other"), SqlConstraint::kForeignKey, "23503"},
      {insert_child(1, -1, "other"), SqlConstraint::kCheck, "23514"},
      {insert_child(1, 1, std::nullopt), SqlConstraint::kNotNull, "23502"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.error.constraint(), c.constraint) << c.error.what();
    EXPECT_EQ(c.error.sqlstate(), c.sqlstate);
    EXPECT_EQ(c.error.kind(), ErrorKind::kInternal);
    EXPECT_FALSE(c.error.retryable());
    EXPECT_FALSE(c.error.connection_lost());
    // The server's DETAIL quotes the row; the message must not.
    EXPECT_EQ(std::string(c.error.what()).find("secret"), std::string::npos) << c.error.what();
  }
}

TEST_F(PostgresErrorTest, DataExceptionsDoNotQuoteTheValue) {
  PostgresError error = error_of(
      [&] { connection_->prepare("SELECT ?1::text::bigint").bind_all("secret-value").run(); });
  EXPECT_EQ(error.sqlstate(), "22P02");
  EXPECT_EQ(error.kind(), ErrorKind::kInternal);
  EXPECT_EQ(std::string(error.what()).find("secret"), std::string::npos) << error.what();
}

TEST_F(PostgresErrorTest, AFailedTransactionRefusesStatementsUntilRollback) {
  connection_->execute("BEGIN");
  insert_child(2, 1, "x");
  EXPECT_TRUE(connection_->in_transaction());
  PostgresError error = error_of([&] { connection_->execute("SELECT 1"); });
  EXPECT_EQ(error.sqlstate(), "25P02");
  EXPECT_EQ(error.kind(), ErrorKind::kInternal);
  connection_->execute("ROLLBACK");
  EXPECT_FALSE(connection_->in_transaction());
  EXPECT_EQ(ints(connection_->prepare("SELECT 1")), (std::vector<std::int64_t>{1}));
}

// Write skew: each transaction reads both rows and changes one; SERIALIZABLE lets one commit.
TEST_F(PostgresErrorTest, SerializationFailuresAreRetryable) {
  connection_->execute_script(
      "CREATE TABLE doctor (id bigint, on_call bigint); "
      "INSERT INTO doctor VALUES (1, 1), (2, 1)");
  auto other = open();
  const std::string count = "SELECT count(*) FROM doctor WHERE on_call = 1";
  const std::string leave = "UPDATE doctor SET on_call = 0 WHERE id = ?1";
  connection_->execute("BEGIN ISOLATION LEVEL SERIALIZABLE");
  other->execute("BEGIN ISOLATION LEVEL SERIALIZABLE");
  EXPECT_EQ(ints(connection_->prepare(count)), (std::vector<std::int64_t>{2}));
  EXPECT_EQ(ints(other->prepare(count)), (std::vector<std::int64_t>{2}));
  connection_->prepare(leave).bind_all(1).run();
  other->prepare(leave).bind_all(2).run();
  connection_->execute("COMMIT");
  PostgresError error = error_of([&] { other->execute("COMMIT"); });
  EXPECT_EQ(error.sqlstate(), "40001");
  EXPECT_TRUE(error.retryable());
  EXPECT_FALSE(error.connection_lost());
  EXPECT_EQ(error.kind(), ErrorKind::kServiceUnavailable);
  EXPECT_STREQ(error.what(), "The store is busy; try again");
  EXPECT_FALSE(other->in_transaction());  // a failed COMMIT ends the transaction
}

TEST_F(PostgresErrorTest, ALostConnectionSaysSoAndResetRevivesIt) {
  const std::string pid_sql = "SELECT pg_backend_pid()";
  std::vector<std::int64_t> pid = ints(connection_->prepare(pid_sql));
  ASSERT_EQ(pid.size(), 1u);
  auto other = open();
  // The second argument waits (milliseconds) until the backend is gone.
  SqlStatement terminate = other->prepare("SELECT pg_terminate_backend(?1::integer, 5000)");
  terminate.bind_all(pid[0]);
  EXPECT_EQ(ints(std::move(terminate)), (std::vector<std::int64_t>{1}));

  PostgresError error = error_of([&] { connection_->prepare(pid_sql).step(); });
  EXPECT_TRUE(error.connection_lost()) << error.what();
  EXPECT_EQ(error.kind(), ErrorKind::kServiceUnavailable);
  EXPECT_STREQ(error.what(), "The store is unreachable; try again");
  EXPECT_TRUE(connection_->broken());

  connection_->reset();
  EXPECT_FALSE(connection_->broken());
  EXPECT_EQ(connection_->cached_statements(), 0u);
  use_schema(*connection_);
  std::vector<std::int64_t> new_pid = ints(connection_->prepare(pid_sql));
  ASSERT_EQ(new_pid.size(), 1u);
  EXPECT_NE(new_pid[0], pid[0]);
  EXPECT_EQ(ints(connection_->prepare("SELECT count(*) FROM parent")),
            (std::vector<std::int64_t>{1}));
}

}  // namespace
}  // namespace projectd
