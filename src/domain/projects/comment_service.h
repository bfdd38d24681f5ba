// Comments on tasks and discussions (docs/wire-compatibility.md, "Endpoints"): listing, adding
// (optionally as a reply), reading, editing and soft-deleting. Content is sanitised HTML
// (docs/wire-compatibility.md, "Sanitised HTML"), stored and returned as stored. Checks run 404
// (the comment or its task/discussion is missing or unreadable) -> 409 (closed project) -> 403 (not
// allowed) -> 400 (bad content); a refused call changes nothing. Thread safety: every method may be
// called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "domain/people/people_index.h"
#include "domain/projects/project_access.h"
#include "domain/projects/task_access.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

// What a comment belongs to, with the caller's rights in its project.
struct CommentScope {
  CommentTarget target = CommentTarget::kTask;
  std::int64_t entity_id = 0;
  AccessibleProject project;
  bool can_comment = false;  // add comments and replies (closed projects aside)
};

// 404 unless the task or discussion exists and the viewer may read it.
CommentScope load_comment_scope(StoreTx& tx, const Viewer& viewer, CommentTarget target,
                                std::int64_t entity_id);
// The comment scope of a task already read and checked (readable_task), without a statement.
CommentScope task_comment_scope(const TaskScope& task);

struct CommentView {
  CommentRecord comment;
  bool can_edit = false;  // edit and delete
};

// The comments of one task or discussion for one viewer, oldest first, inactive ones included.
struct CommentThread {
  std::vector<CommentView> comments;
  bool can_respond = false;  // CommentInfo.isResponsePermissions
  std::int64_t active = 0;   // commentsCount
};

// One statement for the comments; their authors belong in the caller's PeopleIndex
// (collect_comment_people).
CommentThread comment_thread(StoreTx& tx, const Viewer& viewer, const CommentScope& scope);
void collect_comment_people(const CommentThread& thread, std::vector<std::string>& ids);

struct CommentViews {
  std::vector<CommentView> comments;
  PeopleIndex people;  // the authors
};

class CommentService {
 public:
  explicit CommentService(Store& store);

  CommentViews list(const Caller& caller, CommentTarget target, std::int64_t entity_id);
  // `parent_id`: a comment of the same task or discussion, else 404.
  CommentViews add(const Caller& caller, CommentTarget target, std::int64_t entity_id,
                   const std::string& content, const std::optional<std::string>& parent_id);
  CommentViews get(const Caller& caller, const std::string& id);
  // Returns the stored (sanitised) content.
  std::string update(const Caller& caller, const std::string& id, const std::string& content);
  // Soft delete; deleting twice is a no-op. Returns the id.
  std::string remove(const Caller& caller, const std::string& id);

 private:
  Store& store_;
};

// Sanitises content for storing: 400 `message` when it is empty before or after sanitising.
std::string clean_content(const std::string& content, const char* message);

}  // namespace projectd
