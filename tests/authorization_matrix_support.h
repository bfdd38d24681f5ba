// The generator and the rules of the authorization matrix (authorization_matrix_http_test.cc): the
// routes as GET api/2.0/openapi.json lists them, the request each route gets from a fixture, and
// the generic invariants every answer must keep (docs/wire-compatibility.md, "Permission rules are
// consistent"; domain/projects/security.h).
#pragma once

#include "http_client.h"

#include <boost/json/value.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace projectd::test::matrix {

// In the order the matrix runs them on one fixture: those who may change nothing first, the admin
// last (what the admin deletes is gone for everybody after). The guest is not in the team; the
// team guest is, which is where "guests change nothing" (security.h can()) really decides.
enum class Role {
  kAnonymous,
  kNonMember,
  kGuest,
  kTeamGuest,
  kRestricted,
  kMember,
  kManager,
  kAdmin
};
inline constexpr Role kRoles[] = {Role::kAnonymous, Role::kNonMember,  Role::kGuest,
                                  Role::kTeamGuest, Role::kRestricted, Role::kMember,
                                  Role::kManager,   Role::kAdmin};
const char* name_of(Role role);

// One operation of the OpenAPI document.
struct RouteSpec {
  std::string method;  // upper case
  std::string path;    // "api/2.0/project/task/{taskid}": no leading slash
  bool requires_auth = true;
  std::string tag;  // the OpenAPI tag: "web app" marks the web app's pages and files
  std::vector<std::string> path_params;
  std::vector<std::pair<std::string, bool>> query_params;  // name, required
  std::vector<std::string> body_required;
  std::vector<std::string> body_params;  // every documented member of a JSON body
  std::string key() const { return method + " " + path; }
};
std::vector<RouteSpec> routes_of(const boost::json::value& openapi);
// Every parameter name some route documents (path, query or body).
std::set<std::string> parameter_names(const std::vector<RouteSpec>& routes);

// Fixture values by placeholder: "project", "task", "member"... Templates write them `$name`.
using Values = std::map<std::string, std::string>;

struct MatrixRequest {
  std::string method;
  std::string target;
  std::string body;
  std::string content_type;  // empty: no body
};

// What the generator cannot fill for `route`: parameters without a fixture value, required body
// members the body table does not send, placeholders no fixture makes. Empty: the route is covered.
std::vector<std::string> unfilled(const RouteSpec& route, const std::set<std::string>& known);
// The placeholders the request of `route` uses, so the fixture makes the optional objects only
// for the routes that need them.
std::set<std::string> placeholders_of(const RouteSpec& route);
// `text` with each `$name` replaced by its value; `$unique` becomes a new number on every call.
std::string expand(const std::string& text, const Values& values);
MatrixRequest request_of(const RouteSpec& route, const Values& values);
// `request` carrying, beside what it sends, every name of `names` that `route` does not take (no
// name of its path, query or body in any letter case): in the query as text and, for a JSON body,
// as members of every JSON type. A client's extra keys must change nothing (the Go client of
// issue 15 sent `Status` to a route that takes none): docs/wire-compatibility.md, "Unknown
// parameters are ignored".
MatrixRequest with_untaken_params(MatrixRequest request, const RouteSpec& route,
                                  const std::set<std::string>& names);

// A batch route acts on the ids of its body, answers 200 and lists each refused id in `failed`.
bool is_batch(const RouteSpec& route);
// The placeholders of the objects the route names: in its path, its required query, and for a
// batch its body.
std::set<std::string> named_placeholders(const RouteSpec& route);

// A route whose 2xx spoils the fixture for the roles after it: it deletes something, or adds what
// may exist once.
bool spoils(const RouteSpec& route);
// A route that revokes the token it is called with: each role calls it with a fresh one.
bool revokes_token(const RouteSpec& route);

// A flag of a wrapper that says whether the route would succeed ("flags and enforcement agree").
struct FlagCheck {
  std::string read_path;  // a template: the GET that answers the wrapper
  std::string pointer;    // JSON pointer into `response`
  boost::json::value allowed;
};
std::optional<FlagCheck> flag_check_of(const RouteSpec& route);

// Where a fixture's titles put its markers: "<marker>-proj" on the project, "<marker>-cont" on
// everything in it. A private project's markers must never reach whom it is hidden from.
std::string project_marker(const std::string& marker);
std::string content_marker(const std::string& marker);

// The invariants, for every route, role and visibility (a batch route is judged by the entry of
// its one id in `failed`):
//   1 anonymous gets 401 wherever the route requires authentication;
//   2 nobody gets 5xx;
//   3 on a private project, the non-member and the guest get 404 "Item not found" for every
//     route that names an object of it, and no 2xx answer shows its markers;
//   4 guests (in the team or not) get no 2xx for a change under project/ or files/, except
//     following, subscribing and commenting (kGuestMayChange: security.h grants those to whoever
//     can read);
//   5 on a private project, the restricted member gets 404 for every route that names an object
//     of a denied module, no 2xx for a change of a denied module's list, and no 2xx answer shows
//     the content's marker (lists may answer: they keep what the member is responsible for);
//   6 the admin gets 2xx, or a business refusal listed in kAdminRefusals (never 401/403/404);
//   7 every 4xx is the envelope: status 1, statusCode the HTTP status, a non-empty message (a
//     HEAD answer has no body at all, and is judged by its status; HEAD counts as a read, like
//     GET);
//   8 the manager, the member and the team guest never get 404 for their project's objects, nor
//     the restricted member for the project itself;
//   9 on a public project, every signed-in role reads (2xx) every route that names its objects;
//  10 on a closed (public) project, no change of its content succeeds: every signed-in role gets
//     409 (the checks run 404 -> 409 -> 403, docs/wire-compatibility.md, "Checks run 404, then 409,
//     then 403"), the restricted member may get 404 for a module hidden from them; changing the
//     project itself (status, properties, tags, deletion), its team, following and subscribing stay
//     allowed (kClosedMayChange);
// and where a wrapper flag promises a change (flag_check_of), the change succeeds exactly when the
// flag, read by the same role just before, says so.
struct CaseResult {
  Role role;
  bool is_private = false;
  const HttpResponse* response = nullptr;
  std::string marker;      // the fixture's
  bool is_closed = false;  // the (public) project was closed after the fixture was made
};
// The invariants broken by one answer, each a message "<route>: <role>/<visibility> got <status>,
// expected ...".
std::vector<std::string> violations(const RouteSpec& route, const CaseResult& result);
// The flag of `check`, read as the role just before the call, against what the call answered.
// `flag_read` is the answer of the read.
std::optional<std::string> flag_violation(const RouteSpec& route, const CaseResult& result,
                                          const FlagCheck& check, const HttpResponse& flag_read);
std::string case_name(const RouteSpec& route, Role role, bool is_private, bool is_closed = false);

}  // namespace projectd::test::matrix
