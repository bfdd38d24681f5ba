// The milestone columns every milestone read selects (table alias m), shared by the milestone
// repository's files, and how a row of them becomes a MilestoneRecord.
#pragma once

#include "store/project_records.h"
#include "store/sql/sql_connection.h"

#include <string>
#include <vector>

namespace projectd {

inline const std::string& milestone_columns_sql() {
  static const std::string sql =
      "m.id, m.project_id, m.title, m.description, m.deadline, m.is_key, m.is_notify, m.status, "
      "m.responsible_id, m.created, m.created_by, m.updated, m.updated_by";
  return sql;
}

inline MilestoneRecord read_milestone_row(const SqlStatement& row) {
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

inline std::vector<MilestoneRecord> read_milestone_rows(SqlStatement& statement) {
  std::vector<MilestoneRecord> milestones;
  while (statement.step())
    milestones.push_back(read_milestone_row(statement));
  return milestones;
}

}  // namespace projectd
