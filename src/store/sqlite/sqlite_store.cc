#include "store/sqlite/sqlite_store.h"

#include "blob/file_io.h"
#include "store/migrations.h"
#include "store/sql/sql_repos.h"
#include "store/sqlite/sqlite_migrator.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <stdexcept>
#include <utility>

namespace projectd {
namespace {

void create_parent_directory(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    throw std::runtime_error("cannot create the directory " + parent.string() + ": " +
                             error.message());
  }
}

// SQLite fsyncs a directory after creating a journal or a WAL in it, never after creating the
// database file itself: a power cut soon after the first migration could lose the new file's
// directory entry, or a new data directory's own, and with them the whole portal.
void make_new_entries_durable(const std::string& path) {
  std::filesystem::path dir = std::filesystem::absolute(path).parent_path();
  file_io::fsync_dir(dir);
  if (dir.has_parent_path() && dir.parent_path() != dir) file_io::fsync_dir(dir.parent_path());
}

// Marks this thread as running fn of a store for the scope, restoring what was there.
class ThreadMark {
 public:
  ThreadMark(const SqliteStore*& slot, const SqliteStore* store)
      : slot_(slot), previous_(std::exchange(slot, store)) {}
  ~ThreadMark() { slot_ = previous_; }
  ThreadMark(const ThreadMark&) = delete;
  ThreadMark& operator=(const ThreadMark&) = delete;

 private:
  const SqliteStore*& slot_;
  const SqliteStore* previous_;
};

}  // namespace

thread_local const SqliteStore* SqliteStore::reading_on_this_thread_ = nullptr;
thread_local const SqliteStore* SqliteStore::writing_on_this_thread_ = nullptr;

// Takes an idle reader connection for one read, waiting while all are busy, and gives it back
// outside any transaction.
class SqliteStore::ReaderLease {
 public:
  explicit ReaderLease(SqliteStore& store) : store_(store) {
    std::unique_lock lock(store_.pool_mutex_);
    store_.pool_cv_.wait(lock,
                         [&] { return store_.reads_closed_ || !store_.idle_readers_.empty(); });
    if (store_.reads_closed_) throw closed_error();
    connection_ = store_.idle_readers_.back();
    store_.idle_readers_.pop_back();
  }
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;

  ~ReaderLease() {
    if (connection_->in_transaction()) {
      try {
        connection_->execute("ROLLBACK");
      } catch (const std::exception& e) {
        spdlog::error("sqlite store: a read transaction did not roll back: {}", e.what());
      }
    }
    // Notified under the lock: once it is released, close() may destroy the store.
    std::lock_guard lock(store_.pool_mutex_);
    store_.idle_readers_.push_back(connection_);
    if (store_.reads_closed_) {
      if (store_.idle_readers_.size() == store_.readers_.size()) {
        store_.pool_drained_cv_.notify_all();
      }
    } else {
      store_.pool_cv_.notify_one();
    }
  }

  SqliteConnection& connection() { return *connection_; }

 private:
  SqliteStore& store_;
  SqliteConnection* connection_ = nullptr;
};

ApiError SqliteStore::closed_error() {
  return ApiError(ErrorKind::kServiceUnavailable, "The store is closed");
}

ApiError SqliteStore::fail_stop_error() {
  return ApiError(ErrorKind::kServiceUnavailable,
                  "The store stopped accepting writes after a disk error; restart projectd");
}

std::unique_ptr<SqliteStore> SqliteStore::open(const SqliteStoreOptions& options, bool migrate) {
  if (options.reader_connections < 1) {
    throw std::runtime_error("the store needs at least one reader connection");
  }
  const bool existed = std::filesystem::exists(options.path);
  if (migrate) {
    create_parent_directory(options.path);
  } else if (!std::filesystem::exists(options.path)) {
    // Refused before SQLite would create an empty file there.
    throw std::runtime_error(schema_behind_message(0, all_migrations().back().number) +
                             " (there is no database at " + options.path + " yet)");
  }
  auto writer = std::make_unique<SqliteConnection>(
      options.path, SqliteConnection::Options{.query_only = false, .vfs = options.vfs});
  if (migrate) {
    apply_migrations(*writer, all_migrations());
    if (!existed) make_new_entries_durable(options.path);
  } else {
    require_current_schema(*writer, all_migrations());
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(writer), options));
}

int SqliteStore::migrate(const SqliteStoreOptions& options, const MigrationApplied& applied) {
  const bool existed = std::filesystem::exists(options.path);
  create_parent_directory(options.path);
  SqliteConnection connection(options.path, {.query_only = false, .vfs = options.vfs});
  const int count = apply_migrations(connection, all_migrations(), applied);
  if (!existed) make_new_entries_durable(options.path);
  return count;
}

SqliteStore::SqliteStore(std::unique_ptr<SqliteConnection> writer,
                         const SqliteStoreOptions& options)
    : writer_connection_(std::move(writer)),
      clock_(options.path + "-generation"),
      caches_(options.read_caches,
              [this](std::uint64_t stamp, const ScopeDependencies& depends_on) {
                return clock_.unchanged_since(stamp, depends_on);
              }) {
  for (int i = 0; i < options.reader_connections; ++i) {
    readers_.push_back(std::make_unique<SqliteConnection>(
        options.path, SqliteConnection::Options{.query_only = true, .vfs = options.vfs}));
    idle_readers_.push_back(readers_.back().get());
  }
  batch_.reserve(kMaxGroup);
}

SqliteStore::~SqliteStore() {
  try {
    close();
  } catch (const std::exception& e) {
    spdlog::error("sqlite store: closing failed: {}", e.what());
  }
}

StoreHealth SqliteStore::health() {
  StoreHealth health;
  health.writable = !fail_stopped();
  try {
    ReaderLease lease(*this);
    health.schema_current = schema_is_current(lease.connection(), all_migrations());
  } catch (const std::exception& e) {
    spdlog::warn("sqlite store: the health probe could not read: {}", e.what());
    health.reachable = false;
  }
  return health;
}

void SqliteStore::read(const std::function<void(StoreTx&)>& fn) {
  if (reading_on_this_thread_ == this || writing_on_this_thread_ == this) {
    throw ApiError(ErrorKind::kInternal,
                   "Internal store error: read() inside a read or write; use the tx given to fn");
  }
  ReaderLease lease(*this);
  ThreadMark mark(reading_on_this_thread_, this);
  reads_.fetch_add(1, std::memory_order_relaxed);
  const std::uint64_t stamp = clock_.now();  // before the snapshot: see store/read_caches.h
  SqliteConnection& connection = lease.connection();
  // Deferred: the snapshot starts at fn's first statement and holds until COMMIT. If fn throws,
  // the lease rolls back.
  connection.execute("BEGIN");
  SqlTx tx(connection, &caches_, stamp);
  fn(tx);
  connection.execute("COMMIT");
}

std::uint64_t SqliteStore::statements() const {
  // The connections live until close(), which the header says not to race with this.
  if (!writer_connection_) return 0;
  std::uint64_t total = writer_connection_->statements_leased();
  for (const auto& reader : readers_)
    total += reader->statements_leased();
  return total;
}

void SqliteStore::close() {
  if (reading_on_this_thread_ == this || writing_on_this_thread_ == this) {
    throw ApiError(ErrorKind::kInternal, "Internal store error: close() inside a read or write");
  }
  std::lock_guard close_lock(close_mutex_);
  if (closed_) return;
  {
    std::lock_guard lock(pool_mutex_);
    reads_closed_ = true;
  }
  pool_cv_.notify_all();
  {
    // The leaders finish every queued write first.
    std::unique_lock lock(queue_mutex_);
    writes_closed_ = true;
    idle_cv_.wait(lock, [&] { return !leading_; });
  }
  {
    std::unique_lock lock(pool_mutex_);
    pool_drained_cv_.wait(lock, [&] { return idle_readers_.size() == readers_.size(); });
    idle_readers_.clear();
    readers_.clear();
  }
  writer_connection_.reset();
  closed_ = true;
}

}  // namespace projectd
