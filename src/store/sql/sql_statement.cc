#include "store/sql/sql_statement.h"

#include "base/errors.h"

namespace projectd {

void SqlStatement::run() {
  if (step()) {
    throw ApiError(ErrorKind::kInternal,
                   "Internal store error: a statement meant to return no rows returned one");
  }
}

std::int64_t SqlStatement::run_returning_id() {
  if (!step()) {
    throw ApiError(ErrorKind::kInternal, "Internal store error: an INSERT returned no id");
  }
  return int64(0);
}

std::optional<std::int64_t> SqlStatement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<std::string> SqlStatement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<Timestamp> SqlStatement::optional_timestamp(int column) const {
  if (is_null(column)) return std::nullopt;
  return timestamp(column);
}

}  // namespace projectd
