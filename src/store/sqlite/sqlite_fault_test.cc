// Disk failures, injected by a VFS that wraps SQLite's default one and fails sync or write calls on
// demand. The store under test is the real one; only the file system lies.
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

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

struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;  // SQLite's own file object, stored right after this struct
};

sqlite3_vfs* g_real_vfs = nullptr;

sqlite3_file* real(sqlite3_file* file) {
  return reinterpret_cast<FaultFile*>(file)->real;
}
const sqlite3_io_methods& methods(sqlite3_file* file) {
  return *real(file)->pMethods;
}

int fault_close(sqlite3_file* f) {
  return methods(f).xClose(real(f));
}
int fault_read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  return methods(f).xRead(real(f), buffer, amount, offset);
}
int fault_write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
  if (int fault = g_write_fault.load()) return fault;
  return methods(f).xWrite(real(f), buffer, amount, offset);
}
int fault_truncate(sqlite3_file* f, sqlite3_int64 size) {
  return methods(f).xTruncate(real(f), size);
}
int fault_sync(sqlite3_file* f, int flags) {
  if (int fault = g_sync_fault.load()) return fault;
  return methods(f).xSync(real(f), flags);
}
int fault_file_size(sqlite3_file* f, sqlite3_int64* size) {
  return methods(f).xFileSize(real(f), size);
}
int fault_lock(sqlite3_file* f, int level) {
  return methods(f).xLock(real(f), level);
}
int fault_unlock(sqlite3_file* f, int level) {
  return methods(f).xUnlock(real(f), level);
}
int fault_check_reserved_lock(sqlite3_file* f, int* out) {
  return methods(f).xCheckReservedLock(real(f), out);
}
int fault_file_control(sqlite3_file* f, int op, void* arg) {
  return methods(f).xFileControl(real(f), op, arg);
}
int fault_sector_size(sqlite3_file* f) {
  return methods(f).xSectorSize(real(f));
}
int fault_device_characteristics(sqlite3_file* f) {
  return methods(f).xDeviceCharacteristics(real(f));
}
int fault_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return methods(f).xShmMap(real(f), page, size, extend, out);
}
int fault_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return methods(f).xShmLock(real(f), offset, n, flags);
}
void fault_shm_barrier(sqlite3_file* f) {
  methods(f).xShmBarrier(real(f));
}
int fault_shm_unmap(sqlite3_file* f, int delete_flag) {
  return methods(f).xShmUnmap(real(f), delete_flag);
}
int fault_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  return methods(f).xFetch(real(f), offset, amount, out);
}
int fault_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
  return methods(f).xUnfetch(real(f), offset, page);
}

const sqlite3_io_methods kFaultMethods = {
    3,
    fault_close,
    fault_read,
    fault_write,
    fault_truncate,
    fault_sync,
    fault_file_size,
    fault_lock,
    fault_unlock,
    fault_check_reserved_lock,
    fault_file_control,
    fault_sector_size,
    fault_device_characteristics,
    fault_shm_map,
    fault_shm_lock,
    fault_shm_barrier,
    fault_shm_unmap,
    fault_fetch,
    fault_unfetch,
};

int fault_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* fault_file = reinterpret_cast<FaultFile*>(file);
  fault_file->real = reinterpret_cast<sqlite3_file*>(fault_file + 1);
  int rc = g_real_vfs->xOpen(g_real_vfs, name, fault_file->real, flags, out_flags);
  // SQLite calls xClose whenever pMethods is set, even after a failed open.
  fault_file->base.pMethods = fault_file->real->pMethods != nullptr ? &kFaultMethods : nullptr;
  return rc;
}

void register_fault_vfs() {
  static sqlite3_vfs vfs = [] {
    g_real_vfs = sqlite3_vfs_find(nullptr);
    // The unix VFS has version-3 files; a wrapper that dropped methods would change behaviour.
    sqlite3_vfs copy = *g_real_vfs;
    copy.zName = kFaultVfs;
    copy.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real_vfs->szOsFile;
    copy.xOpen = fault_open;
    copy.pNext = nullptr;
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
}

TEST_F(SqliteFaultTest, AFullDiskFailsTheWriteWith507AndRecoversWhenSpaceReturns) {
  g_write_fault = SQLITE_FULL;
  ApiError error = write_error("full");
  EXPECT_EQ(error.kind(), ErrorKind::kInsufficientStorage);
  EXPECT_STREQ(error.what(), "The disk is full");
  EXPECT_FALSE(store_->fail_stopped());
  EXPECT_TRUE(has_user("id-before"));

  g_write_fault = 0;
  store_->write([](StoreTx& tx) { tx.users().insert(make_user("freed")); });
  EXPECT_TRUE(has_user("id-freed"));
  EXPECT_FALSE(has_user("id-full"));
}

}  // namespace
}  // namespace projectd
