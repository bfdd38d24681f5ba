// What one event's mail says and whom it may concern, before the people are filtered
// (mail_fanout.h has the rules): one MailStory per event, built from the event and the store as it
// is at fan-out. The fan-out then drops the actor, the unreachable, the unsubscribed and those who
// may not read the entity, and sends the rest one mail each.
// Thread safety: functions run inside the caller's transaction.
#pragma once

#include "domain/projects/security.h"
#include "store/store.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct MailCandidate {
  std::string user_id;
  std::string reason;  // the footer: "You get this because ..."
};

struct MailStory {
  std::string subject;  // also the heading
  std::vector<std::string> lines;
  std::string link_text;
  std::string link_url;
  ProjectRecord project;
  std::vector<MailCandidate> candidates;  // may repeat a person: the first reason counts
  // Whether a person with these rights in the project may read the entity now.
  std::function<bool(const ProjectSecurity&)> readable;
};

// None when the event sends no mail or its subject is gone. `public_url` has no trailing slash.
std::optional<MailStory> mail_story_of(StoreTx& tx, const ChangeEventRecord& event,
                                       const std::string& public_url);

}  // namespace projectd
