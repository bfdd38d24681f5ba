// The PostgreSQL store's change clock across nodes (postgres_change_feed.h): two stores on one
// schema stand for two nodes. A node judges cached values by what every node committed up to its
// last catch_up(), scope by scope, whatever order the writes' transaction ids were taken in.
#include "store/postgres/postgres_change_feed.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres/postgres_test_support.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <thread>

namespace projectd::testing {
namespace {

const ScopeDependencies kTask4 = std::vector<ChangeScope>{ChangeScope::task(4)};
const ScopeDependencies kTask5InProject2 =
    std::vector<ChangeScope>{ChangeScope::task(5), ChangeScope::project(2)};
const ScopeDependencies kEverything = std::nullopt;

class PostgresChangeFeedTest : public PostgresTest {
 protected:
  void SetUp() override {
    PostgresTest::SetUp();
    if (IsSkipped()) return;
    a_ = PostgresStore::open({.url = schema_url(), .connections = 4}, true);
    b_ = PostgresStore::open({.url = schema_url(), .connections = 2}, false);
    b_->catch_up();
  }
  void TearDown() override {
    a_.reset();
    b_.reset();
    PostgresTest::TearDown();
  }

  // A write on node a that adds a person and names `scopes` (nullopt: a broad write).
  void write_on_a(const std::string& who, const ScopeDependencies& scopes) {
    a_->write([&](StoreTx& tx) {
      // changes_only takes a list; name the scopes one at a time (each call adds to the list).
      if (scopes) {
        tx.changes_only({});
        for (const ChangeScope scope : *scopes)
          tx.changes_only({scope});
      }
      tx.users().insert(make_user(who));
    });
  }

  std::unique_ptr<PostgresStore> a_, b_;
};

TEST_F(PostgresChangeFeedTest, ANodeSeesAnotherNodesWriteByItsScopesOnceItCatchesUp) {
  EXPECT_TRUE(b_->caches_need_catch_up());
  const std::uint64_t stamp = b_->generation();
  write_on_a("ann", kTask4);
  // Node a knows at once; b only once it asks.
  EXPECT_FALSE(a_->unchanged_since(a_->generation() - 1, kTask4));
  EXPECT_TRUE(b_->unchanged_since(stamp, kTask4));
  b_->catch_up();
  EXPECT_FALSE(b_->unchanged_since(stamp, kTask4));
  EXPECT_FALSE(b_->unchanged_since(stamp, kEverything));
  EXPECT_TRUE(b_->unchanged_since(stamp, kTask5InProject2));
  // Nothing more committed: catching up again changes nothing.
  const std::uint64_t after = b_->generation();
  b_->catch_up();
  EXPECT_EQ(b_->generation(), after);
  EXPECT_TRUE(b_->unchanged_since(after, kEverything));
}

TEST_F(PostgresChangeFeedTest, ABroadWriteEndsEveryValueAndAWriteNamingNothingNone) {
  std::uint64_t stamp = b_->generation();
  write_on_a("ann", std::vector<ChangeScope>{});
  b_->catch_up();
  EXPECT_TRUE(b_->unchanged_since(stamp, kEverything));

  stamp = b_->generation();
  write_on_a("bob", kEverything);
  b_->catch_up();
  EXPECT_FALSE(b_->unchanged_since(stamp, kTask4));
  EXPECT_FALSE(b_->unchanged_since(stamp, std::vector<ChangeScope>{}));
}

TEST_F(PostgresChangeFeedTest, AWriteThatRollsBackLeavesNoTrace) {
  const std::uint64_t stamp = b_->generation();
  EXPECT_THROW(a_->write([](StoreTx& tx) {
    tx.changes_only({ChangeScope::task(4)});
    tx.users().insert(make_user("ann"));
    throw_bad_request("no");
  }),
               ApiError);
  b_->catch_up();
  EXPECT_TRUE(b_->unchanged_since(stamp, kEverything));
}

// A write that took its transaction id first but commits after another write and after a
// catch-up is still seen by the next catch-up: the catch-ups follow snapshots, not id order.
TEST_F(PostgresChangeFeedTest, AWriteThatCommitsLateIsSeenWhateverItsTransactionId) {
  std::latch inserted(1), release(1);
  std::atomic<bool> first_run{true};  // a retried write runs fn again
  auto slow = std::async(std::launch::async, [&] {
    a_->write([&](StoreTx& tx) {
      tx.changes_only({ChangeScope::task(4)});
      tx.users().insert(make_user("ann"));  // takes the transaction id now
      if (first_run.exchange(false)) inserted.count_down();
      release.wait();
    });
  });
  inserted.wait();
  write_on_a("bob", std::vector<ChangeScope>{ChangeScope::task(9)});
  const std::uint64_t stamp = b_->generation();
  b_->catch_up();
  EXPECT_FALSE(b_->unchanged_since(stamp, std::vector<ChangeScope>{ChangeScope::task(9)}));
  const std::uint64_t before_slow_commit = b_->generation();
  EXPECT_TRUE(b_->unchanged_since(before_slow_commit, kTask4));
  release.count_down();
  slow.get();
  b_->catch_up();
  EXPECT_FALSE(b_->unchanged_since(before_slow_commit, kTask4));
}

// Many threads catching up at once share round trips, and each still sees every write committed
// before its call.
TEST_F(PostgresChangeFeedTest, ConcurrentCatchUpsEachSeeWhatCommittedBeforeThem) {
  constexpr int kThreads = 8;
  std::vector<std::future<bool>> seen;
  for (int i = 0; i < kThreads; ++i) {
    seen.push_back(std::async(std::launch::async, [&, i] {
      const ScopeDependencies mine = std::vector<ChangeScope>{ChangeScope::task(100 + i)};
      const std::uint64_t stamp = b_->generation();
      write_on_a("user" + std::to_string(i), mine);
      b_->catch_up();
      return !b_->unchanged_since(stamp, mine);
    }));
  }
  for (auto& each : seen)
    EXPECT_TRUE(each.get());
}

TEST(PostgresChangeFeedStatementTest, RecordsEachScopeOnceAndNothingForAWriteNamingNothing) {
  EXPECT_EQ(PostgresChangeFeed::log_statement(std::vector<ChangeScope>{}), "");
  EXPECT_EQ(PostgresChangeFeed::log_statement(std::nullopt),
            "INSERT INTO change_log (xid, scope) VALUES (pg_current_xact_id(), 0)");
  const std::string two = PostgresChangeFeed::log_statement(std::vector<ChangeScope>{
      ChangeScope::task(4), ChangeScope::project(2), ChangeScope::task(4)});
  EXPECT_EQ(two, "INSERT INTO change_log (xid, scope) VALUES (pg_current_xact_id(), " +
                     std::to_string(ChangeScope::task(4).key()) + "), (pg_current_xact_id(), " +
                     std::to_string(ChangeScope::project(2).key()) + ")");
}

}  // namespace
}  // namespace projectd::testing
