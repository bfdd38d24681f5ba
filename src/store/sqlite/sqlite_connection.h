// One SQLite connection with the pragmas projectd relies on (WAL, synchronous=FULL, foreign keys,
// busy timeout), a cache of prepared statements keyed by SQL text, and typed bind/step/column
// helpers. Values always travel as bound parameters; no value is ever spliced into SQL.
//
// Every SQLite failure is thrown as SqliteError, an ApiError whose kind says what the client is
// told: busy -> kServiceUnavailable, disk full -> kInsufficientStorage, I/O error ->
// kServiceUnavailable, anything else (constraint, read-only, misuse...) -> kInternal, whose message
// carries SQLite's text for the log.
//
// Thread safety: none. The connection is opened without SQLite's own mutex (NOMUTEX); it must be
// used by one thread at a time, and statements leased from it must not outlive it.
#pragma once

#include "base/errors.h"
#include "base/time.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace projectd {

class SqliteError : public ApiError {
 public:
  SqliteError(ErrorKind kind, std::string message, int code)
      : ApiError(kind, std::move(message)), code_(code) {}
  int code() const { return code_; }  // the extended result code
  int primary_code() const { return code_ & 0xff; }

 private:
  int code_;
};

class SqliteConnection;

// A prepared statement leased from a connection's cache. Destroying the lease resets the statement
// and clears its bindings, so the next user starts clean.
class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Binds args to parameters 1..n. Accepts integers, enums, bool, Timestamp, strings,
  // std::nullopt and std::optional of those.
  template <class... Args>
  SqliteStatement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }
  template <class T>
  void bind(int index, const T& value);
  void bind_int(int index, std::int64_t value);
  void bind_text(int index, std::string_view value);
  void bind_null(int index);
  // The largest parameter index the SQL uses.
  int parameter_count() const;

  // Advances to the next row: true when a row is ready, false when the statement is done.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  Timestamp timestamp(int column) const { return from_ticks(int64(column)); }
  std::optional<std::int64_t> optional_int64(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<Timestamp> optional_timestamp(int column) const;

 private:
  friend class SqliteConnection;
  SqliteStatement(SqliteConnection* connection, sqlite3_stmt* statement, bool* in_use)
      : connection_(connection), statement_(statement), in_use_(in_use) {}

  SqliteConnection* connection_;
  sqlite3_stmt* statement_;
  bool* in_use_;  // the cache slot's flag; null when the statement is not cached
};

class SqliteConnection {
 public:
  struct Options {
    bool query_only = false;  // refuse every write (reader connections)
    std::string vfs{};        // empty: SQLite's default VFS; tests name a fault-injecting one
  };

  // Opens (creating if missing) the database at path. Throws std::runtime_error naming the path
  // when the file cannot be opened or is not a database.
  SqliteConnection(const std::string& path, const Options& options);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection();

  // Distinct SQL texts kept prepared. Filter queries build their text from the filters present,
  // so the set of texts is finite but large: past the cap a new text is prepared one-off instead
  // of growing the cache without bound.
  static constexpr std::size_t kMaxCachedStatements = 256;

  // A cached statement for sql. If the cached one is already leased (a nested use of the same
  // query), or the cache is full, a one-off statement is prepared instead.
  SqliteStatement prepare(std::string_view sql);
  // Runs one statement without parameters and rows (BEGIN, COMMIT, SAVEPOINT...), cached.
  void execute(std::string_view sql) { prepare(sql).run(); }
  // Runs a script of several statements (a migration); not cached.
  void execute_script(const std::string& sql);

  bool in_transaction() const;
  std::int64_t changes() const;
  // The rowid of the most recent successful INSERT on this connection.
  std::int64_t last_insert_rowid() const;

  // Statements leased by prepare() since the connection opened, and how many texts are cached.
  // Tests use them to prove that batch reads cost a fixed number of statements.
  std::uint64_t statements_leased() const { return statements_leased_; }
  std::size_t cached_statements() const { return cache_.size(); }

  // The extended code of the most recent failure thrown from this connection (0 when none since
  // clear_last_failure). The writer uses it to tell disk errors from the rest, even when a job
  // caught the exception itself.
  int last_failure() const { return last_failure_; }
  void clear_last_failure() { last_failure_ = 0; }

  // Throws the SqliteError for rc, recording it as the last failure.
  [[noreturn]] void fail(int rc, std::string_view doing);

 private:
  struct CachedStatement {
    sqlite3_stmt* statement = nullptr;
    bool in_use = false;
  };
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, CachedStatement, SqlHash, std::equal_to<>> cache_;
  int last_failure_ = 0;
  std::uint64_t statements_leased_ = 0;
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class T>
struct IsVariant : std::false_type {};
template <class... Ts>
struct IsVariant<std::variant<Ts...>> : std::true_type {};

template <class T>
void SqliteStatement::bind(int index, const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    bind_int(index, value ? 1 : 0);
  } else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>) {
    bind_int(index, static_cast<std::int64_t>(value));
  } else if constexpr (std::is_same_v<T, Timestamp>) {
    bind_int(index, to_ticks(value));
  } else if constexpr (std::is_same_v<T, std::nullopt_t>) {
    bind_null(index);
  } else if constexpr (IsVariant<T>::value) {
    std::visit([&](const auto& alternative) { bind(index, alternative); }, value);
  } else if constexpr (IsOptional<T>::value) {
    if (value) {
      bind(index, *value);
    } else {
      bind_null(index);
    }
  } else {
    bind_text(index, std::string_view(value));
  }
}

}  // namespace projectd
