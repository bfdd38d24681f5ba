#include "domain/projects/task_rules.h"

#include "domain/projects/status_rules.h"

#include "domain/notify/event_publishers.h"

#include "base/ascii.h"
#include "base/errors.h"

#include <algorithm>

namespace projectd {

void validate_task_title(std::string_view title) {
  if (ascii::trim(title).empty()) throw_bad_request("title can't be empty");
}

void apply_task_fields(StoreTx& tx, TaskRecord& task, const ProjectRecord& project,
                       const ProjectSecurity& security, const TaskChanges& changes,
                       const Viewer& viewer) {
  if (changes.project_id && *changes.project_id != project.id)
    throw_bad_request(
        "A task cannot move to another project: copy it there with POST task/{taskid}/copy and "
        "removeOld=true");
  if (changes.title) {
    validate_task_title(*changes.title);
    task.title = *changes.title;
  }
  if (changes.description) task.description = *changes.description;
  if (changes.deadline) task.deadline = *changes.deadline;
  if (changes.start_date) task.start_date = *changes.start_date;
  if (changes.priority) task.priority = *changes.priority;
  if (changes.progress) task.progress = std::clamp(*changes.progress, 0, 100);
  if (changes.milestone_id) {
    if (*changes.milestone_id) milestone_of_project(tx, project.id, **changes.milestone_id);
    task.milestone_id = *changes.milestone_id;
  }
  if (changes.responsibles) {
    std::vector<std::string> responsibles = distinct_ids(*changes.responsibles);
    // Only people newly appointed are checked: someone who left the team stays responsible of
    // what they had until somebody changes it.
    std::vector<std::string> added;
    for (const std::string& id : responsibles)
      if (std::find(task.responsibles.begin(), task.responsibles.end(), id) ==
          task.responsibles.end())
        added.push_back(id);
    admit_responsibles(tx, project, security, added, viewer);
    task.responsibles = std::move(responsibles);
  }
}

void apply_task_status(StoreTx& tx, TaskRecord& task, TaskStatus status, const std::string& by,
                       Timestamp at) {
  task.custom_status_id.reset();
  if (task.status == status) return;
  task.status = status;
  if (status == TaskStatus::kClosed) {
    tx.tasks().close_subtasks(task.id, by, at);
    if (task.responsibles.empty()) task.responsibles.push_back(by);
  }
}

void subscribe_users(StoreTx& tx, std::int64_t task_id, const std::vector<std::string>& user_ids) {
  for (const std::string& id : distinct_ids(user_ids))
    if (!id.empty()) tx.tasks().set_subscribed(task_id, id, true);
}

TaskScope task_for_edit(StoreTx& tx, const Viewer& viewer, std::int64_t task_id) {
  TaskScope scope = readable_task(tx, viewer, task_id);
  require_project_not_closed(scope.security);
  if (!scope.security.can_edit_task(scope.task)) throw_forbidden();
  return scope;
}

void touch(TaskRecord& task, const Viewer& viewer) {
  task.updated = now_utc();
  task.updated_by = viewer.user_id;
}

void change_task_status(StoreTx& tx, const Viewer& viewer, std::int64_t task_id,
                        const TaskStatusRequest& request) {
  TaskScope scope = task_for_edit(tx, viewer, task_id);
  const TaskStatusChoice choice =
      choose_task_status(tx.statuses(), request.status, request.status_id);
  require_may_set_status(scope.security, viewer, scope.task, choice);
  const TaskRecord before = scope.task;
  touch(scope.task, viewer);
  apply_task_status(tx, scope.task, choice.status, viewer.user_id, scope.task.updated);
  scope.task.custom_status_id = choice.custom_status_id;
  tx.tasks().update(scope.task);
  publish_task_status(tx, viewer.user_id, before, scope.task);
}

void change_task_milestone(StoreTx& tx, const Viewer& viewer, std::int64_t task_id,
                           std::optional<std::int64_t> milestone_id) {
  TaskScope scope = task_for_edit(tx, viewer, task_id);
  TaskChanges changes;
  changes.milestone_id = milestone_id;
  apply_task_fields(tx, scope.task, scope.project, scope.security, changes, viewer);
  touch(scope.task, viewer);
  tx.tasks().update(scope.task);
}

TaskScope task_for_delete(StoreTx& tx, const Viewer& viewer, std::int64_t task_id) {
  TaskScope scope = readable_task(tx, viewer, task_id);
  require_deletable(scope);
  return scope;
}

void require_deletable(const TaskScope& scope) {
  require_project_not_closed(scope.security);
  if (!scope.security.can_delete_task(scope.task)) throw_forbidden();
}

}  // namespace projectd
