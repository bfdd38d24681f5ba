// Gantt dependencies between tasks (docs/wire-compatibility.md, "Endpoints"). Every rule the
// original answers with 500 answers 409 here with what to do, linking a task to itself 400;
// changing a link needs the edit right on both tasks. Thread safety: every method may be called
// from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "domain/projects/task_views.h"
#include "store/store.h"

#include <cstdint>

namespace projectd {

class TaskLinkService {
 public:
  explicit TaskLinkService(Store& store) : store_(store) {}

  // Answers the dependent task.
  TaskViews add(const Caller& caller, std::int64_t parent_id, std::int64_t dependence_id,
                TaskLinkType type);
  // `path_task_id` (the task of the URL) must be one of the two tasks, else 400; a link that does
  // not exist is 404. Answers the dependent task.
  TaskViews remove(const Caller& caller, std::int64_t path_task_id, std::int64_t parent_id,
                   std::int64_t dependence_id);

 private:
  Store& store_;
};

}  // namespace projectd
