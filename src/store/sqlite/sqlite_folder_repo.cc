#include "store/sqlite/sqlite_project_repos.h"

namespace projectd {

std::optional<FolderRecord> SqliteFolderRepo::by_id(std::int64_t id) {
  SqliteStatement row = connection_.prepare(
      "SELECT id, parent_id, kind, owner_id, project_id, title, created, created_by, updated, "
      "updated_by FROM folders WHERE id = ?1");
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return FolderRecord{.id = row.int64(0),
                      .parent_id = row.optional_int64(1),
                      .kind = static_cast<int>(row.int64(2)),
                      .owner_id = row.optional_text(3),
                      .project_id = row.optional_int64(4),
                      .title = row.text(5),
                      .created = row.timestamp(6),
                      .created_by = row.text(7),
                      .updated = row.timestamp(8),
                      .updated_by = row.text(9)};
}

std::int64_t SqliteFolderRepo::insert(const FolderRecord& f) {
  connection_
      .prepare(
          "INSERT INTO folders (parent_id, kind, owner_id, project_id, title, created, "
          "created_by, updated, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .bind_all(f.parent_id, f.kind, f.owner_id, f.project_id, f.title, f.created, f.created_by,
                f.updated, f.updated_by)
      .run();
  return connection_.last_insert_rowid();
}

// The subtree goes with it through parent_id's ON DELETE CASCADE; a project pointing at a removed
// folder keeps no dangling id (ON DELETE SET NULL).
void SqliteFolderRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM folders WHERE id = ?1").bind_all(id).run();
}

}  // namespace projectd
