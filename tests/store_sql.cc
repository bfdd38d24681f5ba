#include "store_sql.h"

#include "store/postgres/postgres_connection.h"
#include "store/sqlite/sqlite_connection.h"

namespace projectd::test {

std::unique_ptr<SqlConnection> connect_store(const std::string& store_url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (store_url.starts_with(kSqlite)) {
    // Opened read-write, so SQLite recovers a write-ahead log a killed server left.
    return std::make_unique<SqliteConnection>(store_url.substr(kSqlite.size()),
                                              SqliteConnection::Options{});
  }
  return std::make_unique<PostgresConnection>(store_url);
}

std::vector<std::string> first_column(SqlConnection& db, const std::string& sql) {
  std::vector<std::string> rows;
  SqlStatement statement = db.prepare(sql);
  while (statement.step())
    rows.push_back(statement.text(0));
  return rows;
}

}  // namespace projectd::test
