#include "store/sql/sql_dialect.h"

namespace projectd {

std::string SqlDialect::in_ids(std::string_view column, int parameter, std::size_t count,
                               SqlType type) const {
  if (count == 1) return std::string(column) + " = ?" + std::to_string(parameter);
  return std::string(column) + " IN (SELECT value FROM " + json_values(parameter, type) + ")";
}

}  // namespace projectd
