// api/2.0/project/{projectid}/team (ParticipantWrapper[]) and project/securityinfo.
#include "api/binding.h"
#include "api/projects/project_routes.h"
#include "api/projects/project_wrappers.h"
#include "api/route_group.h"
#include "base/ascii.h"
#include "base/errors.h"

#include <algorithm>
#include <charconv>

namespace projectd {

namespace http = boost::beast::http;

namespace {

// ProjectTeamSecurity as the original's enum parses it: names (any case) or numbers, several
// combined with commas.
const EnumNames kTeamSecurityNames = {{"none", 0},
                                      {"messages", team_security::kMessages},
                                      {"tasks", team_security::kTasks},
                                      {"files", team_security::kFiles},
                                      {"milestone", team_security::kMilestones},
                                      {"milestones", team_security::kMilestones},
                                      {"contacts", team_security::kContacts}};

constexpr const char* kSecurityHelp =
    "Parameter 'security' must be messages (1), tasks (2), files (4), milestone (8), contacts "
    "(16) or a sum of them";

int security_bit(std::string_view item) {
  for (const auto& [name, bit] : kTeamSecurityNames) {
    if (ascii::iequals(item, name)) return bit;
  }
  int value = -1;
  const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
  if (ec != std::errc() || end != item.data() + item.size() || value < 0 ||
      value > team_security::kAll)
    throw_bad_request(kSecurityHelp);
  return value;
}

int security_bits(const Params& params) {
  auto items = params.get_list("security");
  if (!items || items->empty()) throw_bad_request(kSecurityHelp);
  int bits = 0;
  for (const std::string& item : *items)
    bits |= security_bit(item);
  return bits;
}

// ParticipantWrappers as the original lists them: by display name.
HandlerResult participants_response(std::vector<boost::json::object> members) {
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    return ascii::to_lower(a.at("displayName").as_string()) <
           ascii::to_lower(b.at("displayName").as_string());
  });
  boost::json::array out(members.begin(), members.end());
  return ok(std::move(out));
}

HandlerResult team_response(ApiEnv& env, RequestContext& request, const Team& team,
                            bool removed = false) {
  std::vector<boost::json::object> members;
  for (const TeamMember& member : team.members)
    members.push_back(participant_wrapper(team.people.get(member.user_id), member,
                                          wrap_context(env, request), removed));
  return participants_response(std::move(members));
}

// POST project/team: one ParticipantWrapper per project and member.
HandlerResult teams_response(ApiEnv& env, RequestContext& request) {
  const auto ids = request.params.get_int_list("ids").value_or(std::vector<std::int64_t>{});
  const ProjectTeams teams = env.teams.teams(*request.caller, ids);
  std::vector<boost::json::object> members;
  for (const ProjectMembership& m : teams.members)
    members.push_back(participant_wrapper(teams.people.get(m.member.user_id), m.member,
                                          wrap_context(env, request)));
  return participants_response(std::move(members));
}

std::int64_t project_of(const RequestContext& request) {
  return route_id(request.params, "projectid");
}

HandlerResult common_security(ApiEnv& env, RequestContext& request) {
  const CommonSecurity security = env.projects.common_security(*request.caller);
  return ok(boost::json::object{{"canCreateProject", security.can_create_project},
                                {"canCreateTask", security.can_create_task},
                                {"canCreateMilestone", security.can_create_milestone},
                                {"canCreateMessage", security.can_create_message},
                                {"canCreateTimeSpend", security.can_create_time_spend}});
}

}  // namespace

void add_team_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project", "projects");
  const ParamDoc user{"userId", ParamIn::kBody, "guid", true, "a user id"};

  routes.add(http::verb::get, "/{projectid:int}/team", "The project's team", {},
             [&env](RequestContext& r) {
               return team_response(env, r, env.teams.team(*r.caller, project_of(r)));
             });
  routes.add(http::verb::get, "/{projectid:int}/teamExcluded",
             "Who left the team, with the rights they had (isRemovedFromTeam true)", {},
             [&env](RequestContext& r) {
               return team_response(env, r, env.teams.excluded(*r.caller, project_of(r)), true);
             });
  routes.add(http::verb::post, "/team",
             "The teams of several projects you can read (one entry per project and member)",
             {{"ids", ParamIn::kBody, "array", false,
               "project ids; unknown or hidden ones count as none"}},
             [&env](RequestContext& r) { return teams_response(env, r); });
  routes.add(http::verb::post, "/{projectid:int}/team", "Add a person to the team", {user},
             [&env](RequestContext& r) {
               return team_response(
                   env, r,
                   env.teams.add(*r.caller, project_of(r), required_guid(r.params, "userId")));
             });
  routes.add(
      http::verb::put, "/{projectid:int}/team",
      "Replace the team (the project manager always stays)",
      {{"participants", ParamIn::kBody, "array", true, "user ids"}}, [&env](RequestContext& r) {
        auto participants = people_list(r.params, "participants");
        if (!participants)
          throw_bad_request(
              "Parameter 'participants' is required: the new team; send [] to keep only "
              "the project manager");
        return team_response(env, r, env.teams.replace(*r.caller, project_of(r), *participants));
      });
  routes.add(http::verb::delete_, "/{projectid:int}/team", "Remove a person from the team", {user},
             [&env](RequestContext& r) {
               return team_response(
                   env, r,
                   env.teams.remove(*r.caller, project_of(r), required_guid(r.params, "userId")));
             });
  routes.add(http::verb::put, "/{projectid:int}/team/security",
             "Hide modules of a private project from a member (visible=false) or show them again",
             {user,
              {"security", ParamIn::kBody, "string", true,
               "messages (1), tasks (2), files (4), milestone (8), contacts (16), or a sum"},
              {"visible", ParamIn::kBody, "boolean", false, "false (default) hides, true shows"}},
             [&env](RequestContext& r) {
               const std::string user_id = required_guid(r.params, "userId");
               const int bits = security_bits(r.params);
               const bool visible = r.params.get_bool("visible").value_or(false);
               return team_response(
                   env, r,
                   env.teams.set_security(*r.caller, project_of(r), user_id, bits, visible));
             });
  routes.add(http::verb::get, "/securityinfo", "What you may create somewhere in the portal", {},
             [&env](RequestContext& r) { return common_security(env, r); });
}

}  // namespace projectd
