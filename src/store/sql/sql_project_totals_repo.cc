#include "store/sql/sql_project_totals_repo.h"

#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_filter_sql.h"

#include <string>

namespace projectd {

// Each figure is a correlated count that an index leads (tasks_project, milestones_project, the
// team's key, messages by project), so a page of projects costs one statement and no scan.
std::vector<ProjectCounts> SqlProjectTotalsRepo::counts_of(const std::vector<std::int64_t>& ids) {
  SqlStatement rows = connection_.prepare(
      "SELECT p.id, "
      "(SELECT count(*) FROM tasks WHERE project_id = p.id AND status = 1), "
      "(SELECT count(*) FROM tasks WHERE project_id = p.id), "
      "(SELECT count(*) FROM milestones WHERE project_id = p.id AND status = 0), "
      "(SELECT count(*) FROM project_team WHERE project_id = p.id), "
      "(SELECT count(*) FROM messages WHERE project_id = p.id) "
      "FROM projects p WHERE " +
      connection_.dialect().in_ids("p.id", 1, ids.size()) + " ORDER BY p.id");
  rows.bind_all(ids_value(ids));
  std::vector<ProjectCounts> counts;
  while (rows.step())
    counts.push_back(ProjectCounts{.project_id = rows.int64(0),
                                   .open_tasks = rows.int64(1),
                                   .all_tasks = rows.int64(2),
                                   .open_milestones = rows.int64(3),
                                   .participants = rows.int64(4),
                                   .discussions = rows.int64(5)});
  return counts;
}

// A row for every existing project, 0 where nobody tracked readable time: the cache of
// store/project_totals_cache.h keeps what the store answered and never makes up a zero (inside
// StoreTx::prefetch every answer is empty).
std::vector<TimeTotal> SqlProjectTotalsRepo::seconds_by_project(
    const Viewer& viewer, const std::vector<std::int64_t>& ids) {
  FilterSql sql(viewer, connection_.dialect());
  const std::string id_values =
      "(SELECT value FROM " + sql.param_values(json_array(ids), SqlType::kInt) + ")";
  sql.where(task_readable_sql());
  // e.project_id (migration 0022), not t.project_id: the project's entries through their index,
  // so a project where nobody tracked time costs one probe, not a visit of each of its tasks.
  sql.where("e.project_id IN " + id_values);
  SqlStatement rows = connection_.prepare(
      "SELECT q.id, coalesce(s.seconds, 0) FROM projects q LEFT JOIN (SELECT e.project_id, "
      "sum(e.seconds) AS seconds " +
      time_entry_from_sql() + sql.where_sql() +
      " GROUP BY e.project_id) s ON s.project_id = q.id WHERE q.id IN " + id_values +
      " ORDER BY q.id");
  sql.bind(rows);
  std::vector<TimeTotal> out;
  while (rows.step())
    out.push_back(TimeTotal{rows.int64(0), rows.int64(1)});
  return out;
}

}  // namespace projectd
