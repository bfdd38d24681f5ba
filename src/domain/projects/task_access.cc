#include "domain/projects/task_access.h"

#include "base/errors.h"
#include "domain/projects/project_access.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace projectd {

namespace {

boost::json::value ids_data(const std::vector<std::string>& ids) {
  boost::json::array array;
  for (const std::string& id : ids)
    array.emplace_back(id);
  return boost::json::object{{"ids", std::move(array)}};
}

}  // namespace

void name_task_change(StoreTx& tx, const TaskRecord& task) {
  tx.changes_only({ChangeScope::task(task.id), ChangeScope::project(task.project_id)});
}

TaskScope readable_task(StoreTx& tx, const Viewer& viewer, std::int64_t task_id) {
  std::map<std::int64_t, TaskScope> found = readable_tasks(tx, viewer, {task_id});
  if (found.empty()) throw_not_found();
  return std::move(found.begin()->second);
}

namespace {

// The distinct parent ids of a batch of tasks, in order (as the reads below ask for them).
struct ParentIds {
  std::vector<std::int64_t> milestones, projects;
};

ParentIds parent_ids_of(const std::vector<TaskRecord>& tasks) {
  std::set<std::int64_t> milestone_ids, project_ids;
  for (const TaskRecord& task : tasks) {
    project_ids.insert(task.project_id);
    if (task.milestone_id) milestone_ids.insert(*task.milestone_id);
  }
  return ParentIds{{milestone_ids.begin(), milestone_ids.end()},
                   {project_ids.begin(), project_ids.end()}};
}

}  // namespace

void record_task_parent_reads(StoreTx& reads, const Viewer& viewer,
                              const std::vector<TaskRecord>& tasks) {
  const ParentIds ids = parent_ids_of(tasks);
  if (!ids.milestones.empty()) reads.milestones().by_ids(ids.milestones);
  if (ids.projects.empty()) return;
  // projects_with_security: the projects, then the viewer's memberships in those found.
  reads.projects().by_ids(ids.projects);
  reads.projects().memberships_of(ids.projects, viewer.user_id);
}

TaskParents load_task_parents(StoreTx& tx, const Viewer& viewer,
                              const std::vector<TaskRecord>& tasks) {
  tx.prefetch([&](StoreTx& reads) { record_task_parent_reads(reads, viewer, tasks); });
  ParentIds ids = parent_ids_of(tasks);
  TaskParents parents;
  if (!ids.milestones.empty())
    for (MilestoneRecord& milestone : tx.milestones().by_ids(ids.milestones))
      parents.milestones.emplace(milestone.id, std::move(milestone));
  parents.projects = projects_with_security(tx, viewer, std::move(ids.projects));
  return parents;
}

TaskParents parents_of(const TaskScope& scope) {
  TaskParents parents;
  parents.projects.emplace(scope.project.id, AccessibleProject{scope.project, scope.security});
  if (scope.milestone) parents.milestones.emplace(scope.milestone->id, *scope.milestone);
  return parents;
}

std::map<std::int64_t, TaskScope> readable_tasks(StoreTx& tx, const Viewer& viewer,
                                                 const std::vector<std::int64_t>& task_ids) {
  std::map<std::int64_t, TaskScope> out;
  std::vector<TaskRecord> tasks = tx.tasks().by_ids(task_ids);
  const TaskParents parents = load_task_parents(tx, viewer, tasks);
  const std::map<std::int64_t, AccessibleProject>& projects = parents.projects;
  const std::map<std::int64_t, MilestoneRecord>& milestones = parents.milestones;
  for (TaskRecord& task : tasks) {
    const auto project = projects.find(task.project_id);
    if (project == projects.end()) continue;
    std::optional<MilestoneRecord> milestone;
    if (task.milestone_id) {
      const auto found = milestones.find(*task.milestone_id);
      if (found != milestones.end()) milestone = found->second;
    }
    const ProjectSecurity& security = project->second.security;
    if (!security.can_read_task(task, milestone ? &*milestone : nullptr)) continue;
    const std::int64_t id = task.id;
    out.emplace(
        id, TaskScope{std::move(task), project->second.project, std::move(milestone), security});
  }
  return out;
}

void require_project_not_closed(const ProjectSecurity& security) {
  if (security.is_closed())
    throw_conflict("The project is closed: reopen it before changing its tasks");
}

void require_task_open(const TaskRecord& task) {
  if (task.status == TaskStatus::kClosed)
    throw_conflict("The task is closed: reopen it before changing its subtasks");
}

MilestoneRecord milestone_of_project(StoreTx& tx, std::int64_t project_id,
                                     std::int64_t milestone_id) {
  auto milestone = tx.milestones().by_id(milestone_id);
  if (!milestone || milestone->project_id != project_id)
    throw ApiError(ErrorKind::kNotFound, "Milestone not found");
  return *milestone;
}

void admit_responsibles(StoreTx& tx, const ProjectRecord& project, const ProjectSecurity& security,
                        const std::vector<std::string>& user_ids, const Viewer& viewer) {
  if (user_ids.empty()) return;
  std::unordered_map<std::string, UserRecord> users;
  for (UserRecord& user : tx.users().by_ids(user_ids))
    users.emplace(user.id, std::move(user));
  std::unordered_set<std::string> team{project.responsible_id};
  for (const TeamMember& member : tx.projects().team(project.id))
    team.insert(member.user_id);

  std::vector<std::string> guests, outsiders;
  bool admit_self = false;
  for (const std::string& id : user_ids) {
    const auto user = users.find(id);
    if (user != users.end() && user->second.is_visitor) {
      guests.push_back(id);
    } else if (user == users.end() || !team.contains(id)) {
      if (user != users.end() && id == viewer.user_id && security.is_manager()) {
        admit_self = true;
      } else {
        outsiders.push_back(id);
      }
    }
  }
  if (!guests.empty()) {
    throw ApiError(ErrorKind::kBadRequest, "A guest cannot be appointed as responsible",
                   ids_data(guests));
  }
  if (!outsiders.empty()) {
    throw ApiError(ErrorKind::kBadRequest,
                   "Responsibles must be members of the project team: add them to the team first",
                   ids_data(outsiders));
  }
  if (admit_self) tx.projects().put_member(project.id, TeamMember{viewer.user_id, 0});
}

bool in_team(StoreTx& tx, const ProjectRecord& project, const std::string& user_id) {
  return user_id == project.responsible_id || tx.projects().member(project.id, user_id);
}

std::vector<std::string> distinct_ids(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const std::string& id : ids)
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  return out;
}

}  // namespace projectd
