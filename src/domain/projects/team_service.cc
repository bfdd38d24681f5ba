#include "domain/projects/team_service.h"

#include "base/errors.h"
#include "domain/projects/project_access.h"

#include <functional>

namespace projectd {

namespace {

Team team_of_members(StoreTx& tx, std::vector<TeamMember> members) {
  Team team;
  team.members = std::move(members);
  std::vector<std::string> ids;
  for (const TeamMember& member : team.members)
    ids.push_back(member.user_id);
  team.people = PeopleIndex::load(tx.users(), ids);
  return team;
}

Team read_team(StoreTx& tx, std::int64_t project_id) {
  return team_of_members(tx, tx.projects().team(project_id));
}

// The shared shape of every team change, in one transaction: 404, then the business rule (409),
// then 403 without the edit-team right, then the change; answers the team as it is now.
using Change = std::function<void(StoreTx&, const ProjectRecord&)>;
using Rule = std::function<void(const ProjectRecord&)>;

Team change_team(Store& store, const Caller& caller, std::int64_t project_id, const Change& change,
                 const Rule& rule = {}) {
  return store.write_value([&](StoreTx& tx) {
    AccessibleProject loaded = load_readable_project(tx, viewer_of(caller), project_id);
    if (rule) rule(loaded.project);
    if (!loaded.security.can_edit_team()) throw_forbidden();
    change(tx, loaded.project);
    return read_team(tx, project_id);
  });
}

}  // namespace

TeamService::TeamService(Store& store) : store_(store) {}

Team TeamService::team(const Caller& caller, std::int64_t project_id) {
  return store_.read_value([&](StoreTx& tx) {
    load_readable_project(tx, viewer_of(caller), project_id);
    return read_team(tx, project_id);
  });
}

ProjectTeams TeamService::teams(const Caller& caller,
                                const std::vector<std::int64_t>& project_ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    ProjectTeams out;
    std::vector<std::int64_t> readable;
    if (!project_ids.empty()) {
      for (const auto& [id, project] : projects_with_security(tx, viewer, project_ids))
        if (project.security.can_read()) readable.push_back(id);
    }
    std::vector<std::string> people;
    if (!readable.empty()) out.members = tx.projects().teams_of(readable);
    for (const ProjectMembership& m : out.members)
      people.push_back(m.member.user_id);
    out.people = PeopleIndex::load(tx.users(), people);
    return out;
  });
}

Team TeamService::excluded(const Caller& caller, std::int64_t project_id) {
  return store_.read_value([&](StoreTx& tx) {
    load_readable_project(tx, viewer_of(caller), project_id);
    return team_of_members(tx, tx.projects().removed_members(project_id));
  });
}

Team TeamService::add(const Caller& caller, std::int64_t project_id, const std::string& user_id) {
  return change_team(store_, caller, project_id, [&](StoreTx& tx, const ProjectRecord& project) {
    require_people(tx, {user_id}, "userId");
    if (!tx.projects().member(project.id, user_id))
      tx.projects().put_member(project.id, TeamMember{user_id, 0});
  });
}

Team TeamService::replace(const Caller& caller, std::int64_t project_id,
                          const std::vector<std::string>& participants) {
  return change_team(store_, caller, project_id, [&](StoreTx& tx, const ProjectRecord& project) {
    require_people(tx, participants, "participants");
    replace_team(tx, project, participants);
  });
}

Team TeamService::remove(const Caller& caller, std::int64_t project_id,
                         const std::string& user_id) {
  return change_team(
      store_, caller, project_id,
      [&](StoreTx& tx, const ProjectRecord& project) {
        tx.projects().remove_member(project.id, user_id);
      },
      [&](const ProjectRecord& project) {
        if (user_id == project.responsible_id)
          throw_conflict(
              "The project manager cannot leave the team; make someone else the project's "
              "responsible first");
      });
}

Team TeamService::set_security(const Caller& caller, std::int64_t project_id,
                               const std::string& user_id, int bits, bool visible) {
  if (bits < 0 || (bits & ~team_security::kAll) != 0)
    throw_bad_request(
        "Parameter 'security' must be a combination of messages (1), tasks (2), "
        "files (4), milestone (8) and contacts (16)");
  return change_team(store_, caller, project_id, [&](StoreTx& tx, const ProjectRecord& project) {
    auto member = tx.projects().member(project.id, user_id);
    if (!member) throw_bad_request("Parameter 'userId': this user is not in the project's team");
    member->security = visible ? (member->security & ~bits) : (member->security | bits);
    tx.projects().put_member(project.id, *member);
  });
}

}  // namespace projectd
