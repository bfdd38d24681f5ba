// What a transaction opened by PostgresConnection::begin() sends and keeps (postgres_connection.h):
// the BEGIN rides with the first statement, a read repeated is answered from memory until the
// transaction writes, a write always runs, prefetch() sends only reads, and a transaction that ran
// nothing commits nothing. Round trips are counted by the connection.
#include "store/postgres/postgres_connection.h"
#include "store/postgres/postgres_test_support.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace projectd {
namespace {

constexpr std::string_view kBeginWrite = "BEGIN ISOLATION LEVEL SERIALIZABLE";

class PostgresKeptAnswersTest : public testing::PostgresTest {
 protected:
  void SetUp() override {
    testing::PostgresTest::SetUp();
    if (IsSkipped()) return;
    connection_->execute_script(
        "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL); "
        "CREATE TABLE entries (body text NOT NULL)");
    // Each statement once, so the counts below are not those of preparing them.
    note(0);
    add_note(0, "zero");
    add_entry();
    connection_->execute_script("DELETE FROM notes; DELETE FROM entries");
  }

  // The body of note `id` as this connection reads it, or "-" when there is none.
  std::string note(std::int64_t id) {
    SqlStatement read = connection_->prepare("SELECT body FROM notes WHERE id = ?1");
    read.bind_all(id);
    return read.step() ? read.text(0) : "-";
  }

  void add_note(std::int64_t id, const std::string& body) {
    connection_->prepare("INSERT INTO notes (id, body) VALUES (?1, ?2)").bind_all(id, body).run();
  }

  void add_entry() {
    connection_->prepare("INSERT INTO entries (body) VALUES (?1)").bind_all("x").run();
  }

  // Rows of `table` as another session sees them (what was committed).
  std::int64_t committed_rows(const std::string& table) {
    auto other = open();
    SqlStatement count = other->prepare("SELECT count(*) FROM " + table);
    EXPECT_TRUE(count.step());
    return count.int64(0);
  }

  // Round trips `fn` costs.
  template <class Fn>
  std::uint64_t trips(Fn&& fn) {
    const std::uint64_t before = connection_->round_trips();
    fn();
    return connection_->round_trips() - before;
  }
};

TEST_F(PostgresKeptAnswersTest, AReadIsKeptUntilTheTransactionWrites) {
  connection_->begin(kBeginWrite);
  EXPECT_EQ(trips([&] { EXPECT_EQ(note(1), "-"); }), 1u);  // with the BEGIN
  EXPECT_TRUE(connection_->in_transaction());
  EXPECT_EQ(trips([&] { EXPECT_EQ(note(1), "-"); }), 0u);
  EXPECT_EQ(trips([&] { add_note(1, "first"); }), 1u);
  // The write made the kept answer stale: the read goes to the server and sees it.
  EXPECT_EQ(trips([&] { EXPECT_EQ(note(1), "first"); }), 1u);
  EXPECT_EQ(trips([&] { EXPECT_EQ(note(1), "first"); }), 0u);
  EXPECT_EQ(trips([&] { connection_->commit_write(""); }), 1u);
  EXPECT_FALSE(connection_->in_transaction());
  EXPECT_EQ(committed_rows("notes"), 1);
  // Outside begin() nothing is kept.
  EXPECT_EQ(trips([&] { EXPECT_EQ(note(1), "first"); }), 1u);
  EXPECT_EQ(trips([&] { EXPECT_EQ(note(1), "first"); }), 1u);
}

TEST_F(PostgresKeptAnswersTest, AWriteRepeatedRunsAgain) {
  connection_->begin(kBeginWrite);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(trips([&] { add_entry(); }), 1u);
    EXPECT_EQ(connection_->changes(), 1);
  }
  connection_->commit_write("");
  EXPECT_EQ(committed_rows("entries"), 2);
}

TEST_F(PostgresKeptAnswersTest, PrefetchSendsTheReadsBeforeTheFirstWriteOnly) {
  connection_->begin(kBeginWrite);
  bool recorded_past_the_write = false;
  EXPECT_EQ(trips([&] {
              EXPECT_TRUE(connection_->prefetch([&] {
                note(1);
                add_note(1, "ahead");  // not sent: recording ends here
                recorded_past_the_write = true;
              }));
            }),
            1u);  // the BEGIN and the read
  EXPECT_FALSE(recorded_past_the_write);
  EXPECT_EQ(trips([&] { EXPECT_EQ(note(1), "-"); }), 0u);
  EXPECT_EQ(trips([&] { add_note(1, "real"); }), 1u);
  EXPECT_EQ(note(1), "real");
  connection_->commit_write("");
  EXPECT_EQ(committed_rows("notes"), 1);
}

TEST_F(PostgresKeptAnswersTest, ATransactionThatRanNothingSendsNothing) {
  connection_->begin(kBeginWrite);
  EXPECT_EQ(trips([&] { connection_->commit_write("INSERT INTO entries (body) VALUES ('x')"); }),
            0u);
  EXPECT_EQ(committed_rows("entries"), 0);
  connection_->begin("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  EXPECT_EQ(trips([&] { connection_->commit_read(); }), 0u);
}

TEST_F(PostgresKeptAnswersTest, AScriptCarriesThePendingBeginAndCommitsWithItsStatements) {
  connection_->begin(kBeginWrite);
  EXPECT_EQ(trips([&] { connection_->execute_script("INSERT INTO entries (body) VALUES ('a')"); }),
            1u);
  EXPECT_TRUE(connection_->in_transaction());  // the script ran inside the BEGIN
  EXPECT_EQ(committed_rows("entries"), 0);
  EXPECT_EQ(trips([&] { connection_->commit_write("INSERT INTO entries (body) VALUES ('b')"); }),
            1u);
  EXPECT_EQ(committed_rows("entries"), 2);
  // One rolled back after its script leaves nothing.
  connection_->begin(kBeginWrite);
  connection_->execute_script("INSERT INTO entries (body) VALUES ('c')");
  connection_->forget();
  connection_->execute("ROLLBACK");
  EXPECT_EQ(committed_rows("entries"), 2);
}

}  // namespace
}  // namespace projectd
