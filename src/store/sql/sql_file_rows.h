// The folder and file columns every read selects, shared by the Documents repositories' files,
// and how a row of them becomes a record.
#pragma once

#include "store/file_records.h"
#include "store/sql/sql_connection.h"

#include <string>
#include <vector>

namespace projectd {

// Columns 0..11 of folders (alias d).
inline const std::string& folder_columns_sql() {
  static const std::string sql =
      "d.id, d.parent_id, d.kind, d.root_id, d.root_kind, d.owner_id, d.project_id, d.title, "
      "d.created, d.created_by, d.updated, d.updated_by";
  return sql;
}

inline FolderRecord read_folder_row(const SqlStatement& row) {
  return FolderRecord{.id = row.int64(0),
                      .parent_id = row.optional_int64(1),
                      .kind = static_cast<int>(row.int64(2)),
                      .root_id = row.int64(3),
                      .root_kind = static_cast<int>(row.int64(4)),
                      .owner_id = row.optional_text(5),
                      .project_id = row.optional_int64(6),
                      .title = row.text(7),
                      .created = row.timestamp(8),
                      .created_by = row.text(9),
                      .updated = row.timestamp(10),
                      .updated_by = row.text(11)};
}

inline std::vector<FolderRecord> read_folders(SqlStatement& rows) {
  std::vector<FolderRecord> folders;
  while (rows.step())
    folders.push_back(read_folder_row(rows));
  return folders;
}

// Columns 0..17 of a file as one version shows it: files f, file_versions v, folders d.
inline const std::string& file_columns_sql() {
  static const std::string sql =
      "f.id, f.folder_id, f.title, f.current_version, v.version, v.sha256, v.size, v.comment, "
      "v.created, v.created_by, f.created, f.created_by, f.updated, f.updated_by, d.root_kind, "
      "d.owner_id, d.project_id, v.version_group";
  return sql;
}

// files f with its current version v and its folder d.
inline const std::string& current_file_from_sql() {
  static const std::string sql =
      " FROM files f JOIN file_versions v ON v.file_id = f.id AND v.version = f.current_version"
      " JOIN folders d ON d.id = f.folder_id";
  return sql;
}

inline FileRecord read_file_row(const SqlStatement& row) {
  return FileRecord{.id = row.int64(0),
                    .folder_id = row.int64(1),
                    .title = row.text(2),
                    .current_version = static_cast<int>(row.int64(3)),
                    .version = FileVersionRecord{.version = static_cast<int>(row.int64(4)),
                                                 .sha256 = row.text(5),
                                                 .size = row.int64(6),
                                                 .comment = row.optional_text(7),
                                                 .created = row.timestamp(8),
                                                 .created_by = row.text(9),
                                                 .version_group = static_cast<int>(row.int64(17))},
                    .created = row.timestamp(10),
                    .created_by = row.text(11),
                    .updated = row.timestamp(12),
                    .updated_by = row.text(13),
                    .root_kind = static_cast<int>(row.int64(14)),
                    .owner_id = row.optional_text(15),
                    .project_id = row.optional_int64(16)};
}

inline std::vector<FileRecord> read_files(SqlStatement& rows) {
  std::vector<FileRecord> files;
  while (rows.step())
    files.push_back(read_file_row(rows));
  return files;
}

}  // namespace projectd
