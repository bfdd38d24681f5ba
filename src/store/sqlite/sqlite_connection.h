// One SQLite connection with the pragmas projectd relies on (WAL, synchronous=FULL, foreign keys,
// busy timeout), a cache of prepared statements keyed by SQL text, and SqlConnection's typed
// statements on top. Values always travel as bound parameters; no value is ever spliced into SQL.
//
// Every SQLite failure is thrown as SqliteError, an SqlError whose kind says what the client is
// told: busy -> kServiceUnavailable, disk full -> kInsufficientStorage, I/O error ->
// kServiceUnavailable, anything else (constraint, read-only, misuse...) -> kInternal, whose message
// carries SQLite's text for the log.
//
// Thread safety: none. The connection is opened without SQLite's own mutex (NOMUTEX); it must be
// used by one thread at a time, and statements leased from it must not outlive it.
#pragma once

#include "store/sql/sql_connection.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace projectd {

class SqliteError : public SqlError {
 public:
  SqliteError(ErrorKind kind, std::string message, int code);
  int code() const { return code_; }  // the extended result code
  int primary_code() const { return code_ & 0xff; }

 private:
  int code_;
};

class SqliteConnection final : public SqlConnection {
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
  ~SqliteConnection() override;

  // Distinct SQL texts kept prepared. Filter queries build their text from the filters present,
  // so the set of texts is finite but large: past the cap a new text is prepared one-off instead
  // of growing the cache without bound.
  static constexpr std::size_t kMaxCachedStatements = 256;

  // A cached statement for sql. If the cached one is already leased (a nested use of the same
  // query), or the cache is full, a one-off statement is prepared instead.
  SqlStatement prepare(std::string_view sql) override;
  // Runs a script of several statements (a migration); not cached.
  void execute_script(const std::string& sql) override;

  bool in_transaction() const override;
  std::int64_t changes() const override;
  const SqlDialect& dialect() const override;

  // Statements leased by prepare() since the connection opened, and how many texts are cached.
  // Tests use them to prove that batch reads cost a fixed number of statements; the count may be
  // read from any thread (SqliteStore::statements()).
  std::uint64_t statements_leased() const {
    return statements_leased_.load(std::memory_order_relaxed);
  }
  std::size_t cached_statements() const { return cache_.size(); }

  // The extended code of the most recent failure thrown from this connection (0 when none since
  // clear_last_failure). The writer uses it to tell disk errors from the rest, even when a job
  // caught the exception itself.
  int last_failure() const { return last_failure_; }
  void clear_last_failure() { last_failure_ = 0; }

  // Throws the SqliteError for rc, recording it as the last failure.
  [[noreturn]] void fail(int rc, std::string_view doing);

 private:
  class Cursor;
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Cursor>, SqlHash, std::equal_to<>> cache_;
  int last_failure_ = 0;
  std::atomic<std::uint64_t> statements_leased_{0};
};

}  // namespace projectd
