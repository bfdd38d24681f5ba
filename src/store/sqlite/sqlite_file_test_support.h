// Builders and a fixture for the Documents repository tests: folders, files and versions over the
// project-surface fixture (a migrated database, one connection, the admin user).
#pragma once

#include "store/sqlite/sqlite_project_test_support.h"

#include <cstdint>
#include <optional>
#include <string>

namespace projectd::testing {

inline FolderRecord make_folder(std::optional<std::int64_t> parent_id, std::string title,
                                int kind = 0) {
  FolderRecord f;
  f.parent_id = parent_id;
  f.kind = kind;
  f.title = std::move(title);
  f.created = from_ticks(100);
  f.created_by = "id-admin";
  f.updated = from_ticks(200);
  f.updated_by = "id-admin";
  return f;
}

// 64 hex characters naming key (its bytes in hex, zero-padded; keys up to 32 bytes).
inline std::string sha_of(const std::string& key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string sha;
  for (unsigned char c : key) {
    sha += kHex[c >> 4];
    sha += kHex[c & 15];
  }
  sha.resize(64, '0');
  return sha;
}

inline FileVersionRecord make_version(int version, const std::string& content_key,
                                      std::int64_t size = 10) {
  return FileVersionRecord{.version = version,
                           .sha256 = sha_of(content_key),
                           .size = size,
                           .comment = std::nullopt,
                           .created = from_ticks(1'000 * version),
                           .created_by = "id-admin"};
}

inline FileRecord make_file(std::int64_t folder_id, std::string title,
                            const std::string& content_key = "a") {
  FileRecord f;
  f.folder_id = folder_id;
  f.title = std::move(title);
  f.version = make_version(1, content_key);
  f.created = f.updated = f.version.created;
  f.created_by = f.updated_by = "id-admin";
  return f;
}

class SqliteFileTestBase : public SqliteProjectTestBase {
 protected:
  SqliteFileTestBase() {
    project_ = tx_.projects().insert(make_project("P", "id-admin"));
    FolderRecord root = make_folder(std::nullopt, "P", 3);
    root.project_id = project_;
    root_ = tx_.folders().insert(root);
  }

  std::int64_t folder(std::int64_t parent, const std::string& title) {
    return tx_.folders().insert(make_folder(parent, title));
  }
  std::int64_t file(std::int64_t folder_id, const std::string& title,
                    const std::string& content_key = "a") {
    return tx_.files().insert(make_file(folder_id, title, content_key));
  }

  std::int64_t project_ = 0;
  std::int64_t root_ = 0;  // the project's root folder
};

}  // namespace projectd::testing
