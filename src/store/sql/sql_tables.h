// Statements over a table named by the database's own catalog (never by a client), for
// `projectd copy` (src/app/store_copy.cc, docs/operations.md): the name quoted as an identifier,
// and the table's row count, which sizes the copy's progress and checks that a target is empty.
//
// Thread safety: uses the connection it is given, like any statement.
#pragma once

#include "store/sql/sql_connection.h"

#include <cstdint>
#include <string>

namespace projectd {

// "name" quoted as an SQL identifier (both databases).
std::string quote_identifier(const std::string& name);

// How many rows the table holds, in one count.
std::int64_t count_table_rows(SqlConnection& connection, const std::string& table);

}  // namespace projectd
