// Subtasks and task links (Gantt dependencies) of the task repository.
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_project_repos.h"

#include <algorithm>
#include <string>
#include <utility>

namespace projectd {
namespace {

const std::string kSubtaskSelect =
    "SELECT id, task_id, title, status, responsible_id, created, created_by, updated, updated_by "
    "FROM subtasks ";

SubtaskRecord read_subtask(const SqlStatement& row) {
  return SubtaskRecord{.id = row.int64(0),
                       .task_id = row.int64(1),
                       .title = row.text(2),
                       .status = static_cast<TaskStatus>(row.int64(3)),
                       .responsible_id = row.optional_text(4),
                       .created = row.timestamp(5),
                       .created_by = row.text(6),
                       .updated = row.timestamp(7),
                       .updated_by = row.text(8)};
}

TaskLinkRecord read_link(const SqlStatement& row) {
  return TaskLinkRecord{.parent_task_id = row.int64(0),
                        .dependence_task_id = row.int64(1),
                        .link_type = static_cast<TaskLinkType>(row.int64(2))};
}

}  // namespace

std::vector<SubtaskRecord> SqlTaskRepo::subtasks_of(const std::vector<std::int64_t>& task_ids) {
  SqlStatement rows = connection_.prepare(
      kSubtaskSelect + "WHERE " + connection_.dialect().in_ids("task_id", 1, task_ids.size()) +
      " ORDER BY task_id, id");
  rows.bind_all(ids_value(task_ids));
  std::vector<SubtaskRecord> subtasks;
  while (rows.step())
    subtasks.push_back(read_subtask(rows));
  return subtasks;
}

std::optional<SubtaskRecord> SqlTaskRepo::subtask(std::int64_t id) {
  SqlStatement row = connection_.prepare(kSubtaskSelect + "WHERE id = ?1");
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return read_subtask(row);
}

std::int64_t SqlTaskRepo::insert_subtask(const SubtaskRecord& s) {
  return connection_
      .prepare(
          "INSERT INTO subtasks (task_id, title, status, responsible_id, created, created_by, "
          "updated, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id")
      .bind_all(s.task_id, s.title, s.status, s.responsible_id, s.created, s.created_by, s.updated,
                s.updated_by)
      .run_returning_id();
}

void SqlTaskRepo::update_subtask(const SubtaskRecord& s) {
  connection_
      .prepare(
          "UPDATE subtasks SET task_id = ?2, title = ?3, status = ?4, responsible_id = ?5, "
          "created = ?6, created_by = ?7, updated = ?8, updated_by = ?9 WHERE id = ?1")
      .bind_all(s.id, s.task_id, s.title, s.status, s.responsible_id, s.created, s.created_by,
                s.updated, s.updated_by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

void SqlTaskRepo::remove_subtask(std::int64_t id) {
  connection_.prepare("DELETE FROM subtasks WHERE id = ?1").bind_all(id).run();
}

void SqlTaskRepo::close_subtasks(std::int64_t task_id, std::string_view by, Timestamp at) {
  connection_
      .prepare(
          "UPDATE subtasks SET status = ?2, updated = ?3, updated_by = ?4 "
          "WHERE task_id = ?1 AND status = ?5")
      .bind_all(task_id, TaskStatus::kClosed, at, by, TaskStatus::kOpen)
      .run();
}

// ?1 is used twice: one list serves both directions.
std::vector<TaskLinkRecord> SqlTaskRepo::links_of(const std::vector<std::int64_t>& task_ids) {
  // Two index lookups, each link once, sorted here: an OR of the two columns with ORDER BY made
  // SQLite sort every GET task's links in a sorter of its own (issue 20's profile).
  const SqlDialect& dialect = connection_.dialect();
  const std::string parents = dialect.in_ids("parent_task_id", 1, task_ids.size());
  SqlStatement rows = connection_.prepare(
      "SELECT parent_task_id, dependence_task_id, link_type FROM task_links WHERE " + parents +
      " UNION ALL SELECT parent_task_id, dependence_task_id, link_type FROM task_links WHERE " +
      dialect.in_ids("dependence_task_id", 1, task_ids.size()) + " AND NOT " + parents);
  rows.bind_all(ids_value(task_ids));
  std::vector<TaskLinkRecord> links;
  while (rows.step())
    links.push_back(read_link(rows));
  std::sort(links.begin(), links.end(), [](const TaskLinkRecord& a, const TaskLinkRecord& b) {
    return std::pair(a.parent_task_id, a.dependence_task_id) <
           std::pair(b.parent_task_id, b.dependence_task_id);
  });
  return links;
}

std::optional<TaskLinkRecord> SqlTaskRepo::link(std::int64_t parent_id,
                                                std::int64_t dependence_id) {
  SqlStatement row = connection_.prepare(
      "SELECT parent_task_id, dependence_task_id, link_type FROM task_links "
      "WHERE parent_task_id = ?1 AND dependence_task_id = ?2");
  row.bind_all(parent_id, dependence_id);
  if (!row.step()) return std::nullopt;
  return read_link(row);
}

// The schema enforces the link rules that need no other row (no self link, one link per pair in
// either direction, both tasks exist); their constraint errors become the client's answers.
void SqlTaskRepo::insert_link(const TaskLinkRecord& link) {
  try {
    connection_
        .prepare(
            "INSERT INTO task_links (parent_task_id, dependence_task_id, link_type) "
            "VALUES (?1, ?2, ?3)")
        .bind_all(link.parent_task_id, link.dependence_task_id, link.link_type)
        .run();
  } catch (const SqlError& e) {
    switch (e.constraint()) {
      case SqlConstraint::kUnique:
        throw ApiError(ErrorKind::kConflict, "These tasks are already linked");
      case SqlConstraint::kCheck:
        throw ApiError(ErrorKind::kBadRequest, "A task cannot be linked to itself");
      case SqlConstraint::kForeignKey:
        throw_not_found();
      default:
        throw;
    }
  }
}

void SqlTaskRepo::remove_link(std::int64_t parent_id, std::int64_t dependence_id) {
  connection_
      .prepare("DELETE FROM task_links WHERE parent_task_id = ?1 AND dependence_task_id = ?2")
      .bind_all(parent_id, dependence_id)
      .run();
}

}  // namespace projectd
