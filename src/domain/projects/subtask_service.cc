#include "domain/projects/subtask_service.h"

#include "base/errors.h"
#include "domain/projects/task_access.h"
#include "domain/projects/task_rules.h"

namespace projectd {

namespace {

// The subtask and its task: 404 unless both exist, it belongs to the task, and the task is
// readable; then 409 for a closed project or task.
struct SubtaskScope {
  TaskScope task;
  SubtaskRecord subtask;
};

// Every write of this service changes a subtask, shown in its task's answer; naming the project too
// covers a responsible admitted into the team.
SubtaskScope subtask_for_change(StoreTx& tx, const Viewer& viewer, std::int64_t task_id,
                                std::int64_t subtask_id) {
  TaskScope task = readable_task(tx, viewer, task_id);
  name_task_change(tx, task.task);
  auto subtask = tx.tasks().subtask(subtask_id);
  if (!subtask || subtask->task_id != task_id) throw_not_found();
  require_project_not_closed(task.security);
  require_task_open(task.task);
  return SubtaskScope{std::move(task), std::move(*subtask)};
}

void require_edit(const SubtaskScope& scope) {
  if (!scope.task.security.can_edit_subtask(scope.task.task, scope.subtask)) throw_forbidden();
}

void require_create(const TaskScope& scope) {
  if (!scope.security.can_create_subtask(scope.task)) throw_forbidden();
}

void admit_responsible(StoreTx& tx, const TaskScope& scope, const std::string& user_id,
                       const Viewer& viewer) {
  admit_responsibles(tx, scope.project, scope.security, {user_id}, viewer);
}

void touch(SubtaskRecord& subtask, const Viewer& viewer) {
  subtask.updated = now_utc();
  subtask.updated_by = viewer.user_id;
}

SubtaskResult view(StoreTx& tx, const TaskScope& scope, const SubtaskRecord& subtask) {
  return load_subtask_view(tx, scope.security, scope.task, subtask);
}

}  // namespace

SubtaskResult SubtaskService::create(const Caller& caller, std::int64_t task_id,
                                     const std::string& title,
                                     const std::optional<std::string>& responsible) {
  validate_task_title(title);
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const TaskScope scope = readable_task(tx, viewer, task_id);
    name_task_change(tx, scope.task);
    require_project_not_closed(scope.security);
    require_task_open(scope.task);
    require_create(scope);
    if (responsible) admit_responsible(tx, scope, *responsible, viewer);
    SubtaskRecord subtask;
    subtask.task_id = task_id;
    subtask.title = title;
    subtask.responsible_id = responsible;
    subtask.created = subtask.updated = now_utc();
    subtask.created_by = subtask.updated_by = viewer.user_id;
    subtask.id = tx.tasks().insert_subtask(subtask);
    return view(tx, scope, subtask);
  });
}

SubtaskResult SubtaskService::update(const Caller& caller, std::int64_t task_id,
                                     std::int64_t subtask_id, const SubtaskChanges& changes) {
  if (changes.title) validate_task_title(*changes.title);
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    SubtaskScope scope = subtask_for_change(tx, viewer, task_id, subtask_id);
    require_edit(scope);
    SubtaskRecord& subtask = scope.subtask;
    if (changes.title) subtask.title = *changes.title;
    if (changes.responsible) {
      const std::optional<std::string>& responsible = *changes.responsible;
      if (responsible && responsible != subtask.responsible_id)
        admit_responsible(tx, scope.task, *responsible, viewer);
      subtask.responsible_id = responsible;
    }
    touch(subtask, viewer);
    tx.tasks().update_subtask(subtask);
    return view(tx, scope.task, subtask);
  });
}

SubtaskResult SubtaskService::set_status(const Caller& caller, std::int64_t task_id,
                                         std::int64_t subtask_id, TaskStatus status) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    SubtaskScope scope = subtask_for_change(tx, viewer, task_id, subtask_id);
    require_edit(scope);
    SubtaskRecord& subtask = scope.subtask;
    if (status == TaskStatus::kClosed && !subtask.responsible_id)
      subtask.responsible_id = viewer.user_id;
    subtask.status = status;
    touch(subtask, viewer);
    tx.tasks().update_subtask(subtask);
    return view(tx, scope.task, subtask);
  });
}

SubtaskResult SubtaskService::remove(const Caller& caller, std::int64_t task_id,
                                     std::int64_t subtask_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const SubtaskScope scope = subtask_for_change(tx, viewer, task_id, subtask_id);
    require_edit(scope);
    SubtaskResult result = view(tx, scope.task, scope.subtask);
    tx.tasks().remove_subtask(subtask_id);
    return result;
  });
}

SubtaskResult SubtaskService::copy(const Caller& caller, std::int64_t task_id,
                                   std::int64_t subtask_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const SubtaskScope scope = subtask_for_change(tx, viewer, task_id, subtask_id);
    require_create(scope.task);
    SubtaskRecord copy = scope.subtask;
    copy.status = TaskStatus::kOpen;
    copy.created = copy.updated = now_utc();
    copy.created_by = copy.updated_by = viewer.user_id;
    // The responsible stays only while still in the team.
    if (copy.responsible_id && !in_team(tx, scope.task.project, *copy.responsible_id))
      copy.responsible_id.reset();
    copy.id = tx.tasks().insert_subtask(copy);
    return view(tx, scope.task, copy);
  });
}

SubtaskResult SubtaskService::move(const Caller& caller, std::int64_t target_task_id,
                                   std::int64_t subtask_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const TaskScope target = readable_task(tx, viewer, target_task_id);
    name_task_change(tx, target.task);
    auto found = tx.tasks().subtask(subtask_id);
    if (!found) throw_not_found();
    SubtaskScope source = subtask_for_change(tx, viewer, found->task_id, subtask_id);
    require_project_not_closed(target.security);
    require_task_open(target.task);
    if (source.subtask.status == TaskStatus::kClosed)
      throw_conflict("The subtask is closed: reopen it before moving it");
    require_edit(source);
    require_create(target);
    SubtaskRecord& subtask = source.subtask;
    if (subtask.task_id == target_task_id) return view(tx, target, subtask);
    subtask.task_id = target_task_id;
    if (subtask.responsible_id && !in_team(tx, target.project, *subtask.responsible_id))
      subtask.responsible_id.reset();
    touch(subtask, viewer);
    tx.tasks().update_subtask(subtask);
    return view(tx, target, subtask);
  });
}

}  // namespace projectd
