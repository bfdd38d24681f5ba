// How a PostgreSQL failure reaches the repositories: a PostgresError, an SqlError whose kind says
// what the client is told and whose constraint() names the integrity rule that was broken.
// - 23505 unique, 23503 foreign key, 23514 check, 23502 not null: kInternal with constraint().
// - 40001 serialization failure, 40P01 deadlock: kServiceUnavailable, retryable().
// - 53100 disk full: kInsufficientStorage; 53200 out of memory: kServiceUnavailable.
// - The connection is gone (class 08, 57P01..57P03, or libpq says so): kServiceUnavailable,
//   connection_lost().
// - Anything else (25P02 in a failed transaction...): kInternal, with the server's primary message
//   for the log.
//
// Messages never carry parameter values: the server's DETAIL (which quotes the failing row or key)
// is dropped, and so is the primary text of data exceptions (class 22), which quotes the input.
//
// Thread safety: PostgresError is an immutable value; postgres_error() reads the connection, so it
// runs on the connection's thread.
#pragma once

#include "store/sql/sql_connection.h"

#include <string>
#include <string_view>

struct pg_conn;
struct pg_result;

namespace projectd {

class PostgresError : public SqlError {
 public:
  PostgresError(ErrorKind kind, std::string message, SqlConstraint constraint, std::string sqlstate,
                bool connection_lost)
      : SqlError(kind, std::move(message), constraint),
        sqlstate_(std::move(sqlstate)),
        connection_lost_(connection_lost) {}

  // The five-character SQLSTATE, or "" when libpq failed before the server answered.
  const std::string& sqlstate() const { return sqlstate_; }
  // The session is gone: the connection must be reset() (or dropped) before it is used again, and
  // a COMMIT that failed this way may or may not have committed.
  bool connection_lost() const { return connection_lost_; }
  // The transaction lost a race (serialization failure, deadlock); running it again may succeed.
  bool retryable() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }

 private:
  std::string sqlstate_;
  bool connection_lost_;
};

// The error for a failed call on `connection`; `result` is the failed result or nullptr when
// libpq returned none. `doing` completes "Internal store error ...", e.g. "running a statement".
PostgresError postgres_error(pg_conn* connection, const pg_result* result, std::string_view doing);

// The first line of a libpq message (they end with a newline and sometimes carry a second,
// indented line of advice); "" for null.
std::string libpq_first_line(const char* text);

}  // namespace projectd
