// `projectd backup`, `projectd restore` and `projectd verify` (docs/operations.md, "Backup,
// restore and verify"), on a running or stopped SQLite or PostgreSQL portal:
//  - backup --to DIR: a consistent copy of the database (SQLite's online backup API; for
//    PostgreSQL pg_dump of an exported REPEATABLE READ snapshot, app/postgres_backup_tools.h), then
//    every content it references, then manifest.json, written last. DIR absent or empty: a full
//    backup; DIR an earlier backup: an incremental one in place (only missing contents are copied,
//    what is no longer referenced is removed after the new manifest is in place). Any other DIR:
//    refused.
//  - restore --from BACKUP --data DIR: into an empty or new DIR only; every SHA-256 is checked
//    before and while copying into a temp directory that is renamed into place at the end.
//    restore --from BACKUP --store postgresql://... --blobs DIR: into a database without tables
//    and an empty or new DIR; the contents go to a temp directory, then pg_restore runs in one
//    transaction, then the directory is renamed into place. A backup of the other kind of store
//    is refused, naming `projectd copy`.
//  - verify --data DIR | --store URL | --backup DIR: the database's integrity (SQLite's checks;
//    for PostgreSQL the schema version and every table readable), every referenced content's
//    presence and SHA-256 (problems, exit 1), orphans and temp leftovers (warnings, exit 0).
// Output: one line per problem naming the file or record, then a summary; a PostgreSQL URL (which
// may hold a password) is never printed. A refusal or failure is a std::runtime_error (exit 1
// with its message).
#pragma once

#include "app/store_flags.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace projectd {

struct BackupCommandArgs {
  StoreFlags store;
  std::string blobs_dir;          // empty: DATA/blobs
  std::string to;                 // backup
  std::string from;               // restore
  std::string backup;             // verify --backup
  int blob_grace_seconds = 3600;  // verify: younger unreferenced contents are not orphans yet
  CLI::App* backup_command = nullptr;
  CLI::App* restore_command = nullptr;
  CLI::App* verify_command = nullptr;
};

// Adds `backup`, `restore` and `verify` to the application.
void add_backup_commands(CLI::App& app, BackupCommandArgs& args);
// Runs the one that was parsed; nullopt when none was.
std::optional<int> run_backup_command(const BackupCommandArgs& args);

int run_backup(const BackupCommandArgs& args);
int run_restore(const BackupCommandArgs& args);
int run_verify(const BackupCommandArgs& args);

// The portal's database as the flags name it.
struct PortalDatabase {
  bool postgres = false;
  std::string sqlite_file;  // a SQLite portal's file
  std::string url;          // a PostgreSQL portal's URL: never printed
  // The manifest's store kind: "sqlite" or "postgresql".
  const char* kind() const { return postgres ? "postgresql" : "sqlite"; }
};
// Throws std::runtime_error for a URL of another scheme (naming only the scheme's absence).
PortalDatabase portal_database_of(const StoreFlags& store);
// --blobs, else DATA/blobs.
std::string blobs_dir_of(const BackupCommandArgs& args);

}  // namespace projectd
