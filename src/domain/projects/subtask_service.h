// Subtasks (docs/wire-compatibility.md, "Endpoints", with the corrections of "Permission rules are
// consistent"): creating one checks canCreateSubtask, a closed parent task refuses every change of
// its subtasks (409) as a closed project does, and a subtask named by the path must belong to the
// task named by the path (404). Thread safety: every method may be called from any worker thread at
// once.
#pragma once

#include "domain/caller.h"
#include "domain/projects/task_views.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>

namespace projectd {

// An absent member keeps its value; an inner nullopt clears the responsible.
struct SubtaskChanges {
  std::optional<std::string> title;
  std::optional<std::optional<std::string>> responsible;
};

class SubtaskService {
 public:
  explicit SubtaskService(Store& store) : store_(store) {}

  // 400 empty title; 404 task; 409 closed project or task; 403; 400 a responsible who is a guest
  // or outside the team.
  SubtaskResult create(const Caller& caller, std::int64_t task_id, const std::string& title,
                       const std::optional<std::string>& responsible);
  SubtaskResult update(const Caller& caller, std::int64_t task_id, std::int64_t subtask_id,
                       const SubtaskChanges& changes);
  // Closing an unassigned subtask makes the caller its responsible.
  SubtaskResult set_status(const Caller& caller, std::int64_t task_id, std::int64_t subtask_id,
                           TaskStatus status);
  // Answers the subtask as it was.
  SubtaskResult remove(const Caller& caller, std::int64_t task_id, std::int64_t subtask_id);
  // An open copy in the same task.
  SubtaskResult copy(const Caller& caller, std::int64_t task_id, std::int64_t subtask_id);
  // Moves an open subtask (of any task the caller may edit it in) to the task `target_task_id`;
  // needs the create-subtask right there. A responsible outside the target's team is dropped.
  SubtaskResult move(const Caller& caller, std::int64_t target_task_id, std::int64_t subtask_id);

 private:
  Store& store_;
};

}  // namespace projectd
