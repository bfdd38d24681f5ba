// The changes that notify (issue 18; docs/notifications.md): every domain write that people or
// other systems may hear of publishes one ChangeEvent inside its own transaction, so the event
// commits or rolls back with the change (store/outbox_repos.h). Who hears of it is decided later,
// by the fan-outs (mail: domain/notify/mail_fanout.h; webhooks: api/webhooks/), from the event
// and the store as it is then; the event carries what they cannot find afterwards (a deleted
// task's title, the files a detach named, the status before).
//
// Event types and their `data` members (all ids are numbers, people are user ids):
//   project.created|updated|deleted  entity: project     data: title
//   task.created    entity: task     data: notify (bool: the call asked to notify responsibles),
//                                          responsibles [ids]
//   task.updated    entity: task     data: responsibles_added [ids] (new responsibles only)
//   task.status     entity: task     data: from, to (status numbers 1 open, 2 closed),
//                                          custom_from, custom_to (custom status ids, or null)
//   task.deleted    entity: task     data: title
//   task.notify     entity: task     (POST task/{id}/notify: remind the responsibles)
//   task.files.attached|detached     entity: task data: files [ {id, title} ]
//   discussion.files.attached|detached entity: discussion data: files [ {id, title} ]
//   discussion.created entity: discussion data: participants [ids], notify (bool)
//   comment.created entity: the task or discussion  data: comment_id (text), on ("task" or
//                                          "discussion")
//   milestone.deadline entity: milestone (published once, by the deadline reminder)
//   file.created|deleted entity: file data: title, folder_id
// Thread safety: functions run inside the caller's transaction.
#pragma once

#include "store/store.h"

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace projectd::event {
inline constexpr std::string_view kProjectCreated = "project.created";
inline constexpr std::string_view kProjectUpdated = "project.updated";
inline constexpr std::string_view kProjectDeleted = "project.deleted";
inline constexpr std::string_view kTaskCreated = "task.created";
inline constexpr std::string_view kTaskUpdated = "task.updated";
inline constexpr std::string_view kTaskStatus = "task.status";
inline constexpr std::string_view kTaskDeleted = "task.deleted";
inline constexpr std::string_view kTaskNotify = "task.notify";
inline constexpr std::string_view kTaskFilesAttached = "task.files.attached";
inline constexpr std::string_view kTaskFilesDetached = "task.files.detached";
inline constexpr std::string_view kDiscussionFilesAttached = "discussion.files.attached";
inline constexpr std::string_view kDiscussionFilesDetached = "discussion.files.detached";
inline constexpr std::string_view kDiscussionCreated = "discussion.created";
inline constexpr std::string_view kCommentCreated = "comment.created";
inline constexpr std::string_view kMilestoneDeadline = "milestone.deadline";
inline constexpr std::string_view kFileCreated = "file.created";
inline constexpr std::string_view kFileDeleted = "file.deleted";
}  // namespace projectd::event

namespace projectd {

struct ChangeEvent {
  std::string_view type;  // one of projectd::event
  std::string actor_id;   // the caller; empty for the server itself
  std::optional<std::int64_t> project_id;
  std::int64_t entity_id = 0;
  boost::json::object data;
};

// Records the event in `tx` (one INSERT), stamped now.
void publish_in_tx(StoreTx& tx, const ChangeEvent& event);

// The event's data as the fan-outs read it back.
boost::json::object event_data(const ChangeEventRecord& record);

}  // namespace projectd
