// The business rules that several task operations share (create, copy, update, status changes,
// batches); internal to the task services. Each runs inside the caller's write transaction.
#pragma once

#include "domain/projects/project_access.h"
#include "domain/projects/security.h"
#include "domain/projects/task_access.h"
#include "domain/projects/task_service.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// 400 "title can't be empty" for an empty or blank title.
void validate_task_title(std::string_view title);

// Sets the fields `changes` carries on `task` of `project`: a milestone must be of the project
// (404), newly appointed responsibles must be admitted (task_access.h); progress is clamped to
// 0..100. Status is not applied here (apply_task_status). Throws before it writes anything; the
// only write is a manager joining the team.
void apply_task_fields(StoreTx& tx, TaskRecord& task, const ProjectRecord& project,
                       const ProjectSecurity& security, const TaskChanges& changes,
                       const Viewer& viewer);

// Sets the status with its consequences: closing closes every subtask and makes `by` responsible of
// an unassigned task; the custom status falls back to the default of the new status. Writes the
// subtasks, not the task.
void apply_task_status(StoreTx& tx, TaskRecord& task, TaskStatus status, const std::string& by,
                       Timestamp at);

// Subscribes each user to the task (repeats are harmless).
void subscribe_users(StoreTx& tx, std::int64_t task_id, const std::vector<std::string>& user_ids);

// 404 -> 409 (closed project) -> 403 (the edit right) for changing a task.
TaskScope task_for_edit(StoreTx& tx, const Viewer& viewer, std::int64_t task_id);
void touch(TaskRecord& task, const Viewer& viewer);

// The single operations the batches repeat; each throws before it writes.
// `status_id` names a custom status (status_rules.h: choose_task_status decides where the task
// goes); a status with available=false needs its creator, the manager or an admin.
void change_task_status(StoreTx& tx, const Viewer& viewer, std::int64_t task_id,
                        const TaskStatusRequest& request);
void change_task_milestone(StoreTx& tx, const Viewer& viewer, std::int64_t task_id,
                           std::optional<std::int64_t> milestone_id);
// 404 -> 409 -> 403 (the delete right) for deleting a task; deletes nothing.
TaskScope task_for_delete(StoreTx& tx, const Viewer& viewer, std::int64_t task_id);
// The 409 and 403 of task_for_delete, for a task read already.
void require_deletable(const TaskScope& scope);

}  // namespace projectd
