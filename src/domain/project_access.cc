#include "domain/project_access.h"

#include "base/ascii.h"
#include "base/errors.h"

#include <algorithm>
#include <set>

namespace projectd {

ProjectSecurity security_in(StoreTx& tx, const Viewer& viewer, const ProjectRecord& project) {
  return ProjectSecurity(viewer, project, tx.projects().member(project.id, viewer.user_id));
}

std::map<std::int64_t, AccessibleProject> projects_with_security(StoreTx& tx, const Viewer& viewer,
                                                                 std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<std::int64_t, AccessibleProject> projects;
  for (ProjectRecord& project : tx.projects().by_ids(ids)) {
    ProjectSecurity security = security_in(tx, viewer, project);
    const std::int64_t id = project.id;
    projects.emplace(id, AccessibleProject{std::move(project), std::move(security)});
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

ProjectView view_of(StoreTx& tx, const Viewer& viewer, AccessibleProject project) {
  const std::int64_t id = project.project.id;
  ProjectView view{std::move(project.project), std::move(project.security), {}, false, {}};
  view.counts = tx.projects().counts(id);
  view.is_follow = tx.projects().is_follower(id, viewer.user_id);
  view.tags = tx.projects().tags(id);
  return view;
}

ProjectView view_of(StoreTx& tx, const Viewer& viewer, const ProjectRecord& project) {
  return view_of(tx, viewer, AccessibleProject{project, security_in(tx, viewer, project)});
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
