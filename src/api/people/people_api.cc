// api/2.0/people: the directory (EmployeeFull, docs/wire-compatibility.md, "Objects").
#include "api/binding.h"
#include "api/clearable_params.h"
#include "api/paging.h"
#include "api/people/employee_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/ascii.h"
#include "base/errors.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

const EnumNames kEmployeeStatus = {{"active", 1}, {"terminated", 2}, {"leaveofabsence", 4}};
const EnumNames kEmployeeType = {{"all", 0}, {"user", 1}, {"visitor", 2}};

// A page of people as EmployeeFull, or as the brief Employee (simple/filter).
HandlerResult list_response(ApiEnv& env, RequestContext& request, UserQuery query,
                            bool brief = false) {
  const PageRequest page = page_request(request.params);
  query.offset = page.start_index;
  query.limit = page.count;
  const UserPage result = env.people.list(*request.caller, query);
  boost::json::array users;
  for (const UserRecord& user : result.users)
    users.push_back(brief ? employee_brief(user, wrap_context(env, request))
                          : employee_full(user, wrap_context(env, request)));
  return ok_page(std::move(users), page, result.total);
}

UserQuery filter_query(const Params& params) {
  UserQuery query;
  query.text = params.get_string("filterValue").value_or("");
  if (auto status = params.get_enum("employeeStatus", kEmployeeStatus))
    query.status = static_cast<EmployeeStatus>(*status);
  if (auto type = params.get_enum("employeeType", kEmployeeType); type && *type != 0)
    query.is_visitor = *type == 2;
  query.group_id = optional_person(params, "groupId");
  return query;
}

// The original's `filterBy=group&filterValue={group id}` of people/status/{status} and the
// searches: the value is a group, not a text, then.
void apply_group_filter(const Params& params, UserQuery& query) {
  const auto by = params.get_string("filterBy");
  if (!by || ascii::to_lower(*by) != "group") return;
  query.group_id = optional_person(params, "filterValue");
}

HandlerResult search_response(ApiEnv& env, RequestContext& request, std::string_view key) {
  UserQuery query;
  query.text = request.params.get_string(key).value_or("");
  apply_group_filter(request.params, query);
  return list_response(env, request, query);
}

HandlerResult one(ApiEnv& env, RequestContext& request, const UserRecord& user) {
  return ok(employee_full(user, wrap_context(env, request)));
}

// The profile fields POST people and PUT people/{userid} both take, and their documentation.
void read_profile_fields(const Params& p, const PortalTimeZone& zone, UserChanges& changes) {
  changes.location = p.get_string("location");
  changes.notes = p.get_string("comment");
  changes.sex = clearable_string(p, "sex");
  changes.birthday = clearable_date(p, "birthday", zone);
  changes.work_from = clearable_date(p, "worksFrom", zone);
}

std::vector<ParamDoc> with_profile_fields(std::vector<ParamDoc> docs) {
  docs.insert(docs.end(), {{"location", ParamIn::kBody, "string", false, ""},
                           {"comment", ParamIn::kBody, "string", false, "notes"},
                           {"sex", ParamIn::kBody, "string", false, "male, female, or empty"},
                           {"birthday", ParamIn::kBody, "date", false, ""},
                           {"worksFrom", ParamIn::kBody, "date", false, ""}});
  return docs;
}

HandlerResult create(ApiEnv& env, RequestContext& request) {
  const Params& p = request.params;
  NewUser user;
  user.email = p.get_string("email").value_or("");
  user.first_name = p.get_string("firstName").value_or("");
  user.last_name = p.get_string("lastName").value_or("");
  user.title = p.get_string("title").value_or("");
  user.is_visitor = p.get_bool("isVisitor").value_or(false);
  if (auto password = p.get_string("password"); password && !password->empty())
    user.password = *password;
  UserRecord created = env.people.create(*request.caller, user);
  // Profile fields the original's AddMember takes are applied as an update by the same admin.
  UserChanges extra;
  read_profile_fields(p, env.zone, extra);
  if (extra.location || extra.notes || extra.sex || extra.birthday || extra.work_from)
    created = env.people.update(*request.caller, created.id, extra);
  return one(env, request, created);
}

HandlerResult update(ApiEnv& env, RequestContext& request) {
  const Params& p = request.params;
  UserChanges changes;
  changes.first_name = p.get_string("firstName");
  changes.last_name = p.get_string("lastName");
  changes.title = p.get_string("title");
  read_profile_fields(p, env.zone, changes);
  if (!changes.notes) changes.notes = p.get_string("notes");
  changes.email = p.get_string("email");
  changes.is_visitor = p.get_bool("isVisitor");
  changes.disabled = p.get_bool("disable");
  const std::string id = p.get_string("userid").value_or("");
  return one(env, request, env.people.update(*request.caller, id, changes));
}

const std::vector<ParamDoc> kFilterDocs = {
    {"filterValue", ParamIn::kQuery, "string", false, "text in name or email"},
    {"employeeStatus", ParamIn::kQuery, "string", false, "active, terminated"},
    {"employeeType", ParamIn::kQuery, "string", false, "all, user, visitor"},
    {"groupId", ParamIn::kQuery, "guid", false, "members of this group"}};

}  // namespace

void add_people_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "", "people");
  routes.add(http::verb::get, "api/2.0/people/@self", "The signed-in user", {},
             [&env](RequestContext& r) { return one(env, r, env.people.self(*r.caller)); });
  routes.add(http::verb::get, "api/2.0/people", "Everyone, paged", with_paging({}),
             [&env](RequestContext& r) { return list_response(env, r, UserQuery{}); });
  routes.add(http::verb::get, "api/2.0/people/filter",
             "People matching a filter, paged, with total", with_paging(kFilterDocs),
             [&env](RequestContext& r) { return list_response(env, r, filter_query(r.params)); });
  routes.add(http::verb::get, "api/2.0/people/simple/filter",
             "People matching a filter as brief Employee objects, paged, with total",
             with_paging(kFilterDocs), [&env](RequestContext& r) {
               return list_response(env, r, filter_query(r.params), true);
             });
  routes.add(http::verb::get, "api/2.0/people/status/{employeestatus}",
             "People with this status, paged",
             with_paging({{"filterBy", ParamIn::kQuery, "string", false, "group"},
                          {"filterValue", ParamIn::kQuery, "guid", false, "the group's id"}}),
             [&env](RequestContext& r) {
               UserQuery query;
               query.status = static_cast<EmployeeStatus>(
                   r.params.get_enum("employeestatus", kEmployeeStatus).value_or(1));
               apply_group_filter(r.params, query);
               return list_response(env, r, query);
             });
  routes.add(http::verb::get, "api/2.0/people/@search/{query}",
             "People whose name or email contains", with_paging({}),
             [&env](RequestContext& r) { return search_response(env, r, "query"); });
  routes.add(http::verb::get, "api/2.0/people/search", "People whose name or email contains",
             with_paging({{"query", ParamIn::kQuery, "string", true, "the text to look for"}}),
             [&env](RequestContext& r) { return search_response(env, r, "query"); });
  routes.add(http::verb::get, "api/2.0/people/email", "The person with this email",
             {{"email", ParamIn::kQuery, "string", true, ""}}, [&env](RequestContext& r) {
               const auto email = r.params.get_string("email");
               if (!email || email->empty()) throw_bad_request("Parameter 'email' is required");
               return one(env, r, env.people.by_email(*r.caller, *email));
             });
  routes.add(
      http::verb::get, "api/2.0/people/{userid}", "One person", {}, [&env](RequestContext& r) {
        return one(env, r, env.people.get(*r.caller, r.params.get_string("userid").value_or("")));
      });
  routes.add(http::verb::post, "api/2.0/people", "Add a person (administrators)",
             with_profile_fields(
                 {{"email", ParamIn::kBody, "string", true, ""},
                  {"firstName", ParamIn::kBody, "string", true, ""},
                  {"lastName", ParamIn::kBody, "string", true, ""},
                  {"isVisitor", ParamIn::kBody, "boolean", false, "a guest"},
                  {"password", ParamIn::kBody, "string", false, "none: the account waits for one"},
                  {"title", ParamIn::kBody, "string", false, "job title"}}),
             [&env](RequestContext& r) { return create(env, r); });
  routes.add(
      http::verb::put, "api/2.0/people/{userid}",
      "Change a profile (yourself, or anyone as an administrator); absent fields are kept",
      with_profile_fields(
          {{"firstName", ParamIn::kBody, "string", false, ""},
           {"lastName", ParamIn::kBody, "string", false, ""},
           {"title", ParamIn::kBody, "string", false, ""},
           {"notes", ParamIn::kBody, "string", false, "another name for comment"},
           {"email", ParamIn::kBody, "string", false, "administrators only"},
           {"isVisitor", ParamIn::kBody, "boolean", false, "administrators only"},
           {"disable", ParamIn::kBody, "boolean", false, "administrators only; revokes tokens"}}),
      [&env](RequestContext& r) { return update(env, r); });
  routes.add(
      http::verb::put, "api/2.0/people/{userid}/password",
      "Set a password (yourself with your current one, or anyone as an administrator); revokes "
      "the user's tokens",
      {{"password", ParamIn::kBody, "string", true, ""},
       {"currentPassword", ParamIn::kBody, "string", false,
        "required for your own password; wrong ones count toward the sign-in limit"},
       {"oldPassword", ParamIn::kBody, "string", false, "another name for currentPassword"}},
      [&env](RequestContext& r) {
        const std::string current = r.params.get_string("currentPassword")
                                        .value_or(r.params.get_string("oldPassword").value_or(""));
        return one(env, r,
                   env.people.set_password(*r.caller, r.params.get_string("userid").value_or(""),
                                           r.params.get_string("password").value_or(""),
                                           [&](const std::string& user_id) {
                                             env.auth.confirm_password(user_id, current,
                                                                       r.client_address);
                                           }));
      });
}

}  // namespace projectd
