// What `projectd backup`, `restore` and `verify` need from a PostgreSQL portal's database
// (docs/operations.md, "Backup, restore and verify"); pg_dump and pg_restore themselves are run by
// the app layer (app/tool_process.h) with what this file hands it:
//  - PostgresSnapshot: a REPEATABLE READ transaction whose snapshot is exported
//    (pg_export_snapshot) for `pg_dump --snapshot`, and the contents that same snapshot
//    references, so the dump and the content list agree exactly;
//  - postgres_tool_connection: the URL split into a conninfo without the password (for a child's
//    command line) and the password (for its PGPASSWORD);
//  - the tables a restore target already has, and the problems verify reports.
// Every failure is a std::runtime_error or PostgresError whose message never repeats the URL.
// Thread safety: each function opens its own connection; a PostgresSnapshot is one thread's.
#pragma once

#include "store/backup_contents.h"

#include <memory>
#include <string>
#include <vector>

namespace projectd {

class PostgresConnection;

struct PostgresToolConnection {
  std::string conninfo;  // key='value' pairs, every parameter of the URL but the password
  std::string password;  // empty: the URL has none (a passfile or the environment may supply it)
};

// Throws std::runtime_error (not quoting the URL) when libpq cannot parse it.
PostgresToolConnection postgres_tool_connection(const std::string& url);

class PostgresSnapshot {
 public:
  // Connects and opens BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; exports its snapshot.
  explicit PostgresSnapshot(const std::string& url);
  ~PostgresSnapshot();
  PostgresSnapshot(const PostgresSnapshot&) = delete;
  PostgresSnapshot& operator=(const PostgresSnapshot&) = delete;

  // For pg_dump --snapshot: valid while this object lives (until release()).
  const std::string& id() const { return id_; }
  // Every content the snapshot references, once each, sorted by sha256.
  std::vector<ReferencedContent> referenced_contents();
  // Ends the transaction (the snapshot is no longer importable).
  void release();

 private:
  std::unique_ptr<PostgresConnection> connection_;
  std::string id_;
};

// Every content the database references now, in one REPEATABLE READ transaction.
std::vector<ReferencedContent> postgres_referenced_contents(const std::string& url);

// "schema.table" for every table outside the system schemas: a restore target must have none.
std::vector<std::string> postgres_user_tables(const std::string& url);

// The database's problems, one line each (empty: sound): a schema that is not this binary's
// (behind or newer), a table of the portal's schema that cannot be read (SELECT count(*)).
std::vector<std::string> postgres_database_problems(const std::string& url);

}  // namespace projectd
