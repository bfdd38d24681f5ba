#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <stdexcept>
#include <utility>

namespace projectd {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// SQLite's memory statistics (sqlite3_memory_used) put one process-wide mutex around every
// allocation of every connection, so the readers and the writer contend on it; projectd never reads
// them. The setting only takes before SQLite initializes, i.e. before the first open (later it is
// refused, harmlessly).
void disable_memory_statistics() {
  static const int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)rc;
}

bool only_space(const char* begin, const char* end) {
  for (; begin != end; ++begin) {
    if (*begin != ' ' && *begin != '\n' && *begin != '\t' && *begin != '\r') return false;
  }
  return true;
}

}  // namespace

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)),
      statement_(std::exchange(other.statement_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)) {}

SqliteStatement::~SqliteStatement() {
  if (statement_ == nullptr) return;
  // The return value of reset repeats the last step's error, which was already thrown.
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  if (in_use_ != nullptr) {
    *in_use_ = false;
  } else {
    sqlite3_finalize(statement_);
  }
}

void SqliteStatement::bind_int(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(statement_, index, value);
  if (rc != SQLITE_OK) connection_->fail(rc, "binding a parameter");
}

void SqliteStatement::bind_text(int index, std::string_view value) {
  // SQLITE_TRANSIENT copies the text, so a temporary argument cannot dangle before step().
  int rc = sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
  if (rc != SQLITE_OK) connection_->fail(rc, "binding a parameter");
}

void SqliteStatement::bind_null(int index) {
  int rc = sqlite3_bind_null(statement_, index);
  if (rc != SQLITE_OK) connection_->fail(rc, "binding a parameter");
}

int SqliteStatement::parameter_count() const {
  return sqlite3_bind_parameter_count(statement_);
}

bool SqliteStatement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  connection_->fail(rc, "running a statement");
}

void SqliteStatement::run() {
  if (step()) {
    throw ApiError(ErrorKind::kInternal,
                   "Internal store error: a statement meant to return no "
                   "rows returned one");
  }
}

bool SqliteStatement::is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::int64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::string SqliteStatement::text(int column) const {
  const unsigned char* data = sqlite3_column_text(statement_, column);
  if (data == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(data),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<std::int64_t> SqliteStatement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<std::string> SqliteStatement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<Timestamp> SqliteStatement::optional_timestamp(int column) const {
  if (is_null(column)) return std::nullopt;
  return timestamp(column);
}

SqliteConnection::SqliteConnection(const std::string& path, const Options& options) {
  disable_memory_statistics();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const char* vfs = options.vfs.empty() ? nullptr : options.vfs.c_str();
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, vfs);
  if (rc != SQLITE_OK) {
    std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    throw std::runtime_error("cannot open the database " + path + ": " + message);
  }
  try {
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    if (options.query_only) {
      execute_script("PRAGMA query_only = ON");
    } else {
      SqliteStatement mode = prepare("PRAGMA journal_mode = WAL");
      if (!mode.step() || mode.text(0) != "wal") {
        throw std::runtime_error("the file system refuses SQLite's WAL mode");
      }
    }
    execute_script("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
  } catch (const std::exception& e) {
    for (auto& [sql, cached] : cache_)
      sqlite3_finalize(cached.statement);
    sqlite3_close_v2(db_);
    throw std::runtime_error("cannot open the database " + path + ": " + e.what());
  }
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, cached] : cache_)
    sqlite3_finalize(cached.statement);
  sqlite3_close_v2(db_);
}

SqliteStatement SqliteConnection::prepare(std::string_view sql) {
  auto prepare_one = [&](unsigned int flags) {
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), flags, &statement, &tail);
    if (rc != SQLITE_OK) fail(rc, "preparing a statement");
    // One statement per lease: anything after the first would be silently ignored.
    if (statement == nullptr || !only_space(tail, sql.data() + sql.size())) {
      sqlite3_finalize(statement);
      throw ApiError(ErrorKind::kInternal,
                     "Internal store error: prepare() needs exactly one statement");
    }
    return statement;
  };
  ++statements_leased_;
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    if (cache_.size() >= kMaxCachedStatements) {
      return SqliteStatement(this, prepare_one(0), nullptr);
    }
    sqlite3_stmt* statement = prepare_one(SQLITE_PREPARE_PERSISTENT);
    it = cache_.emplace(std::string(sql), CachedStatement{statement, false}).first;
  } else if (it->second.in_use) {
    return SqliteStatement(this, prepare_one(0), nullptr);
  }
  it->second.in_use = true;
  return SqliteStatement(this, it->second.statement, &it->second.in_use);
}

void SqliteConnection::execute_script(const std::string& sql) {
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, "running a script");
}

bool SqliteConnection::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

std::int64_t SqliteConnection::changes() const {
  return sqlite3_changes64(db_);
}

std::int64_t SqliteConnection::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

void SqliteConnection::fail(int rc, std::string_view doing) {
  last_failure_ = rc;
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw SqliteError(ErrorKind::kServiceUnavailable, "The store is busy; try again", rc);
    case SQLITE_FULL:
      throw SqliteError(ErrorKind::kInsufficientStorage, "The disk is full", rc);
    case SQLITE_IOERR:
      throw SqliteError(ErrorKind::kServiceUnavailable,
                        "The store could not read or write its files; try again", rc);
    default:
      throw SqliteError(ErrorKind::kInternal,
                        "Internal store error " + std::string(doing) + ": " + sqlite3_errmsg(db_),
                        rc);
  }
}

}  // namespace projectd
