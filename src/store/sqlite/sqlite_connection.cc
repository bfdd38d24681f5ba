#include "store/sqlite/sqlite_connection.h"

#include "store/sqlite/sqlite_dialect.h"

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

SqlConstraint constraint_of(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
      return SqlConstraint::kUnique;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return SqlConstraint::kForeignKey;
    case SQLITE_CONSTRAINT_CHECK:
      return SqlConstraint::kCheck;
    case SQLITE_CONSTRAINT_NOTNULL:
      return SqlConstraint::kNotNull;
    default:
      return SqlConstraint::kNone;
  }
}

}  // namespace

SqliteError::SqliteError(ErrorKind kind, std::string message, int code)
    : SqlError(kind, std::move(message), constraint_of(code)), code_(code) {}

// A prepared statement. A cached cursor is leased to one SqlStatement at a time (in_use_); a
// one-off cursor (nested use of a leased text, or a full cache) frees itself when released.
class SqliteConnection::Cursor final : public SqlCursor {
 public:
  Cursor(SqliteConnection& connection, sqlite3_stmt* statement, bool one_off)
      : connection_(connection), statement_(statement), one_off_(one_off) {}
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  ~Cursor() { sqlite3_finalize(statement_); }

  bool in_use() const { return in_use_; }
  SqlStatement lease() {
    in_use_ = true;
    return SqlStatement(this);
  }

  void bind_int(int index, std::int64_t value) override {
    int rc = sqlite3_bind_int64(statement_, index, value);
    if (rc != SQLITE_OK) connection_.fail(rc, "binding a parameter");
  }
  void bind_text(int index, std::string_view value) override {
    // SQLITE_TRANSIENT copies the text, so a temporary argument cannot dangle before step().
    int rc = sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8);
    if (rc != SQLITE_OK) connection_.fail(rc, "binding a parameter");
  }
  void bind_null(int index, SqlType) override {
    int rc = sqlite3_bind_null(statement_, index);
    if (rc != SQLITE_OK) connection_.fail(rc, "binding a parameter");
  }
  int parameter_count() const override { return sqlite3_bind_parameter_count(statement_); }

  bool step() override {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    connection_.fail(rc, "running a statement");
  }
  bool is_null(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  std::int64_t int64(int column) const override { return sqlite3_column_int64(statement_, column); }
  std::string text(int column) const override {
    const unsigned char* data = sqlite3_column_text(statement_, column);
    if (data == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(data),
                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }

  void release() noexcept override {
    // The return value of reset repeats the last step's error, which was already thrown.
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    in_use_ = false;
    if (one_off_) delete this;
  }

 private:
  SqliteConnection& connection_;
  sqlite3_stmt* statement_;
  bool one_off_;
  bool in_use_ = false;
};

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
      SqlStatement mode = prepare("PRAGMA journal_mode = WAL");
      if (!mode.step() || mode.text(0) != "wal") {
        throw std::runtime_error("the file system refuses SQLite's WAL mode");
      }
    }
    execute_script("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
  } catch (const std::exception& e) {
    cache_.clear();
    sqlite3_close_v2(db_);
    throw std::runtime_error("cannot open the database " + path + ": " + e.what());
  }
}

SqliteConnection::~SqliteConnection() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

SqlStatement SqliteConnection::prepare(std::string_view sql) {
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
  auto one_off = [&] { return (new Cursor(*this, prepare_one(0), true))->lease(); };
  statements_leased_.fetch_add(1, std::memory_order_relaxed);
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    if (cache_.size() >= kMaxCachedStatements) return one_off();
    auto cursor = std::make_unique<Cursor>(*this, prepare_one(SQLITE_PREPARE_PERSISTENT), false);
    it = cache_.emplace(std::string(sql), std::move(cursor)).first;
  } else if (it->second->in_use()) {
    return one_off();
  }
  return it->second->lease();
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

const SqlDialect& SqliteConnection::dialect() const {
  return SqliteDialect::instance();
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
