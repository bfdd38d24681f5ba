// Tasks: rows with their responsibles, subscribers and reminders.
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_project_repos.h"
#include "store/sql/sql_task_rows.h"

#include <string>
#include <unordered_map>

namespace projectd {

std::vector<TaskRecord> SqlTaskRepo::read_tasks(SqlStatement& statement,
                                                const std::vector<std::int64_t>* asked) {
  std::vector<TaskRecord> tasks;
  std::vector<std::int64_t> ids;
  std::unordered_map<std::int64_t, std::size_t> index_of;
  while (statement.step()) {
    tasks.push_back(read_task_row(statement));
    ids.push_back(tasks.back().id);
    index_of.emplace(tasks.back().id, tasks.size() - 1);
  }
  if (asked != nullptr) ids = *asked;
  if (ids.empty()) return tasks;
  // One statement for all the rows' responsibles, whatever their number, so the count of
  // statements a read costs does not depend on its size.
  SqlStatement responsibles = connection_.prepare(
      "SELECT task_id, user_id FROM task_responsibles WHERE " +
      connection_.dialect().in_ids("task_id", 1, ids.size()) + " ORDER BY task_id, user_id");
  responsibles.bind_all(ids_value(ids));
  while (responsibles.step()) {
    auto it = index_of.find(responsibles.int64(0));
    if (it != index_of.end()) tasks[it->second].responsibles.push_back(responsibles.text(1));
  }
  return tasks;
}

void SqlTaskRepo::write_responsibles(std::int64_t task_id,
                                     const std::vector<std::string>& user_ids) {
  connection_.prepare("DELETE FROM task_responsibles WHERE task_id = ?1").bind_all(task_id).run();
  connection_
      .prepare("INSERT INTO task_responsibles (task_id, user_id) SELECT DISTINCT ?1, value FROM " +
               connection_.dialect().json_values(2, SqlType::kText))
      .bind_all(task_id, json_array(user_ids))
      .run();
}

std::optional<TaskRecord> SqlTaskRepo::by_id(std::int64_t id) {
  SqlStatement statement =
      connection_.prepare("SELECT " + task_columns_sql() + " FROM tasks t WHERE t.id = ?1");
  statement.bind_all(id);
  std::vector<TaskRecord> tasks = read_tasks(statement);
  if (tasks.empty()) return std::nullopt;
  return std::move(tasks.front());
}

std::vector<TaskRecord> SqlTaskRepo::by_ids(const std::vector<std::int64_t>& ids) {
  SqlStatement statement =
      connection_.prepare("SELECT " + task_columns_sql() + " FROM tasks t WHERE " +
                          connection_.dialect().in_ids("t.id", 1, ids.size()) + " ORDER BY t.id");
  statement.bind_all(ids_value(ids));
  return read_tasks(statement, &ids);
}

// sort_order keeps the schema's default: the API's sort_order is id order (TaskSort::kSortOrder).
std::int64_t SqlTaskRepo::insert(const TaskRecord& t) {
  std::int64_t id =
      connection_
          .prepare(
              "INSERT INTO tasks (project_id, milestone_id, title, description, priority, status, "
              "custom_status_id, start_date, deadline, progress, created, created_by, updated, "
              "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
              "RETURNING id")
          .bind_all(t.project_id, t.milestone_id, t.title, t.description, t.priority, t.status,
                    t.custom_status_id, t.start_date, t.deadline, t.progress, t.created,
                    t.created_by, t.updated, t.updated_by)
          .run_returning_id();
  write_responsibles(id, t.responsibles);
  return id;
}

void SqlTaskRepo::update(const TaskRecord& t) {
  connection_
      .prepare(
          "UPDATE tasks SET project_id = ?2, milestone_id = ?3, title = ?4, description = ?5, "
          "priority = ?6, status = ?7, custom_status_id = ?8, start_date = ?9, deadline = ?10, "
          "progress = ?11, created = ?12, created_by = ?13, updated = ?14, updated_by = ?15 "
          "WHERE id = ?1")
      .bind_all(t.id, t.project_id, t.milestone_id, t.title, t.description, t.priority, t.status,
                t.custom_status_id, t.start_date, t.deadline, t.progress, t.created, t.created_by,
                t.updated, t.updated_by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
  write_responsibles(t.id, t.responsibles);
}

// Subtasks, links, responsibles, subscribers and reminders go through ON DELETE CASCADE.
void SqlTaskRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM tasks WHERE id = ?1").bind_all(id).run();
}

bool SqlTaskRepo::is_subscribed(std::int64_t task_id, std::string_view user_id) {
  SqlStatement row =
      connection_.prepare("SELECT 1 FROM task_subscribers WHERE task_id = ?1 AND user_id = ?2");
  row.bind_all(task_id, user_id);
  return row.step();
}

void SqlTaskRepo::set_subscribed(std::int64_t task_id, std::string_view user_id, bool on) {
  connection_
      .prepare(on ? "INSERT INTO task_subscribers (task_id, user_id) VALUES (?1, ?2) "
                    "ON CONFLICT DO NOTHING"
                  : "DELETE FROM task_subscribers WHERE task_id = ?1 AND user_id = ?2")
      .bind_all(task_id, user_id)
      .run();
}

std::vector<std::string> SqlTaskRepo::subscribers(std::int64_t task_id) {
  SqlStatement rows = connection_.prepare(
      "SELECT user_id FROM task_subscribers WHERE task_id = ?1 ORDER BY user_id");
  rows.bind_all(task_id);
  std::vector<std::string> ids;
  while (rows.step())
    ids.push_back(rows.text(0));
  return ids;
}

void SqlTaskRepo::add_reminder(std::int64_t task_id, std::string_view user_id, Timestamp at) {
  connection_.prepare("INSERT INTO task_reminders (task_id, user_id, sent_at) VALUES (?1, ?2, ?3)")
      .bind_all(task_id, user_id, at)
      .run();
}

}  // namespace projectd
