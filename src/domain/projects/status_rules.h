// What a task status is: one of the two built-in defaults (id -1 Open, -2 Closed, immutable) or a
// custom status an admin defined (docs/wire-compatibility.md, "Enumerations"). Shared by the status
// admin endpoints and the task status change. Thread safety: pure functions over the given
// transaction.
#pragma once

#include "domain/projects/security.h"
#include "store/status_repo.h"

#include <cstdint>
#include <optional>

namespace projectd {

inline constexpr std::int64_t kDefaultOpenStatusId = -1;
inline constexpr std::int64_t kDefaultClosedStatusId = -2;

// A status as CustomTaskStatus shows it.
struct StatusView {
  CustomStatusRecord status;
  bool is_default = false;
  // Whether the web client offers to toggle `available`: closed statuses only (the original's
  // rule), and never on a built-in default, which cannot change here.
  bool can_change_available = false;
};

StatusView default_status(TaskStatus type);
StatusView custom_status_view(CustomStatusRecord record);
bool is_default_status_id(std::int64_t id);

// Where PUT task/{id}/status moves a task.
struct TaskStatusChoice {
  TaskStatus status = TaskStatus::kOpen;
  std::optional<std::int64_t> custom_status_id;  // none: the default of `status`
  bool available = true;
};

// A positive status_id names a custom status (400 when there is none), whose type wins over
// `status`. Otherwise (absent, 0 or negative) the task goes to the default of `status`; -1 and -2
// stand for Open and Closed when `status` is absent. 400 when neither says where to go.
TaskStatusChoice choose_task_status(StatusRepo& statuses, std::optional<TaskStatus> status,
                                    std::optional<std::int64_t> status_id);

// A status with available=false may only be set by the task's creator, the project manager or an
// admin: 403 for anyone else. Runs after the edit right was checked.
void require_may_set_status(const ProjectSecurity& security, const Viewer& viewer,
                            const TaskRecord& task, const TaskStatusChoice& choice);

}  // namespace projectd
