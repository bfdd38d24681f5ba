// Comments (on tasks and discussions) and discussions, the original's "messages": their rows and
// repositories. Batch readers answer many entities in one statement, so a list or a task view
// never reads comments per row.
#pragma once

#include "base/time.h"
#include "store/project_records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// The original's EntityType numbers of what a comment belongs to.
enum class CommentTarget { kTask = 2, kMessage = 6 };

struct CommentRecord {
  std::string id;  // lowercase GUID
  CommentTarget target = CommentTarget::kTask;
  std::int64_t entity_id = 0;
  std::string parent_id;  // empty at the top level
  std::string content;    // sanitised HTML
  bool inactive = false;  // soft-deleted
  Timestamp created{};
  std::string created_by;
  Timestamp updated{};
};

// MessageStatus: an archived discussion stays readable and is filtered out of open lists.
enum class MessageStatus { kOpen = 0, kArchived = 1 };

struct MessageRecord {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string title;
  std::string content;  // sanitised HTML
  MessageStatus status = MessageStatus::kOpen;
  Timestamp created{};
  std::string created_by;
  Timestamp updated{};
  std::string updated_by;
};

// kLastActivity: the newest comment, or the discussion's creation when it has none (the
// original's "comments" order).
enum class MessageSort { kNewest, kCreated, kTitle, kLastActivity };

// Discussions a viewer may read: the project readable and its messages module not denied; the
// filters of project/message/filter, all in SQL.
struct MessageQuery {
  Viewer viewer;
  std::optional<std::int64_t> project_id;
  bool my_projects = false;            // projects the viewer is in the team of
  bool followed = false;               // discussions the viewer is subscribed to
  bool hide_paused = false;            // leave out the discussions of paused projects
  std::optional<std::int64_t> tag_id;  // of the project; -1: projects without tags
  std::optional<MessageStatus> status;
  std::optional<std::string> author;        // `participant` and `createdBy` in the API
  std::optional<std::string> department;    // of the author; matches nothing (see ProjectQuery)
  std::optional<Timestamp> created_start;   // inclusive
  std::optional<Timestamp> created_stop;    // exclusive
  std::optional<std::int64_t> last_id;      // only discussions with a larger id
  std::string text;                         // in the title, case-insensitive
  MessageSort sort = MessageSort::kNewest;  // kNewest: newest first, whatever `descending`
  bool descending = false;
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

// Active comments of one entity.
struct CommentCount {
  std::int64_t entity_id = 0;
  std::int64_t active = 0;
};

class CommentRepo {
 public:
  virtual ~CommentRepo() = default;
  virtual std::optional<CommentRecord> by_id(std::string_view id) = 0;
  // Every comment of these entities, inactive ones too, oldest first.
  virtual std::vector<CommentRecord> of(CommentTarget target,
                                        const std::vector<std::int64_t>& entity_ids) = 0;
  // Entities without active comments are left out.
  virtual std::vector<CommentCount> active_counts(CommentTarget target,
                                                  const std::vector<std::int64_t>& entity_ids) = 0;
  virtual void insert(const CommentRecord& comment) = 0;
  // Changes content, inactive and updated; kNotFound for an unknown id.
  virtual void update(const CommentRecord& comment) = 0;
};

class MessageRepo {
 public:
  virtual ~MessageRepo() = default;
  virtual std::optional<MessageRecord> by_id(std::int64_t id) = 0;
  virtual std::int64_t insert(const MessageRecord& message) = 0;  // returns the new id
  virtual void update(const MessageRecord& message) = 0;          // kNotFound for an unknown id
  virtual void remove(std::int64_t id) = 0;  // with its participants and comments
  // Newest first; visibility and paging in SQL.
  virtual std::vector<MessageRecord> page(const MessageQuery& query) = 0;
  virtual std::int64_t count(const MessageQuery& query) = 0;
  // Participants (the people subscribed) of many messages, sorted by message then user.
  struct Participant {
    std::int64_t message_id = 0;
    std::string user_id;
  };
  virtual std::vector<Participant> participants_of(const std::vector<std::int64_t>& ids) = 0;
  virtual void set_participants(std::int64_t id, const std::vector<std::string>& user_ids) = 0;
  // Subscribes (on) or unsubscribes one person; doing it twice is a no-op.
  virtual void set_participant(std::int64_t id, std::string_view user_id, bool on) = 0;
};

}  // namespace projectd
