// What the repositories of store/sql/ need from a database connection: statements by SQL text,
// the count of rows the last statement changed, constraint failures told apart, and the dialect
// for the few SQL fragments SQLite and PostgreSQL spell differently (sql_dialect.h). SQLite
// (store/sqlite/) and PostgreSQL (store/postgres/) implement it; the transaction around the
// statements belongs to their Store.
//
// Thread safety: none; one thread at a time.
#pragma once

#include "base/errors.h"
#include "store/sql/sql_dialect.h"
#include "store/sql/sql_statement.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace projectd {

// The constraint a failed statement broke, in terms both databases share; the repositories turn
// them into the client's answers (a taken email: 409, a link to a missing task: 404).
enum class SqlConstraint { kNone, kUnique, kForeignKey, kCheck, kNotNull };

// Every database failure is thrown as an SqlError, an ApiError whose kind says what the client is
// told (busy or lost connection: kServiceUnavailable, disk full: kInsufficientStorage, anything
// else: kInternal, whose message carries the database's text for the log).
class SqlError : public ApiError {
 public:
  SqlError(ErrorKind kind, std::string message, SqlConstraint constraint = SqlConstraint::kNone)
      : ApiError(kind, std::move(message)), constraint_(constraint) {}
  SqlConstraint constraint() const { return constraint_; }

 private:
  SqlConstraint constraint_;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  // A statement for sql (one statement, parameters written ?1, ?2...), prepared once per
  // connection and cached by its text where the backend allows.
  virtual SqlStatement prepare(std::string_view sql) = 0;
  // Runs one statement without parameters and rows (BEGIN, COMMIT, SAVEPOINT...).
  void execute(std::string_view sql) { prepare(sql).run(); }
  // Runs a script of several statements without parameters (a migration); not cached.
  virtual void execute_script(const std::string& sql) = 0;
  // Inside BEGIN ... COMMIT.
  virtual bool in_transaction() const = 0;
  // Rows inserted, updated or deleted by the last statement that ran to its end.
  virtual std::int64_t changes() const = 0;
  virtual const SqlDialect& dialect() const = 0;
  // A hint: `record` runs the reads this transaction will make next, so a backend that pays a
  // round trip per statement may send them ahead together (PostgresConnection). Their rows are
  // discarded; nothing `record` returns or throws matters. By default it does nothing and answers
  // false; true when the reads were sent ahead.
  virtual bool prefetch(const std::function<void()>& /*record*/) { return false; }
};

}  // namespace projectd
