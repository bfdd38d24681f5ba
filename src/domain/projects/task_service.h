// Tasks: create, read, change, copy, delete, follow (docs/wire-compatibility.md, "Endpoints", with
// its "Deliberate differences from the original"). Every operation checks 404 -> 409 -> 403 in its
// own transaction and answers the task as it is after the change. Thread safety: every method may
// be called from any worker thread at once.
#pragma once

#include "domain/batch.h"
#include "domain/caller.h"
#include "domain/projects/task_views.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

// What a request sets. An absent member keeps the value (PUT) or takes the default (create) or the
// source task's value (copy); an inner nullopt clears it.
struct TaskChanges {
  std::optional<std::string> title;
  std::optional<std::optional<std::string>> description;
  std::optional<std::optional<Timestamp>> deadline;
  std::optional<std::optional<Timestamp>> start_date;
  std::optional<TaskPriority> priority;
  std::optional<std::optional<std::int64_t>> milestone_id;
  std::optional<std::vector<std::string>> responsibles;  // user ids; repeats are dropped
  std::optional<int> progress;                           // clamped to 0..100
  std::optional<TaskStatus> status;
  // The original's PUT could move a task to another project; here it must stay where it is (400),
  // a copy with removeOld moves it.
  std::optional<std::int64_t> project_id;
  bool notify = false;  // the call's notify: carried by task.created/updated (change_events.h)
};

struct TaskCopyOptions {
  std::optional<std::int64_t> project_id;  // absent: the source task's project
  bool copy_subtasks = false;
  // Attach the source's files to the copy: those in the target project's documents (a copy into
  // another project cannot reach the source project's files).
  bool copy_files = false;
  bool remove_old = false;  // delete the source afterwards (needs its delete right)
};

// A batch: the tasks changed (as they are now, or as they were before deletion) and the refused
// ids.
struct TaskDetailBatch {
  std::vector<TaskDetail> tasks;
  std::vector<BatchFailure> failed;
};
struct TaskViewBatch {
  TaskViews tasks;
  std::vector<BatchFailure> failed;
};

// Where PUT task/{id}/status sends a task: a status (open, closed), a custom status id
// (`statusId`), or both; see choose_task_status in status_rules.h.
struct TaskStatusRequest {
  std::optional<TaskStatus> status;
  std::optional<std::int64_t> status_id;
};

// Adds a task to `project` inside the caller's transaction, with the checks of create() after the
// project's 404.
TaskRecord add_task_in_tx(StoreTx& tx, const Viewer& viewer, const AccessibleProject& project,
                          const TaskChanges& fields);

class TaskService {
 public:
  explicit TaskService(Store& store) : store_(store) {}

  // 400 empty title; 404 project; 409 closed project; 403 create right; 404 milestone not in the
  // project; 400 responsibles outside the team or guests. Subscribes the creator, responsibles,
  // project manager and milestone responsible.
  TaskViews create(const Caller& caller, std::int64_t project_id, const TaskChanges& fields);
  TaskDetail get(const Caller& caller, std::int64_t task_id);
  // POST {projectid}/task/{messageid}: a task titled as the discussion, whose first comment is the
  // discussion's text, followed by its comments; its files (those in the project's documents) and
  // subscribers carry over. Needs the create-task right in the project and a readable discussion.
  TaskViews create_from_message(const Caller& caller, std::int64_t project_id,
                                std::int64_t message_id);
  // The tasks of the query that the caller may read; the viewer is set from the caller.
  TaskViews list(const Caller& caller, TaskQuery query);
  // Like list, but 404 unless the caller may read the project.
  TaskViews list_project(const Caller& caller, std::int64_t project_id, TaskQuery query);

  TaskDetail update(const Caller& caller, std::int64_t task_id, const TaskChanges& changes);
  // Closing closes the subtasks and makes the caller responsible of an unassigned task.
  TaskDetail set_status(const Caller& caller, std::int64_t task_id,
                        const TaskStatusRequest& request);
  // nullopt detaches.
  TaskDetail set_milestone(const Caller& caller, std::int64_t task_id,
                           std::optional<std::int64_t> milestone_id);
  TaskViews copy(const Caller& caller, std::int64_t source_id, const TaskChanges& fields,
                 const TaskCopyOptions& options);
  // Answers the task as it was before it was deleted.
  TaskViews remove(const Caller& caller, std::int64_t task_id);

  // Each id as the single call would do it, in one transaction; refused ids are reported.
  TaskDetailBatch set_status_many(const Caller& caller, const std::vector<std::int64_t>& ids,
                                  const TaskStatusRequest& request);
  TaskDetailBatch set_milestone_many(const Caller& caller, const std::vector<std::int64_t>& ids,
                                     std::optional<std::int64_t> milestone_id);
  TaskViewBatch remove_many(const Caller& caller, const std::vector<std::int64_t>& ids);

  // Follows the task, or stops following it.
  TaskViews toggle_subscription(const Caller& caller, std::int64_t task_id);
  bool is_subscribed(const Caller& caller, std::int64_t task_id);
  // Records a reminder for each responsible.
  TaskViews remind(const Caller& caller, std::int64_t task_id);

 private:
  Store& store_;
};

}  // namespace projectd
