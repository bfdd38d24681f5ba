// The Store on one SQLite file in WAL mode.
//
// Reads run on a pool of query-only connections, each read inside one deferred transaction so it
// sees one snapshot; a read waits while every connection is in use. A read that tries to write
// fails with ApiError(kInternal): that is a defect, not a client's mistake.
//
// Writes run on one connection, with group commit led by a caller: a write() that finds no group
// in progress leads on its own thread; one that finds a leader queues and sleeps. The leader takes
// every queued write (up to kMaxGroup), opens one IMMEDIATE transaction, runs each write in its own
// SAVEPOINT (a write that throws is rolled back alone and gets its own exception back), commits
// once with synchronous=FULL and only then answers every caller of the group. Once its own write
// is answered it hands the lead to the oldest queued write, or ends it when none is queued. So a
// lone write runs on its caller's thread with no hand-off, and under load each group costs one
// wake-up per write, as with a dedicated writer thread (docs/architecture.md, "Threads and
// transactions"). When that COMMIT
// fails, every write of the group fails: with kInsufficientStorage when the disk is full, else
// with kServiceUnavailable. After an I/O error on the writer connection durability is unknown, so
// the store fails stop: later writes throw kServiceUnavailable until projectd restarts, while
// reads keep working (docs/architecture.md, "Storage and durability"). A full disk does not fail
// stop: nothing was half-written, and writes succeed again once space is freed.
//
// Calling read(), write() or close() from inside a write's fn, or read() or close() from inside a
// read's fn, throws ApiError(kInternal): each could deadlock (a read inside a write waits for a
// reader connection that a read blocked on this write may hold). Inside a write, read through the
// tx given to fn: it sees the write's own changes. write() inside a read's fn is allowed.
//
// Thread safety: every public method may be called from any number of threads at once.
#pragma once

#include "base/one_shot_signal.h"
#include "store/read_caches.h"
#include "store/shared_change_clock.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"
#include "store/store_health.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace projectd {

struct SqliteStoreOptions {
  std::string path{};          // the database file
  int reader_connections = 4;  // at least 1
  std::string vfs{};           // empty: SQLite's default; tests name a fault-injecting VFS
  ReadCacheSizes read_caches{};
};

class SqliteStore final : public Store, public StoreHealthProbe {
 public:
  static constexpr std::size_t kMaxGroup = 256;

  // Opens the database, creating it and its directory only when migrate is true. With migrate,
  // pending migrations are applied first; without, a schema that is behind or newer than the binary
  // is refused. Throws std::runtime_error with a clear message.
  static std::unique_ptr<SqliteStore> open(const SqliteStoreOptions& options, bool migrate);
  // Applies pending migrations to the file (creating it and its directory) and returns how many
  // ran.
  static int migrate(const SqliteStoreOptions& options, const MigrationApplied& applied = {});

  ~SqliteStore() override;

  void read(const std::function<void(StoreTx&)>& fn) override;
  void write(const std::function<void(StoreTx&)>& fn) override;
  void close() override;
  // Shared with every process on this file (shared_change_clock.h).
  std::uint64_t generation() const override { return clock_.now(); }
  bool unchanged_since(std::uint64_t stamp, const ScopeDependencies& depends_on) const override {
    return clock_.unchanged_since(stamp, depends_on);
  }
  // Writable while not failed stop (an fsync or I/O error, fail_stopped()); the schema is read on
  // a reader connection. Writes nothing: a write probe would bump the generation.
  StoreHealth health() override;

  // Successful COMMITs of write groups, and write() calls that committed. writes() / commits()
  // is the average group size.
  std::uint64_t commits() const { return commits_.load(std::memory_order_relaxed); }
  std::uint64_t writes() const { return writes_.load(std::memory_order_relaxed); }
  // Read transactions begun, and statements leased on every connection (readers and writer) since
  // the store opened. Tests use them to prove what one call costs: e.g. that a change answers
  // from its own write, with no read transaction of its own and a fixed number of statements.
  // statements() answers 0 once closed; it must not run while close() does.
  std::uint64_t reads() const { return reads_.load(std::memory_order_relaxed); }
  std::uint64_t statements() const;
  // True once an I/O error stopped the store accepting writes.
  bool fail_stopped() const { return fail_stopped_.load(std::memory_order_acquire); }
  // Writes queued for the next group, not counting the group the leader is running.
  std::size_t queued_writes() const;

 private:
  struct Job {
    const std::function<void(StoreTx&)>* fn = nullptr;
    std::exception_ptr error{};
    ScopeDependencies changed{};  // what fn named (StoreTx::changes_only); nullopt: broad
    bool lead = false;            // set by the leader before `done`: the caller leads instead
    OneShotSignal done;           // answered or handed the lead; the job is gone once answered
  };
  class ReaderLease;

  SqliteStore(std::unique_ptr<SqliteConnection> writer, const SqliteStoreOptions& options);

  static ApiError closed_error();
  static ApiError fail_stop_error();

  void lead_one_batch() noexcept;
  void run_batch(std::span<Job*> batch);
  std::size_t run_group(std::span<Job*> jobs);
  bool run_job(Job& job);
  void fail_group(std::span<Job*> jobs);
  static ScopeDependencies changed_in(std::span<Job*> group);
  void notice_disk_errors();

  // The store whose read fn, or whose writer, runs on this thread: nesting is refused with an
  // error instead of deadlocking.
  static thread_local const SqliteStore* reading_on_this_thread_;
  static thread_local const SqliteStore* writing_on_this_thread_;

  // Reader pool.
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::vector<SqliteConnection*> idle_readers_;
  std::condition_variable pool_drained_cv_;  // close() waits here for reads in flight
  bool reads_closed_ = false;

  // Writer queue.
  mutable std::mutex queue_mutex_;
  std::condition_variable idle_cv_;  // close() waits here for the last leader
  std::deque<Job*> queue_;
  bool leading_ = false;  // a caller leads; the queue's writes wait for it
  bool writes_closed_ = false;
  std::unique_ptr<SqliteConnection> writer_connection_;  // used by the leader only
  std::vector<Job*> batch_;                              // the leader's; reused

  std::mutex close_mutex_;  // serialises close() so a second caller waits for the first
  bool closed_ = false;

  std::atomic<bool> fail_stopped_{false};
  std::atomic<std::uint64_t> commits_{0};
  SharedChangeClock clock_;  // moves after each COMMIT, before it is answered
  ReadCaches caches_;        // by the clock above
  std::atomic<std::uint64_t> writes_{0};
  std::atomic<std::uint64_t> reads_{0};
};

}  // namespace projectd
