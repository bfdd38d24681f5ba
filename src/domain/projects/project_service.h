// Projects: listing what the caller may read, creating, changing, deleting, following and tagging.
// Every operation is one store transaction; checks run 404 (missing or unreadable) -> 409 -> 403
// (docs/wire-compatibility.md, "Checks run 404, then 409, then 403"), and a refused operation
// changes nothing. Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/batch.h"
#include "domain/caller.h"
#include "domain/people/people_index.h"
#include "domain/projects/milestone_service.h"
#include "domain/projects/project_access.h"
#include "domain/projects/task_service.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// A task made with its project (POST project `tasks`): `milestone` is the 1-based position of one
// of the request's milestones, 0 for none, as the original binds it.
struct NewProjectTask {
  TaskChanges fields;
  std::int64_t milestone = 0;
};

struct NewProject {
  std::string title;
  std::string description;
  std::optional<std::string> responsible_id;  // none: the creator manages it
  std::vector<std::string> tags;
  bool is_private = false;
  std::vector<std::string> participants;
  // POST project/withSecurity: the team security of participants (security bits denied).
  std::vector<TeamMember> team_security;
  std::vector<NewMilestone> milestones;
  std::vector<NewProjectTask> tasks;
};

// A partial update (docs/wire-compatibility.md, "PUT keeps what you do not send"). An empty title
// or responsible is refused with 400: a project always has both.
struct ProjectChanges {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> responsible_id;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::vector<std::string>> participants;  // the new team; the manager stays
  // PUT project/{id}/withSecurityInfo: the team security of participants, set after the team.
  std::vector<TeamMember> team_security;
  std::optional<ProjectStatus> status;
  std::optional<bool> is_private;
};

// ProjectWrapper: the record and the one right lists show.
struct ProjectBrief {
  ProjectRecord project;
  bool can_edit = false;
};

struct ProjectBriefs {
  std::vector<ProjectBrief> projects;
  std::int64_t total = 0;
  PeopleIndex people;
};

struct ProjectDetails {
  ProjectView view;
  PeopleIndex people;
};

struct ProjectViews {
  std::vector<ProjectView> projects;
  std::int64_t total = 0;
  PeopleIndex people;
};

struct BatchDeleted {
  ProjectViews deleted;  // as they were just before deletion
  std::vector<BatchFailure> failed;
};

// GET project/securityinfo: what the caller may create somewhere in the portal.
struct CommonSecurity {
  bool can_create_project = false;
  bool can_create_task = false;
  bool can_create_milestone = false;
  bool can_create_message = false;
  bool can_create_time_spend = false;
};

// One search result: SearchWrapper's item and, for a task or milestone, the project holding it.
enum class SearchEntity { kProject = 0, kMilestone = 1, kTask = 2 };  // the original's EntityType
struct SearchItem {
  SearchEntity entity = SearchEntity::kProject;
  std::int64_t id = 0;
  std::string title;
  std::optional<std::string> description;
  Timestamp created{};
};
struct SearchHit {
  SearchItem item;
  std::optional<SearchItem> owner;
};

class ProjectService {
 public:
  explicit ProjectService(Store& store);

  // The query's viewer is set from the caller; visibility, filters and paging run in SQL.
  ProjectBriefs list(const Caller& caller, ProjectQuery query);
  ProjectViews filter(const Caller& caller, ProjectQuery query);
  ProjectDetails get(const Caller& caller, std::int64_t id);
  CommonSecurity common_security(const Caller& caller);

  // 400 for a bad title or unknown people, 403 for guests. Makes the documents folder too, and the
  // embedded milestones and tasks in the same transaction: a refused item (its error names it)
  // leaves nothing behind.
  ProjectDetails create(const Caller& caller, const NewProject& project);
  ProjectDetails update(const Caller& caller, std::int64_t id, const ProjectChanges& changes);
  // Closed projects may be reopened (docs/wire-compatibility.md, "Closed projects"); needs the edit
  // right.
  ProjectDetails set_status(const Caller& caller, std::int64_t id, ProjectStatus status);
  ProjectDetails set_tags(const Caller& caller, std::int64_t id,
                          const std::vector<std::string>& tags);
  // PUT project/{id}/tags: the tags by id; 400 naming an id no tag has.
  ProjectDetails set_tag_ids(const Caller& caller, std::int64_t id,
                             const std::vector<std::int64_t>& tag_ids);
  // Needs the delete right (docs/wire-compatibility.md, "Permission rules are consistent": not the
  // original's edit right); removes the folder too.
  ProjectDetails remove(const Caller& caller, std::int64_t id);
  // Each id as remove() would; the refused ones are reported, the others deleted in one commit.
  BatchDeleted remove_many(const Caller& caller, const std::vector<std::int64_t>& ids);
  // Follows or unfollows; anyone who can read the project may.
  ProjectBriefs toggle_follow(const Caller& caller, std::int64_t id);

  // Text (case-insensitive) in titles and descriptions of what the caller may read: projects and
  // tasks across the portal, or with `project_id` (404 when unreadable) that project's milestones
  // and tasks. At most 1000 hits of each kind. Defined in project_search.cc.
  std::vector<SearchHit> search(const Caller& caller, std::string_view text,
                                std::optional<std::int64_t> project_id);

 private:
  Store& store_;
};

}  // namespace projectd
