// Builds the SQL of the filter queries (project and task pages) and their parameters, and holds
// the read rules of domain/projects/security.cc as SQL, so a page holds only what its viewer may
// read and never has holes. Every value travels as a bound parameter; the SQL text depends only on
// which filters are present and on the sort, picked from fixed fragments.
//
// Parameters ?1, ?2 and ?3 are always the viewer's user id, admin flag and guest flag; the
// fragments below refer to them and to these aliases: p the project, pm the viewer's own
// project_team row of p (LEFT JOIN, NULL when not a member), t the task, ms the task's milestone
// (LEFT JOIN).
// Thread safety: FilterSql is a plain value.
#pragma once

#include "store/project_records.h"
#include "store/sql/sql_connection.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace projectd {

// Functions rather than global strings, so SQL built during static initialisation elsewhere
// cannot see them empty.
// ProjectSecurity::can_read().
const std::string& project_readable_sql();
// ProjectSecurity::can_read_task(), given the joins of task_from_sql().
const std::string& task_readable_sql();
// True when the viewer reads every task of p whatever its milestone and responsibles (p readable,
// its tasks and milestones modules too), given p and pm; may be NULL instead of false.
const std::string& all_tasks_readable_sql();
// tasks t with p, pm and ms joined.
const std::string& task_from_sql();
// time_entries e with their task t, and t's p, pm and ms joined as task_from_sql() joins them.
const std::string& time_entry_from_sql();
// projects p with pm joined.
const std::string& project_from_sql();
// ProjectSecurity::can_read_milestone(), given the joins of milestone_from_sql().
const std::string& milestone_readable_sql();
// milestones m with p and pm joined.
const std::string& milestone_from_sql();
// ProjectSecurity::can_read_module(kMessages), given the joins of message_from_sql().
const std::string& message_readable_sql();
// messages g with p and pm joined.
const std::string& message_from_sql();

class FilterSql {
 public:
  FilterSql(const Viewer& viewer, const SqlDialect& dialect);

  // Appends a value as the next parameter and returns its placeholder ("?4").
  std::string param(std::int64_t value);
  std::string param(std::string value);
  // Appends a JSON array as the next parameter and returns a FROM item of its elements
  // (SqlDialect::json_values).
  std::string param_values(std::string json_array, SqlType type);
  // ANDs a condition onto the WHERE clause.
  void where(std::string_view condition);
  // ANDs "one of the columns contains text, ignoring ASCII case" (text is matched literally).
  void where_contains(std::initializer_list<std::string_view> columns, std::string_view text);
  const SqlDialect& dialect() const { return *dialect_; }
  const std::string& where_sql() const { return where_; }

  // Binds every parameter, the viewer's included as far as the SQL uses them.
  void bind(SqlStatement& statement) const;

 private:
  std::vector<std::variant<std::int64_t, std::string>> values_;
  std::string where_;
  const SqlDialect* dialect_;  // a pointer, so a FilterSql can be assigned
};

}  // namespace projectd
