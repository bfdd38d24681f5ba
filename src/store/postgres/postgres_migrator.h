// Migrating a PostgreSQL database (sql/sql_migrator.h). Nodes starting together may all migrate:
// a session-level advisory lock, held from construction to destruction, lets one at a time in,
// and the later ones find the migrations applied. PostgreSQL's DDL is transactional, so each
// migration commits or vanishes whole.
// Thread safety: as the connection's.
#pragma once

#include "store/postgres/postgres_connection.h"
#include "store/sql/sql_migrator.h"

namespace projectd {

class PostgresMigrationTarget final : public MigrationTarget {
 public:
  // The advisory lock's key: "projectd" in ASCII, so no other application's lock is likely to
  // collide with it.
  static constexpr std::int64_t kLockKey = 0x70726f6a65637464;

  explicit PostgresMigrationTarget(PostgresConnection& connection);
  ~PostgresMigrationTarget() override;
  PostgresMigrationTarget(const PostgresMigrationTarget&) = delete;
  PostgresMigrationTarget& operator=(const PostgresMigrationTarget&) = delete;

  SqlConnection& connection() override { return connection_; }
  bool has_migrations_table() override;
  void begin_exclusive() override { connection_.execute("BEGIN"); }

 private:
  PostgresConnection& connection_;
};

}  // namespace projectd
