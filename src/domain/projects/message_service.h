// Discussions (the original's "messages", ProjectApi.Messages; docs/wire-compatibility.md,
// "Endpoints"): creating, listing what the caller may read, reading one with its comments, changing
// and deleting. A discussion is readable when its project is and the messages module is not denied
// to the caller by team security; otherwise 404. Checks run 404 -> 409 (closed project) -> 403 ->
// 400, and a refused call changes nothing. Thread safety: every method may be called from any
// thread at once.
#pragma once

#include "domain/caller.h"
#include "domain/files/file_access.h"
#include "domain/people/people_index.h"
#include "domain/projects/comment_service.h"
#include "domain/projects/project_access.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct NewMessage {
  std::string title;    // required
  std::string content;  // required; sanitised
  std::vector<std::string> participants;
  bool notify = false;  // the call's notify: carried by discussion.created (change_events.h)
};

// A partial update (docs/wire-compatibility.md, "PUT keeps what you do not send"): absent members
// keep their value.
struct MessageChanges {
  std::optional<std::int64_t> project_id;
  std::optional<std::string> title;
  std::optional<std::string> content;
  std::optional<std::vector<std::string>> participants;
};

// MessageWrapper's facts for one caller.
struct MessageView {
  MessageRecord message;
  ProjectRecord project;
  bool can_edit = false;
  bool can_create_comment = false;
  std::int64_t comments_count = 0;  // active comments
};

struct MessageViews {
  std::vector<MessageView> messages;
  std::int64_t total = 0;
  PeopleIndex people;  // creators and last editors
};

// The full variant of one discussion (GET message/{id}).
struct MessageFullView {
  MessageView message;
  ProjectView project;
  bool can_read_files = false;
  bool can_edit_files = false;
  std::vector<std::string> subscribers;  // the participants
  CommentThread comments;
  std::vector<FileView> files;  // attached; empty without can_read_files
  PeopleIndex people;           // everyone above, the project's people included
};

// The people subscribed to a discussion.
struct MessageSubscribers {
  std::vector<std::string> user_ids;
  PeopleIndex people;
};

// A discussion with the caller's rights in its project.
struct LoadedMessage {
  MessageRecord message;
  AccessibleProject project;
};
// 404 unless the discussion exists and the viewer may read its project's discussions. Runs inside
// the caller's transaction.
LoadedMessage readable_message(StoreTx& tx, const Viewer& viewer, std::int64_t id);
// The full view of one discussion (404 as readable_message), inside the caller's transaction.
MessageFullView load_message_full_view(StoreTx& tx, const Viewer& viewer, std::int64_t id);

class MessageService {
 public:
  explicit MessageService(Store& store);

  // The query's viewer is set from the caller. With a project id, 404 unless its discussions are
  // readable.
  MessageViews list(const Caller& caller, MessageQuery query);
  MessageFullView get(const Caller& caller, std::int64_t id);
  // 400 without a title or content, or with an unknown participant. The creator participates.
  MessageViews create(const Caller& caller, std::int64_t project_id, const NewMessage& message);
  // Moving to another project needs the create right there, and detaches (with audit records)
  // the files outside the new project's documents.
  MessageFullView update(const Caller& caller, std::int64_t id, const MessageChanges& changes);
  MessageViews remove(const Caller& caller, std::int64_t id);

  // project/message/filter: as list(); without a project the portal's HideEntitiesInPausedProjects
  // setting leaves out the discussions of paused projects, as in the original.
  MessageViews filter(const Caller& caller, MessageQuery query);
  // Open or archive: the edit right of update() (the author, the project's manager or an admin);
  // 409 in a closed project.
  MessageViews set_status(const Caller& caller, std::int64_t id, MessageStatus status);
  // Subscribes the caller, or unsubscribes them when subscribed: whoever reads the discussion may,
  // guests and closed projects included (docs/wire-compatibility.md, "Closed projects").
  MessageFullView toggle_subscription(const Caller& caller, std::int64_t id);
  bool is_subscribed(const Caller& caller, std::int64_t id);
  MessageSubscribers subscribers(const Caller& caller, std::int64_t id);

 private:
  MessageViews page_of(const Caller& caller, MessageQuery query, bool portal_settings);

  Store& store_;
};

}  // namespace projectd
