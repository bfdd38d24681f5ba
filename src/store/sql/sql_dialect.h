// The SQL fragments SQLite and PostgreSQL spell differently. The repositories of store/sql/ write
// everything else once, in the SQL both accept; each backend's dialect is kept beside it
// (store/sqlite/sqlite_dialect.cc, store/postgres/postgres_dialect.cc). Parameters are written ?N
// in both; a fragment names the parameter it reads.
//
// The text rules every dialect keeps, so both stores answer alike: case-insensitive means ASCII
// letters only ("É" and "é" differ), and text sorts by its UTF-8 bytes after that folding.
//
// Thread safety: immutable; any thread.
#pragma once

#include "store/sql/sql_statement.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace projectd {

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;

  // A FROM item: the elements of the JSON array bound at ?parameter, one row each, as column
  // `value` (of `type`) and column `key` (their order, for ORDER BY).
  virtual std::string json_values(int parameter, SqlType type) const = 0;
  // The number of elements of the JSON array bound at ?parameter.
  virtual std::string json_length(int parameter) const = 0;
  // `expression` for comparing and ordering without ASCII case: `nocase(a) = nocase(?1)`,
  // `ORDER BY nocase(a)`. Indexes on such orders are created on the same expression.
  virtual std::string nocase(std::string_view expression) const = 0;
  // `expression` with ASCII letters lowered and nothing else (SQLite's lower()); indexes on it
  // (users' email and name, tags' title) are created on the same expression.
  virtual std::string ascii_lower(std::string_view expression) const = 0;
  // `expression` matches the LIKE pattern at `pattern` (a parameter or expression) ignoring ASCII
  // case, with '\' escaping % and _ (see like_pattern in sql_bound_values.h).
  virtual std::string like(std::string_view expression, std::string_view pattern) const = 0;

  // Appended to a SELECT that claims rows for this transaction: PostgreSQL's
  // ` FOR UPDATE SKIP LOCKED` (two nodes never claim one row); nothing on SQLite, whose one writer
  // already excludes every other claim.
  virtual std::string claim_rows() const = 0;
  // A statement trying the transaction-level lock numbered ?1 without waiting (held until commit
  // or rollback), answering one row whose column 0 says whether it was taken. Empty on SQLite,
  // where the one writer holds every lock already.
  virtual std::string try_transaction_lock() const = 0;
  // The tail of a SELECT from change_events (after FROM) that keeps the events the fan-out may
  // take now, in fan-out order (docs/notifications.md, "Order"): on SQLite every event, by id (one
  // writer, so ids follow commits); on PostgreSQL the events of ended transactions below the
  // snapshot's xmin, by (xid, id).
  virtual std::string settled_events() const = 0;

  // `column` among the ids bound at ?parameter with ids_value(): `column = ?N` for exactly one id,
  // else `column IN (SELECT value FROM json_values)`. SQLite builds a temporary index for the IN
  // form on every execution (several microseconds, more than the lookup itself), and most lists
  // here hold one id: a task, its project, its author.
  std::string in_ids(std::string_view column, int parameter, std::size_t count,
                     SqlType type = SqlType::kInt) const;
};

}  // namespace projectd
