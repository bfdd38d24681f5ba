// The checks every task, subtask and link operation starts with, in the order of
// docs/wire-compatibility.md ("Checks run 404, then 409, then 403"): 404 (missing or not readable
// by the caller) -> 409 (closed project, closed parent task) -> 403 (the rule of domain/security).
// Each function runs inside the caller's transaction, so a write checks what it changes in the same
// snapshot.
#pragma once

#include "domain/projects/project_access.h"
#include "domain/projects/security.h"
#include "store/store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

// A task with what deciding about it needs.
struct TaskScope {
  TaskRecord task;
  ProjectRecord project;
  std::optional<MilestoneRecord> milestone;
  ProjectSecurity security;
};

// The projects (with the viewer's rights on each) and the milestones of a batch of tasks, by id;
// a project the viewer may not read is left out.
struct TaskParents {
  std::map<std::int64_t, AccessibleProject> projects;
  std::map<std::int64_t, MilestoneRecord> milestones;
};
// Three statements whatever the number of tasks (milestones, projects, memberships); on
// PostgreSQL sent together in one round trip (StoreTx::prefetch).
TaskParents load_task_parents(StoreTx& tx, const Viewer& viewer,
                              const std::vector<TaskRecord>& tasks);
// Records, for StoreTx::prefetch, the reads load_task_parents makes for `tasks` when every parent
// is found (one that is not costs a round trip later, never a wrong answer).
void record_task_parent_reads(StoreTx& reads, const Viewer& viewer,
                              const std::vector<TaskRecord>& tasks);
// The parents of one task readable_task has read and checked, without a statement.
TaskParents parents_of(const TaskScope& scope);

// 404 "Item not found" when the task (or its project) is missing or the viewer may not read it.
TaskScope readable_task(StoreTx& tx, const Viewer& viewer, std::int64_t task_id);
// The tasks of a batch the viewer may read, by id, in five statements whatever their number (tasks,
// responsibles, milestones, projects, memberships); a missing or hidden task is left out.
std::map<std::int64_t, TaskScope> readable_tasks(StoreTx& tx, const Viewer& viewer,
                                                 const std::vector<std::int64_t>& task_ids);

// 409 when the project is closed: its content is frozen until it is reopened.
void require_project_not_closed(const ProjectSecurity& security);
// 409 when the task is closed: its subtasks are frozen until it is reopened.
void require_task_open(const TaskRecord& task);

// 404 "Milestone not found" unless the milestone exists in that project.
MilestoneRecord milestone_of_project(StoreTx& tx, std::int64_t project_id,
                                     std::int64_t milestone_id);

// Responsibles must be people of the project team and not guests; otherwise 400 naming them in
// error.data. A manager appointing themself joins the team (the original does the same when an
// administrator claims a task), since they could add themself anyway.
void admit_responsibles(StoreTx& tx, const ProjectRecord& project, const ProjectSecurity& security,
                        const std::vector<std::string>& user_ids, const Viewer& viewer);

// In the team: a member, or the project manager.
bool in_team(StoreTx& tx, const ProjectRecord& project, const std::string& user_id);

// Names a change of `task` for the caches (base/change_scope.h): the task's scope and its
// project's, whose answers count its tasks, milestones and team. Called by the service methods
// that open a write, never by the *_in_tx helpers other writes reuse: those stay as broad as their
// caller.
void name_task_change(StoreTx& tx, const TaskRecord& task);

// Ids in first-seen order without repeats.
std::vector<std::string> distinct_ids(const std::vector<std::string>& ids);

}  // namespace projectd
