// `projectd backup`, `projectd restore` and `projectd verify` (docs/operations.md, "Backup,
// restore and verify"), on a running or stopped SQLite portal:
//  - backup --to DIR: a consistent copy of the database (SQLite's online backup API), then every
//    content it references, then manifest.json, written last. DIR absent or empty: a full backup;
//    DIR an earlier backup: an incremental one in place (only missing contents are copied, what is
//    no longer referenced is removed after the new manifest is in place). Any other DIR: refused.
//  - restore --from BACKUP --data DIR: into an empty or new DIR only; every SHA-256 is checked
//    before and while copying into a temp directory that is renamed into place at the end.
//  - verify --data DIR | --backup DIR: the database's integrity, every referenced content's
//    presence and SHA-256 (problems, exit 1), orphans and temp leftovers (warnings, exit 0).
// Output: one line per problem naming the file or record, then a summary. A refusal or failure
// is a std::runtime_error (exit 1 with its message). PostgreSQL portals are refused with a message
// saying what to use instead.
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

// The SQLite file the flags name; throws std::runtime_error for a PostgreSQL store, saying that
// `command` is not available there and what to use.
std::string sqlite_file_of(const StoreFlags& store, const std::string& command);
// --blobs, else DATA/blobs.
std::string blobs_dir_of(const BackupCommandArgs& args);

}  // namespace projectd
