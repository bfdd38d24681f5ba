#include "store/postgres/postgres_dialect.h"

namespace projectd {

const PostgresDialect& PostgresDialect::instance() {
  static const PostgresDialect dialect;
  return dialect;
}

std::string PostgresDialect::json_values(int parameter, SqlType type) const {
  const std::string n = std::to_string(parameter);
  if (type == SqlType::kInt) {
    return "(SELECT e::bigint AS value, k AS key FROM jsonb_array_elements_text(?" + n +
           "::jsonb) WITH ORDINALITY AS x(e, k)) AS j" + n;
  }
  return "jsonb_array_elements_text(?" + n + "::jsonb) WITH ORDINALITY AS j" + n + "(value, key)";
}

std::string PostgresDialect::json_length(int parameter) const {
  return "jsonb_array_length(?" + std::to_string(parameter) + "::jsonb)";
}

std::string PostgresDialect::nocase(std::string_view expression) const {
  return "lower((" + std::string(expression) + ") COLLATE \"C\")";
}

std::string PostgresDialect::ascii_lower(std::string_view expression) const {
  return nocase(expression);
}

std::string PostgresDialect::like(std::string_view expression, std::string_view pattern) const {
  return "(" + std::string(expression) + ") COLLATE \"C\" ILIKE " + std::string(pattern) +
         " ESCAPE '\\'";
}

}  // namespace projectd
