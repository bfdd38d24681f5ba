// The task columns every task read selects (table alias t), shared by the task repository's
// files, and how a row of them becomes a TaskRecord (without its responsibles).
#pragma once

#include "store/project_records.h"
#include "store/sql/sql_connection.h"

#include <string>

namespace projectd {

inline const std::string& task_columns_sql() {
  static const std::string sql =
      "t.id, t.project_id, t.milestone_id, t.title, t.description, t.priority, t.status, "
      "t.custom_status_id, t.start_date, t.deadline, t.progress, t.created, t.created_by, "
      "t.updated, t.updated_by";
  return sql;
}

inline TaskRecord read_task_row(const SqlStatement& row) {
  return TaskRecord{.id = row.int64(0),
                    .project_id = row.int64(1),
                    .milestone_id = row.optional_int64(2),
                    .title = row.text(3),
                    .description = row.optional_text(4),
                    .priority = static_cast<TaskPriority>(row.int64(5)),
                    .status = static_cast<TaskStatus>(row.int64(6)),
                    .custom_status_id = row.optional_int64(7),
                    .start_date = row.optional_timestamp(8),
                    .deadline = row.optional_timestamp(9),
                    .progress = static_cast<int>(row.int64(10)),
                    .created = row.timestamp(11),
                    .created_by = row.text(12),
                    .updated = row.timestamp(13),
                    .updated_by = row.text(14),
                    .responsibles = {}};
}

}  // namespace projectd
