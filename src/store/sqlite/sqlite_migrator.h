// Migrating a SQLite database (sql/sql_migrator.h): BEGIN IMMEDIATE excludes concurrent
// migrators, and foreign keys are off while migrating (a table rebuild would otherwise cascade
// deletes), so each migration proves it left every reference intact before it commits.
// Thread safety: as the connection's.
#pragma once

#include "store/sql/sql_migrator.h"
#include "store/sqlite/sqlite_connection.h"

namespace projectd {

class SqliteMigrationTarget final : public MigrationTarget {
 public:
  explicit SqliteMigrationTarget(SqliteConnection& connection);
  ~SqliteMigrationTarget() override;
  SqliteMigrationTarget(const SqliteMigrationTarget&) = delete;
  SqliteMigrationTarget& operator=(const SqliteMigrationTarget&) = delete;

  SqlConnection& connection() override { return connection_; }
  bool has_migrations_table() override;
  void begin_exclusive() override { connection_.execute("BEGIN IMMEDIATE"); }
  void check_migration() override;

 private:
  SqliteConnection& connection_;
};

// The functions of sql_migrator.h on one SQLite connection.
SchemaVersion schema_version(SqliteConnection& connection, std::span<const Migration> migrations);
int apply_migrations(SqliteConnection& connection, std::span<const Migration> migrations,
                     const MigrationApplied& applied = {});
void require_current_schema(SqliteConnection& connection, std::span<const Migration> migrations);

}  // namespace projectd
