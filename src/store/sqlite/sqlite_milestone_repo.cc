#include "store/sqlite/sqlite_bound_values.h"
#include "store/sqlite/sqlite_project_repos.h"

#include <string>

namespace projectd {
namespace {

const std::string kSelect =
    "SELECT id, project_id, title, description, deadline, is_key, is_notify, status, "
    "responsible_id, created, created_by, updated, updated_by FROM milestones ";

MilestoneRecord read_milestone(const SqliteStatement& row) {
  return MilestoneRecord{.id = row.int64(0),
                         .project_id = row.int64(1),
                         .title = row.text(2),
                         .description = row.text(3),
                         .deadline = row.timestamp(4),
                         .is_key = row.int64(5) != 0,
                         .is_notify = row.int64(6) != 0,
                         .status = static_cast<MilestoneStatus>(row.int64(7)),
                         .responsible_id = row.text(8),
                         .created = row.timestamp(9),
                         .created_by = row.text(10),
                         .updated = row.timestamp(11),
                         .updated_by = row.text(12)};
}

std::vector<MilestoneRecord> read_milestones(SqliteStatement& statement) {
  std::vector<MilestoneRecord> milestones;
  while (statement.step())
    milestones.push_back(read_milestone(statement));
  return milestones;
}

}  // namespace

std::optional<MilestoneRecord> SqliteMilestoneRepo::by_id(std::int64_t id) {
  SqliteStatement statement = connection_.prepare(kSelect + "WHERE id = ?1");
  statement.bind_all(id);
  if (!statement.step()) return std::nullopt;
  return read_milestone(statement);
}

std::vector<MilestoneRecord> SqliteMilestoneRepo::by_ids(const std::vector<std::int64_t>& ids) {
  SqliteStatement statement =
      connection_.prepare(kSelect + "WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id");
  statement.bind_all(json_array(ids));
  return read_milestones(statement);
}

std::int64_t SqliteMilestoneRepo::insert(const MilestoneRecord& m) {
  connection_
      .prepare(
          "INSERT INTO milestones (project_id, title, description, deadline, is_key, is_notify, "
          "status, responsible_id, created, created_by, updated, updated_by) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
      .bind_all(m.project_id, m.title, m.description, m.deadline, m.is_key, m.is_notify, m.status,
                m.responsible_id, m.created, m.created_by, m.updated, m.updated_by)
      .run();
  return connection_.last_insert_rowid();
}

void SqliteMilestoneRepo::update(const MilestoneRecord& m) {
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
void SqliteMilestoneRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM milestones WHERE id = ?1").bind_all(id).run();
}

std::vector<MilestoneRecord> SqliteMilestoneRepo::of_project(std::int64_t project_id) {
  SqliteStatement statement =
      connection_.prepare(kSelect + "WHERE project_id = ?1 ORDER BY deadline, id");
  statement.bind_all(project_id);
  return read_milestones(statement);
}

}  // namespace projectd
