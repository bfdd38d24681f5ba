// Files and their versions. A read joins the file, the version it shows and its folder (for the
// tree's root kind, owner and project), so one row is one FileRecord.
#include "base/errors.h"
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_file_repos.h"
#include "store/sql/sql_file_rows.h"

#include <string>

namespace projectd {
namespace {

std::optional<FileRecord> first_file(SqlStatement& rows) {
  if (!rows.step()) return std::nullopt;
  return read_file_row(rows);
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The conditions in_folder and count_in_folder share: ?1 the folder, ?2 a LIKE pattern ('%%'
// matches every title), ?3 a JSON array of extensions (empty: any).
std::string in_folder_where(const SqlDialect& dialect) {
  return " WHERE f.folder_id = ?1 AND " + dialect.like("f.title", "?2") + " AND (" +
         dialect.json_length(3) + " = 0 OR f.extension IN (SELECT value FROM " +
         dialect.json_values(3, SqlType::kText) + "))";
}

}  // namespace

std::string stored_extension(std::string_view title) {
  std::size_t dot = title.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == title.size()) return "";
  std::string extension(title.substr(dot));
  for (char& c : extension)
    c = ascii_lower(c);
  return extension;
}

std::optional<FileRecord> SqlFileRepo::by_id(std::int64_t id) {
  SqlStatement rows = connection_.prepare("SELECT " + file_columns_sql() + current_file_from_sql() +
                                          " WHERE f.id = ?1");
  rows.bind_all(id);
  return first_file(rows);
}

std::vector<FileRecord> SqlFileRepo::by_ids(const std::vector<std::int64_t>& ids) {
  SqlStatement rows =
      connection_.prepare("SELECT " + file_columns_sql() + current_file_from_sql() + " WHERE " +
                          connection_.dialect().in_ids("f.id", 1, ids.size()) + " ORDER BY f.id");
  rows.bind_all(ids_value(ids));
  return read_files(rows);
}

std::optional<FileRecord> SqlFileRepo::at_version(std::int64_t id, int version) {
  SqlStatement rows = connection_.prepare(
      "SELECT " + file_columns_sql() +
      " FROM files f JOIN file_versions v ON v.file_id = f.id AND v.version = ?2"
      " JOIN folders d ON d.id = f.folder_id WHERE f.id = ?1");
  rows.bind_all(id, version);
  return first_file(rows);
}

std::vector<FileRecord> SqlFileRepo::history(std::int64_t id) {
  SqlStatement rows = connection_.prepare(
      "SELECT " + file_columns_sql() +
      " FROM files f JOIN file_versions v ON v.file_id = f.id"
      " JOIN folders d ON d.id = f.folder_id WHERE f.id = ?1 ORDER BY v.version DESC");
  rows.bind_all(id);
  return read_files(rows);
}

std::optional<FileRecord> SqlFileRepo::by_title(std::int64_t folder_id, std::string_view title) {
  SqlStatement rows =
      connection_.prepare("SELECT " + file_columns_sql() + current_file_from_sql() +
                          " WHERE f.folder_id = ?1 AND " + connection_.dialect().nocase("f.title") +
                          " = " + connection_.dialect().nocase("?2") + " ORDER BY f.id LIMIT 1");
  rows.bind_all(folder_id, title);
  return first_file(rows);
}

std::int64_t SqlFileRepo::insert(const FileRecord& file) {
  const FileVersionRecord& v = file.version;
  std::int64_t id =
      connection_
          .prepare(
              "INSERT INTO files (folder_id, title, extension, current_version, created, "
              "created_by, "
              "updated, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id")
          .bind_all(file.folder_id, file.title, stored_extension(file.title), v.version,
                    file.created, file.created_by, file.updated, file.updated_by)
          .run_returning_id();
  connection_
      .prepare(
          "INSERT INTO file_versions (file_id, version, sha256, size, comment, created, "
          "created_by, version_group) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?2)")
      .bind_all(id, v.version, v.sha256, v.size, v.comment, v.created, v.created_by)
      .run();
  return id;
}

// The file row moves first, guarded by the expected current version, so a version number that
// does not follow on is refused before anything is written.
void SqlFileRepo::add_version(std::int64_t file_id, const FileVersionRecord& v) {
  connection_
      .prepare(
          "UPDATE files SET current_version = ?2, updated = ?3, updated_by = ?4 "
          "WHERE id = ?1 AND current_version + 1 = ?2")
      .bind_all(file_id, v.version, v.created, v.created_by)
      .run();
  if (connection_.changes() == 0) {
    SqlStatement exists = connection_.prepare("SELECT 1 FROM files WHERE id = ?1");
    exists.bind_all(file_id);
    if (!exists.step()) throw_not_found();
    throw ApiError(ErrorKind::kConflict, "The file has another version by now; try again");
  }
  // Groups never decrease with the version number, so the latest group is the largest.
  connection_
      .prepare(
          "INSERT INTO file_versions (file_id, version, sha256, size, comment, created, "
          "created_by, version_group) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT "
          "COALESCE(MAX(version_group), 0) + 1 FROM file_versions WHERE file_id = ?1))")
      .bind_all(file_id, v.version, v.sha256, v.size, v.comment, v.created, v.created_by)
      .run();
}

void SqlFileRepo::complete_version(std::int64_t id, int version) {
  connection_
      .prepare(
          "UPDATE file_versions SET version_group = version_group + 1 "
          "WHERE file_id = ?1 AND version > ?2")
      .bind_all(id, version)
      .run();
}

void SqlFileRepo::continue_version(std::int64_t id, int version) {
  SqlStatement group = connection_.prepare(
      "SELECT version_group FROM file_versions WHERE file_id = ?1 AND version = ?2");
  group.bind_all(id, version);
  if (!group.step()) throw_not_found();
  const std::int64_t version_group = group.int64(0);
  connection_
      .prepare(
          "UPDATE file_versions SET version_group = version_group - 1 "
          "WHERE file_id = ?1 AND version > ?2 AND version_group > ?3")
      .bind_all(id, version, version_group)
      .run();
}

void SqlFileRepo::rename(std::int64_t id, std::string_view title, Timestamp at,
                         std::string_view by) {
  connection_
      .prepare(
          "UPDATE files SET title = ?2, extension = ?3, updated = ?4, updated_by = ?5 "
          "WHERE id = ?1")
      .bind_all(id, title, stored_extension(title), at, by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

// Versions and attachments go through ON DELETE CASCADE on file_id.
void SqlFileRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM files WHERE id = ?1").bind_all(id).run();
}

// The order is the index files_folder (folder_id, nocase(title), id).
std::vector<FileRecord> SqlFileRepo::in_folder(const FileListQuery& query) {
  const SqlDialect& dialect = connection_.dialect();
  SqlStatement rows = connection_.prepare("SELECT " + file_columns_sql() + current_file_from_sql() +
                                          in_folder_where(dialect) + " ORDER BY " +
                                          dialect.nocase("f.title") + ", f.id LIMIT ?4 OFFSET ?5");
  rows.bind_all(query.folder_id, like_pattern(query.text), json_array(query.extensions),
                query.limit, query.offset);
  return read_files(rows);
}

std::int64_t SqlFileRepo::count_in_folder(const FileListQuery& query) {
  SqlStatement count =
      connection_.prepare("SELECT count(*) FROM files f" + in_folder_where(connection_.dialect()));
  count.bind_all(query.folder_id, like_pattern(query.text), json_array(query.extensions));
  count.step();
  return count.int64(0);
}

std::vector<std::int64_t> SqlFileRepo::ids_under(std::int64_t folder_id) {
  SqlStatement rows = connection_.prepare(
      "WITH RECURSIVE tree (id) AS ("
      "SELECT id FROM folders WHERE id = ?1 "
      "UNION ALL "
      "SELECT c.id FROM folders c JOIN tree ON c.parent_id = tree.id) "
      "SELECT f.id FROM files f JOIN tree ON f.folder_id = tree.id ORDER BY f.id");
  rows.bind_all(folder_id);
  std::vector<std::int64_t> ids;
  while (rows.step())
    ids.push_back(rows.int64(0));
  return ids;
}

std::vector<std::string> SqlFileRepo::contents_of(const std::vector<std::int64_t>& file_ids) {
  SqlStatement rows = connection_.prepare(
      "SELECT DISTINCT sha256 FROM file_versions WHERE " +
      connection_.dialect().in_ids("file_id", 1, file_ids.size()) + " ORDER BY sha256");
  rows.bind_all(ids_value(file_ids));
  std::vector<std::string> contents;
  while (rows.step())
    contents.push_back(rows.text(0));
  return contents;
}

bool SqlFileRepo::content_referenced(std::string_view sha256) {
  SqlStatement row = connection_.prepare(
      "SELECT EXISTS (SELECT 1 FROM file_versions WHERE sha256 = ?1) OR "
      "EXISTS (SELECT 1 FROM user_photos WHERE sha256 = ?1)");
  row.bind_all(sha256);
  row.step();
  return row.int64(0) != 0;
}

// The folder must exist (files.folder_id's foreign key); the caller found it in this transaction.
void SqlFileRepo::move(std::int64_t id, std::int64_t folder_id, std::string_view title,
                       Timestamp at, std::string_view by) {
  connection_
      .prepare(
          "UPDATE files SET folder_id = ?2, title = ?3, extension = ?4, updated = ?5, "
          "updated_by = ?6 WHERE id = ?1")
      .bind_all(id, folder_id, title, stored_extension(title), at, by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

}  // namespace projectd
