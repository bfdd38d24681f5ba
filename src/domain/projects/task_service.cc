// TaskService: creating, copying and editing tasks.
#include "domain/projects/task_service.h"

#include "auth/random.h"
#include "base/errors.h"
#include "domain/notify/event_publishers.h"
#include "domain/projects/attachment_service.h"
#include "domain/projects/message_service.h"
#include "domain/projects/task_rules.h"

#include <algorithm>
#include <map>

namespace projectd {

namespace {

// Who follows a new task: its creator, responsibles, the project manager and the milestone's
// responsible (docs/wire-compatibility.md, "Endpoints").
void subscribe_new_task(StoreTx& tx, const TaskRecord& task, const ProjectRecord& project) {
  std::vector<std::string> followers = task.responsibles;
  followers.push_back(task.created_by);
  followers.push_back(project.responsible_id);
  if (task.milestone_id)
    if (auto milestone = tx.milestones().by_id(*task.milestone_id))
      followers.push_back(milestone->responsible_id);
  subscribe_users(tx, task.id, followers);
}

// 409 -> 403 for a new task in a readable project.
void require_task_creation(const ProjectSecurity& security) {
  require_project_not_closed(security);
  if (!security.can_create_task())
    throw_forbidden(security.is_open() ? "Access denied."
                                       : "Tasks can only be added to an open project");
}

// 404 -> 409 -> 403 for a new task in a project.
AccessibleProject project_for_new_task(StoreTx& tx, const Viewer& viewer, std::int64_t project_id) {
  AccessibleProject project = load_readable_project(tx, viewer, project_id);
  require_task_creation(project.security);
  return project;
}

// Inserts `task` (its id, status, responsibles and stamps replaced) with `fields` applied.
TaskRecord insert_task(StoreTx& tx, const Viewer& viewer, const AccessibleProject& project,
                       TaskRecord task, const TaskChanges& fields) {
  task.id = 0;
  task.project_id = project.project.id;
  task.status = TaskStatus::kOpen;
  task.custom_status_id.reset();
  task.responsibles.clear();
  task.created = task.updated = now_utc();
  task.created_by = task.updated_by = viewer.user_id;
  apply_task_fields(tx, task, project.project, project.security, fields, viewer);
  task.id = tx.tasks().insert(task);
  subscribe_new_task(tx, task, project.project);
  publish_task_created(tx, viewer.user_id, task, fields.notify);
  return task;
}

void copy_subtasks(StoreTx& tx, const Viewer& viewer, std::int64_t from, const TaskRecord& to,
                   const ProjectRecord& project) {
  for (SubtaskRecord subtask : tx.tasks().subtasks_of({from})) {
    subtask.id = 0;
    subtask.task_id = to.id;
    subtask.status = TaskStatus::kOpen;
    subtask.created = subtask.updated = to.created;
    subtask.created_by = subtask.updated_by = viewer.user_id;
    // A responsible outside the target team is dropped rather than failing the copy.
    if (subtask.responsible_id && !in_team(tx, project, *subtask.responsible_id))
      subtask.responsible_id.reset();
    tx.tasks().insert_subtask(subtask);
  }
}

// Attaches to `to` the files of a task or discussion that lie in `project`'s documents (a file from
// another project's tree could not be attached by hand either).
void copy_attachments(StoreTx& tx, const Viewer& viewer, EntityKind kind, std::int64_t from,
                      const TaskRecord& to, const ProjectRecord& project) {
  const Timestamp now = now_utc();
  const std::string reason = std::string("copied from ") +
                             (kind == EntityKind::kTask ? "task " : "discussion ") +
                             std::to_string(from);
  std::vector<FileRecord> copied;
  for (const FileRecord& file : attached_files(tx, kind, from)) {
    if (file.root_kind != static_cast<int>(FolderKind::kProject) || file.project_id != project.id)
      continue;
    if (!tx.attachments().attach(
            AttachmentRecord{EntityKind::kTask, to.id, file.id, now, viewer.user_id}))
      continue;
    copied.push_back(file);
    tx.attachments().add_audit(AttachmentAuditRecord{0, EntityKind::kTask, to.id, file.id,
                                                     file.title, AttachmentAction::kAttach, reason,
                                                     viewer.user_id, now});
  }
  publish_files_changed(tx, viewer.user_id, EntityKind::kTask, to.id, to.project_id, true, copied);
}

}  // namespace

TaskRecord add_task_in_tx(StoreTx& tx, const Viewer& viewer, const AccessibleProject& project,
                          const TaskChanges& fields) {
  validate_task_title(fields.title.value_or(""));
  require_task_creation(project.security);
  return insert_task(tx, viewer, project, TaskRecord{}, fields);
}

TaskViews TaskService::create(const Caller& caller, std::int64_t project_id,
                              const TaskChanges& fields) {
  validate_task_title(fields.title.value_or(""));
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const AccessibleProject project = project_for_new_task(tx, viewer, project_id);
    TaskRecord task = insert_task(tx, viewer, project, TaskRecord{}, fields);
    name_task_change(tx, task);
    return load_task_view(tx, viewer, std::move(task));
  });
}

TaskViews TaskService::copy(const Caller& caller, std::int64_t source_id, const TaskChanges& fields,
                            const TaskCopyOptions& options) {
  validate_task_title(fields.title.value_or(""));
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const TaskScope source = readable_task(tx, viewer, source_id);
    const AccessibleProject target =
        project_for_new_task(tx, viewer, options.project_id.value_or(source.project.id));
    if (options.remove_old) task_for_delete(tx, viewer, source_id);
    // What the request leaves out comes from the source; its milestone only within its project.
    TaskChanges effective = fields;
    if (!effective.responsibles) effective.responsibles = source.task.responsibles;
    if (!effective.milestone_id && target.project.id == source.project.id)
      effective.milestone_id = source.task.milestone_id;
    TaskRecord base = source.task;
    base.milestone_id.reset();
    base.progress = 0;
    TaskRecord task = insert_task(tx, viewer, target, std::move(base), effective);
    if (options.copy_subtasks) copy_subtasks(tx, viewer, source_id, task, target.project);
    if (options.copy_files)
      copy_attachments(tx, viewer, EntityKind::kTask, source_id, task, target.project);
    if (options.remove_old) {
      detach_all_in_tx(tx, EntityKind::kTask, source_id, source.project.id, viewer.user_id,
                       "task moved");
      tx.tasks().remove(source_id);
      publish_task_deleted(tx, viewer.user_id, source.task);
    }
    name_task_change(tx, source.task);
    name_task_change(tx, task);
    return load_task_view(tx, viewer, std::move(task));
  });
}

TaskViews TaskService::create_from_message(const Caller& caller, std::int64_t project_id,
                                           std::int64_t message_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    // The discussion first: one hidden from the caller answers 404, never 403
    // (docs/wire-compatibility.md, "Not found, not forbidden").
    const MessageRecord message = readable_message(tx, viewer, message_id).message;
    const AccessibleProject target = project_for_new_task(tx, viewer, project_id);
    TaskChanges fields;
    fields.title = message.title;
    TaskRecord task = insert_task(tx, viewer, target, TaskRecord{}, fields);
    // As the original: the discussion's text becomes the first comment, its comments follow in
    // order (replies keep their threads), its files and subscribers carry over.
    const Timestamp now = now_utc();
    std::map<std::string, std::string> new_ids;
    CommentRecord first{random_guid(), CommentTarget::kTask, task.id, "", message.content, false,
                        now,           viewer.user_id,       now};
    tx.comments().insert(first);
    Ticks order{0};
    for (CommentRecord comment : tx.comments().of(CommentTarget::kMessage, {message_id})) {
      const std::string old_id = comment.id;
      comment.id = random_guid();
      // After the first comment, in their order (the original stamps them now + i seconds).
      comment.created = comment.updated = now + (order += Ticks(1));
      new_ids[old_id] = comment.id;
      comment.target = CommentTarget::kTask;
      comment.entity_id = task.id;
      if (!comment.parent_id.empty()) comment.parent_id = new_ids[comment.parent_id];
      tx.comments().insert(comment);
    }
    copy_attachments(tx, viewer, EntityKind::kMessage, message_id, task, target.project);
    std::vector<std::string> subscribers;
    for (const auto& participant : tx.messages().participants_of({message_id}))
      subscribers.push_back(participant.user_id);
    subscribe_users(tx, task.id, subscribers);
    name_task_change(tx, task);  // the discussion is only read
    return load_task_view(tx, viewer, std::move(task));
  });
}

TaskDetail TaskService::update(const Caller& caller, std::int64_t task_id,
                               const TaskChanges& changes) {
  if (changes.title) validate_task_title(*changes.title);
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TaskScope scope = task_for_edit(tx, viewer, task_id);
    TaskRecord& task = scope.task;
    const TaskRecord unchanged = task;
    const std::vector<std::string>& before = unchanged.responsibles;
    apply_task_fields(tx, task, scope.project, scope.security, changes, viewer);
    touch(task, viewer);
    if (changes.status) apply_task_status(tx, task, *changes.status, viewer.user_id, task.updated);
    tx.tasks().update(task);
    // Newly appointed people follow the task, as at creation.
    std::vector<std::string> added;
    for (const std::string& id : task.responsibles)
      if (std::find(before.begin(), before.end(), id) == before.end()) added.push_back(id);
    subscribe_users(tx, task.id, added);
    publish_task_updated(tx, viewer.user_id, task, added, changes.notify);
    publish_task_status(tx, viewer.user_id, unchanged, task);
    name_task_change(tx, unchanged);  // the project it may have left
    name_task_change(tx, task);
    return load_task_detail(tx, viewer, task_id);
  });
}

}  // namespace projectd
