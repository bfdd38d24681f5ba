// Tasks as the API shows them: each with its project, milestone, subtasks, links and the caller's
// rights, plus every person they name. A page of tasks (or one task) loads with a fixed number of
// statements whatever the number of rows (docs/architecture.md, "Storage and durability"): the
// tasks, their subtasks, their links, their milestones, their projects, the caller's membership of
// each distinct project, and one batch of people; a full task adds one sum of its time entries.
#pragma once

#include "domain/files/file_access.h"
#include "domain/people/people_index.h"
#include "domain/projects/comment_service.h"
#include "domain/projects/project_access.h"
#include "domain/projects/security.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace projectd {

// The caller's rights on one task (docs/wire-compatibility.md, "Permission rules are consistent",
// as domain/security decides them).
struct TaskRights {
  bool edit = false;
  bool create_subtask = false;
  bool create_time_spend = false;
  bool remove = false;
  bool read_files = false;
};

struct SubtaskView {
  SubtaskRecord subtask;
  bool can_edit = false;
};

struct TaskView {
  TaskRecord task;
  ProjectRecord project;
  std::optional<MilestoneRecord> milestone;
  std::vector<SubtaskView> subtasks;  // by id
  std::vector<TaskLinkRecord> links;  // where the task is the parent or the dependent
  TaskRights rights;
};

struct TaskViews {
  std::vector<TaskView> tasks;
  PeopleIndex people;      // everyone the tasks and their subtasks name
  std::int64_t total = 0;  // lists: every match, not only this page
};

// One task with TaskWrapperFull's extra facts.
struct TaskDetail {
  TaskViews views;      // exactly one task; people include the project's
  ProjectView project;  // ProjectWrapperFull
  bool is_subscribed = false;
  bool can_edit_files = false;
  bool can_create_comment = false;
  CommentThread comments;         // top-level comments and replies; authors are in views.people
  std::vector<FileView> files;    // attached; empty without canReadFiles; people in views.people
  std::int64_t time_seconds = 0;  // timeSpend: the task's time entries, summed
};

struct SubtaskResult {
  SubtaskView view;
  PeopleIndex people;
};

// What a task's full answer is computed from (base/change_scope.h), for the response cache: the
// task's scope (its row, subtasks, comments, attachments, links, subscription, time) and its
// project's (the project's view and counts, its milestones, the team and rights). Everything else
// it shows (people, the attached files' own rows) changes only through broad writes. A write that
// changes any of it must name one of these scopes or none.
std::vector<ChangeScope> scopes_shown(const TaskDetail& detail);

// The views of `tasks`, in their order; the caller must be allowed to read every one of them.
TaskViews load_task_views(StoreTx& tx, const Viewer& viewer, std::vector<TaskRecord> tasks);
TaskViews load_task_view(StoreTx& tx, const Viewer& viewer, TaskRecord task);
// One task, 404 unless the viewer may read it.
TaskDetail load_task_detail(StoreTx& tx, const Viewer& viewer, std::int64_t task_id);
// One subtask of a task the viewer may read, judged by the security of the task's project.
SubtaskResult load_subtask_view(StoreTx& tx, const ProjectSecurity& security,
                                const TaskRecord& task, const SubtaskRecord& subtask);

}  // namespace projectd
