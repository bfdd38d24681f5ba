// Projects: rows, and the filtered, visible page of them.
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_filter_sql.h"
#include "store/sql/sql_project_repos.h"

#include <string>

namespace projectd {
namespace {

const std::string kProjectColumns =
    "p.id, p.title, p.description, p.status, p.responsible_id, p.is_private, p.folder_id, "
    "p.created, p.created_by, p.updated, p.updated_by";

ProjectRecord read_project(const SqlStatement& row) {
  return ProjectRecord{.id = row.int64(0),
                       .title = row.text(1),
                       .description = row.text(2),
                       .status = static_cast<ProjectStatus>(row.int64(3)),
                       .responsible_id = row.text(4),
                       .is_private = row.int64(5) != 0,
                       .folder_id = row.optional_int64(6),
                       .created = row.timestamp(7),
                       .created_by = row.text(8),
                       .updated = row.timestamp(9),
                       .updated_by = row.text(10)};
}

std::vector<ProjectRecord> read_projects(SqlStatement& statement) {
  std::vector<ProjectRecord> projects;
  while (statement.step())
    projects.push_back(read_project(statement));
  return projects;
}

// The WHERE clause of a project query: visibility first, then each filter present; filters
// through another table are `p.id IN (SELECT ...)` so that table's index can lead.
FilterSql project_filter(const ProjectQuery& query, const SqlDialect& dialect) {
  FilterSql sql(query.viewer, dialect);
  sql.where(project_readable_sql());
  if (query.status) sql.where("p.status = " + sql.param(static_cast<std::int64_t>(*query.status)));
  if (query.participant) {
    sql.where("p.id IN (SELECT project_id FROM project_team WHERE user_id = " +
              sql.param(*query.participant) + ")");
  }
  if (query.manager) sql.where("p.responsible_id = " + sql.param(*query.manager));
  if (query.department) {
    // The original's ProjectDao: a team member in the group (the participant, when one is named).
    std::string in_group =
        "p.id IN (SELECT t.project_id FROM project_team t JOIN group_members g "
        "ON g.user_id = t.user_id WHERE g.group_id = " +
        sql.param(*query.department);
    if (query.participant) in_group += " AND t.user_id = " + sql.param(*query.participant);
    sql.where(in_group + ")");
  }
  if (query.follower) {
    sql.where("p.id IN (SELECT project_id FROM project_followers WHERE user_id = " +
              sql.param(*query.follower) + ")");
  }
  if (query.tag_id) {
    sql.where("p.id IN (SELECT project_id FROM project_tags WHERE tag_id = " +
              sql.param(*query.tag_id) + ")");
  }
  if (query.tag_title) {
    const SqlDialect& dialect = sql.dialect();
    sql.where(
        "p.id IN (SELECT pt.project_id FROM project_tags pt JOIN tags tg ON tg.id = pt.tag_id "
        "WHERE " +
        dialect.ascii_lower("tg.title") + " = " + dialect.ascii_lower(sql.param(*query.tag_title)) +
        ")");
  }
  if (!query.text.empty()) sql.where_contains({"p.title", "p.description"}, query.text);
  return sql;
}

std::string project_order(const ProjectQuery& query, const SqlDialect& dialect) {
  const char* direction = query.descending ? " DESC" : "";
  // Titles ignore ASCII case, as the original's MySQL collation did; the index projects_title
  // is on the same expression.
  const std::string column =
      query.sort == ProjectSort::kTitle ? dialect.nocase("p.title") : "p.created";
  return "ORDER BY " + column + direction + ", p.id" + direction;
}

}  // namespace

std::optional<ProjectRecord> SqlProjectRepo::by_id(std::int64_t id) {
  SqlStatement statement =
      connection_.prepare("SELECT " + kProjectColumns + " FROM projects p WHERE p.id = ?1");
  statement.bind_all(id);
  if (!statement.step()) return std::nullopt;
  return read_project(statement);
}

std::vector<ProjectRecord> SqlProjectRepo::by_ids(const std::vector<std::int64_t>& ids) {
  SqlStatement statement =
      connection_.prepare("SELECT " + kProjectColumns + " FROM projects p WHERE " +
                          connection_.dialect().in_ids("p.id", 1, ids.size()) + " ORDER BY p.id");
  statement.bind_all(ids_value(ids));
  return read_projects(statement);
}

std::int64_t SqlProjectRepo::insert(const ProjectRecord& p) {
  return connection_
      .prepare(
          "INSERT INTO projects (title, description, status, responsible_id, is_private, "
          "folder_id, created, created_by, updated, updated_by) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id")
      .bind_all(p.title, p.description, p.status, p.responsible_id, p.is_private, p.folder_id,
                p.created, p.created_by, p.updated, p.updated_by)
      .run_returning_id();
}

void SqlProjectRepo::update(const ProjectRecord& p) {
  connection_
      .prepare(
          "UPDATE projects SET title = ?2, description = ?3, status = ?4, responsible_id = ?5, "
          "is_private = ?6, folder_id = ?7, created = ?8, created_by = ?9, updated = ?10, "
          "updated_by = ?11 WHERE id = ?1")
      .bind_all(p.id, p.title, p.description, p.status, p.responsible_id, p.is_private, p.folder_id,
                p.created, p.created_by, p.updated, p.updated_by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

// Team, followers, tags, milestones and tasks (with their subtasks, links, responsibles,
// subscribers and reminders) go through ON DELETE CASCADE. The documents folder stays: its files
// are the domain's to release.
void SqlProjectRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM projects WHERE id = ?1").bind_all(id).run();
}

std::vector<ProjectRecord> SqlProjectRepo::page(const ProjectQuery& query) {
  FilterSql sql = project_filter(query, connection_.dialect());
  std::string limit = sql.param(query.limit);
  std::string offset = sql.param(query.offset);
  SqlStatement statement = connection_.prepare(
      "SELECT " + kProjectColumns + " " + project_from_sql() + sql.where_sql() + " " +
      project_order(query, connection_.dialect()) + " LIMIT " + limit + " OFFSET " + offset);
  sql.bind(statement);
  return read_projects(statement);
}

std::int64_t SqlProjectRepo::count(const ProjectQuery& query) {
  FilterSql sql = project_filter(query, connection_.dialect());
  SqlStatement statement =
      connection_.prepare("SELECT count(*) " + project_from_sql() + sql.where_sql());
  sql.bind(statement);
  statement.step();
  return statement.int64(0);
}

}  // namespace projectd
