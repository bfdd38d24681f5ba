#include "store/sql/sql_migrator.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace projectd {
namespace {

// The embedding sorts files by name; two files with one number would be a build mistake that
// must not reach a database.
void check_numbering(std::span<const Migration> migrations) {
  int previous = 0;
  for (const Migration& m : migrations) {
    if (m.number <= previous) {
      throw std::logic_error("migration " + std::string(m.name) +
                             " is out of order or repeats a number");
    }
    previous = m.number;
  }
}

std::vector<int> applied_numbers(MigrationTarget& target) {
  std::vector<int> numbers;
  if (!target.has_migrations_table()) return numbers;
  SqlStatement rows =
      target.connection().prepare("SELECT number FROM schema_migrations ORDER BY number");
  while (rows.step())
    numbers.push_back(static_cast<int>(rows.int64(0)));
  return numbers;
}

void refuse_newer(const SchemaVersion& version) {
  if (version.current > version.latest) {
    throw std::runtime_error("the database schema is at version " +
                             std::to_string(version.current) +
                             ", newer than this binary, which knows up to version " +
                             std::to_string(version.latest) + ": run a newer projectd");
  }
}

bool is_applied(SqlConnection& connection, int number) {
  SqlStatement found = connection.prepare("SELECT 1 FROM schema_migrations WHERE number = ?1");
  found.bind_all(number);
  return found.step();
}

void apply_one(MigrationTarget& target, const Migration& migration) {
  SqlConnection& connection = target.connection();
  connection.execute_script(std::string(migration.sql));
  target.check_migration();
  connection.prepare("INSERT INTO schema_migrations (number, name, applied) VALUES (?1, ?2, ?3)")
      .bind_all(migration.number, migration.name, now_utc())
      .run();
}

}  // namespace

std::string schema_behind_message(int current, int latest) {
  return "the database schema is at version " + std::to_string(current) + ", this binary needs " +
         std::to_string(latest) + ": run `projectd migrate`";
}

SchemaVersion schema_version(MigrationTarget& target, std::span<const Migration> migrations) {
  SchemaVersion version;
  version.latest = migrations.empty() ? 0 : migrations.back().number;
  std::vector<int> applied = applied_numbers(target);
  if (!applied.empty()) version.current = applied.back();
  for (const Migration& m : migrations) {
    if (!std::binary_search(applied.begin(), applied.end(), m.number)) ++version.pending;
  }
  return version;
}

int apply_migrations(MigrationTarget& target, std::span<const Migration> migrations,
                     const MigrationApplied& on_applied) {
  check_numbering(migrations);
  SqlConnection& connection = target.connection();
  connection.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied BIGINT NOT NULL)");
  refuse_newer(schema_version(target, migrations));
  std::vector<int> applied = applied_numbers(target);
  int ran = 0;
  for (const Migration& migration : migrations) {
    if (std::binary_search(applied.begin(), applied.end(), migration.number)) continue;
    const auto started = std::chrono::steady_clock::now();
    bool is_applied_here = false;
    try {
      // A concurrent migrator waits here and then sees the migration applied instead of applying
      // it twice.
      target.begin_exclusive();
      if (is_applied(connection, migration.number)) {
        connection.execute("COMMIT");
        continue;
      }
      apply_one(target, migration);
      connection.execute("COMMIT");
      ++ran;
      is_applied_here = true;
    } catch (const std::exception& e) {
      if (connection.in_transaction()) {
        try {
          connection.execute("ROLLBACK");
        } catch (const std::exception&) {
          // The connection is discarded by the caller; the original error is what matters.
        }
      }
      throw std::runtime_error("migration " + std::string(migration.name) + " failed: " + e.what());
    }
    // Outside the try: a failing observer is not a failed migration (this one is committed).
    if (on_applied && is_applied_here) {
      on_applied(migration,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
  }
  return ran;
}

void require_current_schema(MigrationTarget& target, std::span<const Migration> migrations) {
  check_numbering(migrations);
  SchemaVersion version = schema_version(target, migrations);
  refuse_newer(version);
  if (version.pending > 0) {
    throw std::runtime_error(schema_behind_message(version.current, version.latest));
  }
}

bool schema_is_current(SqlConnection& connection, std::span<const Migration> migrations) {
  SqlStatement highest = connection.prepare("SELECT max(number) FROM schema_migrations");
  const int latest = migrations.empty() ? 0 : migrations.back().number;
  return highest.step() && !highest.is_null(0) && highest.int64(0) == latest;
}

}  // namespace projectd
