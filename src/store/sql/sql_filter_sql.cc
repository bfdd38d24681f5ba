#include "store/sql/sql_filter_sql.h"

#include "store/sql/sql_bound_values.h"

namespace projectd {
namespace {

constexpr int kViewerParameters = 3;

// ProjectSecurity::can_read_module(bit) for a readable project: admins, the (non-guest) manager
// and anyone on a public project read every module; a member of a private project reads it unless
// their team security denies it.
std::string module_readable(int bit) {
  return "(?2 = 1 OR (?3 = 0 AND p.responsible_id = ?1) OR p.is_private = 0 "
         "OR (pm.user_id IS NOT NULL AND (pm.security & " +
         std::to_string(bit) + ") = 0))";
}

// The joins after `t` that task_readable_sql() needs: its project p, the viewer's membership pm,
// its milestone ms.
const std::string& task_joins_sql() {
  static const std::string sql =
      "JOIN projects p ON p.id = t.project_id "
      "LEFT JOIN project_team pm ON pm.project_id = t.project_id AND pm.user_id = ?1 "
      "LEFT JOIN milestones ms ON ms.id = t.milestone_id ";
  return sql;
}

}  // namespace

const std::string& project_readable_sql() {
  static const std::string sql =
      "(p.is_private = 0 OR ?2 = 1 OR pm.user_id IS NOT NULL OR p.created_by = ?1 "
      "OR p.responsible_id = ?1)";
  return sql;
}

// A task responsible reads the task whatever the team security says; anyone else needs the
// tasks module and, for a task in a milestone, the milestones module or that milestone's
// responsibility.
const std::string& task_readable_sql() {
  static const std::string sql =
      project_readable_sql() +
      " AND (EXISTS (SELECT 1 FROM task_responsibles vr WHERE vr.task_id = t.id "
      "AND vr.user_id = ?1) OR (" +
      module_readable(team_security::kTasks) + " AND (t.milestone_id IS NULL OR " +
      module_readable(team_security::kMilestones) + " OR ms.responsible_id = ?1)))";
  return sql;
}

const std::string& all_tasks_readable_sql() {
  static const std::string sql = project_readable_sql() + " AND " +
                                 module_readable(team_security::kTasks) + " AND " +
                                 module_readable(team_security::kMilestones);
  return sql;
}

const std::string& task_from_sql() {
  static const std::string sql = "FROM tasks t " + task_joins_sql();
  return sql;
}

const std::string& time_entry_from_sql() {
  static const std::string sql =
      "FROM time_entries e JOIN tasks t ON t.id = e.task_id " + task_joins_sql();
  return sql;
}

const std::string& project_from_sql() {
  static const std::string sql =
      "FROM projects p LEFT JOIN project_team pm ON pm.project_id = p.id AND pm.user_id = ?1 ";
  return sql;
}

const std::string& milestone_readable_sql() {
  static const std::string sql = project_readable_sql() + " AND (" +
                                 module_readable(team_security::kMilestones) +
                                 " OR m.responsible_id = ?1)";
  return sql;
}

const std::string& milestone_from_sql() {
  static const std::string sql =
      "FROM milestones m JOIN projects p ON p.id = m.project_id "
      "LEFT JOIN project_team pm ON pm.project_id = m.project_id AND pm.user_id = ?1 ";
  return sql;
}

const std::string& message_readable_sql() {
  static const std::string sql =
      project_readable_sql() + " AND " + module_readable(team_security::kMessages);
  return sql;
}

const std::string& message_from_sql() {
  static const std::string sql =
      "FROM messages g JOIN projects p ON p.id = g.project_id "
      "LEFT JOIN project_team pm ON pm.project_id = g.project_id AND pm.user_id = ?1 ";
  return sql;
}

FilterSql::FilterSql(const Viewer& viewer, const SqlDialect& dialect) : dialect_(&dialect) {
  values_.emplace_back(viewer.user_id);
  values_.emplace_back(std::int64_t{viewer.is_admin ? 1 : 0});
  values_.emplace_back(std::int64_t{viewer.is_visitor ? 1 : 0});
}

std::string FilterSql::param(std::int64_t value) {
  values_.emplace_back(value);
  return "?" + std::to_string(values_.size());
}

std::string FilterSql::param(std::string value) {
  values_.emplace_back(std::move(value));
  return "?" + std::to_string(values_.size());
}

std::string FilterSql::param_values(std::string json_array, SqlType type) {
  values_.emplace_back(std::move(json_array));
  return dialect_->json_values(static_cast<int>(values_.size()), type);
}

void FilterSql::where(std::string_view condition) {
  where_ += where_.empty() ? "WHERE " : " AND ";
  where_ += condition;
}

void FilterSql::where_contains(std::initializer_list<std::string_view> columns,
                               std::string_view text) {
  const std::string pattern = param(like_pattern(text));
  std::string condition;
  for (std::string_view column : columns) {
    condition += condition.empty() ? "(" : " OR ";
    condition += dialect_->like(column, pattern);
  }
  where(condition + ")");
}

// The viewer's parameters are always there, but a query may not use all three (the project filter
// has no use for the guest flag) and SQLite refuses an index past the last one the SQL uses. Any
// other parameter is in the SQL by construction; binding it past the end stays an error.
void FilterSql::bind(SqlStatement& statement) const {
  int index = 0;
  for (const auto& value : values_) {
    if (++index <= kViewerParameters && index > statement.parameter_count()) break;
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      statement.bind_int(index, *number);
    } else {
      statement.bind_text(index, std::get<std::string>(value));
    }
  }
}

}  // namespace projectd
