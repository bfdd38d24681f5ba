#include "app/store_catalog.h"

#include <algorithm>
#include <regex>
#include <stdexcept>

namespace projectd {
namespace {

// SQLite's declared types follow its affinity rules; PostgreSQL's are information_schema names.
SqlType type_of(const std::string& table, const std::string& column, std::string declared) {
  std::transform(declared.begin(), declared.end(), declared.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (declared.find("INT") != std::string::npos) return SqlType::kInt;
  if (declared.find("TEXT") != std::string::npos || declared.find("CHAR") != std::string::npos ||
      declared.find("CLOB") != std::string::npos) {
    return SqlType::kText;
  }
  throw std::runtime_error("the column " + table + "." + column + " has the type '" + declared +
                           "', which the copy does not handle");
}

bool skipped(const std::string& table) {
  // change_log is PostgreSQL nodes' record of recent writes for their caches (migration 0023), not
  // portal data.
  return table == "schema_migrations" || table == "change_log" || table.starts_with("sqlite_");
}

// change_events.xid is PostgreSQL's fan-out order (migration 0024), set by the database to the
// writing transaction's id: a copy's target sets its own.
bool skipped_column(const std::string& table, const std::string& column) {
  return table == "change_events" && column == "xid";
}

void add_column(Catalog& catalog, SqlStatement& row) {
  const std::string table = row.text(0);
  if (skipped(table) || skipped_column(table, row.text(1))) return;
  CatalogTable& t = catalog.tables[table];
  t.name = table;
  CatalogColumn column;
  column.name = row.text(1);
  column.type = type_of(table, column.name, row.text(2));
  column.nullable = row.int64(3) != 0;
  column.primary_key = row.int64(4) != 0;
  column.identity = row.int64(5) != 0;
  t.columns.push_back(std::move(column));
}

// Rows of (table, constraint, parent, column), grouped by constraint in the order they come.
void add_foreign_keys(Catalog& catalog, SqlStatement& rows) {
  std::string last_key;
  while (rows.step()) {
    const std::string table = rows.text(0);
    if (skipped(table) || !catalog.tables.contains(table)) continue;
    const std::string key = table + '\0' + rows.text(1);
    auto& keys = catalog.tables[table].foreign_keys;
    if (key != last_key) keys.push_back(CatalogForeignKey{{}, rows.text(2)});
    keys.back().columns.push_back(rows.text(3));
    last_key = key;
  }
}

// The tables a trigger's text adds rows to: INSERT INTO t. A trigger that only updates a column
// of rows made elsewhere (time_entries.project_id, migration 0022) builds no table: those rows are
// copied, and the target's trigger sets the column again from what was copied.
void add_written_tables(Catalog& catalog, const std::string& body) {
  static const std::regex write(R"re(INSERT\s+INTO\s+"?(\w+)"?)re", std::regex::icase);
  for (auto it = std::sregex_iterator(body.begin(), body.end(), write);
       it != std::sregex_iterator(); ++it) {
    const std::string table = (*it)[1].str();
    if (catalog.tables.contains(table)) catalog.built_by_triggers.insert(table);
  }
}

// Columns: (table, column, declared type, nullable, primary key, identity), in table order.
// Foreign keys: (table, constraint, parent, column), each constraint's columns in order.
constexpr const char* kSqliteColumns =
    "SELECT m.name, c.name, c.type, c.\"notnull\" = 0, c.pk > 0, "
    "c.pk > 0 AND instr(upper(m.sql), 'AUTOINCREMENT') > 0 "
    "FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' "
    "ORDER BY m.name, c.cid";
constexpr const char* kSqliteKeys =
    "SELECT m.name, f.id, f.\"table\", f.\"from\" "
    "FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' "
    "ORDER BY m.name, f.id, f.seq";
constexpr const char* kPostgresColumns =
    "SELECT c.table_name, c.column_name, c.data_type, "
    "CASE WHEN c.is_nullable = 'YES' THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM information_schema.table_constraints k "
    "  JOIN information_schema.key_column_usage u "
    "    ON u.constraint_schema = k.constraint_schema AND u.constraint_name = k.constraint_name "
    "  WHERE k.constraint_type = 'PRIMARY KEY' AND k.table_schema = c.table_schema "
    "    AND k.table_name = c.table_name AND u.column_name = c.column_name) THEN 1 ELSE 0 END, "
    "CASE WHEN c.is_identity = 'YES' THEN 1 ELSE 0 END "
    "FROM information_schema.columns c JOIN information_schema.tables t "
    "  ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
    "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
    "ORDER BY c.table_name, c.ordinal_position";
constexpr const char* kPostgresKeys =
    "SELECT c.relname, k.conname, p.relname, a.attname "
    "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
    "JOIN pg_class p ON p.oid = k.confrelid "
    "CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS n (attnum, position) "
    "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = n.attnum "
    "WHERE k.contype = 'f' "
    "AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
    "ORDER BY c.relname, k.conname, n.position";

void read_tables(SqlConnection& db, Catalog& catalog, const char* columns_sql,
                 const char* keys_sql) {
  SqlStatement columns = db.prepare(columns_sql);
  while (columns.step())
    add_column(catalog, columns);
  SqlStatement keys = db.prepare(keys_sql);
  add_foreign_keys(catalog, keys);
}

void read_sqlite(SqlConnection& db, Catalog& catalog) {
  read_tables(db, catalog, kSqliteColumns, kSqliteKeys);
  static const std::regex fires_on_write(R"(\b(?:BEFORE|AFTER|INSTEAD\s+OF)\s+(?:INSERT|UPDATE)\b)",
                                         std::regex::icase);
  SqlStatement triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'");
  while (triggers.step()) {
    const std::string sql = triggers.text(0);
    if (std::regex_search(sql, fires_on_write)) add_written_tables(catalog, sql);
  }
}

void read_postgres(SqlConnection& db, Catalog& catalog) {
  read_tables(db, catalog, kPostgresColumns, kPostgresKeys);
  // tgtype bits: 4 INSERT, 16 UPDATE.
  SqlStatement triggers = db.prepare(
      "SELECT f.prosrc FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
      "JOIN pg_proc f ON f.oid = t.tgfoid "
      "WHERE NOT t.tgisinternal "
      "AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
      "AND (t.tgtype::integer & 20) <> 0");
  while (triggers.step())
    add_written_tables(catalog, triggers.text(0));
}

bool all_nullable(const CatalogTable& table, const CatalogForeignKey& key) {
  return std::all_of(key.columns.begin(), key.columns.end(), [&](const std::string& name) {
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [&](const CatalogColumn& c) { return c.name == name && c.nullable; });
  });
}

}  // namespace

Catalog read_catalog(SqlConnection& connection, StoreKind kind) {
  Catalog catalog;
  if (kind == StoreKind::kSqlite) {
    read_sqlite(connection, catalog);
  } else {
    read_postgres(connection, catalog);
  }
  return catalog;
}

// Kahn's topological sort over the foreign keys between the copied tables. A reference to the
// table itself never orders it: its columns are deferred. When every remaining table waits for
// another (a cycle), one reference of the cycle through nullable columns is deferred to break it.
CopyPlan plan_copy(const Catalog& catalog) {
  CopyPlan plan;
  // table -> the foreign keys still to satisfy (parents not placed yet)
  std::map<std::string, std::vector<const CatalogForeignKey*>> waiting;
  for (const auto& [name, table] : catalog.tables) {
    if (catalog.built_by_triggers.contains(name)) continue;
    auto& keys = waiting[name];
    for (const CatalogForeignKey& key : table.foreign_keys) {
      if (key.parent != name) {
        keys.push_back(&key);
        continue;
      }
      if (!all_nullable(table, key)) {
        throw std::runtime_error("the table " + name +
                                 " refers to itself through NOT NULL columns");
      }
      plan.deferred_columns[name].insert(key.columns.begin(), key.columns.end());
    }
  }
  // Parents outside the copy (built by triggers) cannot be waited for.
  for (auto& [name, keys] : waiting) {
    std::erase_if(keys,
                  [&](const CatalogForeignKey* key) { return !waiting.contains(key->parent); });
  }
  while (!waiting.empty()) {
    auto ready = std::find_if(waiting.begin(), waiting.end(),
                              [](const auto& entry) { return entry.second.empty(); });
    if (ready == waiting.end()) {
      // A cycle: defer the first reference through nullable columns.
      bool broken = false;
      for (auto& [name, keys] : waiting) {
        auto key = std::find_if(keys.begin(), keys.end(), [&](const CatalogForeignKey* k) {
          return all_nullable(catalog.tables.at(name), *k);
        });
        if (key == keys.end()) continue;
        plan.deferred_columns[name].insert((*key)->columns.begin(), (*key)->columns.end());
        keys.erase(key);
        broken = true;
        break;
      }
      if (!broken) {
        throw std::runtime_error(
            "the foreign keys between the tables form a cycle through NOT "
            "NULL columns, which the copy cannot order");
      }
      continue;
    }
    const std::string placed = ready->first;
    plan.order.push_back(placed);
    waiting.erase(ready);
    for (auto& [name, keys] : waiting) {
      std::erase_if(keys, [&](const CatalogForeignKey* key) { return key->parent == placed; });
    }
  }
  return plan;
}

}  // namespace projectd
