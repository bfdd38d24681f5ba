// Who may read and change what in a project: the original's rules with the corrections of
// docs/wire-compatibility.md, "Permission rules are consistent": delete checks the delete right,
// subtask creation checks canCreateSubtask, and every change of a closed project's content is
// refused, so no flag says "yes" where the action would answer 409. Enforcement order in the
// services is 404 (cannot read) -> 409 (closed project) -> 403 (rule). The SQL visibility filters
// of the store implement can_read()/can_read_task() too; the authorization matrix test keeps both
// in step. Thread safety: immutable value, pure functions.
#pragma once

#include "domain/caller.h"
#include "store/project_records.h"

#include <optional>
#include <vector>

namespace projectd {

class ProjectSecurity {
 public:
  ProjectSecurity(const Viewer& viewer, const ProjectRecord& project,
                  const std::optional<TeamMember>& membership);

  bool is_manager() const { return manager_; }  // admin or the responsible; never a guest
  bool in_team() const { return in_team_; }     // admin or a member
  bool is_member() const { return member_; }    // in the team itself (ProjectSecurityInfo.isInTeam)
  bool is_closed() const { return project_.status == ProjectStatus::kClosed; }
  bool is_open() const { return project_.status == ProjectStatus::kOpen; }

  bool can_read() const;
  // Tasks, milestones, messages, files: team security can deny a module to a member of a private
  // project; managers and public projects are never restricted.
  bool can_read_module(int module_bit) const;
  bool can_edit() const;
  bool can_delete() const;
  bool can_edit_team() const;
  bool can_create_task() const;
  bool can_create_milestone() const;
  bool can_create_message() const;
  bool can_create_time() const;
  bool can_read_files() const { return can_read_module(team_security::kFiles); }
  // Upload, rename, delete in the project's folder tree.
  bool can_edit_files() const { return !is_closed() && files_editor(); }
  // The files rule without the project's status: admin, the manager, or a member whose Files
  // module is not restricted. A closed project answers 409 rather than 403
  // (docs/wire-compatibility.md, "Checks run 404, then 409, then 403").
  bool files_editor() const;

  // `milestone` is the task's milestone when it has one.
  bool can_read_task(const TaskRecord& task, const MilestoneRecord* milestone) const;
  bool can_edit_task(const TaskRecord& task) const;
  bool can_delete_task(const TaskRecord& task) const;
  bool can_create_subtask(const TaskRecord& task) const;
  bool can_create_time_spend(const TaskRecord& task,
                             const std::vector<SubtaskRecord>& subtasks) const;
  bool can_edit_subtask(const TaskRecord& task, const SubtaskRecord& subtask) const;
  // canEditFiles of a task: attach and detach.
  bool can_edit_task_files(const TaskRecord& task) const;
  bool can_comment(const TaskRecord& task, const MilestoneRecord* milestone) const;

  bool can_read_milestone(const MilestoneRecord& milestone) const;
  bool can_edit_milestone(const MilestoneRecord& milestone) const;
  bool can_delete_milestone(const MilestoneRecord& milestone) const;

  // Time entries on a task the viewer reads (the original's ProjectSecurityTimeTracking): the
  // manager changes any; anyone else only an entry that is not billed and that they spent or
  // logged, and deleting needs the team too. The payment status is the manager's.
  bool can_edit_time(const TimeEntryRecord& entry) const;
  bool can_delete_time(const TimeEntryRecord& entry) const;
  bool can_edit_payment_status() const { return can() && !is_closed() && manager_; }

 private:
  bool can() const { return !viewer_.is_visitor; }  // guests change nothing
  bool is_responsible(const TaskRecord& task) const;
  // Manager, or a member who created the task, is responsible, or the task is unassigned.
  bool task_editor(const TaskRecord& task) const;

  Viewer viewer_;
  ProjectRecord project_;
  bool member_ = false;
  int denied_ = 0;
  bool manager_ = false;
  bool in_team_ = false;
};

// Creating projects: any signed-in person who is not a guest.
bool can_create_project(const Viewer& viewer);
// The project edit right on its own: it does not depend on team membership, so lists can show
// canEdit without reading each project's team.
bool can_edit_project(const Viewer& viewer, const ProjectRecord& project);

inline Viewer viewer_of(const Caller& caller) {
  return Viewer{caller.user_id, caller.is_admin, caller.is_visitor};
}

}  // namespace projectd
