#include "store/postgres/postgres_migrator.h"

#include <spdlog/spdlog.h>

namespace projectd {

PostgresMigrationTarget::PostgresMigrationTarget(PostgresConnection& connection)
    : connection_(connection) {
  SqlStatement lock = connection_.prepare("SELECT pg_advisory_lock(?1)");
  lock.bind_all(kLockKey);
  lock.step();
}

PostgresMigrationTarget::~PostgresMigrationTarget() {
  try {
    if (connection_.in_transaction()) connection_.execute("ROLLBACK");
    SqlStatement unlock = connection_.prepare("SELECT pg_advisory_unlock(?1)");
    unlock.bind_all(kLockKey);
    unlock.step();
  } catch (const std::exception& e) {
    // The lock ends with the session anyway; the caller drops a connection that failed.
    spdlog::warn("postgresql store: releasing the migration lock failed: {}", e.what());
  }
}

bool PostgresMigrationTarget::has_migrations_table() {
  return connection_.prepare("SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL").step();
}

}  // namespace projectd
