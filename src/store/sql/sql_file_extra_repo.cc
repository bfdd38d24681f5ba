// FilesSettings, file and folder marks, and the title search's scan (sql_file_extra_repos.h).
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_file_extra_repos.h"
#include "store/sql/sql_file_rows.h"

#include <algorithm>
#include <string>

namespace projectd {
namespace {

// The two mark tables differ only in their names: file_marks(file_id), folder_marks(folder_id).
struct MarkTable {
  const char* table;
  const char* column;
};
constexpr MarkTable kFileMarkTable{"file_marks", "file_id"};
constexpr MarkTable kFolderMarkTable{"folder_marks", "folder_id"};

void mark_entries(SqlConnection& db, MarkTable t, std::string_view user_id, FileMarkKind kind,
                  const std::vector<std::int64_t>& ids, Timestamp at) {
  if (ids.empty()) return;
  // One row per id: ON CONFLICT may not meet the same row twice in one statement.
  std::vector<std::int64_t> distinct = ids;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const std::string table = t.table;
  const std::string column = t.column;
  db.prepare("INSERT INTO " + table + " (user_id, kind, " + column +
             ", at) SELECT ?1, ?2, value, ?4 FROM " + db.dialect().json_values(3, SqlType::kInt) +
             // WHERE true: SQLite reads an upsert's ON after a bare FROM as a join's.
             " WHERE true ON CONFLICT (user_id, kind, " + column +
             ") DO UPDATE SET at = excluded.at")
      .bind_all(user_id, kind, json_array(distinct), at)
      .run();
}

void unmark_entries(SqlConnection& db, MarkTable t, std::string_view user_id, FileMarkKind kind,
                    const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return;
  db.prepare("DELETE FROM " + std::string(t.table) + " WHERE user_id = ?1 AND kind = ?2 AND " +
             db.dialect().in_ids(t.column, 3, ids.size()))
      .bind_all(user_id, kind, ids_value(ids))
      .run();
}

std::vector<FileMark> marks_of(SqlConnection& db, MarkTable t, std::string_view user_id,
                               FileMarkKind kind) {
  const std::string column = t.column;
  SqlStatement rows =
      db.prepare("SELECT " + column + ", at FROM " + std::string(t.table) +
                 " WHERE user_id = ?1 AND kind = ?2 ORDER BY at DESC, " + column + " DESC");
  rows.bind_all(user_id, kind);
  std::vector<FileMark> out;
  while (rows.step())
    out.push_back(FileMark{rows.int64(0), rows.timestamp(1)});
  return out;
}

}  // namespace

FilesUserSettings SqlFilesSettingsRepo::of_user(std::string_view user_id) {
  SqlStatement row = connection_.prepare(
      "SELECT store_original, update_if_exist, hide_confirm_convert_save, "
      "hide_confirm_convert_open, recent_section, favorites_section, templates_section, "
      "auto_cleanup, auto_cleanup_gap FROM files_user_settings WHERE user_id = ?1");
  row.bind_all(user_id);
  FilesUserSettings out;
  if (row.step()) {
    out.store_original = row.int64(0) != 0;
    out.update_if_exist = row.int64(1) != 0;
    out.hide_confirm_convert_save = row.int64(2) != 0;
    out.hide_confirm_convert_open = row.int64(3) != 0;
    out.recent_section = row.int64(4) != 0;
    out.favorites_section = row.int64(5) != 0;
    out.templates_section = row.int64(6) != 0;
    out.auto_cleanup = row.int64(7) != 0;
    out.auto_cleanup_gap = static_cast<AutoCleanUpGap>(row.int64(8));
  }
  return out;
}

void SqlFilesSettingsRepo::save_user(std::string_view user_id, const FilesUserSettings& s) {
  connection_
      .prepare(
          "INSERT INTO files_user_settings (user_id, store_original, update_if_exist, "
          "hide_confirm_convert_save, hide_confirm_convert_open, recent_section, "
          "favorites_section, templates_section, auto_cleanup, auto_cleanup_gap) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (user_id) DO UPDATE SET "
          "store_original = excluded.store_original, update_if_exist = excluded.update_if_exist, "
          "hide_confirm_convert_save = excluded.hide_confirm_convert_save, "
          "hide_confirm_convert_open = excluded.hide_confirm_convert_open, "
          "recent_section = excluded.recent_section, "
          "favorites_section = excluded.favorites_section, "
          "templates_section = excluded.templates_section, auto_cleanup = excluded.auto_cleanup, "
          "auto_cleanup_gap = excluded.auto_cleanup_gap")
      .bind_all(user_id, s.store_original, s.update_if_exist, s.hide_confirm_convert_save,
                s.hide_confirm_convert_open, s.recent_section, s.favorites_section,
                s.templates_section, s.auto_cleanup, s.auto_cleanup_gap)
      .run();
}

void SqlFileMarkRepo::mark_files(std::string_view user_id, FileMarkKind kind,
                                 const std::vector<std::int64_t>& file_ids, Timestamp at) {
  mark_entries(connection_, kFileMarkTable, user_id, kind, file_ids, at);
}

void SqlFileMarkRepo::unmark_files(std::string_view user_id, FileMarkKind kind,
                                   const std::vector<std::int64_t>& file_ids) {
  unmark_entries(connection_, kFileMarkTable, user_id, kind, file_ids);
}

void SqlFileMarkRepo::mark_folders(std::string_view user_id, FileMarkKind kind,
                                   const std::vector<std::int64_t>& folder_ids, Timestamp at) {
  mark_entries(connection_, kFolderMarkTable, user_id, kind, folder_ids, at);
}

void SqlFileMarkRepo::unmark_folders(std::string_view user_id, FileMarkKind kind,
                                     const std::vector<std::int64_t>& folder_ids) {
  unmark_entries(connection_, kFolderMarkTable, user_id, kind, folder_ids);
}

std::vector<FileMark> SqlFileMarkRepo::files(std::string_view user_id, FileMarkKind kind) {
  return marks_of(connection_, kFileMarkTable, user_id, kind);
}

std::vector<FileMark> SqlFileMarkRepo::folders(std::string_view user_id, FileMarkKind kind) {
  return marks_of(connection_, kFolderMarkTable, user_id, kind);
}

std::optional<Timestamp> SqlFileMarkRepo::file_mark(std::string_view user_id, FileMarkKind kind,
                                                    std::int64_t file_id) {
  SqlStatement row = connection_.prepare(
      "SELECT at FROM file_marks WHERE user_id = ?1 AND kind = ?2 AND file_id = ?3");
  row.bind_all(user_id, kind, file_id);
  if (!row.step()) return std::nullopt;
  return row.timestamp(0);
}

void SqlFileMarkRepo::keep_newest_files(std::string_view user_id, FileMarkKind kind,
                                        std::int64_t keep) {
  connection_
      .prepare(
          "DELETE FROM file_marks WHERE user_id = ?1 AND kind = ?2 AND file_id NOT IN ("
          "SELECT file_id FROM file_marks WHERE user_id = ?1 AND kind = ?2 "
          "ORDER BY at DESC, file_id DESC LIMIT ?3)")
      .bind_all(user_id, kind, keep)
      .run();
}

std::vector<FolderRecord> SqlFileSearchRepo::roots_for(std::string_view owner_id) {
  SqlStatement rows = connection_.prepare("SELECT " + folder_columns_sql() +
                                          " FROM folders d WHERE d.parent_id IS NULL AND "
                                          "(d.kind IN (2, 3) OR (d.kind = 1 AND d.owner_id = ?1)) "
                                          "ORDER BY d.id");
  rows.bind_all(owner_id);
  return read_folders(rows);
}

std::vector<TitleEntry> SqlFileSearchRepo::entries_under(const std::vector<std::int64_t>& roots) {
  std::vector<TitleEntry> out;
  if (roots.empty()) return out;
  const SqlDialect& dialect = connection_.dialect();
  SqlStatement files = connection_.prepare(
      "SELECT f.id, f.title FROM files f JOIN folders d ON d.id = f.folder_id WHERE " +
      dialect.in_ids("d.root_id", 1, roots.size()) + " ORDER BY f.id");
  files.bind_all(ids_value(roots));
  while (files.step())
    out.push_back(TitleEntry{false, files.int64(0), files.text(1)});
  SqlStatement folders =
      connection_.prepare("SELECT d.id, d.title FROM folders d WHERE d.parent_id IS NOT NULL AND " +
                          dialect.in_ids("d.root_id", 1, roots.size()) + " ORDER BY d.id");
  folders.bind_all(ids_value(roots));
  while (folders.step())
    out.push_back(TitleEntry{true, folders.int64(0), folders.text(1)});
  return out;
}

std::vector<FolderRecord> SqlFileSearchRepo::folders_by_ids(const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  SqlStatement rows =
      connection_.prepare("SELECT " + folder_columns_sql() + " FROM folders d WHERE " +
                          connection_.dialect().in_ids("d.id", 1, ids.size()) + " ORDER BY d.id");
  rows.bind_all(ids_value(ids));
  return read_folders(rows);
}

}  // namespace projectd
