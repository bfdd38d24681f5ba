// The mail fan-out (issue 18; docs/notifications.md, "Who is told"): turns each change event
// (change_events.h) into one "mail" delivery per person to tell, with the MailPayload
// (mail_payload.h) rendered now from the store as it is at fan-out.
//
// Who is told:
//   task.created        the responsibles, only when data.notify is true
//   task.updated        data.responsibles_added
//   task.notify         the responsibles
//   task.status         the task's responsibles and subscribers
//   task.files.*        the task's subscribers and responsibles
//   comment.created     on a task: its subscribers and responsibles; on a discussion: its
//                       participants
//   discussion.created  its participants, only when data.notify is true (as the original's
//                       MessageEngine: sendNotify)
//   discussion.files.*  the participants
//   milestone.deadline  the milestone's responsible
// and of those never: the actor; a removed or terminated person, or one without an e-mail; a
// person who may not read the entity now (checked with the project rules as that person); a person
// who turned the event's kind off (notification_kinds.h). Each person gets at most one mail per
// event. An event whose subject is gone (deleted since) sends nothing.
//
// Links point at the web app's pages under `public_url` (docs/web-app.md): a task
// `{public}/tasks/{id}`, a discussion `{public}/projects/{pid}?view=discussions&message={id}`, a
// milestone `{public}/projects/{pid}?view=milestones`; the unsubscribe link is
// `{public}/api/2.0/notifications/unsubscribe?token=T` (unsubscribe_token.h).
// Thread safety: fan_out runs on the outbox worker's thread inside its transaction; the object
// holds only the URL.
#pragma once

#include "domain/notify/event_fanout.h"

#include <string>

namespace projectd {

class MailFanout final : public EventFanout {
 public:
  // `public_url`: the server's address as people reach it, without a trailing slash needed.
  explicit MailFanout(std::string public_url);
  void fan_out(StoreTx& tx, const ChangeEventRecord& event) override;

 private:
  std::string public_url_;
};

// `{public}/api/2.0/notifications/unsubscribe?token=...` for one person and kind.
std::string unsubscribe_url(std::string_view public_url, std::string_view token);

}  // namespace projectd
