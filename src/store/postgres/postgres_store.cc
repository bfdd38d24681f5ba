#include "store/postgres/postgres_store.h"

#include "base/blocking_wait.h"
#include "store/postgres/postgres_migrations.h"
#include "store/postgres/postgres_migrator.h"
#include "store/sql/sql_repos.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>

namespace projectd {
namespace {

constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
constexpr std::string_view kBeginWrite = "BEGIN ISOLATION LEVEL SERIALIZABLE";

ApiError closed_error() {
  return ApiError(ErrorKind::kServiceUnavailable, "The store is closed");
}

ApiError unreachable_error() {
  return ApiError(ErrorKind::kServiceUnavailable, "The store is unreachable; try again");
}

// Rolls back whatever fn left open; a connection that cannot is broken, and the next lease resets
// it.
void roll_back(PostgresConnection& connection) noexcept {
  try {
    connection.forget();
    if (!connection.broken() && connection.in_transaction()) connection.execute("ROLLBACK");
  } catch (const std::exception& e) {
    spdlog::warn("postgresql store: rollback failed: {}", e.what());
  }
}

// Transactions that collided would collide again if they ran again in step: a random pause,
// growing with the attempts, spreads them out.
void pause_before(int attempt) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const int ceiling_ms = std::min(1 << std::min(attempt, 7), 100);
  std::uniform_int_distribution<int> pick(0, ceiling_ms);
  BlockingWait blocking;
  std::this_thread::sleep_for(std::chrono::milliseconds(pick(random)));
}

std::unique_ptr<PostgresConnection> connect(const std::string& url) {
  return std::make_unique<PostgresConnection>(url);
}

}  // namespace

thread_local const PostgresStore* PostgresStore::running_on_this_thread_ = nullptr;

// A connection of the pool for one transaction: an idle one, else a new one while the pool is
// below its size, else the next one returned. A connection whose session died is reset before it
// is handed out.
class PostgresStore::Lease {
 public:
  explicit Lease(PostgresStore& store) : store_(store) {
    std::unique_lock lock(store_.pool_mutex_);
    for (;;) {
      if (store_.closed_) throw closed_error();
      if (!store_.idle_.empty()) {
        connection_ = store_.idle_.back();
        store_.idle_.pop_back();
        break;
      }
      const int open = static_cast<int>(store_.connections_.size()) + store_.opening_;
      if (open < store_.options_.connections) {
        connection_ = open_one(lock);
        break;
      }
      BlockingWait blocking;  // for a connection that others hold while PostgreSQL answers
      store_.pool_cv_.wait(lock);
    }
    ++store_.leased_;
  }
  // One connection came back, so one waiter can take it: waking every worker that waits (dozens
  // under load) cost more CPU in context switches than the statements themselves.
  ~Lease() {
    {
      std::lock_guard lock(store_.pool_mutex_);
      store_.idle_.push_back(connection_);
      --store_.leased_;
    }
    store_.pool_cv_.notify_one();
    store_.drained_cv_.notify_all();
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  PostgresConnection& connection() { return *connection_; }

 private:
  // Connecting takes tens of milliseconds: not under the pool's lock.
  PostgresConnection* open_one(std::unique_lock<std::mutex>& lock) {
    ++store_.opening_;
    lock.unlock();
    std::unique_ptr<PostgresConnection> fresh;
    try {
      fresh = connect(store_.options_.url);
    } catch (const std::exception& e) {
      spdlog::error("postgresql store: {}", e.what());
      lock.lock();
      --store_.opening_;
      store_.pool_cv_.notify_one();  // another waiter may try to connect in its place
      store_.drained_cv_.notify_all();
      throw unreachable_error();
    }
    lock.lock();
    --store_.opening_;
    store_.connections_.push_back(std::move(fresh));
    return store_.connections_.back().get();
  }

  PostgresStore& store_;
  PostgresConnection* connection_ = nullptr;
};

std::unique_ptr<PostgresStore> PostgresStore::open(const PostgresStoreOptions& options,
                                                   bool migrate) {
  if (options.connections < 1) {
    throw std::runtime_error("the store needs at least one connection");
  }
  auto first = connect(options.url);
  {
    PostgresMigrationTarget target(*first);
    if (migrate) {
      apply_migrations(target, postgres_migrations());
    } else {
      require_current_schema(target, postgres_migrations());
    }
  }
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(first), options));
}

int PostgresStore::migrate(const PostgresStoreOptions& options, const MigrationApplied& applied) {
  auto connection = connect(options.url);
  PostgresMigrationTarget target(*connection);
  return apply_migrations(target, postgres_migrations(), applied);
}

PostgresStore::PostgresStore(std::unique_ptr<PostgresConnection> first,
                             const PostgresStoreOptions& options)
    : options_(options),
      changes_([this](const std::function<void(SqlConnection&)>& fn) {
        Lease lease(*this);
        PostgresConnection& connection = lease.connection();
        if (connection.broken()) connection.reset();
        fn(connection);
      }),
      caches_(options.read_caches,
              [this](std::uint64_t stamp, const ScopeDependencies& depends_on) {
                return changes_.unchanged_since(stamp, depends_on);
              }) {
  idle_.push_back(first.get());
  connections_.push_back(std::move(first));
}

PostgresStore::~PostgresStore() {
  try {
    close();
  } catch (const std::exception& e) {
    spdlog::error("postgresql store: closing failed: {}", e.what());
  }
}

StoreHealth PostgresStore::health() {
  StoreHealth health;
  try {
    Lease lease(*this);
    PostgresConnection& connection = lease.connection();
    if (connection.broken()) connection.reset();
    // Autocommit statements: the probe opens no transaction and writes nothing.
    SqlStatement mode = connection.prepare(
        "SELECT CASE WHEN pg_is_in_recovery() OR "
        "current_setting('default_transaction_read_only') = 'on' THEN 0 ELSE 1 END");
    health.writable = mode.step() && mode.int64(0) != 0;
    health.schema_current = schema_is_current(connection, postgres_migrations());
  } catch (const std::exception& e) {
    spdlog::warn("postgresql store: the health probe failed: {}", e.what());
    health.reachable = false;
  }
  return health;
}

void PostgresStore::read(const std::function<void(StoreTx&)>& fn) {
  run(fn, false);
}

void PostgresStore::write(const std::function<void(StoreTx&)>& fn) {
  run(fn, true);
}

void PostgresStore::run(const std::function<void(StoreTx&)>& fn, bool writing) {
  if (running_on_this_thread_ == this) {
    throw ApiError(ErrorKind::kInternal,
                   "Internal store error: read() or write() inside a read or write; use the tx "
                   "given to fn");
  }
  struct Mark {
    explicit Mark(const PostgresStore* store) { running_on_this_thread_ = store; }
    ~Mark() { running_on_this_thread_ = nullptr; }
  } mark(this);

  for (int attempt = 1;; ++attempt) {
    Lease lease(*this);
    PostgresConnection& connection = lease.connection();
    bool committing = false;
    try {
      if (connection.broken()) connection.reset();
      const std::uint64_t round_trips = connection.round_trips();
      // Taken before the snapshot, which begins with the first statement: see
      // store/read_caches.h. The BEGIN goes out with the first statement or prefetch.
      const std::uint64_t stamp = changes_.now();
      connection.begin(writing ? kBeginWrite : kBeginRead);
      SqlTx tx(connection, writing ? nullptr : &caches_, stamp);
      fn(tx);
      if (!writing) {
        connection.commit_read();
        round_trips_.fetch_add(connection.round_trips() - round_trips, std::memory_order_relaxed);
        return;
      }
      committing = true;
      // What the write changed commits with it, in the same round trip (postgres_change_feed.h).
      connection.commit_write(PostgresChangeFeed::log_statement(tx.changed_scopes()));
      changes_.committed(tx.changed_scopes());
      round_trips_.fetch_add(connection.round_trips() - round_trips, std::memory_order_relaxed);
      return;
    } catch (const PostgresError& e) {
      roll_back(connection);
      if (committing && e.connection_lost()) {
        throw ApiError(ErrorKind::kServiceUnavailable,
                       "The store's connection dropped while committing; the change may or may "
                       "not have been saved: check, then try again");
      }
      const bool again = e.retryable() || e.connection_lost();
      if (!again || attempt >= kMaxAttempts) throw;
      retries_.fetch_add(1, std::memory_order_relaxed);
      if (e.retryable()) pause_before(attempt);
    } catch (...) {
      roll_back(connection);
      throw;
    }
  }
}

void PostgresStore::close() {
  if (running_on_this_thread_ == this) {
    throw ApiError(ErrorKind::kInternal, "Internal store error: close() inside a read or write");
  }
  std::unique_lock lock(pool_mutex_);
  closed_ = true;
  pool_cv_.notify_all();
  drained_cv_.wait(lock, [&] { return leased_ == 0 && opening_ == 0; });
  idle_.clear();
  connections_.clear();
}

}  // namespace projectd
