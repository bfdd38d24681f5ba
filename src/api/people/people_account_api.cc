// api/2.0/people: what administrators do to accounts (status, type, deletion) and what a person
// asks for themself (deletion, a password reminder) (docs/wire-compatibility.md, "Endpoints").
#include "api/binding.h"
#include "api/people/employee_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/errors.h"

#include <spdlog/spdlog.h>

namespace projectd {

namespace http = boost::beast::http;

namespace {

const EnumNames kAccountStatusNames = {{"active", 1}, {"terminated", 2}, {"leaveofabsence", 4}};
const EnumNames kAccountTypeNames = {{"all", 0}, {"user", 1}, {"visitor", 2}};

HandlerResult people_json(ApiEnv& env, RequestContext& r, const std::vector<UserRecord>& users) {
  boost::json::array out;
  for (const UserRecord& user : users)
    out.push_back(employee_full(user, wrap_context(env, r)));
  return ok(std::move(out));
}

// `userIds` in any list form; 400 when absent or empty (there is nobody to change).
std::vector<std::string> listed_people(const Params& params) {
  auto ids = people_list(params, "userIds");
  if (!ids || ids->empty()) throw_bad_request("Parameter 'userIds' is required: people ids");
  return *ids;
}

HandlerResult change_status(ApiEnv& env, RequestContext& r) {
  const auto status = r.params.get_enum("employeestatus", kAccountStatusNames);
  return people_json(
      env, r,
      env.people.set_status(*r.caller, static_cast<EmployeeStatus>(status.value_or(0)),
                            listed_people(r.params)));
}

HandlerResult change_type(ApiEnv& env, RequestContext& r) {
  const auto type = r.params.get_enum("employeetype", kAccountTypeNames).value_or(0);
  if (type == 0) throw_bad_request("Parameter 'type' must be user or visitor");
  return people_json(env, r, env.people.set_type(*r.caller, type == 2, listed_people(r.params)));
}

const std::vector<ParamDoc> kUserIdsDoc = {
    {"userIds", ParamIn::kBody, "guid[]", true, "people ids, in any list form"}};

}  // namespace

void add_people_account_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/people", "people");
  routes.add(http::verb::put, "/status/{employeestatus}",
             "Disable (terminated) or enable (active) people (administrators); a disabled "
             "person's tokens stop working at once",
             kUserIdsDoc, [&env](RequestContext& r) { return change_status(env, r); });
  routes.add(http::verb::put, "/type/{employeetype}",
             "Make people users or guests (administrators; administrators and yourself are kept)",
             kUserIdsDoc, [&env](RequestContext& r) { return change_type(env, r); });
  routes.add(http::verb::delete_, "/{userid}",
             "Delete a disabled person (administrators); what names them keeps naming them", {},
             [&env](RequestContext& r) {
               return ok(employee_full(
                   env.people.remove(*r.caller, r.params.get_string("userid").value_or("")),
                   wrap_context(env, r)));
             });
  // The original mails the caller a link that confirms the deletion. projectd sends no mail yet
  // (the notifications issue): it changes nothing, logs the request and says to ask an
  // administrator, who deletes a disabled person with DELETE people/{userid}.
  routes.add(http::verb::put, "/self/delete", "Ask for the deletion of your own profile", {},
             [&env](RequestContext& r) {
               const UserRecord me = env.people.self(*r.caller);
               spdlog::info(
                   "people/self/delete: {} asked for the deletion of their profile; no "
                   "mail is sent yet, an administrator deletes it",
                   me.id);
               return ok(boost::json::string(
                   "Your request to delete your profile was received: a portal administrator "
                   "deletes profiles (no email is sent)"));
             });
  // Anonymous, as the original. Known and unknown addresses get the same answer and the same
  // throttle, so it cannot tell who has an account; an active person gets a mail with a reset
  // link (domain/people/password_recovery.h).
  routes
      .add(http::verb::post, "/password",
           "Mail a password reset link to this email, if it belongs to an active person (at "
           "most 20 requests per client address per 15 minutes)",
           {{"email", ParamIn::kBody, "string", true, ""}},
           [&env](RequestContext& r) {
             const auto email = r.params.get_string("email");
             if (!email || email->empty()) throw_bad_request("Parameter 'email' is required");
             validate_email(*email);
             env.password_recovery.request(*email, r.client_address);
             return ok(boost::json::string("If " + *email +
                                           " belongs to an account, instructions to change its "
                                           "password will be sent there"));
           })
      .requires_auth = false;
  // A projectd extension: the reset link's page (web/) sends its token and the new password.
  routes
      .add(http::verb::post, "/password/reset",
           "Set a new password with the token of a password reset link; every session of the "
           "person is signed out (projectd extension)",
           {{"token", ParamIn::kBody, "string", true, "the token of the mailed link"},
            {"password", ParamIn::kBody, "string", true, "the new password"}},
           [&env](RequestContext& r) {
             env.password_recovery.reset(r.params.get_string("token").value_or(""),
                                         r.params.get_string("password").value_or(""));
             return ok(boost::json::string("Your password was changed: sign in with the new one"));
           })
      .requires_auth = false;
}

}  // namespace projectd
