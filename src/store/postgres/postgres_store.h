// The Store on a PostgreSQL database, for any number of projectd nodes sharing it.
//
// Each read() or write() leases a connection from a pool (opened on demand, up to `connections`)
// and runs fn in one transaction: reads in REPEATABLE READ READ ONLY (one snapshot), writes in
// SERIALIZABLE, so the domain's check-then-write rules (a name is free, a link does not exist yet,
// the caller may edit this task) hold against writers on every node without explicit locks. A
// write that loses a race (serialization failure, deadlock) is rolled back and run again, up to
// kMaxAttempts times with a short random pause (five writers on one project's tasks under ASan
// used up ten attempts once); a read or write whose connection was lost before
// COMMIT is run again on a fresh connection. fn may therefore run more than once: it must deliver
// its result only through what it returns or assigns, never by appending to outside state. A
// COMMIT whose connection dropped is never retried (it may have committed): it fails with
// kServiceUnavailable and the client retries (docs/architecture.md, "Several nodes"). Durability is
// PostgreSQL's (synchronous_commit as the server is configured).
//
// The change clock (generation(), unchanged_since()) counts what every node committed, as far as
// the last catch_up() saw (postgres_change_feed.h): a cache must call catch_up() before it answers
// (Store::caches_need_catch_up()).
//
// Calling read(), write() or close() from inside fn throws ApiError(kInternal), as in SqliteStore:
// with every connection leased, a nested lease would wait forever.
//
// Thread safety: every public method may be called from any number of threads at once.
#pragma once

#include "store/postgres/postgres_change_feed.h"
#include "store/postgres/postgres_connection.h"
#include "store/read_caches.h"
#include "store/store.h"
#include "store/store_health.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace projectd {

struct PostgresStoreOptions {
  std::string url{};    // postgresql://... as libpq reads it
  int connections = 8;  // at most this many open at once; at least 1
  ReadCacheSizes read_caches{};
};

class PostgresStore final : public Store, public StoreHealthProbe {
 public:
  static constexpr int kMaxAttempts = 30;

  // Connects, then applies pending migrations when migrate is true, else refuses a schema that
  // is behind or newer than the binary. Throws std::runtime_error with a clear message that never
  // repeats the URL (it may hold a password).
  static std::unique_ptr<PostgresStore> open(const PostgresStoreOptions& options, bool migrate);
  // Applies pending migrations and returns how many ran.
  static int migrate(const PostgresStoreOptions& options, const MigrationApplied& applied = {});

  ~PostgresStore() override;

  void read(const std::function<void(StoreTx&)>& fn) override;
  void write(const std::function<void(StoreTx&)>& fn) override;
  void close() override;
  // One pooled connection: writable unless the server is a standby or read-only by default.
  StoreHealth health() override;
  std::uint64_t generation() const override { return changes_.now(); }
  bool unchanged_since(std::uint64_t stamp, const ScopeDependencies& depends_on) const override {
    return changes_.unchanged_since(stamp, depends_on);
  }
  void catch_up() override { changes_.catch_up(); }
  bool caches_need_catch_up() const override { return true; }

  // Transactions run again after a serialization failure, deadlock or lost connection.
  std::uint64_t retries() const { return retries_.load(std::memory_order_relaxed); }
  // Round trips to the server of the reads and writes that completed (PostgresConnection's).
  std::uint64_t round_trips() const { return round_trips_.load(std::memory_order_relaxed); }

 private:
  class Lease;

  PostgresStore(std::unique_ptr<PostgresConnection> first, const PostgresStoreOptions& options);
  void run(const std::function<void(StoreTx&)>& fn, bool writing);

  static thread_local const PostgresStore* running_on_this_thread_;

  const PostgresStoreOptions options_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;     // a connection is idle, or may be opened
  std::condition_variable drained_cv_;  // close() waits here for leases to end
  std::vector<std::unique_ptr<PostgresConnection>> connections_;
  std::vector<PostgresConnection*> idle_;
  int opening_ = 0;  // connections being opened outside the lock
  int leased_ = 0;
  bool closed_ = false;

  PostgresChangeFeed changes_;
  ReadCaches caches_;  // by the change feed above
  std::atomic<std::uint64_t> retries_{0};
  std::atomic<std::uint64_t> round_trips_{0};
};

}  // namespace projectd
