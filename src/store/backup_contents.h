// What `projectd backup`, `restore` and `verify` need to know of a database's contents (blobs),
// whatever the store (docs/operations.md, "Backup, restore and verify"): the contents a database
// references, and the two queries that list them, written in SQL both SQLite and PostgreSQL run
// unchanged (sqlite/sqlite_backup.h and postgres/postgres_backup.h run them). Thread safety:
// constants and a plain struct.
#pragma once

#include <cstdint>
#include <string>

namespace projectd {

// A content of the blob store a database names, with its size and one record naming it (for a
// problem line: "file 12 version 3", "photo big of user <id>").
struct ReferencedContent {
  std::string sha256;
  std::uint64_t size = 0;
  std::string record;
};

// Each row: sha256, size, a record naming it. Several records may name one content: each query
// gives it once, and a content named by both is listed once by whoever merges the two.
inline constexpr const char* kReferencedFileVersionsSql =
    "SELECT sha256, max(size), min('file ' || file_id || ' version ' || version) "
    "FROM file_versions GROUP BY sha256";
inline constexpr const char* kReferencedPhotosSql =
    "SELECT sha256, max(bytes), min('photo ' || size || ' of user ' || user_id) "
    "FROM user_photos GROUP BY sha256";

}  // namespace projectd
