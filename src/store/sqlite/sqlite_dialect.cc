#include "store/sqlite/sqlite_dialect.h"

namespace projectd {

const SqliteDialect& SqliteDialect::instance() {
  static const SqliteDialect dialect;
  return dialect;
}

// json_each yields both columns, value and key, typed as the JSON holds them.
std::string SqliteDialect::json_values(int parameter, SqlType) const {
  return "json_each(?" + std::to_string(parameter) + ")";
}

std::string SqliteDialect::json_length(int parameter) const {
  return "json_array_length(?" + std::to_string(parameter) + ")";
}

std::string SqliteDialect::nocase(std::string_view expression) const {
  return std::string(expression) + " COLLATE NOCASE";
}

std::string SqliteDialect::ascii_lower(std::string_view expression) const {
  return "lower(" + std::string(expression) + ")";
}

std::string SqliteDialect::like(std::string_view expression, std::string_view pattern) const {
  return std::string(expression) + " LIKE " + std::string(pattern) + " ESCAPE '\\'";
}

}  // namespace projectd
