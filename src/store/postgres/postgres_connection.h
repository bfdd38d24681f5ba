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
// Transactions opened by begin() may send statements ahead: prefetch() records the reads its
// function runs without running them, then sends them in one round trip (libpq's pipeline mode,
// with the pending BEGIN first). The answers of such a transaction's reads, sent ahead or not, are
// kept, and a read run again with the same parameters is answered from memory: the snapshot is
// fixed (REPEATABLE READ or SERIALIZABLE), so that is the answer running it again would give until
// the transaction itself changes something. Any statement other than a SELECT (INSERT, UPDATE,
// DELETE, a lock taken by a SELECT excepted) forgets them all, and is never answered from memory.
// A BEGIN left pending goes out with the first statement, prefetch or script.
//
// Thread safety: none. One thread at a time, and statements leased from the connection must not
// outlive it.
#pragma once

#include "store/postgres/postgres_error.h"
#include "store/sql/sql_connection.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace projectd {

struct PostgresCursorPool;

struct PgResultDeleter {
  void operator()(pg_result* result) const noexcept;
};
using PgResult = std::unique_ptr<pg_result, PgResultDeleter>;
// A result a cursor reads while a read transaction may hand it out again (PostgresConnection).
using SharedPgResult = std::shared_ptr<pg_result>;

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

  // A transaction opened by `begin` (BEGIN ...), sent with the first statement, prefetch or
  // script. commit_read() ends a read-only one: it sends the COMMIT and returns without waiting (a
  // read-only COMMIT changes nothing), and the connection's next use reads its answer first.
  // commit_write() ends any: `statements` (none when empty) and COMMIT in one round trip, awaited.
  // Neither sends anything when nothing ran. Anything else that ends the transaction (ROLLBACK,
  // reset()) must call forget() too.
  void begin(std::string_view begin);
  void commit_read();
  void commit_write(const std::string& statements);
  void forget();
  // Inside begin(): sends the reads (SELECTs) `record` runs, their rows empty while recording, in
  // one round trip, and keeps their answers for when they run. Recording stops at the first
  // statement that is not a SELECT, which is not sent. Does nothing outside begin().
  bool prefetch(const std::function<void()>& record) override;
  // Round trips to the server so far (statements, scripts, pipelines), for tests and metrics.
  std::uint64_t round_trips() const { return round_trips_; }

  // One statement with its values, as a pipeline sends it.
  struct Command {
    std::string run_key;  // the key of its answer inside begin()
    std::string sql;      // translated
    std::vector<unsigned> types;
    std::vector<std::optional<std::string>> values;  // nullopt: NULL
  };

  // For PostgresCursor: runs translated SQL with `count` parameters (types as OIDs, values as text
  // or nullptr for NULL). Returns a result holding rows or a completed command; throws otherwise.
  // Inside begin(), a read run before with the same values is answered from memory.
  SharedPgResult run(const std::string& sql, int count, const unsigned* types,
                     const char* const* values);

 private:
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>()(text);
    }
  };

  void configure_session();
  void record_changes(const pg_result* result);
  // The prepared statement's name for (sql, types), or empty when the cache is full.
  const std::string* prepared_name(const std::string& key) const;
  // Sends the pending BEGIN (if any) and `commands` in one pipeline; returns each command's
  // result, in order. Throws the first failure, after reading the whole pipeline.
  std::vector<PgResult> run_pipeline(const std::vector<Command>& commands);

  // Reads the answer of a COMMIT commit_read() left in flight.
  void finish_commit();

  bool open_ = false;  // inside begin()
  bool commit_in_flight_ = false;
  bool recording_ = false;
  std::string pending_begin_;
  std::vector<Command> recorded_;
  // The transaction's answers to reads since it last changed anything, by (sql, types, values):
  // those sent ahead and those run.
  std::unordered_map<std::string, SharedPgResult> ahead_;
  std::uint64_t round_trips_ = 0;

  pg_conn* connection_;
  std::int64_t changes_ = 0;
  std::unordered_map<std::string, std::unique_ptr<PostgresCursorPool>, TextHash, std::equal_to<>>
      pools_;
  // Key: translated SQL, '\0', the parameter type OIDs as bytes. Value: the statement's name.
  std::unordered_map<std::string, std::string> prepared_;
  std::uint64_t statements_named_ = 0;
};

}  // namespace projectd
