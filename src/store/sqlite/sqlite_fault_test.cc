// Disk failures, injected by a VFS that wraps SQLite's default one and fails sync or write calls on
// demand. The store under test is the real one; only the file system lies.
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"
#include "store/sqlite/sqlite_vfs_test_support.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

namespace projectd {
namespace {

using testing::make_user;
using testing::TempDir;

constexpr const char* kFaultVfs = "projectd-fault";

// The SQLite code the next xSync / xWrite returns instead of doing its work; 0: no fault.
std::atomic<int> g_sync_fault{0};
std::atomic<int> g_write_fault{0};

int fault_write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
  if (int fault = g_write_fault.load()) return fault;
  return testing::pass_through::write(f, buffer, amount, offset);
}
int fault_sync(sqlite3_file* f, int flags) {
  if (int fault = g_sync_fault.load()) return fault;
  return testing::pass_through::sync(f, flags);
}

const sqlite3_io_methods kFaultMethods = [] {
  sqlite3_io_methods methods = testing::pass_through_methods();
  methods.xWrite = fault_write;
  methods.xSync = fault_sync;
  return methods;
}();

int fault_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  return testing::open_wrapped(name, file, flags, out_flags, &kFaultMethods);
}

void register_fault_vfs() {
  static sqlite3_vfs vfs = [] {
    sqlite3_vfs copy = testing::wrapping_vfs(kFaultVfs);
    copy.xOpen = fault_open;
    return copy;
  }();
  static const int registered = sqlite3_vfs_register(&vfs, 0);
  ASSERT_EQ(registered, SQLITE_OK);
}

class SqliteFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    register_fault_vfs();
    store_ = SqliteStore::open({.path = dir_.file("projectd.db"), .vfs = kFaultVfs}, true);
    store_->write([](StoreTx& tx) { tx.users().insert(make_user("before")); });
  }
  void TearDown() override {
    g_sync_fault = 0;
    g_write_fault = 0;
  }
  bool has_user(const std::string& id) {
    return store_->read_value([&](StoreTx& tx) { return tx.users().by_id(id).has_value(); });
  }
  ApiError write_error(const std::string& key) {
    try {
      store_->write([&](StoreTx& tx) { tx.users().insert(make_user(key)); });
    } catch (const ApiError& e) {
      return e;
    }
    ADD_FAILURE() << "write " << key << " succeeded";
    return ApiError(ErrorKind::kBadRequest, "");
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteFaultTest, AFailedFsyncFailsTheWholeGroupThenStopsWritesButNotReads) {
  const StoreHealth healthy = store_->health();
  EXPECT_TRUE(healthy.reachable && healthy.writable && healthy.schema_current);
  // A blocker holds the writer while three writes queue into one group; the last of them arms the
  // fault, so the group's COMMIT is the first sync to fail.
  std::promise<void> started;
  std::promise<void> release;
  auto blocker = std::async(std::launch::async, [&] {
    store_->write([&](StoreTx&) {
      started.set_value();
      release.get_future().wait();
    });
  });
  started.get_future().wait();
  std::vector<std::future<ApiError>> group;
  for (int i = 0; i < 3; ++i) {
    group.push_back(std::async(std::launch::async, [&, i] {
      try {
        store_->write([&, i](StoreTx& tx) {
          tx.users().insert(make_user("group" + std::to_string(i)));
          if (i == 2) g_sync_fault = SQLITE_IOERR_FSYNC;
        });
      } catch (const ApiError& e) {
        return e;
      }
      return ApiError(ErrorKind::kBadRequest, "committed");
    }));
    while (store_->queued_writes() < static_cast<std::size_t>(i + 1))
      std::this_thread::yield();
  }
  release.set_value();
  blocker.get();
  for (auto& result : group) {
    ApiError error = result.get();
    EXPECT_EQ(error.kind(), ErrorKind::kServiceUnavailable);
    EXPECT_STREQ(error.what(), "The store could not commit; try again");
  }
  EXPECT_TRUE(store_->fail_stopped());
  // /readyz's probe reports the fail stop: readable, current, not writable.
  const StoreHealth stopped = store_->health();
  EXPECT_TRUE(stopped.reachable);
  EXPECT_FALSE(stopped.writable);
  EXPECT_TRUE(stopped.schema_current);

  // Even with a healthy disk again, nothing more is acknowledged until a restart.
  g_sync_fault = 0;
  ApiError later = write_error("after");
  EXPECT_EQ(later.kind(), ErrorKind::kServiceUnavailable);
  EXPECT_STREQ(later.what(),
               "The store stopped accepting writes after a disk error; restart projectd");
  EXPECT_TRUE(has_user("id-before"));
  EXPECT_FALSE(has_user("id-group0"));

  store_->close();
  store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, false);
  store_->write([](StoreTx& tx) { tx.users().insert(make_user("restarted")); });
  EXPECT_TRUE(has_user("id-restarted"));
  EXPECT_TRUE(store_->health().writable);
}

TEST_F(SqliteFaultTest, AFullDiskFailsTheWriteWith507AndRecoversWhenSpaceReturns) {
  g_write_fault = SQLITE_FULL;
  ApiError error = write_error("full");
  EXPECT_EQ(error.kind(), ErrorKind::kInsufficientStorage);
  EXPECT_STREQ(error.what(), "The disk is full");
  EXPECT_FALSE(store_->fail_stopped());
  EXPECT_TRUE(store_->health().writable);  // a full disk is not fail stop
  EXPECT_TRUE(has_user("id-before"));

  g_write_fault = 0;
  store_->write([](StoreTx& tx) { tx.users().insert(make_user("freed")); });
  EXPECT_TRUE(has_user("id-freed"));
  EXPECT_FALSE(has_user("id-full"));
}

}  // namespace
}  // namespace projectd
