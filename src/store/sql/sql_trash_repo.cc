// The trash's marks and kept attachments (sql_trash_repo.h).
#include "store/sql/sql_trash_repo.h"

#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_file_rows.h"
#include "store/sql/sql_statement.h"

namespace projectd {
namespace {

// The gap's cutoff for a settings row `s`: ?1 .. ?5 for gaps 1 .. 5, none (nothing expires) else.
constexpr const char* kTrashCutoffSql =
    "CASE s.auto_cleanup_gap WHEN 1 THEN ?1 WHEN 2 THEN ?2 WHEN 3 THEN ?3 WHEN 4 THEN ?4 "
    "WHEN 5 THEN ?5 END";

}  // namespace

// `kind = 4` lets both databases use the partial index folders_trash.
std::optional<FolderRecord> SqlTrashRepo::trash_folder(std::string_view user_id) {
  SqlStatement rows = connection_.prepare("SELECT " + folder_columns_sql() +
                                          " FROM folders d WHERE d.kind = 4 AND d.owner_id = ?1");
  rows.bind_all(user_id);
  if (!rows.step()) return std::nullopt;
  return read_folder_row(rows);
}

void SqlTrashRepo::mark(const char* table, std::int64_t id, std::int64_t from, Timestamp at) {
  connection_
      .prepare(std::string("UPDATE ") + table +
               " SET trashed_at = ?2, trashed_from = ?3 WHERE id = ?1")
      .bind_all(id, at, from)
      .run();
}

void SqlTrashRepo::mark_file(std::int64_t id, std::int64_t from, Timestamp at) {
  mark("files", id, from, at);
}

void SqlTrashRepo::mark_folder(std::int64_t id, std::int64_t from, Timestamp at) {
  mark("folders", id, from, at);
}

void SqlTrashRepo::unmark(const std::vector<std::int64_t>& file_ids,
                          const std::vector<std::int64_t>& folder_ids) {
  const SqlDialect& dialect = connection_.dialect();
  if (!file_ids.empty())
    connection_
        .prepare("UPDATE files SET trashed_at = NULL, trashed_from = NULL WHERE " +
                 dialect.in_ids("id", 1, file_ids.size()))
        .bind_all(ids_value(file_ids))
        .run();
  if (!folder_ids.empty())
    connection_
        .prepare("UPDATE folders SET trashed_at = NULL, trashed_from = NULL WHERE " +
                 dialect.in_ids("id", 1, folder_ids.size()))
        .bind_all(ids_value(folder_ids))
        .run();
}

void SqlTrashRepo::remember_attachment(const AttachmentRecord& a) {
  connection_
      .prepare(
          "INSERT INTO trashed_attachments (file_id, entity_kind, entity_id, attached, "
          "attached_by) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
      .bind_all(a.file_id, a.kind, a.entity_id, a.attached, a.attached_by)
      .run();
}

std::vector<AttachmentRecord> SqlTrashRepo::take_attachments(
    const std::vector<std::int64_t>& file_ids) {
  std::vector<AttachmentRecord> out;
  if (file_ids.empty()) return out;
  const std::string where = connection_.dialect().in_ids("file_id", 1, file_ids.size());
  SqlStatement rows = connection_.prepare(
      "SELECT file_id, entity_kind, entity_id, attached, attached_by FROM trashed_attachments "
      "WHERE " +
      where + " ORDER BY file_id, entity_kind, entity_id");
  rows.bind_all(ids_value(file_ids));
  while (rows.step())
    out.push_back(AttachmentRecord{static_cast<EntityKind>(rows.int64(1)), rows.int64(2),
                                   rows.int64(0), rows.timestamp(3), rows.text(4)});
  if (!out.empty())
    connection_.prepare("DELETE FROM trashed_attachments WHERE " + where)
        .bind_all(ids_value(file_ids))
        .run();
  return out;
}

std::vector<ExpiredTrashEntry> SqlTrashRepo::expired(const std::vector<Timestamp>& cutoffs) {
  SqlStatement rows = connection_.prepare(
      std::string("SELECT t.owner_id, 0, f.id FROM files f JOIN folders t ON t.id = f.folder_id "
                  "JOIN files_user_settings s ON s.user_id = t.owner_id "
                  "WHERE t.kind = 4 AND s.auto_cleanup <> 0 AND f.trashed_at < ") +
      kTrashCutoffSql +
      " UNION ALL "
      "SELECT t.owner_id, 1, d.id FROM folders d JOIN folders t ON t.id = d.parent_id "
      "JOIN files_user_settings s ON s.user_id = t.owner_id "
      "WHERE t.kind = 4 AND s.auto_cleanup <> 0 AND d.trashed_at < " +
      kTrashCutoffSql + " ORDER BY 1, 2, 3");
  rows.bind_all(cutoffs.at(0), cutoffs.at(1), cutoffs.at(2), cutoffs.at(3), cutoffs.at(4));
  std::vector<ExpiredTrashEntry> out;
  while (rows.step())
    out.push_back(ExpiredTrashEntry{rows.text(0), rows.int64(1) != 0, rows.int64(2)});
  return out;
}

}  // namespace projectd
