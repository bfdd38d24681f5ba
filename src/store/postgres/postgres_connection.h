// One libpq connection to PostgreSQL behind the SqlConnection interface the repositories use.
//
// prepare() takes our SQL (parameters ?1..?N, SQLite's spelling), rewrites it to $1..$N once per
// text, and leases a cursor that sends the parameters as text with their types (bigint, text, or
// left to the server for an untyped NULL). The first run of each (SQL, parameter types) pair makes
// a named server-side prepared statement, so later runs skip parsing and planning; past
// kMaxCachedStatements such pairs, statements run unnamed instead of growing the cache. Rows come
// back whole as text and are parsed on demand. Every failure is a PostgresError (postgres_error.h).
//
// What the SQL must allow for: integers are sent as bigint, so a function taking integer needs
// ?N::integer (comparisons with integer columns need nothing). An untyped NULL (std::nullopt) gets
// its type from the parameter's first use, so `?1 IS NULL OR x = ?1` fails ("could not determine
// data type"): bind a typed std::optional, or write `x = ?1 OR ?1 IS NULL`.
//
// The session runs with client_min_messages = warning, UTF8 client encoding and standard
// conforming strings (the dialect's LIKE escape '\' relies on it); notices are dropped.
//
// Thread safety: none. One thread at a time, and statements leased from the connection must not
// outlive it.
#pragma once

#include "store/postgres/postgres_error.h"
#include "store/sql/sql_connection.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct pg_conn;
struct pg_result;

namespace projectd {

struct PostgresCursorPool;

struct PgResultDeleter {
  void operator()(pg_result* result) const noexcept;
};
using PgResult = std::unique_ptr<pg_result, PgResultDeleter>;

class PostgresConnection final : public SqlConnection {
 public:
  // Server-side prepared statements kept per connection, and SQL texts whose translation and
  // cursors are kept (filter queries build their text from the filters a client sends, so neither
  // may grow without bound).
  static constexpr std::size_t kMaxCachedStatements = 256;
  static constexpr std::size_t kMaxCachedTexts = 256;

  // Connects to `url` (a postgresql:// URL or key=value string). Throws std::runtime_error whose
  // message never repeats the URL, which may hold a password.
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  SqlStatement prepare(std::string_view sql) override;
  // Rows inserted, updated, deleted or merged by the last such statement; like SQLite, other
  // statements (SELECT, BEGIN...) leave it as it was.
  std::int64_t changes() const override { return changes_; }
  const SqlDialect& dialect() const override;

  // Runs several statements without parameters in one round trip (migrations).
  void execute_script(const std::string& sql) override;
  // Inside BEGIN ... COMMIT, including a transaction a failed statement has aborted.
  bool in_transaction() const override;
  // The session is gone; only reset() can make the connection usable again.
  bool broken() const;
  // Reconnects with the same parameters. Server-side prepared statements died with the old
  // session and are forgotten. Throws PostgresError (connection_lost) when the server is still
  // unreachable.
  void reset();

  std::size_t cached_statements() const { return prepared_.size(); }

  // For PostgresCursor: runs translated SQL with `count` parameters (types as OIDs, values as text
  // or nullptr for NULL). Returns a result holding rows or a completed command; throws otherwise.
  PgResult run(const std::string& sql, int count, const unsigned* types, const char* const* values);

 private:
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>()(text);
    }
  };

  void configure_session();
  void record_changes(const pg_result* result);

  pg_conn* connection_;
  std::int64_t changes_ = 0;
  std::unordered_map<std::string, std::unique_ptr<PostgresCursorPool>, TextHash, std::equal_to<>>
      pools_;
  // Key: translated SQL, '\0', the parameter type OIDs as bytes. Value: the statement's name.
  std::unordered_map<std::string, std::string> prepared_;
  std::uint64_t statements_named_ = 0;
};

}  // namespace projectd
