#include "domain/projects/project_access.h"

#include "base/ascii.h"
#include "base/errors.h"

#include <algorithm>
#include <optional>
#include <set>

namespace projectd {

ProjectSecurity security_in(StoreTx& tx, const Viewer& viewer, const ProjectRecord& project) {
  return ProjectSecurity(viewer, project, tx.projects().member(project.id, viewer.user_id));
}

std::vector<AccessibleProject> with_security(StoreTx& tx, const Viewer& viewer,
                                             std::vector<ProjectRecord> projects) {
  std::vector<AccessibleProject> out;
  if (projects.empty()) return out;
  std::vector<std::int64_t> ids;
  for (const ProjectRecord& project : projects)
    ids.push_back(project.id);
  std::map<std::int64_t, TeamMember> memberships;
  for (ProjectMembership& m : tx.projects().memberships_of(ids, viewer.user_id))
    memberships.emplace(m.project_id, std::move(m.member));
  out.reserve(projects.size());
  for (ProjectRecord& project : projects) {
    const auto member = memberships.find(project.id);
    ProjectSecurity security(
        viewer, project,
        member == memberships.end() ? std::nullopt : std::optional<TeamMember>(member->second));
    out.push_back(AccessibleProject{std::move(project), std::move(security)});
  }
  return out;
}

std::map<std::int64_t, AccessibleProject> projects_with_security(StoreTx& tx, const Viewer& viewer,
                                                                 std::vector<std::int64_t> ids) {
  std::map<std::int64_t, AccessibleProject> projects;
  if (ids.empty()) return projects;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (AccessibleProject& project : with_security(tx, viewer, tx.projects().by_ids(ids))) {
    const std::int64_t id = project.project.id;
    projects.emplace(id, std::move(project));
  }
  return projects;
}

AccessibleProject load_readable_project(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  auto project = tx.projects().by_id(id);
  if (!project) throw_not_found();
  ProjectSecurity security = security_in(tx, viewer, *project);
  if (!security.can_read()) throw_not_found();
  return AccessibleProject{std::move(*project), std::move(security)};
}

namespace {

// The counts of the modules the viewer may read; a hidden module counts 0, or its size would tell
// what team security hides.
ProjectCounts visible_counts(ProjectCounts counts, const ProjectSecurity& security) {
  if (!security.can_read_module(team_security::kTasks)) counts.open_tasks = counts.all_tasks = 0;
  if (!security.can_read_module(team_security::kMilestones)) counts.open_milestones = 0;
  if (!security.can_read_module(team_security::kMessages)) counts.discussions = 0;
  return counts;
}

}  // namespace

std::vector<ProjectView> views_of(StoreTx& tx, const Viewer& viewer,
                                  std::vector<AccessibleProject> projects) {
  std::vector<ProjectView> views;
  if (projects.empty()) return views;
  std::vector<std::int64_t> ids;
  for (const AccessibleProject& p : projects)
    ids.push_back(p.project.id);
  std::map<std::int64_t, ProjectCounts> counts;
  for (const ProjectCounts& c : tx.project_totals().counts_of(ids))
    counts.emplace(c.project_id, c);
  const std::vector<std::int64_t> followed = tx.projects().followed_among(ids, viewer.user_id);
  std::map<std::int64_t, std::vector<std::string>> tags;
  for (ProjectTag& tag : tx.projects().tags_of(ids))
    tags[tag.project_id].push_back(std::move(tag.title));
  std::map<std::int64_t, std::int64_t> time_seconds;
  for (const TimeTotal& total : tx.project_totals().seconds_by_project(viewer, ids))
    time_seconds.emplace(total.id, total.seconds);

  views.reserve(projects.size());
  for (AccessibleProject& p : projects) {
    const std::int64_t id = p.project.id;
    const bool is_follow = std::binary_search(followed.begin(), followed.end(), id);
    const ProjectCounts shown = visible_counts(counts[id], p.security);
    views.push_back(ProjectView{std::move(p.project), std::move(p.security), shown, is_follow,
                                std::move(tags[id]), time_seconds[id]});
  }
  return views;
}

std::vector<ProjectView> views_of(StoreTx& tx, const Viewer& viewer,
                                  std::vector<ProjectRecord> projects) {
  return views_of(tx, viewer, with_security(tx, viewer, std::move(projects)));
}

ProjectView view_of(StoreTx& tx, const Viewer& viewer, AccessibleProject project) {
  std::vector<AccessibleProject> one;
  one.push_back(std::move(project));
  return std::move(views_of(tx, viewer, std::move(one)).front());
}

ProjectView view_of(StoreTx& tx, const Viewer& viewer, const ProjectRecord& project) {
  return std::move(views_of(tx, viewer, std::vector<ProjectRecord>{project}).front());
}

void collect_people(const ProjectRecord& project, std::vector<std::string>& ids) {
  ids.push_back(project.responsible_id);
  ids.push_back(project.created_by);
  ids.push_back(project.updated_by);
}

void require_people(StoreTx& tx, const std::vector<std::string>& ids, std::string_view param,
                    bool no_guests) {
  if (ids.empty()) return;
  const std::vector<UserRecord> found = tx.users().by_ids(ids);
  for (const std::string& id : ids) {
    auto user =
        std::find_if(found.begin(), found.end(), [&](const UserRecord& u) { return u.id == id; });
    if (user == found.end())
      throw_bad_request("Parameter '" + std::string(param) + "': there is no user " + id);
    if (no_guests && user->is_visitor)
      throw_bad_request("Parameter '" + std::string(param) + "': " + id +
                        " is a guest, and a guest cannot manage a project");
  }
}

void replace_team(StoreTx& tx, const ProjectRecord& project,
                  const std::vector<std::string>& participants) {
  std::set<std::string> wanted(participants.begin(), participants.end());
  wanted.insert(project.responsible_id);
  std::set<std::string> present;
  for (const TeamMember& member : tx.projects().team(project.id)) {
    present.insert(member.user_id);
    if (!wanted.contains(member.user_id)) tx.projects().remove_member(project.id, member.user_id);
  }
  for (const std::string& id : wanted) {
    if (!present.contains(id)) tx.projects().put_member(project.id, TeamMember{id, 0});
  }
}

std::vector<std::string> clean_tags(const std::vector<std::string>& titles) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& title : titles) {
    const std::string_view trimmed = ascii::trim(title);
    if (!trimmed.empty() && seen.insert(ascii::to_lower(trimmed)).second) out.emplace_back(trimmed);
  }
  return out;
}

}  // namespace projectd
