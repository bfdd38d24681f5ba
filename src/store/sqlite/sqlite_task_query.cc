// The task filter (GET task/filter and the other task lists): visibility, filters, order and
// paging in one statement, plus one for the page's responsibles.
#include "store/sqlite/sqlite_bound_values.h"
#include "store/sqlite/sqlite_filter_sql.h"
#include "store/sqlite/sqlite_project_repos.h"
#include "store/sqlite/sqlite_task_rows.h"

#include <string>

namespace projectd {
namespace {

// The WHERE clause of a task query: visibility first, then each filter present. Filters on the
// viewer (my projects, my milestones, followed) use ?1. Filters through another table are written
// `x IN (SELECT ...)`, not EXISTS, so SQLite can start from that table's index when it is the
// selective part (task/@self, my projects...).
FilterSql task_filter(const TaskQuery& query) {
  FilterSql sql(query.viewer);
  sql.where(task_readable_sql());
  if (!query.ids.empty()) {
    sql.where("t.id IN (SELECT value FROM json_each(" + sql.param(json_array(query.ids)) + "))");
  }
  if (query.project_id) sql.where("t.project_id = " + sql.param(*query.project_id));
  if (query.my_projects) {
    sql.where("t.project_id IN (SELECT project_id FROM project_team WHERE user_id = ?1)");
  }
  if (query.milestone_id) sql.where("t.milestone_id = " + sql.param(*query.milestone_id));
  if (query.my_milestones) {
    sql.where("t.milestone_id IN (SELECT id FROM milestones WHERE responsible_id = ?1)");
  }
  if (query.no_milestone) sql.where("t.milestone_id IS NULL");
  if (query.tag_id) {
    sql.where("t.project_id IN (SELECT project_id FROM project_tags WHERE tag_id = " +
              sql.param(*query.tag_id) + ")");
  }
  if (query.status) sql.where("t.status = " + sql.param(static_cast<std::int64_t>(*query.status)));
  if (query.custom_status_id) {
    sql.where("t.custom_status_id = " + sql.param(*query.custom_status_id));
  }
  if (query.followed) {
    sql.where("t.id IN (SELECT task_id FROM task_subscribers WHERE user_id = ?1)");
  }
  if (query.responsible) {
    sql.where("t.id IN (SELECT task_id FROM task_responsibles WHERE user_id = " +
              sql.param(*query.responsible) + ")");
  }
  if (query.creator) sql.where("t.created_by = " + sql.param(*query.creator));
  if (query.department) sql.where("0");  // no one is in a group projectd does not keep
  if (query.deadline_start) {
    sql.where("t.deadline >= " + sql.param(to_ticks(*query.deadline_start)));
  }
  if (query.deadline_stop) sql.where("t.deadline <= " + sql.param(to_ticks(*query.deadline_stop)));
  if (query.last_id) sql.where("t.id > " + sql.param(*query.last_id));
  if (!query.text.empty()) {
    std::string pattern = sql.param(like_pattern(query.text));
    sql.where("(t.title LIKE " + pattern + " ESCAPE '\\' OR t.description LIKE " + pattern +
              " ESCAPE '\\')");
  }
  return sql;
}

// Open tasks first unless one status is asked for; then the sort column; then id, so equal keys
// page in a stable order. Tasks without a deadline or start date come last in both directions:
// they are the least urgent whichever way the list runs. Titles ignore ASCII case, as the
// original's MySQL collation did.
std::string task_order(const TaskQuery& query) {
  const std::string direction = query.descending ? " DESC" : "";
  std::string order = "ORDER BY ";
  if (!query.status) order += "t.status, ";
  switch (query.sort) {
    case TaskSort::kSortOrder:
      break;
    case TaskSort::kDeadline:
      order += "t.deadline IS NULL, t.deadline" + direction + ", ";
      break;
    case TaskSort::kPriority:
      order += "t.priority" + direction + ", ";
      break;
    case TaskSort::kCreated:
      order += "t.created" + direction + ", ";
      break;
    case TaskSort::kStartDate:
      order += "t.start_date IS NULL, t.start_date" + direction + ", ";
      break;
    case TaskSort::kTitle:
      order += "t.title COLLATE NOCASE" + direction + ", ";
      break;
  }
  return order + "t.id" + direction;
}

}  // namespace

std::vector<TaskRecord> SqliteTaskRepo::page(const TaskQuery& query) {
  FilterSql sql = task_filter(query);
  std::string limit = sql.param(query.limit);
  std::string offset = sql.param(query.offset);
  SqliteStatement statement =
      connection_.prepare("SELECT " + task_columns_sql() + " " + task_from_sql() + sql.where_sql() +
                          " " + task_order(query) + " LIMIT " + limit + " OFFSET " + offset);
  sql.bind(statement);
  return read_tasks(statement);
}

std::int64_t SqliteTaskRepo::count(const TaskQuery& query) {
  FilterSql sql = task_filter(query);
  SqliteStatement statement =
      connection_.prepare("SELECT count(*) " + task_from_sql() + sql.where_sql());
  sql.bind(statement);
  statement.step();
  return statement.int64(0);
}

}  // namespace projectd
