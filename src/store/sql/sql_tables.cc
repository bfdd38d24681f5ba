#include "store/sql/sql_tables.h"

namespace projectd {

std::string quote_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::int64_t count_table_rows(SqlConnection& connection, const std::string& table) {
  SqlStatement count = connection.prepare("SELECT count(*) FROM " + quote_identifier(table));
  return count.step() ? count.int64(0) : 0;
}

}  // namespace projectd
