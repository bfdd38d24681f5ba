// The kinds of notification mail a person can turn off, and which events each covers
// (docs/notifications.md, "Turning notifications off"):
//   assigned    task.created, task.updated, task.notify
//   status      task.status
//   comments    comment.created
//   files       task.files.*, discussion.files.*
//   discussions discussion.created
//   milestones  milestone.deadline
// Thread safety: constants and pure functions.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace projectd {

inline constexpr std::array<std::string_view, 6> kNotificationKinds = {
    "assigned", "status", "comments", "files", "discussions", "milestones"};

bool is_notification_kind(std::string_view kind);
// The kind an event's mail belongs to; none for an event that sends no mail.
std::optional<std::string_view> notification_kind_of(std::string_view event_type);

}  // namespace projectd
