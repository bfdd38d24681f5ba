#include "domain/projects/status_rules.h"

#include "base/errors.h"

#include <string>

namespace projectd {

StatusView default_status(TaskStatus type) {
  const bool open = type == TaskStatus::kOpen;
  StatusView view;
  view.status.id = open ? kDefaultOpenStatusId : kDefaultClosedStatusId;
  view.status.title = open ? "Open" : "Closed";
  // The original embeds its own svg artwork here; we have none to send, so image and imageType
  // stay null rather than claim a picture that is not there.
  view.status.color = "#83888d";
  view.status.status_type = type;
  view.status.available = true;
  view.is_default = true;
  return view;
}

StatusView custom_status_view(CustomStatusRecord record) {
  StatusView view;
  view.can_change_available = record.status_type == TaskStatus::kClosed;
  view.status = std::move(record);
  return view;
}

bool is_default_status_id(std::int64_t id) {
  return id == kDefaultOpenStatusId || id == kDefaultClosedStatusId;
}

TaskStatusChoice choose_task_status(StatusRepo& statuses, std::optional<TaskStatus> status,
                                    std::optional<std::int64_t> status_id) {
  if (status_id && *status_id > 0) {
    auto custom = statuses.by_id(*status_id);
    if (!custom)
      throw_bad_request("Parameter 'statusId': there is no task status " +
                        std::to_string(*status_id) + "; GET api/2.0/project/status lists them");
    return TaskStatusChoice{custom->status_type, custom->id, custom->available};
  }
  if (!status && status_id && is_default_status_id(*status_id))
    status = static_cast<TaskStatus>(-*status_id);
  if (!status) throw_bad_request("Parameter 'status' is required: open or closed");
  return TaskStatusChoice{*status, std::nullopt, true};
}

void require_may_set_status(const ProjectSecurity& security, const Viewer& viewer,
                            const TaskRecord& task, const TaskStatusChoice& choice) {
  if (choice.available || security.is_manager() || task.created_by == viewer.user_id) return;
  throw_forbidden(
      "This status is not available to you: only the task's creator, the project manager or an "
      "administrator may set it");
}

}  // namespace projectd
