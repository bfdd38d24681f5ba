#include "store/sqlite/sqlite_migrator.h"

#include <stdexcept>

namespace projectd {

SqliteMigrationTarget::SqliteMigrationTarget(SqliteConnection& connection)
    : connection_(connection) {
  connection_.execute_script("PRAGMA foreign_keys = OFF");
}

SqliteMigrationTarget::~SqliteMigrationTarget() {
  try {
    connection_.execute_script("PRAGMA foreign_keys = ON");
  } catch (const std::exception&) {
    // Only fails inside a transaction, which apply_migrations never leaves open.
  }
}

bool SqliteMigrationTarget::has_migrations_table() {
  return connection_
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .step();
}

void SqliteMigrationTarget::check_migration() {
  if (connection_.prepare("PRAGMA foreign_key_check").step()) {
    throw std::runtime_error("it leaves rows whose foreign keys point nowhere");
  }
}

SchemaVersion schema_version(SqliteConnection& connection, std::span<const Migration> migrations) {
  SqliteMigrationTarget target(connection);
  return schema_version(target, migrations);
}

int apply_migrations(SqliteConnection& connection, std::span<const Migration> migrations,
                     const MigrationApplied& applied) {
  SqliteMigrationTarget target(connection);
  return apply_migrations(target, migrations, applied);
}

void require_current_schema(SqliteConnection& connection, std::span<const Migration> migrations) {
  SqliteMigrationTarget target(connection);
  require_current_schema(target, migrations);
}

}  // namespace projectd
