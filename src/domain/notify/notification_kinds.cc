// Notification kinds (notification_kinds.h).
#include "domain/notify/notification_kinds.h"

#include "domain/notify/change_events.h"

#include <algorithm>

namespace projectd {

bool is_notification_kind(std::string_view kind) {
  return std::find(kNotificationKinds.begin(), kNotificationKinds.end(), kind) !=
         kNotificationKinds.end();
}

std::optional<std::string_view> notification_kind_of(std::string_view type) {
  if (type == event::kTaskCreated || type == event::kTaskUpdated || type == event::kTaskNotify)
    return "assigned";
  if (type == event::kTaskStatus) return "status";
  if (type == event::kCommentCreated) return "comments";
  if (type == event::kTaskFilesAttached || type == event::kTaskFilesDetached ||
      type == event::kDiscussionFilesAttached || type == event::kDiscussionFilesDetached)
    return "files";
  if (type == event::kDiscussionCreated) return "discussions";
  if (type == event::kMilestoneDeadline) return "milestones";
  return std::nullopt;
}

}  // namespace projectd
