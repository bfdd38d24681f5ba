// Brings a database's schema to the migrations compiled into the binary, and tells whether a
// database is usable as it is; SQLite (sqlite/sqlite_migrator.h) and PostgreSQL
// (postgres/postgres_migrator.h) supply a MigrationTarget. Applied migrations are recorded in
// schema_migrations(number, name, applied); each migration runs in its own transaction together
// with its record, so a failure leaves the schema at the previous migration. Migration scripts
// must therefore not contain BEGIN or COMMIT themselves.
//
// Thread safety: the functions use the target's connection exclusively for their duration.
// Several processes may migrate one database at once: each migration is applied by exactly one.
#pragma once

#include "store/migrations.h"
#include "store/sql/sql_connection.h"

#include <span>
#include <string>

namespace projectd {

// What migrating does differently per database.
class MigrationTarget {
 public:
  virtual ~MigrationTarget() = default;
  virtual SqlConnection& connection() = 0;
  virtual bool has_migrations_table() = 0;
  // Opens the transaction of one migration such that a concurrent migrator waits until it ends
  // (and then finds the migration applied).
  virtual void begin_exclusive() = 0;
  // Throws when the migration just run left the data inconsistent; called before its COMMIT.
  virtual void check_migration() {}
};

struct SchemaVersion {
  int current = 0;  // highest migration applied; 0 for a fresh database
  int latest = 0;   // highest migration this binary knows
  int pending = 0;  // known migrations not applied yet
};

SchemaVersion schema_version(MigrationTarget& target, std::span<const Migration> migrations);

// Applies every pending migration in order and returns how many ran; `applied` (when set) is told
// of each one after it commits. Throws std::runtime_error when the database is newer than the
// binary or a migration fails.
int apply_migrations(MigrationTarget& target, std::span<const Migration> migrations,
                     const MigrationApplied& applied = {});

// Throws std::runtime_error when the schema is behind (telling to run `projectd migrate`) or
// newer than the binary.
void require_current_schema(MigrationTarget& target, std::span<const Migration> migrations);

// Whether the highest migration applied is this binary's latest (neither behind nor ahead), read
// without a lock or a transaction of its own (the readiness probe). Throws what the connection
// throws.
bool schema_is_current(SqlConnection& connection, std::span<const Migration> migrations);

// The refusal for a schema that is behind, shared with callers that refuse before opening a file.
std::string schema_behind_message(int current, int latest);

}  // namespace projectd
