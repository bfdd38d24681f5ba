// A connection straight to a test server's store (SQLite file or PostgreSQL schema), for tests
// that change something behind the server's back (expire a token) or check what is stored.
#pragma once

#include "store/sql/sql_connection.h"

#include <memory>
#include <string>
#include <vector>

namespace projectd::test {

// `store_url` as TestServer::store_url() gives it.
std::unique_ptr<SqlConnection> connect_store(const std::string& store_url);

// Column 0 of every row `sql` gives, as text.
std::vector<std::string> first_column(SqlConnection& db, const std::string& sql);

}  // namespace projectd::test
