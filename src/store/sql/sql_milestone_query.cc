// The milestone lists (project/{id}/milestone, milestone, late, upcoming, filter): visibility,
// filters, order and paging in one statement; task counts of a page in one more.
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_filter_sql.h"
#include "store/sql/sql_milestone_rows.h"
#include "store/sql/sql_project_repos.h"

#include <string>

namespace projectd {
namespace {

FilterSql milestone_filter(const MilestoneQuery& query, const SqlDialect& dialect) {
  FilterSql sql(query.viewer, dialect);
  sql.where(milestone_readable_sql());
  if (query.project_id) sql.where("m.project_id = " + sql.param(*query.project_id));
  if (query.my_projects) sql.where("pm.user_id IS NOT NULL");
  if (query.status) sql.where("m.status = " + sql.param(static_cast<std::int64_t>(*query.status)));
  if (query.responsible) sql.where("m.responsible_id = " + sql.param(*query.responsible));
  if (query.task_responsible) {
    sql.where(
        "EXISTS (SELECT 1 FROM tasks mt JOIN task_responsibles mr ON mr.task_id = mt.id "
        "WHERE mt.milestone_id = m.id AND mr.user_id = " +
        sql.param(*query.task_responsible) + ")");
  }
  if (query.tag_id) {
    sql.where(
        "EXISTS (SELECT 1 FROM project_tags pg WHERE pg.project_id = m.project_id "
        "AND pg.tag_id = " +
        sql.param(*query.tag_id) + ")");
  }
  if (query.deadline_start)
    sql.where("m.deadline >= " + sql.param(to_ticks(*query.deadline_start)));
  if (query.deadline_stop) sql.where("m.deadline <= " + sql.param(to_ticks(*query.deadline_stop)));
  if (query.last_id) sql.where("m.id > " + sql.param(*query.last_id));
  if (!query.text.empty()) sql.where_contains({"m.title", "m.description"}, query.text);
  return sql;
}

std::string milestone_order(const MilestoneQuery& query) {
  const std::string direction = query.descending ? " DESC" : "";
  std::string column;
  switch (query.sort) {
    case MilestoneSort::kDeadline:
      column = "m.deadline";
      break;
    case MilestoneSort::kCreated:
      column = "m.created";
      break;
    case MilestoneSort::kTitle:
      column = "m.title";
      break;
  }
  return "ORDER BY " + column + direction + ", m.id" + direction;
}

}  // namespace

std::vector<MilestoneRecord> SqlMilestoneRepo::page(const MilestoneQuery& query) {
  FilterSql sql = milestone_filter(query, connection_.dialect());
  std::string limit = sql.param(query.limit);
  std::string offset = sql.param(query.offset);
  SqlStatement statement = connection_.prepare(
      "SELECT " + milestone_columns_sql() + " " + milestone_from_sql() + sql.where_sql() + " " +
      milestone_order(query) + " LIMIT " + limit + " OFFSET " + offset);
  sql.bind(statement);
  return read_milestone_rows(statement);
}

std::int64_t SqlMilestoneRepo::count(const MilestoneQuery& query) {
  FilterSql sql = milestone_filter(query, connection_.dialect());
  SqlStatement statement =
      connection_.prepare("SELECT count(*) " + milestone_from_sql() + sql.where_sql());
  sql.bind(statement);
  statement.step();
  return statement.int64(0);
}

std::vector<MilestoneTaskCounts> SqlMilestoneRepo::task_counts(
    const std::vector<std::int64_t>& ids) {
  SqlStatement statement = connection_.prepare(
      "SELECT milestone_id, count(*) FILTER (WHERE status = 1), "
      "count(*) FILTER (WHERE status = 2) FROM tasks WHERE " +
      connection_.dialect().in_ids("milestone_id", 1, ids.size()) + " GROUP BY milestone_id");
  statement.bind_all(ids_value(ids));
  std::vector<MilestoneTaskCounts> out;
  while (statement.step())
    out.push_back(MilestoneTaskCounts{statement.int64(0), statement.int64(1), statement.int64(2)});
  return out;
}

}  // namespace projectd
