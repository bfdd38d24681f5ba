// The change clock behind Store::unchanged_since (docs/architecture.md, "Caches and change
// scopes"): a value that lists its scopes goes stale only with a broad write or one naming them,
// a value without a list with any write; and every process on one database file sees the others'
// commits. Then the same through SqliteStore's group commit.
#include "store/shared_change_clock.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstring>

#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace projectd {
namespace {

using testing::make_user;
using testing::TempDir;

const ScopeDependencies kTask4 = std::vector<ChangeScope>{ChangeScope::task(4)};
const ScopeDependencies kTask4InProject2 =
    std::vector<ChangeScope>{ChangeScope::task(4), ChangeScope::project(2)};
const ScopeDependencies kNothingNamed = std::vector<ChangeScope>{};

TEST(SharedChangeClockTest, AWriteNamingScopesLeavesOtherValuesCurrent) {
  TempDir dir;
  SharedChangeClock clock(dir.file("db-generation"));
  const std::uint64_t stamp = clock.now();
  clock.committed(std::vector<ChangeScope>{ChangeScope::task(5)});
  EXPECT_EQ(clock.now(), stamp + 1);
  EXPECT_TRUE(clock.unchanged_since(stamp, kTask4InProject2));
  EXPECT_TRUE(clock.unchanged_since(stamp, kNothingNamed));
  EXPECT_FALSE(clock.unchanged_since(stamp, std::vector<ChangeScope>{ChangeScope::task(5)}));
  EXPECT_FALSE(clock.unchanged_since(stamp, std::nullopt));  // depends on everything

  clock.committed(std::vector<ChangeScope>{ChangeScope::project(2)});
  EXPECT_FALSE(clock.unchanged_since(stamp, kTask4InProject2));
  EXPECT_TRUE(clock.unchanged_since(stamp, kTask4));
  // A task's scope and a project's with the same id are different scopes.
  EXPECT_TRUE(clock.unchanged_since(stamp, std::vector<ChangeScope>{ChangeScope::task(2)}));
}

TEST(SharedChangeClockTest, ABroadWriteMakesEveryValueStaleButNotLaterOnes) {
  TempDir dir;
  SharedChangeClock clock(dir.file("db-generation"));
  const std::uint64_t before = clock.now();
  clock.committed(std::nullopt);
  for (const ScopeDependencies& value :
       {kTask4, kTask4InProject2, kNothingNamed, ScopeDependencies{}})
    EXPECT_FALSE(clock.unchanged_since(before, value));
  const std::uint64_t after = clock.now();
  for (const ScopeDependencies& value :
       {kTask4, kTask4InProject2, kNothingNamed, ScopeDependencies{}})
    EXPECT_TRUE(clock.unchanged_since(after, value));
}

TEST(SharedChangeClockTest, AWriteNamingNothingEndsOnlyValuesThatDependOnEverything) {
  TempDir dir;
  SharedChangeClock clock(dir.file("db-generation"));
  const std::uint64_t stamp = clock.now();
  clock.committed(kNothingNamed);
  EXPECT_TRUE(clock.unchanged_since(stamp, kTask4InProject2));
  EXPECT_TRUE(clock.unchanged_since(stamp, kNothingNamed));
  EXPECT_FALSE(clock.unchanged_since(stamp, std::nullopt));
}

TEST(SharedChangeClockTest, ProcessesOnOneFileSeeEachOthersCommits) {
  TempDir dir;
  SharedChangeClock server(dir.file("db-generation"));
  SharedChangeClock command(dir.file("db-generation"));  // e.g. `projectd user disable`
  ASSERT_TRUE(server.shared());
  const std::uint64_t stamp = server.now();
  command.committed(std::vector<ChangeScope>{ChangeScope::task(4)});
  EXPECT_FALSE(server.unchanged_since(stamp, kTask4));
  EXPECT_TRUE(server.unchanged_since(stamp, std::vector<ChangeScope>{ChangeScope::task(9)}));
  command.committed(std::nullopt);
  EXPECT_FALSE(server.unchanged_since(stamp, kNothingNamed));
}

// An older projectd kept only the count, in a 4 KiB file: the clock grows it and counts on.
TEST(SharedChangeClockTest, AnOlderCounterFileGrowsAndKeepsItsCount) {
  TempDir dir;
  const std::string path = dir.file("db-generation");
  {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT, 0600);
    ASSERT_GE(fd, 0);
    std::vector<char> page(4096, 0);
    const std::uint64_t count = 41;
    std::memcpy(page.data(), &count, sizeof count);
    ASSERT_EQ(::write(fd, page.data(), page.size()), 4096);
    ::close(fd);
  }
  SharedChangeClock clock(path);
  EXPECT_EQ(clock.now(), 41u);
  EXPECT_TRUE(clock.unchanged_since(41, kTask4));
  clock.committed(kTask4);
  EXPECT_EQ(clock.now(), 42u);
  EXPECT_FALSE(clock.unchanged_since(41, kTask4));
}

class SqliteChangeScopesTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, true); }
  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteChangeScopesTest, ACommitCarriesWhatItsWriteNamed) {
  std::uint64_t stamp = store_->generation();
  store_->write([](StoreTx& tx) {
    tx.changes_only({ChangeScope::task(7)});
    tx.users().insert(make_user("ann"));
  });
  EXPECT_NE(store_->generation(), stamp);
  EXPECT_TRUE(store_->unchanged_since(stamp, kTask4InProject2));
  EXPECT_FALSE(store_->unchanged_since(stamp, std::vector<ChangeScope>{ChangeScope::task(7)}));

  stamp = store_->generation();
  store_->write([](StoreTx& tx) { tx.users().insert(make_user("bob")); });  // names nothing: broad
  EXPECT_FALSE(store_->unchanged_since(stamp, kTask4InProject2));
  EXPECT_FALSE(store_->unchanged_since(stamp, kNothingNamed));
}

// A write that threw changed nothing, so its scopes do not count; a read's are ignored.
TEST_F(SqliteChangeScopesTest, AFailedWriteAndAReadEndNothing) {
  const std::uint64_t stamp = store_->generation();
  EXPECT_THROW(store_->write([](StoreTx& tx) {
    tx.changes_only({ChangeScope::task(4)});
    throw std::runtime_error("refused");
  }),
               std::runtime_error);
  store_->read([](StoreTx& tx) { tx.changes_only({ChangeScope::task(4)}); });
  EXPECT_TRUE(store_->unchanged_since(stamp, kTask4));
  EXPECT_TRUE(store_->unchanged_since(stamp, std::nullopt));
}

// Writes that share one commit: the commit names what each of them named.
TEST_F(SqliteChangeScopesTest, ACommitOfSeveralWritesNamesEachOnesScopes) {
  std::promise<void> entered, release;
  std::shared_future<void> released = release.get_future().share();
  // The first write holds the writer, so the next two queue and commit together.
  std::thread holder([&] {
    store_->write([&](StoreTx& tx) {
      tx.changes_only({ChangeScope::task(1)});
      entered.set_value();
      released.wait();
    });
  });
  entered.get_future().wait();
  const std::uint64_t stamp = store_->generation();
  auto named_write = [&](std::int64_t task, const char* user) {
    return std::thread([this, task, user] {
      store_->write([&](StoreTx& tx) {
        tx.changes_only({ChangeScope::task(task)});
        tx.users().insert(make_user(user));
      });
    });
  };
  std::thread second = named_write(2, "ann");
  std::thread third = named_write(3, "bob");
  while (store_->queued_writes() < 2)
    std::this_thread::yield();
  release.set_value();
  holder.join();
  second.join();
  third.join();
  EXPECT_EQ(store_->commits(), 2u);  // the holder's, then one for both
  for (std::int64_t task : {1, 2, 3})
    EXPECT_FALSE(store_->unchanged_since(stamp, std::vector<ChangeScope>{ChangeScope::task(task)}))
        << task;
  EXPECT_TRUE(store_->unchanged_since(stamp, kTask4InProject2));
}

}  // namespace
}  // namespace projectd
