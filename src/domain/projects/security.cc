#include "domain/projects/security.h"

#include <algorithm>

namespace projectd {

ProjectSecurity::ProjectSecurity(const Viewer& viewer, const ProjectRecord& project,
                                 const std::optional<TeamMember>& membership)
    : viewer_(viewer), project_(project) {
  member_ = membership.has_value();
  denied_ = member_ ? membership->security : 0;
  manager_ = !viewer.is_visitor && (viewer.is_admin || project.responsible_id == viewer.user_id);
  in_team_ = viewer.is_admin || member_;
}

bool ProjectSecurity::can_read() const {
  return !project_.is_private || viewer_.is_admin || member_ ||
         project_.created_by == viewer_.user_id || project_.responsible_id == viewer_.user_id;
}

bool ProjectSecurity::can_read_module(int module_bit) const {
  if (!can_read()) return false;
  if (manager_ || !project_.is_private || viewer_.is_admin) return true;
  return member_ && (denied_ & module_bit) == 0;
}

bool ProjectSecurity::can_edit() const {
  return can_edit_project(viewer_, project_);
}

bool ProjectSecurity::can_delete() const {
  return can() && (viewer_.is_admin || project_.created_by == viewer_.user_id);
}

bool ProjectSecurity::can_edit_team() const {
  return can_edit();
}

bool ProjectSecurity::can_create_task() const {
  return is_open() && can() && (manager_ || (in_team_ && can_read_module(team_security::kTasks)));
}

bool ProjectSecurity::can_create_milestone() const {
  return is_open() && can() && manager_;
}

bool ProjectSecurity::can_create_message() const {
  return is_open() && can() &&
         (manager_ || (in_team_ && can_read_module(team_security::kMessages)));
}

bool ProjectSecurity::can_create_time() const {
  return is_open() && can() && in_team_;
}

bool ProjectSecurity::files_editor() const {
  return can() &&
         (manager_ || (in_team_ && (viewer_.is_admin || (denied_ & team_security::kFiles) == 0)));
}

bool ProjectSecurity::is_responsible(const TaskRecord& task) const {
  return std::find(task.responsibles.begin(), task.responsibles.end(), viewer_.user_id) !=
         task.responsibles.end();
}

bool ProjectSecurity::task_editor(const TaskRecord& task) const {
  return manager_ || (in_team_ && (task.created_by == viewer_.user_id ||
                                   task.responsibles.empty() || is_responsible(task)));
}

bool ProjectSecurity::can_read_task(const TaskRecord& task,
                                    const MilestoneRecord* milestone) const {
  if (!can_read()) return false;
  if (is_responsible(task)) return true;
  if (!can_read_module(team_security::kTasks)) return false;
  return !milestone || can_read_module(team_security::kMilestones) ||
         milestone->responsible_id == viewer_.user_id;
}

bool ProjectSecurity::can_edit_task(const TaskRecord& task) const {
  return can() && !is_closed() && task_editor(task);
}

bool ProjectSecurity::can_delete_task(const TaskRecord& task) const {
  return can() && !is_closed() && (manager_ || (in_team_ && task.created_by == viewer_.user_id));
}

// A closed task's subtasks are frozen until it is reopened (the services answer 409), so neither
// flag may say yes there.
bool ProjectSecurity::can_create_subtask(const TaskRecord& task) const {
  return can() && !is_closed() && task.status != TaskStatus::kClosed && task_editor(task);
}

bool ProjectSecurity::can_create_time_spend(const TaskRecord& task,
                                            const std::vector<SubtaskRecord>& subtasks) const {
  if (!can() || !is_open()) return false;
  if (in_team_ || is_responsible(task)) return true;
  return std::any_of(subtasks.begin(), subtasks.end(), [&](const SubtaskRecord& s) {
    return s.task_id == task.id && s.responsible_id == viewer_.user_id;
  });
}

bool ProjectSecurity::can_edit_subtask(const TaskRecord& task, const SubtaskRecord& subtask) const {
  if (!can() || is_closed() || task.status == TaskStatus::kClosed) return false;
  return can_edit_task(task) || (in_team_ && (subtask.created_by == viewer_.user_id ||
                                              subtask.responsible_id == viewer_.user_id));
}

// The task rule of the original plus the project's files rule: attaching puts the task in touch
// with the project's documents, which a member restricted from Files may not change.
bool ProjectSecurity::can_edit_task_files(const TaskRecord& task) const {
  return can() && !is_closed() && (manager_ || can_edit_task(task)) && files_editor();
}

bool ProjectSecurity::can_comment(const TaskRecord& task, const MilestoneRecord* milestone) const {
  return can_read_task(task, milestone) && !is_closed();
}

bool ProjectSecurity::can_read_milestone(const MilestoneRecord& milestone) const {
  return can_read_module(team_security::kMilestones) ||
         (can_read() && milestone.responsible_id == viewer_.user_id);
}

bool ProjectSecurity::can_edit_milestone(const MilestoneRecord& milestone) const {
  return can() && !is_closed() &&
         (manager_ || (can_read_milestone(milestone) && in_team_ &&
                       (milestone.created_by == viewer_.user_id ||
                        milestone.responsible_id == viewer_.user_id)));
}

bool ProjectSecurity::can_delete_milestone(const MilestoneRecord& milestone) const {
  return can() && !is_closed() &&
         (manager_ || (in_team_ && milestone.created_by == viewer_.user_id));
}

namespace {

bool own_unbilled_time(const TimeEntryRecord& entry, const std::string& user_id) {
  return entry.payment_status != PaymentStatus::kBilled &&
         (entry.person_id == user_id || entry.created_by == user_id);
}

}  // namespace

bool ProjectSecurity::can_edit_time(const TimeEntryRecord& entry) const {
  return can() && !is_closed() && (manager_ || own_unbilled_time(entry, viewer_.user_id));
}

bool ProjectSecurity::can_delete_time(const TimeEntryRecord& entry) const {
  return can() && !is_closed() &&
         (manager_ || (in_team_ && own_unbilled_time(entry, viewer_.user_id)));
}

bool can_create_project(const Viewer& viewer) {
  return !viewer.is_visitor;
}

bool can_edit_project(const Viewer& viewer, const ProjectRecord& project) {
  const bool manager = viewer.is_admin || project.responsible_id == viewer.user_id;
  return !viewer.is_visitor && (manager || project.created_by == viewer.user_id);
}

}  // namespace projectd
