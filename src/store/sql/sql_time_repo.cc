// Time entries: rows, the filter of GET time/filter with the task read rule in SQL, and the sums
// the wrappers show.
#include "store/sql/sql_time_repo.h"

#include "base/errors.h"
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_filter_sql.h"

#include <string>

namespace projectd {
namespace {

const std::string& time_entry_columns() {
  static const std::string sql =
      "e.id, e.task_id, e.person_id, e.date, e.seconds, e.note, e.payment_status, "
      "e.status_changed, e.created, e.created_by";
  return sql;
}

TimeEntryRecord read_time_entry(const SqlStatement& row) {
  return TimeEntryRecord{.id = row.int64(0),
                         .task_id = row.int64(1),
                         .person_id = row.text(2),
                         .date = row.timestamp(3),
                         .seconds = row.int64(4),
                         .note = row.optional_text(5),
                         .payment_status = static_cast<PaymentStatus>(row.int64(6)),
                         .status_changed = row.optional_timestamp(7),
                         .created = row.timestamp(8),
                         .created_by = row.text(9)};
}

std::vector<TimeEntryRecord> read_time_entries(SqlStatement& rows) {
  std::vector<TimeEntryRecord> out;
  while (rows.step())
    out.push_back(read_time_entry(rows));
  return out;
}

std::vector<TimeTotal> read_time_totals(SqlStatement& rows) {
  std::vector<TimeTotal> out;
  while (rows.step())
    out.push_back(TimeTotal{rows.int64(0), rows.int64(1)});
  return out;
}

// The WHERE clause of a time query: visibility first, then each filter present. Filters through
// another table are `x IN (SELECT ...)`, as the task filter writes them (sql_task_query.cc).
FilterSql time_entry_filter(const TimeQuery& query, const SqlDialect& dialect) {
  FilterSql sql(query.viewer, dialect);
  sql.where(task_readable_sql());
  if (query.project_id) sql.where("t.project_id = " + sql.param(*query.project_id));
  if (query.task_id) sql.where("e.task_id = " + sql.param(*query.task_id));
  if (query.my_projects) {
    sql.where("t.project_id IN (SELECT project_id FROM project_team WHERE user_id = ?1)");
  }
  if (query.milestone_id) sql.where("t.milestone_id = " + sql.param(*query.milestone_id));
  if (query.my_milestones) {
    sql.where("t.milestone_id IN (SELECT id FROM milestones WHERE responsible_id = ?1)");
  }
  if (query.tag_id) {
    sql.where("t.project_id IN (SELECT project_id FROM project_tags WHERE tag_id = " +
              sql.param(*query.tag_id) + ")");
  }
  if (query.person) sql.where("e.person_id = " + sql.param(*query.person));
  if (query.department) {
    // The person who spent the time is in the group.
    sql.where("e.person_id IN (SELECT user_id FROM group_members WHERE group_id = " +
              sql.param(*query.department) + ")");
  }
  if (query.date_start) sql.where("e.date >= " + sql.param(to_ticks(*query.date_start)));
  if (query.date_stop) sql.where("e.date <= " + sql.param(to_ticks(*query.date_stop)));
  if (query.last_id) sql.where("e.id > " + sql.param(*query.last_id));
  if (query.status) {
    sql.where("e.payment_status = " + sql.param(static_cast<std::int64_t>(*query.status)));
  }
  if (!query.text.empty()) sql.where_contains({"e.note", "t.title"}, query.text);
  return sql;
}

std::string time_entry_order(const TimeQuery& query, const SqlDialect& dialect) {
  const std::string direction = query.descending ? " DESC" : "";
  std::string column;
  switch (query.sort) {
    case TimeSort::kDate:
      column = "e.date";
      break;
    case TimeSort::kCreated:
      column = "e.created";
      break;
    case TimeSort::kHours:
      column = "e.seconds";
      break;
    case TimeSort::kNote:
      column = dialect.nocase("coalesce(e.note, '')");
      break;
  }
  return "ORDER BY " + column + direction + ", e.id" + direction;
}

}  // namespace

std::optional<TimeEntryRecord> SqlTimeRepo::by_id(std::int64_t id) {
  SqlStatement row = connection_.prepare("SELECT " + time_entry_columns() +
                                         " FROM time_entries e WHERE e.id = ?1");
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return read_time_entry(row);
}

std::vector<TimeEntryRecord> SqlTimeRepo::by_ids(const std::vector<std::int64_t>& ids) {
  SqlStatement rows =
      connection_.prepare("SELECT " + time_entry_columns() + " FROM time_entries e WHERE " +
                          connection_.dialect().in_ids("e.id", 1, ids.size()) + " ORDER BY e.id");
  rows.bind_all(ids_value(ids));
  return read_time_entries(rows);
}

std::int64_t SqlTimeRepo::insert(const TimeEntryRecord& e) {
  return connection_
      .prepare(
          "INSERT INTO time_entries (task_id, person_id, date, seconds, note, payment_status, "
          "status_changed, created, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
          "RETURNING id")
      .bind_all(e.task_id, e.person_id, e.date, e.seconds, e.note, e.payment_status,
                e.status_changed, e.created, e.created_by)
      .run_returning_id();
}

void SqlTimeRepo::update(const TimeEntryRecord& e) {
  connection_
      .prepare(
          "UPDATE time_entries SET task_id = ?2, person_id = ?3, date = ?4, seconds = ?5, "
          "note = ?6, payment_status = ?7, status_changed = ?8, created = ?9, created_by = ?10 "
          "WHERE id = ?1")
      .bind_all(e.id, e.task_id, e.person_id, e.date, e.seconds, e.note, e.payment_status,
                e.status_changed, e.created, e.created_by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

void SqlTimeRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM time_entries WHERE id = ?1").bind_all(id).run();
}

std::vector<TimeEntryRecord> SqlTimeRepo::page(const TimeQuery& query) {
  FilterSql sql = time_entry_filter(query, connection_.dialect());
  const std::string limit = sql.param(query.limit);
  const std::string offset = sql.param(query.offset);
  SqlStatement rows = connection_.prepare(
      "SELECT " + time_entry_columns() + " " + time_entry_from_sql() + sql.where_sql() + " " +
      time_entry_order(query, connection_.dialect()) + " LIMIT " + limit + " OFFSET " + offset);
  sql.bind(rows);
  return read_time_entries(rows);
}

std::int64_t SqlTimeRepo::count(const TimeQuery& query) {
  FilterSql sql = time_entry_filter(query, connection_.dialect());
  SqlStatement row =
      connection_.prepare("SELECT count(*) " + time_entry_from_sql() + sql.where_sql());
  sql.bind(row);
  row.step();
  return row.int64(0);
}

std::int64_t SqlTimeRepo::total_seconds(const TimeQuery& query) {
  FilterSql sql = time_entry_filter(query, connection_.dialect());
  SqlStatement row = connection_.prepare("SELECT coalesce(sum(e.seconds), 0) " +
                                         time_entry_from_sql() + sql.where_sql());
  sql.bind(row);
  row.step();
  return row.int64(0);
}

std::vector<TimeTotal> SqlTimeRepo::seconds_by_task(const std::vector<std::int64_t>& task_ids) {
  SqlStatement rows =
      connection_.prepare("SELECT task_id, sum(seconds) FROM time_entries WHERE " +
                          connection_.dialect().in_ids("task_id", 1, task_ids.size()) +
                          " GROUP BY task_id ORDER BY task_id");
  rows.bind_all(ids_value(task_ids));
  return read_time_totals(rows);
}

}  // namespace projectd
