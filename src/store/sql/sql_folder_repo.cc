// Folders: the @my, @common and project roots and their subfolder trees.
#include "base/errors.h"
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_file_repos.h"
#include "store/sql/sql_file_rows.h"

#include <string>

namespace projectd {
namespace {

std::optional<FolderRecord> first_folder(SqlStatement& rows) {
  if (!rows.step()) return std::nullopt;
  return read_folder_row(rows);
}

}  // namespace

std::optional<FolderRecord> SqlFolderRepo::by_id(std::int64_t id) {
  SqlStatement rows =
      connection_.prepare("SELECT " + folder_columns_sql() + " FROM folders d WHERE d.id = ?1");
  rows.bind_all(id);
  return first_folder(rows);
}

// `kind = 1` lets SQLite use the partial index folders_my.
std::optional<FolderRecord> SqlFolderRepo::my_folder(std::string_view user_id) {
  SqlStatement rows = connection_.prepare("SELECT " + folder_columns_sql() +
                                          " FROM folders d WHERE d.kind = 1 AND d.owner_id = ?1");
  rows.bind_all(user_id);
  return first_folder(rows);
}

std::optional<FolderRecord> SqlFolderRepo::common_folder() {
  SqlStatement rows = connection_.prepare("SELECT " + folder_columns_sql() +
                                          " FROM folders d WHERE d.kind = 2 ORDER BY d.id LIMIT 1");
  return first_folder(rows);
}

// A subfolder copies its place (root, owner, project) from its parent inside the INSERT, so the
// inherited values cannot disagree with the parent as stored. A root names itself as its root in a
// second statement, once its id exists.
std::int64_t SqlFolderRepo::insert(const FolderRecord& f) {
  if (f.parent_id) {
    SqlStatement inserted = connection_.prepare(
        "INSERT INTO folders (parent_id, kind, owner_id, project_id, title, created, "
        "created_by, updated, updated_by, root_id, root_kind) "
        "SELECT p.id, ?2, p.owner_id, p.project_id, ?3, ?4, ?5, ?6, ?7, p.root_id, "
        "p.root_kind FROM folders p WHERE p.id = ?1 RETURNING id");
    inserted.bind_all(*f.parent_id, f.kind, f.title, f.created, f.created_by, f.updated,
                      f.updated_by);
    if (!inserted.step()) throw_not_found();
    return inserted.int64(0);
  }
  std::int64_t id =
      connection_
          .prepare(
              "INSERT INTO folders (parent_id, kind, owner_id, project_id, title, created, "
              "created_by, updated, updated_by, root_kind) "
              "VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?1) RETURNING id")
          .bind_all(f.kind, f.owner_id, f.project_id, f.title, f.created, f.created_by, f.updated,
                    f.updated_by)
          .run_returning_id();
  connection_.prepare("UPDATE folders SET root_id = id WHERE id = ?1").bind_all(id).run();
  return id;
}

void SqlFolderRepo::rename(std::int64_t id, std::string_view title, Timestamp at,
                           std::string_view by) {
  connection_.prepare("UPDATE folders SET title = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1")
      .bind_all(id, title, at, by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

// The subtree goes with it through parent_id's ON DELETE CASCADE, and with each folder its files
// (files.folder_id), their versions and attachments (file_id). A project pointing at a removed
// folder keeps no dangling id (ON DELETE SET NULL).
void SqlFolderRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM folders WHERE id = ?1").bind_all(id).run();
}

// LIKE '%%' (an empty text) matches every title, so one statement serves both cases. The order
// is the index folders_parent (parent_id, nocase(title), id).
std::vector<FolderRecord> SqlFolderRepo::children(const FolderListQuery& query) {
  const SqlDialect& dialect = connection_.dialect();
  SqlStatement rows = connection_.prepare("SELECT " + folder_columns_sql() +
                                          " FROM folders d WHERE d.parent_id = ?1 AND " +
                                          dialect.like("d.title", "?2") + " ORDER BY " +
                                          dialect.nocase("d.title") + ", d.id LIMIT ?3 OFFSET ?4");
  rows.bind_all(query.parent_id, like_pattern(query.text), query.limit, query.offset);
  return read_folders(rows);
}

std::int64_t SqlFolderRepo::count_children(const FolderListQuery& query) {
  SqlStatement count =
      connection_.prepare("SELECT count(*) FROM folders d WHERE d.parent_id = ?1 AND " +
                          connection_.dialect().like("d.title", "?2"));
  count.bind_all(query.parent_id, like_pattern(query.text));
  count.step();
  return count.int64(0);
}

std::optional<FolderRecord> SqlFolderRepo::child_by_title(std::int64_t parent_id,
                                                          std::string_view title) {
  SqlStatement rows = connection_.prepare(
      "SELECT " + folder_columns_sql() + " FROM folders d WHERE d.parent_id = ?1 AND " +
      connection_.dialect().nocase("d.title") + " = " + connection_.dialect().nocase("?2") +
      " ORDER BY d.id LIMIT 1");
  rows.bind_all(parent_id, title);
  return first_folder(rows);
}

// Correlated counts per asked id, so an id with nothing inside (or no folder at all) still gets
// its row of zeros.
std::vector<FolderCounts> SqlFolderRepo::counts(const std::vector<std::int64_t>& ids) {
  SqlStatement rows = connection_.prepare(
      std::string("SELECT a.id, (SELECT count(*) FROM files WHERE folder_id = a.id), ") +
      "(SELECT count(*) FROM folders WHERE parent_id = a.id) "
      "FROM (SELECT DISTINCT value AS id FROM " +
      connection_.dialect().json_values(1, SqlType::kInt) + ") a ORDER BY a.id");
  rows.bind_all(json_array(ids));
  std::vector<FolderCounts> counts;
  while (rows.step())
    counts.push_back(
        FolderCounts{.folder_id = rows.int64(0), .files = rows.int64(1), .folders = rows.int64(2)});
  return counts;
}

// Climbs parent_id from the folder; the depth orders the way back down. The depth bound only
// guards against a cycle, which the repository never makes.
std::vector<FolderRecord> SqlFolderRepo::path(std::int64_t id) {
  SqlStatement rows = connection_.prepare(
      "WITH RECURSIVE up (id, depth) AS ("
      "SELECT id, 0 FROM folders WHERE id = ?1 "
      "UNION ALL "
      "SELECT p.parent_id, up.depth + 1 FROM up JOIN folders p ON p.id = up.id "
      "WHERE p.parent_id IS NOT NULL AND up.depth < 10000) "
      "SELECT " +
      folder_columns_sql() + " FROM up JOIN folders d ON d.id = up.id ORDER BY up.depth DESC");
  rows.bind_all(id);
  return read_folders(rows);
}

std::vector<FolderRecord> SqlFolderRepo::by_ids(const std::vector<std::int64_t>& ids) {
  SqlStatement rows =
      connection_.prepare("SELECT " + folder_columns_sql() + " FROM folders d WHERE " +
                          connection_.dialect().in_ids("d.id", 1, ids.size()) + " ORDER BY d.id");
  rows.bind_all(ids_value(ids));
  return read_folders(rows);
}

// Walks parent_id down from the folder; the depth puts parents before their children.
std::vector<FolderRecord> SqlFolderRepo::subtree(std::int64_t id) {
  SqlStatement rows = connection_.prepare(
      "WITH RECURSIVE down (id, depth) AS ("
      "SELECT id, 0 FROM folders WHERE id = ?1 "
      "UNION ALL "
      "SELECT c.id, down.depth + 1 FROM folders c JOIN down ON c.parent_id = down.id) "
      "SELECT " +
      folder_columns_sql() + " FROM down JOIN folders d ON d.id = down.id ORDER BY down.depth, " +
      connection_.dialect().nocase("d.title") + ", d.id");
  rows.bind_all(id);
  return read_folders(rows);
}

// The folder takes its new parent first; then the whole subtree (the folder included) copies its
// place from that parent, so no folder below can disagree with the tree it now belongs to. The
// parent is outside the subtree (the caller checks), so the scalar reads see it unchanged.
void SqlFolderRepo::move(std::int64_t id, std::int64_t parent_id, Timestamp at,
                         std::string_view by) {
  connection_
      .prepare(
          "UPDATE folders SET parent_id = ?2, updated = ?3, updated_by = ?4 "
          "WHERE id = ?1 AND EXISTS (SELECT 1 FROM folders p WHERE p.id = ?2)")
      .bind_all(id, parent_id, at, by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
  connection_
      .prepare(
          "WITH RECURSIVE down (id) AS ("
          "SELECT id FROM folders WHERE id = ?1 "
          "UNION ALL "
          "SELECT c.id FROM folders c JOIN down ON c.parent_id = down.id) "
          "UPDATE folders SET "
          "root_id = (SELECT p.root_id FROM folders p WHERE p.id = ?2), "
          "root_kind = (SELECT p.root_kind FROM folders p WHERE p.id = ?2), "
          "owner_id = (SELECT p.owner_id FROM folders p WHERE p.id = ?2), "
          "project_id = (SELECT p.project_id FROM folders p WHERE p.id = ?2) "
          "WHERE id IN (SELECT id FROM down)")
      .bind_all(id, parent_id)
      .run();
}

}  // namespace projectd
