// The task filter (GET task/filter and the other task lists): visibility, filters, order and
// paging in one statement, plus one for the page's responsibles.
#include "store/sql/sql_task_query.h"
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_filter_sql.h"
#include "store/sql/sql_project_repos.h"
#include "store/sql/sql_task_rows.h"

#include <string>

namespace projectd {
namespace {

// The filters that depend only on a task's project and status, ANDed, or "" when none: they
// apply to the per-project counts as they are. Filters through another table are written
// `x IN (SELECT ...)`, not EXISTS, so SQLite can start from that table's index when it is the
// selective part (my projects...). Filters on the viewer use ?1.
std::string project_level_filters(FilterSql& sql, const TaskQuery& query) {
  std::string conditions;
  auto add = [&](const std::string& condition) {
    conditions += (conditions.empty() ? "" : " AND ") + condition;
  };
  if (query.project_id) add("t.project_id = " + sql.param(*query.project_id));
  if (query.my_projects) {
    add("t.project_id IN (SELECT project_id FROM project_team WHERE user_id = ?1)");
  }
  if (query.tag_id) {
    add("t.project_id IN (SELECT project_id FROM project_tags WHERE tag_id = " +
        sql.param(*query.tag_id) + ")");
  }
  if (query.status) add("t.status = " + sql.param(static_cast<std::int64_t>(*query.status)));
  return conditions;
}

// Whether every filter of the query is one of project_level_filters().
bool only_project_level(const TaskQuery& query) {
  return query.ids.empty() && !query.milestone_id && !query.my_milestones && !query.no_milestone &&
         !query.custom_status_id && !query.followed && !query.responsible && !query.creator &&
         !query.department && !query.deadline_start && !query.deadline_stop && !query.last_id &&
         query.text.empty();
}

// The WHERE clause of a task query: visibility first, then each filter present.
FilterSql task_filter(const TaskQuery& query, const SqlDialect& dialect) {
  FilterSql sql(query.viewer, dialect);
  sql.where(task_readable_sql());
  if (!query.ids.empty()) {
    sql.where("t.id IN (SELECT value FROM " +
              sql.param_values(json_array(query.ids), SqlType::kInt) + ")");
  }
  if (std::string project = project_level_filters(sql, query); !project.empty()) {
    sql.where(project);
  }
  if (query.milestone_id) sql.where("t.milestone_id = " + sql.param(*query.milestone_id));
  if (query.my_milestones) {
    sql.where("t.milestone_id IN (SELECT id FROM milestones WHERE responsible_id = ?1)");
  }
  if (query.no_milestone) sql.where("t.milestone_id IS NULL");
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
  if (query.department) {
    // A responsible of the task is in the group.
    sql.where(
        "t.id IN (SELECT r.task_id FROM task_responsibles r JOIN group_members g ON "
        "g.user_id = r.user_id WHERE g.group_id = " +
        sql.param(*query.department) + ")");
  }
  if (query.deadline_start) {
    sql.where("t.deadline >= " + sql.param(to_ticks(*query.deadline_start)));
  }
  if (query.deadline_stop) sql.where("t.deadline <= " + sql.param(to_ticks(*query.deadline_stop)));
  if (query.last_id) sql.where("t.id > " + sql.param(*query.last_id));
  if (!query.text.empty()) sql.where_contains({"t.title", "t.description"}, query.text);
  return sql;
}

// Open tasks first unless one status is asked for; then the sort column; then id, so equal keys
// page in a stable order. Tasks without a deadline or start date come last in both directions:
// they are the least urgent whichever way the list runs. Titles ignore ASCII case, as the
// original's MySQL collation did.
std::string task_order(const TaskQuery& query, const SqlDialect& dialect) {
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
      order += dialect.nocase("t.title") + direction + ", ";
      break;
  }
  return order + "t.id" + direction;
}

// The page statement's text; sql receives its parameters.
std::string page_sql(FilterSql& sql, const TaskQuery& query) {
  sql = task_filter(query, sql.dialect());
  std::string limit = sql.param(query.limit);
  std::string offset = sql.param(query.offset);
  return "SELECT " + task_columns_sql() + " " + task_from_sql() + sql.where_sql() + " " +
         task_order(query, sql.dialect()) + " LIMIT " + limit + " OFFSET " + offset;
}

// The total of a query with only project-level filters, in one pass over the projects the viewer
// reads: a project whose every task the viewer reads counts from task_counts, any other (a member
// whose team security denies the tasks or milestones module, a creator outside the team) counts
// its readable tasks one by one. So the total is exact without visiting most tasks, and costs one
// visit per readable project: a filter that names projects (one project, my projects, a tag)
// visits only those. Two passes, one per kind of project, cost twice that at 1,000 projects.
std::int64_t count_by_project(SqlConnection& connection, const TaskQuery& query) {
  FilterSql sql(query.viewer, connection.dialect());
  std::string project = project_level_filters(sql, query);
  std::string named_projects;
  if (!project.empty()) {
    named_projects = " AND p.id IN (SELECT t.project_id FROM task_counts t WHERE " + project + ")";
    project = " AND " + project;
  }
  SqlStatement statement = connection.prepare(
      "SELECT coalesce(sum(CASE WHEN coalesce(" + all_tasks_readable_sql() +
      ", false) THEN (SELECT coalesce(sum(t.n), 0) FROM task_counts t WHERE t.project_id = p.id" +
      project +
      ") ELSE (SELECT count(*) FROM tasks t LEFT JOIN milestones ms ON ms.id = t.milestone_id "
      "WHERE t.project_id = p.id AND " +
      task_readable_sql() + project + ") END), 0) " + project_from_sql() + "WHERE " +
      project_readable_sql() + named_projects);
  sql.bind(statement);
  statement.step();
  return statement.int64(0);
}

}  // namespace

std::string task_page_sql(const TaskQuery& query, const SqlDialect& dialect) {
  FilterSql sql(query.viewer, dialect);
  return page_sql(sql, query);
}

std::vector<TaskRecord> SqlTaskRepo::page(const TaskQuery& query) {
  FilterSql sql(query.viewer, connection_.dialect());
  SqlStatement statement = connection_.prepare(page_sql(sql, query));
  sql.bind(statement);
  return read_tasks(statement);
}

std::int64_t SqlTaskRepo::count(const TaskQuery& query) {
  if (only_project_level(query)) return count_by_project(connection_, query);
  FilterSql sql = task_filter(query, connection_.dialect());
  SqlStatement statement =
      connection_.prepare("SELECT count(*) " + task_from_sql() + sql.where_sql());
  sql.bind(statement);
  statement.step();
  return statement.int64(0);
}

}  // namespace projectd
