// The services of the task surface, built together so the wiring adds one member.
#pragma once

#include "domain/projects/subtask_service.h"
#include "domain/projects/task_link_service.h"
#include "domain/projects/task_service.h"
#include "domain/projects/time_service.h"

namespace projectd {

struct TaskServices {
  explicit TaskServices(Store& store) : tasks(store), subtasks(store), links(store), time(store) {}
  TaskService tasks;
  SubtaskService subtasks;
  TaskLinkService links;
  TimeService time;  // time tracking: entries on tasks
};

}  // namespace projectd
