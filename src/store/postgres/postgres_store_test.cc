#include "store/postgres/postgres_store.h"

#include "store/postgres/postgres_migrations.h"
#include "store/postgres/postgres_test_support.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace projectd::testing {
namespace {

using ::testing::HasSubstr;

class PostgresStoreTest : public PostgresTest {
 protected:
  std::unique_ptr<PostgresStore> open_store(int connections = 4, bool migrate = true) {
    return PostgresStore::open({.url = schema_url(), .connections = connections}, migrate);
  }

  static std::int64_t user_count(Store& store) {
    return store.read_value([](StoreTx& tx) { return tx.users().count_all(); });
  }
};

TEST_F(PostgresStoreTest, WritesCommitAndReadsSeeThem) {
  auto store = open_store();
  store->write([](StoreTx& tx) { tx.users().insert(make_user("ann")); });
  auto ann = store->read_value([](StoreTx& tx) { return tx.users().by_login("ANN@example.com"); });
  ASSERT_TRUE(ann.has_value());
  EXPECT_EQ(ann->id, "id-ann");
  EXPECT_EQ(user_count(*store), 1);
}

TEST_F(PostgresStoreTest, AWriteThatThrowsChangesNothing) {
  auto store = open_store();
  EXPECT_THROW(store->write([](StoreTx& tx) {
    tx.users().insert(make_user("ann"));
    throw_bad_request("no");
  }),
               ApiError);
  EXPECT_EQ(user_count(*store), 0);
  // The connection it ran on is clean again: a taken email is a 409, and the store goes on.
  store->write([](StoreTx& tx) { tx.users().insert(make_user("ann")); });
  try {
    store->write([](StoreTx& tx) { tx.users().insert(make_user("ann")); });
    ADD_FAILURE() << "a second ann was inserted";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
  }
  EXPECT_EQ(user_count(*store), 1);
}

TEST_F(PostgresStoreTest, MigratesOnceAndRefusesASchemaThatIsBehind) {
  try {
    open_store(4, false);
    ADD_FAILURE() << "an empty schema was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("projectd migrate"));
  }
  // Nodes starting together all migrate; the advisory lock lets one apply each migration.
  std::vector<std::thread> nodes;
  std::atomic<int> applied{0};
  for (int i = 0; i < 3; ++i) {
    nodes.emplace_back([&] { applied += PostgresStore::migrate({.url = schema_url()}); });
  }
  for (auto& node : nodes)
    node.join();
  EXPECT_EQ(applied.load(), static_cast<int>(postgres_migrations().size()));
  EXPECT_EQ(PostgresStore::migrate({.url = schema_url()}), 0);
  EXPECT_NO_THROW(open_store(4, false));
}

// Each write reads the number of users and inserts the next one: under SERIALIZABLE two of them
// cannot both commit on the same count, so the losers run again and every count is distinct.
TEST_F(PostgresStoreTest, WritesThatCollideRunAgainUntilEachCommits) {
  auto store = open_store(8);
  constexpr int kWriters = 8;
  // Each writer reads the count and inserts a person named after it and after itself (so no
  // unique key collides: a taken email is the client's 409, not a retry). Serializable writes see
  // every count once: two that read the same count are a write skew, and one of them runs again.
  std::vector<std::int64_t> seen(kWriters, -1);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      store->write([&](StoreTx& tx) {
        seen[i] = tx.users().count_all();
        tx.users().insert(make_user("u" + std::to_string(seen[i]) + "-w" + std::to_string(i)));
      });
    });
  }
  for (auto& writer : writers)
    writer.join();
  EXPECT_EQ(user_count(*store), kWriters);
  std::sort(seen.begin(), seen.end());
  for (int i = 0; i < kWriters; ++i)
    EXPECT_EQ(seen[i], i);
  EXPECT_GT(store->retries(), 0u);
}

TEST_F(PostgresStoreTest, ALostConnectionBeforeCommitRunsTheTransactionAgain) {
  auto store = open_store(1);
  auto admin = open();
  int runs = 0;
  store->write([&](StoreTx& tx) {
    ++runs;
    tx.users().insert(make_user("ann"));
    if (runs == 1) {
      // The store's one connection is the only other session on this schema's URL.
      admin->execute_script(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
          "AND query LIKE 'INSERT INTO users%'");
      tx.users().count_all();  // fails: the session is gone
    }
  });
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(store->retries(), 1u);
  EXPECT_EQ(user_count(*store), 1);
}

TEST_F(PostgresStoreTest, NestingAndUseAfterCloseAreRefused) {
  auto store = open_store();
  try {
    store->write([&](StoreTx&) { store->read([](StoreTx&) {}); });
    ADD_FAILURE() << "a read inside a write ran";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInternal);
  }
  store->close();
  try {
    store->read([](StoreTx&) {});
    ADD_FAILURE() << "a read after close ran";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kServiceUnavailable);
  }
}

}  // namespace
}  // namespace projectd::testing
