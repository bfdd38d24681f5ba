#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace projectd {
namespace {

using testing::make_user;
using testing::TempDir;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { open(); }

  void open(int readers = 4) {
    store_ =
        SqliteStore::open({.path = dir_.file("projectd.db"), .reader_connections = readers}, true);
  }
  std::int64_t user_count() {
    return store_->read_value([](StoreTx& tx) { return tx.users().count_all(); });
  }
  bool has_user(const std::string& id) {
    return store_->read_value([&](StoreTx& tx) { return tx.users().by_id(id).has_value(); });
  }
  // Waits until n writes are queued behind the group the leader is running.
  void wait_for_queue(std::size_t n) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (store_->queued_writes() < n) {
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "writes never queued";
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

ErrorKind kind_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const ApiError& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no ApiError thrown";
  return ErrorKind::kBadRequest;
}

TEST_F(SqliteStoreTest, WritesAreVisibleToLaterReadsAndSurviveReopening) {
  store_->write([](StoreTx& tx) { tx.users().insert(make_user("ann")); });
  EXPECT_TRUE(has_user("id-ann"));
  EXPECT_EQ(store_->writes(), 1u);
  EXPECT_EQ(store_->commits(), 1u);
  store_->close();
  open();
  EXPECT_TRUE(has_user("id-ann"));
}

TEST_F(SqliteStoreTest, AWriteThatThrowsChangesNothingAndRethrowsItsOwnException) {
  EXPECT_THROW(store_->write([](StoreTx& tx) {
    tx.users().insert(make_user("ann"));
    throw std::out_of_range("the caller's own error");
  }),
               std::out_of_range);
  EXPECT_FALSE(has_user("id-ann"));
  EXPECT_EQ(store_->writes(), 0u);
}

TEST_F(SqliteStoreTest, AWriteReadsItsOwnChanges) {
  bool seen = store_->write_value([](StoreTx& tx) {
    tx.users().insert(make_user("ann"));
    return tx.users().by_login("ANN@example.com").has_value();
  });
  EXPECT_TRUE(seen);
}

TEST_F(SqliteStoreTest, AReadThatWritesIsADefect) {
  EXPECT_EQ(
      kind_of([&] { store_->read([](StoreTx& tx) { tx.users().insert(make_user("ann")); }); }),
      ErrorKind::kInternal);
  EXPECT_FALSE(has_user("id-ann"));
}

TEST_F(SqliteStoreTest, NestingThatWouldDeadlockIsRefused) {
  EXPECT_EQ(kind_of([&] { store_->write([&](StoreTx&) { store_->write([](StoreTx&) {}); }); }),
            ErrorKind::kInternal);
  EXPECT_EQ(kind_of([&] { store_->read([&](StoreTx&) { store_->read([](StoreTx&) {}); }); }),
            ErrorKind::kInternal);
  EXPECT_EQ(kind_of([&] { store_->read([&](StoreTx&) { store_->close(); }); }),
            ErrorKind::kInternal);
  EXPECT_EQ(kind_of([&] { store_->write([&](StoreTx&) { store_->read([](StoreTx&) {}); }); }),
            ErrorKind::kInternal);
  EXPECT_EQ(kind_of([&] { store_->write([&](StoreTx&) { store_->close(); }); }),
            ErrorKind::kInternal);
  // A write inside a read waits for the writer only, which never waits for readers.
  store_->read(
      [&](StoreTx&) { store_->write([](StoreTx& tx) { tx.users().insert(make_user("ann")); }); });
  EXPECT_TRUE(has_user("id-ann"));
}

TEST_F(SqliteStoreTest, ConcurrentWritesShareCommits) {
  constexpr int kThreads = 16;
  constexpr int kWritesEach = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        store_->write([&](StoreTx& tx) {
          tx.users().insert(make_user(std::to_string(t) + "-" + std::to_string(i)));
        });
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(user_count(), kThreads * kWritesEach);
  EXPECT_EQ(store_->writes(), std::uint64_t{kThreads * kWritesEach});
  EXPECT_LT(store_->commits(), store_->writes());
}

// Group commit is led by a caller (sqlite_store.h): a write with none in progress runs on its own
// thread, with no hand-off to another; one queued behind a group is handed the lead once that
// group is answered and runs on its own thread too.
TEST_F(SqliteStoreTest, ALoneWriteRunsOnItsCallersThread) {
  std::thread::id ran_on;
  store_->write([&](StoreTx&) { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());

  std::promise<void> started;
  std::promise<void> release;
  std::thread::id blocker_thread;
  std::thread::id queued_ran_on;
  auto blocker = std::async(std::launch::async, [&] {
    blocker_thread = std::this_thread::get_id();
    store_->write([&](StoreTx&) {
      started.set_value();
      release.get_future().wait();
    });
  });
  started.get_future().wait();
  std::thread::id queued_thread;
  auto queued = std::async(std::launch::async, [&] {
    queued_thread = std::this_thread::get_id();
    store_->write([&](StoreTx&) { queued_ran_on = std::this_thread::get_id(); });
  });
  wait_for_queue(1);
  release.set_value();
  blocker.get();
  queued.get();
  EXPECT_EQ(queued_ran_on, queued_thread);
  EXPECT_NE(queued_ran_on, blocker_thread);
}

TEST_F(SqliteStoreTest, AFailingWriteIsRolledBackAloneWhileItsGroupCommits) {
  std::promise<void> started;
  std::promise<void> release;
  auto blocker = std::async(std::launch::async, [&] {
    store_->write([&](StoreTx&) {
      started.set_value();
      release.get_future().wait();
    });
  });
  started.get_future().wait();  // the writer is busy: what follows queues up as one group
  auto good1 = std::async(std::launch::async, [&] {
    store_->write([](StoreTx& tx) { tx.users().insert(make_user("good1")); });
  });
  wait_for_queue(1);
  auto bad = std::async(std::launch::async, [&] {
    store_->write([](StoreTx& tx) {
      tx.users().insert(make_user("bad"));
      throw std::runtime_error("bad write");
    });
  });
  wait_for_queue(2);
  auto good2 = std::async(std::launch::async, [&] {
    store_->write([](StoreTx& tx) { tx.users().insert(make_user("good2")); });
  });
  wait_for_queue(3);
  std::uint64_t commits_before = store_->commits();
  release.set_value();
  blocker.get();
  good1.get();
  EXPECT_THROW(bad.get(), std::runtime_error);
  good2.get();
  EXPECT_TRUE(has_user("id-good1"));
  EXPECT_TRUE(has_user("id-good2"));
  EXPECT_FALSE(has_user("id-bad"));
  EXPECT_EQ(store_->commits() - commits_before, 2u);  // the blocker's group, then one for the three
  EXPECT_EQ(store_->writes(), 3u);
}

TEST_F(SqliteStoreTest, ReadsDoNotWaitForAWriteInProgress) {
  std::promise<void> inserted;
  std::promise<void> release;
  auto writer = std::async(std::launch::async, [&] {
    store_->write([&](StoreTx& tx) {
      tx.users().insert(make_user("ann"));
      inserted.set_value();
      release.get_future().wait();
    });
  });
  inserted.get_future().wait();
  EXPECT_FALSE(has_user("id-ann"));
  release.set_value();
  writer.get();
  EXPECT_TRUE(has_user("id-ann"));
}

TEST_F(SqliteStoreTest, AReadNeverSeesHalfOfAWrite) {
  UserRecord a = make_user("a");
  UserRecord b = make_user("b");
  store_->write([&](StoreTx& tx) {
    tx.users().insert(a);
    tx.users().insert(b);
  });
  std::atomic<bool> done{false};
  std::atomic<int> torn{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&] {
      while (!done.load()) {
        store_->read([&](StoreTx& tx) {
          std::string first = tx.users().by_id(a.id)->title;
          std::this_thread::yield();
          if (tx.users().by_id(b.id)->title != first) ++torn;
        });
        ++reads;
      }
    });
  }
  for (int i = 0; i < 200; ++i) {
    store_->write([&](StoreTx& tx) {
      a.title = b.title = std::to_string(i);
      tx.users().update(a);
      tx.users().update(b);
    });
  }
  done = true;
  for (auto& reader : readers)
    reader.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_GT(reads.load(), 0);
}

TEST_F(SqliteStoreTest, ReadsWaitForAFreeConnection) {
  open(1);
  store_->write([](StoreTx& tx) { tx.users().insert(make_user("ann")); });
  std::atomic<int> found{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i)
        found += has_user("id-ann") ? 1 : 0;
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(found.load(), 200);
}

TEST_F(SqliteStoreTest, CloseFinishesQueuedWritesThenRefusesEverything) {
  std::atomic<int> succeeded{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        try {
          store_->write([&](StoreTx& tx) {
            tx.users().insert(make_user(std::to_string(t) + "-" + std::to_string(i)));
          });
          ++succeeded;
        } catch (const ApiError& e) {
          EXPECT_EQ(e.kind(), ErrorKind::kServiceUnavailable);
          ++refused;
          return;
        }
      }
    });
  }
  while (succeeded.load() < 20)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  store_->close();
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(kind_of([&] { store_->write([](StoreTx&) {}); }), ErrorKind::kServiceUnavailable);
  EXPECT_EQ(kind_of([&] { store_->read([](StoreTx&) {}); }), ErrorKind::kServiceUnavailable);
  store_->close();  // a second close is harmless

  open();
  EXPECT_EQ(user_count(), succeeded.load());  // every acknowledged write is there, no other
}

// /readyz's probe (domain/portal/operations_status.h): reads, writes nothing, and sees a schema
// another binary moved ahead.
TEST_F(SqliteStoreTest, HealthProbesWithoutWritingAndSeesASchemaAhead) {
  const std::uint64_t generation = store_->generation();
  const StoreHealth healthy = store_->health();
  EXPECT_TRUE(healthy.reachable);
  EXPECT_TRUE(healthy.writable);
  EXPECT_TRUE(healthy.schema_current);
  EXPECT_EQ(store_->generation(), generation);  // no write committed

  {
    SqliteConnection newer(dir_.file("projectd.db"), {});
    newer.execute(
        "INSERT INTO schema_migrations (number, name, applied) VALUES (9999, 'from_the_future', "
        "0)");
  }
  EXPECT_FALSE(store_->health().schema_current);
  store_->close();
  EXPECT_FALSE(store_->health().reachable);
}

}  // namespace
}  // namespace projectd
