// Milestones: creating, listing what the caller may read, changing, closing and deleting, with the
// rules of the original as docs/wire-compatibility.md corrects them ("Permission rules are
// consistent"). Checks run 404 (missing or unreadable) -> 409 (closed project, open tasks) -> 403;
// a refused operation changes nothing. Thread safety: every method may be called from any worker
// thread at once.
#pragma once

#include "domain/batch.h"
#include "domain/caller.h"
#include "domain/people/people_index.h"
#include "domain/projects/project_access.h"
#include "domain/projects/security.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct NewMilestone {
  std::string title;
  std::optional<Timestamp> deadline;  // required
  std::string description;
  bool is_key = false;
  bool is_notify = false;
  std::optional<std::string> responsible_id;  // none: the creator
};

// A partial update (docs/wire-compatibility.md, "PUT keeps what you do not send"): absent members
// keep their value.
struct MilestoneChanges {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<Timestamp> deadline;
  std::optional<bool> is_key;
  std::optional<bool> is_notify;
  std::optional<std::string> responsible_id;
  std::optional<MilestoneStatus> status;
};

// MilestoneWrapper's facts for one caller.
struct MilestoneView {
  MilestoneRecord milestone;
  ProjectRecord project;
  bool can_edit = false;
  bool can_delete = false;
  std::int64_t active_tasks = 0;
  std::int64_t closed_tasks = 0;
};

struct MilestoneViews {
  std::vector<MilestoneView> milestones;
  std::int64_t total = 0;
  PeopleIndex people;  // responsibles, creators, last editors
  std::vector<BatchFailure> failed;
};

// Adds a milestone to `project` inside the caller's transaction, as POST {projectid}/milestone
// does: 409 when the project is closed, 403 without the create right, 400 for bad fields. Returns
// its id.
std::int64_t add_milestone_in_tx(StoreTx& tx, const Viewer& viewer,
                                 const AccessibleProject& project, const NewMilestone& input);

class MilestoneService {
 public:
  explicit MilestoneService(Store& store);

  // The query's viewer is set from the caller; visibility, filters and paging run in SQL.
  MilestoneViews list(const Caller& caller, MilestoneQuery query);
  // One project's milestones: 404 when the project is missing or hidden from the caller.
  MilestoneViews list_project(const Caller& caller, std::int64_t project_id, MilestoneQuery query);
  MilestoneViews get(const Caller& caller, std::int64_t id);
  // 400 without a title or deadline, or with a responsible who is not in the team.
  MilestoneViews create(const Caller& caller, std::int64_t project_id, const NewMilestone& m);
  MilestoneViews update(const Caller& caller, std::int64_t id, const MilestoneChanges& changes);
  // Closing a milestone with open tasks answers 409.
  MilestoneViews set_status(const Caller& caller, std::int64_t id, MilestoneStatus status);
  MilestoneViews remove(const Caller& caller, std::int64_t id);
  MilestoneViews remove_many(const Caller& caller, const std::vector<std::int64_t>& ids);

 private:
  Store& store_;
};

}  // namespace projectd
