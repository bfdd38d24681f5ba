// What `projectd copy` learns from a database's own catalog, so a table a future migration adds is
// copied without code changes: the tables and their columns (type, nullability, primary key,
// identity), the foreign keys between them, the tables that triggers write when rows are inserted
// or updated, and an order in which rows can be inserted with every foreign key holding at each
// insert. SQLite is read through sqlite_master and its pragmas, PostgreSQL through
// information_schema and pg_catalog in current_schema(). schema_migrations and SQLite's own tables
// are left out.
//
// Thread safety: none; the functions use the connection they are given.
#pragma once

#include "store/sql/sql_connection.h"
#include "store/sql/sql_tables.h"  // quote_identifier, for the names read here

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace projectd {

enum class StoreKind { kSqlite, kPostgres };

struct CatalogColumn {
  std::string name;
  SqlType type = SqlType::kUnknown;  // kInt or kText; anything else is refused when read
  bool nullable = true;
  bool primary_key = false;
  bool identity = false;  // PostgreSQL identity, or SQLite's INTEGER PRIMARY KEY AUTOINCREMENT
};

struct CatalogForeignKey {
  std::vector<std::string> columns;  // in the referencing table
  std::string parent;                // the referenced table
};

struct CatalogTable {
  std::string name;
  std::vector<CatalogColumn> columns;  // in the table's order
  std::vector<CatalogForeignKey> foreign_keys;
};

struct Catalog {
  std::map<std::string, CatalogTable> tables;
  // Tables a trigger that fires on INSERT or UPDATE adds rows to (task_counts): their rows are
  // made by copying the others, so they are not copied themselves.
  std::set<std::string> built_by_triggers;
};

Catalog read_catalog(SqlConnection& connection, StoreKind kind);

// The tables to copy, parents first, and for each the columns that must be inserted NULL and set
// afterwards because they refer to the same table (folders.parent_id) or close a cycle between
// tables. Throws std::runtime_error when a cycle runs only through NOT NULL columns.
struct CopyPlan {
  std::vector<std::string> order;
  std::map<std::string, std::set<std::string>> deferred_columns;
};
CopyPlan plan_copy(const Catalog& catalog);

}  // namespace projectd
