// The invariants of the authorization matrix (authorization_matrix_support.h): what every answer
// must keep, whoever asks, whatever the route.
#include "authorization_matrix_support.h"

#include <boost/json.hpp>

#include <algorithm>

namespace projectd::test::matrix {

namespace {

// The modules team security can deny, and which of them each fixture object belongs to.
enum Module : unsigned { kProject = 1, kTasks = 2, kMilestones = 4, kDiscussions = 8, kFiles = 16 };
const std::map<std::string, unsigned> kObjectModules = {
    {"project", kProject},      {"task", kTasks},          {"task2", kTasks},
    {"task3", kTasks},          {"subtask", kTasks},       {"comment", kTasks},
    {"milestone", kMilestones}, {"message", kDiscussions}, {"file", kFiles},
    {"file2", kFiles},          {"folder", kFiles},        {"time", kTasks}};
const std::map<std::string, unsigned> kProjectLists = {
    {"task", kTasks}, {"milestone", kMilestones}, {"message", kDiscussions}, {"files", kFiles}};

// The project's objects the route names: bits of Module.
unsigned named_objects(const RouteSpec& route) {
  unsigned bits = 0;
  for (const std::string& name : named_placeholders(route)) {
    const auto it = kObjectModules.find(name);
    if (it != kObjectModules.end()) bits |= it->second;
  }
  return bits;
}

// A project's list or creation of one module: project/{projectid}/task, .../milestone...
unsigned project_list_module(const RouteSpec& route) {
  const std::string prefix = "api/2.0/project/{projectid}/";
  if (route.path.rfind(prefix, 0) != 0) return 0;
  const std::string rest = route.path.substr(prefix.size());
  const auto it = kProjectLists.find(rest.substr(0, rest.find('/')));
  return it != kProjectLists.end() ? it->second : 0;
}

// Guests change nothing in projects and their files (security.h: can() is false for a guest),
// except what security.h grants whoever can read: following, subscribing and commenting.
const char* const kGuestMayChange[] = {
    "PUT api/2.0/project/{projectid}/follow",
    "PUT api/2.0/project/task/{taskid}/subscribe",
    "POST api/2.0/project/task/{taskid}/comment",
    "POST api/2.0/project/message/{messageid}/comment",
    "PUT api/2.0/project/message/{messageid}/subscribe",
    "POST api/2.0/project/message/discussion/preview",
    "POST api/2.0/project/team",  // reads the teams of several projects
    "POST api/2.0/project/comment",
    "POST api/2.0/project/comment/preview",
    "PUT api/2.0/files/fileops/markasread",    // records what was read; changes no file
    "PUT api/2.0/files/fileops/terminate",     // stops only the caller's own bulk downloads
    "PUT api/2.0/files/fileops/bulkdownload",  // zips what the caller may read; changes no file
    "DELETE api/2.0/files/share",              // hides what others shared with the caller alone
};

// Business rules that refuse the admin too on a fresh fixture (invariant 6 allows these codes
// for these routes only; 401, 403 and 404 are never allowed).
struct AdminRefusal {
  const char* route;
  int status;
  const char* why;
};
// The task of POST comment is named by its body, so the matrix cannot see that it lies in the
// closed project.
const std::vector<AdminRefusal> kAdminRefusals = {
    {"DELETE api/2.0/people/{userid}", 409, "only a disabled person is deleted"},
    {"PUT api/2.0/people/{userid}/photo", 400, "the matrix sends no image"},
    {"POST api/2.0/project/comment", 409, "the body's task is in a closed project"},
    {"POST api/2.0/people/password/reset", 400, "the matrix has no mailed reset token"},
    {"POST api/2.0/people/password", 429, "20 requests per client address per 15 minutes"},
    {"GET api/2.0/notifications/unsubscribe", 400, "the matrix holds no mail's token"},
    {"POST api/2.0/notifications/unsubscribe", 400, "the matrix holds no mail's token"},
};

bool is_ok(int status) {
  return status >= 200 && status < 300;
}

bool admin_may_be_refused(const RouteSpec& route, int status) {
  return std::any_of(kAdminRefusals.begin(), kAdminRefusals.end(), [&](const AdminRefusal& a) {
    return route.key() == a.route && status == a.status;
  });
}

std::string admin_rule(const RouteSpec& route) {
  std::string expected = "2xx";
  for (const AdminRefusal& a : kAdminRefusals) {
    if (route.key() == a.route) expected += " or " + std::to_string(a.status) + " (" + a.why + ")";
  }
  return expected + ": the admin may do everything (invariant 6)";
}

// GET, or HEAD: the headers of the same answer without its body.
bool is_read(const RouteSpec& route) {
  return route.method == "GET" || route.method == "HEAD";
}

// A change of a project's content: guests make none.
bool changes_project(const RouteSpec& route) {
  return !is_read(route) && (route.path.rfind("api/2.0/project", 0) == 0 ||
                             route.path.rfind("api/2.0/files/", 0) == 0);
}

// What a closed project still allows (docs/wire-compatibility.md, "Closed projects"): the project
// itself, its team, following and subscribing.
const char* const kClosedMayChange[] = {
    "PUT api/2.0/project/{projectid}",
    "PUT api/2.0/project/{projectid}/status",
    "PUT api/2.0/project/{projectid}/tag",
    "DELETE api/2.0/project/{projectid}",
    "DELETE api/2.0/project",
    "PUT api/2.0/project/{projectid}/follow",
    "POST api/2.0/project/{projectid}/team",
    "PUT api/2.0/project/{projectid}/team",
    "DELETE api/2.0/project/{projectid}/team",
    "PUT api/2.0/project/{projectid}/team/security",
    "PUT api/2.0/project/task/{taskid}/subscribe",
    "PUT api/2.0/project/{projectid}/withSecurityInfo",
    "PUT api/2.0/project/{projectid}/tags",
    "PUT api/2.0/project/message/{messageid}/subscribe",
    // A person's marks on a file are theirs, not the project's content.
    "POST api/2.0/files/favorites",
    "DELETE api/2.0/files/favorites",
    "POST api/2.0/files/templates",
    "DELETE api/2.0/files/templates",
};

// A change of what a closed project holds: a non-GET naming its content or one of its lists.
bool changes_closed_content(const RouteSpec& route, unsigned named) {
  if (!changes_project(route)) return false;
  if (!named && !project_list_module(route)) return false;
  return std::none_of(std::begin(kClosedMayChange), std::end(kClosedMayChange),
                      [&](const char* key) { return route.key() == key; });
}

bool guest_may_change(const RouteSpec& route) {
  return std::any_of(std::begin(kGuestMayChange), std::end(kGuestMayChange),
                     [&](const char* key) { return route.key() == key; });
}

std::string error_message_of(const HttpResponse& res) {
  try {
    const auto json = res.json();
    boost::system::error_code ec;
    if (const auto* message = json.find_pointer("/error/message", ec);
        message && message->is_string())
      return std::string(message->as_string());
  } catch (const std::exception&) {
  }
  return "";
}

// What the invariants judge: the HTTP status and error message, or for a batch that was refused
// the entry of its one id in `failed`.
struct Answer {
  int status = 0;
  std::string message;
};
Answer answer_of(const RouteSpec& route, const HttpResponse& res) {
  Answer answer{res.status, error_message_of(res)};
  if (!is_batch(route) || !is_ok(res.status)) return answer;
  try {
    const auto json = res.json();
    const auto* failed = json.as_object().if_contains("failed");
    if (failed && failed->is_array() && !failed->as_array().empty()) {
      const auto& item = failed->as_array().front();
      answer.status = static_cast<int>(item.at("statusCode").to_number<std::int64_t>());
      answer.message = std::string(item.at("message").as_string());
    }
  } catch (const std::exception&) {
  }
  return answer;
}

// Invariant 7: every 4xx is the envelope.
std::optional<std::string> envelope_problem(const HttpResponse& res) {
  boost::json::value json;
  try {
    json = res.json();
  } catch (const std::exception&) {
    return "a " + std::to_string(res.status) + " that is not JSON: " + res.body.substr(0, 80);
  }
  const auto* object = json.if_object();
  if (!object || !object->contains("status") || object->at("status") != 1 ||
      !object->contains("statusCode") || object->at("statusCode") != res.status ||
      error_message_of(res).empty())
    return "a " + std::to_string(res.status) + " that is not the error envelope: " + res.body;
  return std::nullopt;
}

}  // namespace

const char* name_of(Role role) {
  static constexpr const char* kNames[] = {"anonymous",  "non-member", "guest",   "team-guest",
                                           "restricted", "member",     "manager", "admin"};
  return kNames[static_cast<int>(role)];
}

std::string project_marker(const std::string& marker) {
  return marker + "-proj";
}

std::string content_marker(const std::string& marker) {
  return marker + "-cont";
}

std::string case_name(const RouteSpec& route, Role role, bool is_private, bool is_closed) {
  return route.key() + ": " + name_of(role) + (is_private ? "/private" : "/public") +
         (is_closed ? "/closed" : "");
}

std::vector<std::string> violations(const RouteSpec& route, const CaseResult& r) {
  std::vector<std::string> out;
  const HttpResponse& res = *r.response;
  const Answer answer = answer_of(route, res);
  const int status = answer.status;
  const bool ok = is_ok(status);
  const std::string name = case_name(route, r.role, r.is_private, r.is_closed);
  auto expect = [&](bool holds, const std::string& expected) {
    if (!holds) out.push_back(name + " got " + std::to_string(status) + ", expected " + expected);
  };
  expect(res.status < 500 && status < 500, "no 5xx (invariant 2)");
  // A HEAD answer has no body: its status is all there is to judge.
  const bool head = route.method == "HEAD";
  if (head) {
    if (!res.body.empty()) out.push_back(name + " got a body: a HEAD answer has none");
  } else if (res.status >= 400 && res.status < 500) {
    if (const auto problem = envelope_problem(res))
      out.push_back(name + " got " + *problem + " (invariant 7)");
  }
  // The web app's pages are one public shell whatever they name: the app then asks the API, as
  // this caller, for what the page shows (docs/web-app.md). So every role gets the same answer,
  // with none of the project's data in it; a bundle no build made is 404 for everybody.
  if (route.tag == "web app") {
    const bool file = route.path.starts_with("assets/");
    expect(status == (file ? 404 : 200), file ? "404 for everybody" : "200 for everybody");
    expect(res.body.find(r.marker) == std::string::npos, "a page without the project's data");
    return out;
  }
  // The operations endpoints have rules of their own (README "Health and metrics"): /readyz answers
  // everybody alike; /metrics only the administrator (and the metrics token, not sent here).
  if (route.path == "readyz") {
    expect(status == 200, "200 for everybody");
    return out;
  }
  if (route.path == "metrics") {
    const int expected = r.role == Role::kAnonymous ? 401 : (r.role == Role::kAdmin ? 200 : 403);
    expect(status == expected, std::to_string(expected) + ": the metrics are the administrator's");
    return out;
  }
  if (r.role == Role::kAnonymous) {
    if (route.requires_auth) expect(status == 401, "401 (invariant 1)");
    return out;
  }
  const unsigned named = named_objects(route);
  const bool outsider = r.role == Role::kNonMember || r.role == Role::kGuest;
  if (r.is_private && outsider && named) {
    expect(status == 404 && (head || answer.message == "Item not found"),
           "404 Item not found: a private project is hidden from " + std::string(name_of(r.role)) +
               " (invariant 3)");
  }
  if (r.is_private && ok && (outsider || r.role == Role::kRestricted)) {
    const std::string secret = outsider ? r.marker : content_marker(r.marker);
    expect(res.body.find(secret) == std::string::npos,
           "an answer without '" + secret + "': it is hidden from this role (invariant 3/5)");
  }
  const bool guest = r.role == Role::kGuest || r.role == Role::kTeamGuest;
  if (guest && changes_project(route) && !guest_may_change(route))
    expect(!ok, "no 2xx: guests change nothing (invariant 4)");
  if (r.is_private && r.role == Role::kRestricted) {
    // A denied module's objects are hidden. Its lists may still answer 2xx (a restricted member
    // keeps the tasks and milestones they are responsible for, security.h); the leak check above
    // judges what they show.
    if (named & ~kProject) {
      expect(status == 404, "404: team security hides this module (invariant 5)");
    } else if (project_list_module(route) && !is_read(route)) {
      expect(!ok, "no 2xx: team security denies this module (invariant 5)");
    }
  }
  const bool closed_refuses = r.is_closed && changes_closed_content(route, named);
  if (closed_refuses) {
    expect(status == 409 || (r.role == Role::kRestricted && status == 404),
           "409: a closed project refuses changes of its content, before any 403 (invariant 10)");
  }
  if (r.role == Role::kAdmin && !closed_refuses)
    expect(ok || admin_may_be_refused(route, status), admin_rule(route));
  const bool team =
      r.role == Role::kMember || r.role == Role::kManager || r.role == Role::kTeamGuest;
  if ((team && named) ||
      (r.role == Role::kRestricted && named == kProject && !project_list_module(route))) {
    expect(status != 404, "no 404: the team reads its project (invariant 8)");
  }
  if (!r.is_private && is_read(route) && named) {
    expect(ok, "2xx: a public project is readable by everybody signed in (invariant 9)");
  }
  return out;
}

std::optional<std::string> flag_violation(const RouteSpec& route, const CaseResult& result,
                                          const FlagCheck& check, const HttpResponse& flag_read) {
  bool allowed = false;
  if (flag_read.status == 200) {
    boost::system::error_code ec;
    const auto json = flag_read.json();
    const auto* flag = json.find_pointer("/response" + check.pointer, ec);
    if (!flag)
      return case_name(route, result.role, result.is_private, result.is_closed) + ": no " +
             check.pointer;
    allowed = *flag == check.allowed;
  }
  if (allowed == is_ok(result.response->status)) return std::nullopt;
  return case_name(route, result.role, result.is_private, result.is_closed) + " got " +
         std::to_string(result.response->status) + " where GET " + check.read_path + " answered " +
         std::to_string(flag_read.status) + " with " + check.pointer +
         (allowed ? " allowing it" : " refusing it") + " (flags and enforcement agree)";
}

}  // namespace projectd::test::matrix
