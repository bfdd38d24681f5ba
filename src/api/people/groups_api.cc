// api/2.0/group: people groups (the original's GroupApi; docs/wire-compatibility.md, "Objects").
#include "api/binding.h"
#include "api/people/group_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/errors.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

std::string route_group_id(const Params& params, std::string_view key = "groupid") {
  return params.get_string(key).value_or("");
}

HandlerResult full_group(ApiEnv& env, RequestContext& request, const GroupView& view,
                         bool with_members = true) {
  return ok(group_full(view, wrap_context(env, request), with_members));
}

HandlerResult summaries(const std::vector<GroupView>& views) {
  boost::json::array out;
  for (const GroupView& view : views)
    out.push_back(group_summary(view));
  return ok(std::move(out));
}

// `members` as any list form; absent is an empty list.
std::vector<std::string> member_list(const Params& params) {
  return people_list(params, "members").value_or(std::vector<std::string>{});
}

HandlerResult create_group(ApiEnv& env, RequestContext& r) {
  const Params& p = r.params;
  const auto name = p.get_string("groupName");
  if (!name) throw_bad_request("Parameter 'groupName' is required");
  return full_group(
      env, r,
      env.groups.create(*r.caller, *name, optional_person(p, "groupManager"), member_list(p)));
}

HandlerResult update_group(ApiEnv& env, RequestContext& r) {
  const Params& p = r.params;
  GroupChanges changes;
  changes.name = p.get_string("groupName");
  if (p.has("groupManager")) changes.manager = optional_person(p, "groupManager");
  changes.members = people_list(p, "members");
  return full_group(env, r, env.groups.update(*r.caller, route_group_id(p), changes));
}

const std::vector<ParamDoc> kMembersDoc = {
    {"members", ParamIn::kBody, "guid[]", true, "people ids, in any list form"}};

}  // namespace

void add_group_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/group", "group");
  routes.add(http::verb::get, "", "Every group: id, name and the manager's user name", {},
             [&env](RequestContext& r) { return summaries(env.groups.list(*r.caller)); });
  routes.add(http::verb::get, "/{groupid}", "One group with its manager and members", {},
             [&env](RequestContext& r) {
               return full_group(env, r, env.groups.get(*r.caller, route_group_id(r.params)));
             });
  routes.add(
      http::verb::get, "/user/{userid}", "The groups a person is in", {},
      [&env](RequestContext& r) {
        return summaries(env.groups.of_user(*r.caller, r.params.get_string("userid").value_or("")));
      });
  routes.add(http::verb::post, "", "Add a group (administrators)",
             {{"groupName", ParamIn::kBody, "string", true, ""},
              {"groupManager", ParamIn::kBody, "guid", false, "also made a member"},
              {"members", ParamIn::kBody, "guid[]", false, "people ids"}},
             [&env](RequestContext& r) { return create_group(env, r); });
  routes.add(http::verb::put, "/{groupid}",
             "Change a group (administrators); absent members are kept, `members` replaces them",
             {{"groupName", ParamIn::kBody, "string", false, ""},
              {"groupManager", ParamIn::kBody, "guid", false, "the empty GUID: no manager"},
              {"members", ParamIn::kBody, "guid[]", false, "the new members"}},
             [&env](RequestContext& r) { return update_group(env, r); });
  routes.add(http::verb::delete_, "/{groupid}", "Delete a group (administrators)", {},
             [&env](RequestContext& r) {
               return full_group(env, r, env.groups.remove(*r.caller, route_group_id(r.params)),
                                 false);
             });
  routes.add(http::verb::put, "/{groupid}/members", "Add members (administrators)", kMembersDoc,
             [&env](RequestContext& r) {
               return full_group(env, r,
                                 env.groups.add_members(*r.caller, route_group_id(r.params),
                                                        member_list(r.params)));
             });
  routes.add(http::verb::post, "/{groupid}/members", "Replace the members (administrators)",
             kMembersDoc, [&env](RequestContext& r) {
               GroupChanges changes;
               changes.members = member_list(r.params);
               return full_group(env, r,
                                 env.groups.update(*r.caller, route_group_id(r.params), changes));
             });
  routes.add(http::verb::delete_, "/{groupid}/members", "Remove members (administrators)",
             kMembersDoc, [&env](RequestContext& r) {
               return full_group(env, r,
                                 env.groups.remove_members(*r.caller, route_group_id(r.params),
                                                           member_list(r.params)));
             });
  routes.add(http::verb::put, "/{groupid}/manager", "Set the manager (administrators)",
             {{"userid", ParamIn::kBody, "guid", true, "the new manager"}},
             [&env](RequestContext& r) {
               return full_group(env, r,
                                 env.groups.set_manager(*r.caller, route_group_id(r.params),
                                                        required_guid(r.params, "userid")));
             });
  routes.add(http::verb::put, "/{groupid}/members/{newgroupid}",
             "Add every member of the group to another (administrators); answers the other", {},
             [&env](RequestContext& r) {
               return full_group(
                   env, r,
                   env.groups.transfer_members(*r.caller, route_group_id(r.params),
                                               route_group_id(r.params, "newgroupid")));
             });
}

}  // namespace projectd
