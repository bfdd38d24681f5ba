#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_milestone_rows.h"
#include "store/sql/sql_project_repos.h"

#include <string>

namespace projectd {
namespace {

const std::string& select_sql() {
  static const std::string sql = "SELECT " + milestone_columns_sql() + " FROM milestones m ";
  return sql;
}

}  // namespace

std::optional<MilestoneRecord> SqlMilestoneRepo::by_id(std::int64_t id) {
  SqlStatement statement = connection_.prepare(select_sql() + "WHERE m.id = ?1");
  statement.bind_all(id);
  if (!statement.step()) return std::nullopt;
  return read_milestone_row(statement);
}

std::vector<MilestoneRecord> SqlMilestoneRepo::by_ids(const std::vector<std::int64_t>& ids) {
  SqlStatement statement =
      connection_.prepare(select_sql() + "WHERE " +
                          connection_.dialect().in_ids("m.id", 1, ids.size()) + " ORDER BY m.id");
  statement.bind_all(ids_value(ids));
  return read_milestone_rows(statement);
}

std::int64_t SqlMilestoneRepo::insert(const MilestoneRecord& m) {
  return connection_
      .prepare(
          "INSERT INTO milestones (project_id, title, description, deadline, is_key, is_notify, "
          "status, responsible_id, created, created_by, updated, updated_by) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id")
      .bind_all(m.project_id, m.title, m.description, m.deadline, m.is_key, m.is_notify, m.status,
                m.responsible_id, m.created, m.created_by, m.updated, m.updated_by)
      .run_returning_id();
}

void SqlMilestoneRepo::update(const MilestoneRecord& m) {
  connection_
      .prepare(
          "UPDATE milestones SET project_id = ?2, title = ?3, description = ?4, deadline = ?5, "
          "is_key = ?6, is_notify = ?7, status = ?8, responsible_id = ?9, created = ?10, "
          "created_by = ?11, updated = ?12, updated_by = ?13 WHERE id = ?1")
      .bind_all(m.id, m.project_id, m.title, m.description, m.deadline, m.is_key, m.is_notify,
                m.status, m.responsible_id, m.created, m.created_by, m.updated, m.updated_by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

// Its tasks stay, without a milestone (tasks.milestone_id ON DELETE SET NULL).
void SqlMilestoneRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM milestones WHERE id = ?1").bind_all(id).run();
}

std::vector<MilestoneRecord> SqlMilestoneRepo::of_project(std::int64_t project_id) {
  SqlStatement statement =
      connection_.prepare(select_sql() + "WHERE m.project_id = ?1 ORDER BY m.deadline, m.id");
  statement.bind_all(project_id);
  return read_milestone_rows(statement);
}

std::vector<MilestoneRecord> SqlMilestoneRepo::deadline_notices_due(Timestamp from, Timestamp to) {
  SqlStatement statement = connection_.prepare(
      select_sql() +
      "WHERE m.status = ?1 AND m.responsible_id <> '' AND m.deadline BETWEEN ?2 AND ?3 "
      "AND (m.deadline_notified IS NULL OR m.deadline_notified <> m.deadline) "
      "ORDER BY m.deadline, m.id");
  statement.bind_all(static_cast<std::int64_t>(MilestoneStatus::kOpen), from, to);
  return read_milestone_rows(statement);
}

void SqlMilestoneRepo::mark_deadline_notified(std::int64_t id, Timestamp deadline) {
  connection_.prepare("UPDATE milestones SET deadline_notified = ?2 WHERE id = ?1")
      .bind_all(id, deadline)
      .run();
}

}  // namespace projectd
