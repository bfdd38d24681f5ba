// What `projectd backup`, `restore` and `verify` need from a SQLite database file, outside the
// running store (docs/operations.md, "Backup, restore and verify"): a consistent copy taken with
// SQLite's online backup API while a server may be writing, the contents (blobs) a database
// references, and its integrity. Each function opens its own connections and closes them.
// Thread safety: pure functions; any number may run at once (SQLite's locking serialises them
// against a running server's writer).
#pragma once

#include "store/backup_contents.h"

#include <filesystem>
#include <string>
#include <vector>

namespace projectd {

// Copies the database at `source` into `target` (which must not exist) with sqlite3_backup_*,
// `pages_per_step` pages at a time, sleeping briefly between steps so a running server's writer
// waits at most one step. A write by another connection restarts the copy (SQLite's rule), so the
// result is one consistent snapshot. The copy is then switched to the rollback journal (one file,
// nothing beside it) and fsynced. Throws std::runtime_error naming the file on any failure, and
// removes a partial target.
void sqlite_snapshot(const std::filesystem::path& source, const std::filesystem::path& target,
                     int pages_per_step = 256);

// Every content the database references (file versions and profile photos), once each, by sha256.
std::vector<ReferencedContent> sqlite_referenced_contents(const std::filesystem::path& database);

// PRAGMA integrity_check and foreign_key_check, one line per problem (empty: sound).
std::vector<std::string> sqlite_integrity_problems(const std::filesystem::path& database);

}  // namespace projectd
