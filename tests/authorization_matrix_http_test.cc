// The authorization matrix (docs/wire-compatibility.md, "Permission rules are consistent"): every
// route that GET api/2.0/openapi.json lists, for every role, on a public, a private and a closed
// project. Each route gets fixtures of its own, made through the API as the admin; a route added to
// the route table is covered without a change here, or fails by name until the generator can fill
// it. What each route sends is in authorization_matrix_requests.cc, the invariants in
// authorization_matrix_rules.cc; this file makes the fixtures, runs the cases and keeps the table
// of known deviations. With PROJECTD_MATRIX_OUT=<file> it also writes every case's status and the
// start of its answer.
#include "authorization_matrix_support.h"
#include "base/time.h"
#include "files_test_support.h"
#include "store_sql.h"

#include <gmock/gmock.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>

namespace projectd::test {
namespace {

using matrix::CaseResult;
using matrix::Role;
using matrix::RouteSpec;
using matrix::Values;

// KNOWN DEVIATIONS. A case listed here breaks an invariant, and fixing the server is large or the
// rule is unclear. The case is tolerated only with the status given; once it answers otherwise the
// entry fails the test, so the table shrinks as the server is fixed.
struct Deviation {
  const char* route;
  Role role;
  bool is_private;
  int status;
  const char* reason;
};
// Empty: every case the matrix found against the rules has been fixed in the server.
const std::vector<Deviation> kKnownDeviations = {};

// The values make_fixture() fills; a placeholder outside this set fails its route by name.
const std::set<std::string> kFixtureValues = {
    "project",      "milestone",     "task",       "task2",   "task3",    "subtask",
    "comment",      "message",       "file",       "file2",   "folder",   "status",
    "manager",      "member",        "restricted", "target",  "search",   "marker",
    "member_email", "password",      "time",       "group",   "template", "upload_session",
    "common_file",  "common_folder", "webhook",    "delivery"};

// Enough requests in flight for the server's group commit to share its fsyncs.
constexpr int kWorkers = 6;

bool is_ok(int status) {
  return status >= 200 && status < 300;
}

// The failures of every case, collected from the workers and reported in a stable order.
class Report {
 public:
  void record(const RouteSpec& route, const CaseResult& result, std::vector<std::string> problems) {
    const int status = result.response->status;
    std::lock_guard<std::mutex> lock(mutex_);
    outcomes_.push_back(matrix::case_name(route, result.role, result.is_private, result.is_closed) +
                        " " + std::to_string(status) + " " + result.response->body.substr(0, 160));
    for (const Deviation& d : kKnownDeviations) {
      if (route.key() == d.route && result.role == d.role && result.is_private == d.is_private &&
          !result.is_closed && status == d.status) {
        seen_.insert(&d);
        return;
      }
    }
    failures_.insert(failures_.end(), problems.begin(), problems.end());
  }

  void finish() {
    std::sort(failures_.begin(), failures_.end());
    for (const std::string& failure : failures_)
      ADD_FAILURE() << failure;
    for (const Deviation& d : kKnownDeviations) {
      if (!seen_.count(&d))
        ADD_FAILURE() << d.route << ": " << matrix::name_of(d.role)
                      << (d.is_private ? "/private" : "/public") << " no longer answers "
                      << d.status << ": remove it from kKnownDeviations";
    }
    if (const char* path = std::getenv("PROJECTD_MATRIX_OUT")) {
      std::sort(outcomes_.begin(), outcomes_.end());
      std::ofstream out(path);
      for (const std::string& line : outcomes_)
        out << line << "\n";
    }
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> failures_;
  std::vector<std::string> outcomes_;
  std::set<const Deviation*> seen_;
};

class AuthorizationMatrixTest : public FilesSuite {
 protected:
  void SetUp() override {
    for (Role role : {Role::kNonMember, Role::kGuest, Role::kTeamGuest, Role::kRestricted,
                      Role::kMember, Role::kManager})
      people_[role] = add_person(role == Role::kGuest || role == Role::kTeamGuest);
    people_[Role::kAdmin] = *admin_;
    target_ = add_person();
  }

  const std::string& id_of(Role role) const { return people_.at(role).id; }

  // The role's headers; `fresh` signs in again, for a call that revokes its token.
  Headers auth_of(Role role, bool fresh) const {
    const auto person = people_.find(role);
    if (person == people_.end()) return {};  // anonymous
    if (!fresh) return person->second.auth();
    const char* password = role == Role::kAdmin ? kAdminPassword : kMemberPassword;
    return HttpClient::auth(sign_in(port(), person->second.email, password));
  }

  static HttpResponse send(const std::string& method, const std::string& target,
                           const std::string& body, const std::string& content_type,
                           Headers headers) {
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    return HttpClient(port()).request(method, target, body, headers);
  }

  // A call as the admin that must answer `expected`; the `id` of its response, as text.
  static std::string made(const std::string& method, const std::string& target,
                          const boost::json::object& body, int expected = 201) {
    const auto res =
        send(method, target, boost::json::serialize(body), "application/json", admin());
    const auto response = response_of(res, expected);
    if (!response.is_object() || !response.as_object().contains("id")) return "";
    const auto& id = response.at("id");
    return id.is_string() ? std::string(id.as_string()) : boost::json::serialize(id);
  }

  // One fixture set, as the admin: a project managed by `manager` with `member`, `team_guest` and
  // `restricted` (denied tasks, files, discussions and milestones) in its team; a milestone; a task
  // for `member` with a subtask, a link to a second task, a comment and an attached file (and time
  // logged for `member` when the route names it); a discussion with a comment; a subfolder.
  // `wanted` asks for the optional objects. Every title carries the fixture's markers.
  Values make_fixture(const std::set<std::string>& wanted, bool is_private, bool is_closed) {
    const std::string marker = (is_private ? "qx" : "pb") + std::to_string(++fixtures_) + "x";
    const std::string content = matrix::content_marker(marker);
    const std::string& manager = id_of(Role::kManager);
    const std::string& member = id_of(Role::kMember);
    const std::string& restricted = id_of(Role::kRestricted);
    Values v = {{"manager", manager},
                {"member", member},
                {"restricted", restricted},
                {"target", target_.id},
                {"member_email", people_.at(Role::kMember).email},
                {"password", kMemberPassword},
                {"search", marker},
                {"marker", marker}};
    const auto project = create_project(
        {{"title", matrix::project_marker(marker)},
         {"responsibleId", manager},
         {"participants", boost::json::array{member, restricted, id_of(Role::kTeamGuest)}},
         {"private", is_private}},
        admin());
    if (!project.contains("id")) return v;
    const std::int64_t id = project.at("id").as_int64();
    const std::string folder = std::to_string(project.at("projectFolder").as_int64());
    v["project"] = std::to_string(id);
    made("PUT", project_path(id, "/team/security"),
         {{"userId", restricted}, {"security", "tasks,files,messages,milestones"}}, 200);
    v["milestone"] =
        std::to_string(insert_milestone(id, content + " milestone", "2030-01-01", manager));
    const std::int64_t task = create_task_id(
        id, {{"title", content + " task"}, {"responsibles", boost::json::array{member}}}, admin());
    const std::string task_path = "/api/2.0/project/task/" + std::to_string(task);
    v["task"] = std::to_string(task);
    v["task2"] = std::to_string(create_task_id(id, {{"title", content + " second"}}, admin()));
    v["subtask"] = std::to_string(create_subtask_id(
        task, {{"title", content + " subtask"}, {"responsible", member}}, admin()));
    made("POST", task_path + "/link", {{"dependenceTaskId", std::stoll(v["task2"])}});
    v["comment"] = made("POST", task_path + "/comment", {{"content", content + " comment"}});
    v["message"] =
        made("POST", project_path(id, "/message"), {{"title", content}, {"content", content}});
    made("POST", "/api/2.0/project/message/" + v["message"] + "/comment", {{"content", content}});
    const std::int64_t file = create_text_id(folder, content + " file", content, admin());
    v["file"] = std::to_string(file);
    made("POST", task_path + "/files", {{"files", boost::json::array{file}}});
    v["folder"] = made("POST", files_path("folder/" + folder), {{"title", content + " folder"}});
    if (wanted.count("task3"))
      v["task3"] = std::to_string(create_task_id(id, {{"title", content + " third"}}, admin()));
    if (wanted.count("file2"))
      v["file2"] = std::to_string(create_text_id(folder, content + " other", content, admin()));
    // Time the admin logged for `member` on the task: the member's to change, not billed.
    if (wanted.count("time"))
      v["time"] = made("POST", task_path + "/time",
                       {{"date", "2030-01-01"}, {"personId", member}, {"hours", 2}});
    if (wanted.count("status"))
      v["status"] = made("POST", "/api/2.0/project/status",
                         {{"title", "Matrix status"}, {"statusType", "open"}});
    if (wanted.count("group"))
      v["group"] = made("POST", "/api/2.0/group", {{"groupName", "Matrix group"}});
    // A webhook to a loopback address (refused at delivery: nothing leaves), and one delivery of
    // it as the outbox holds a sent one (no route publishes events, so it is written directly).
    if (wanted.count("webhook") || wanted.count("delivery"))
      v["webhook"] = made("POST", "/api/2.0/webhooks",
                          {{"url", "http://127.0.0.1:9/matrix"}, {"events", "task.*"}});
    if (wanted.count("delivery")) {
      auto db = connect_store(server_->store_url());
      const Timestamp now = now_utc();
      v["delivery"] = std::to_string(
          db->prepare("INSERT INTO deliveries (channel, target, event_type, key, payload, created, "
                      "state, attempts, next_attempt) VALUES ('webhook', ?1, 'task.created', ?2, "
                      "'{}', ?3, 1, 1, ?3) RETURNING id")
              .bind_all(v["webhook"], "matrix-" + marker, now)
              .run_returning_id());
    }
    // Sharing names @common entries: no project marker, whoever may read @common sees them.
    if (wanted.count("common_file"))
      v["common_file"] =
          std::to_string(create_text_id("@common", "Matrix shared file", "shared", admin()));
    if (wanted.count("common_folder"))
      v["common_folder"] = made("POST", files_path("folder/@common"), {{"title", "Matrix shared"}});
    if (wanted.count("template"))
      v["template"] = made("POST", "/api/2.0/project/template", {{"title", "Matrix template"}});
    // A chunked upload session is its opener's (the admin's) alone: everybody else gets 404.
    if (wanted.count("upload_session")) {
      const auto session = response_of(
          send("POST", files_path(v["folder"] + "/upload/create_session"),
               R"({"fileName":"matrix.bin","fileSize":1000})", "application/json", admin()),
          201);
      if (session.is_object()) v["upload_session"] = session.at("data").at("id").as_string();
    }
    if (is_closed) made("PUT", project_path(id, "/status"), {{"status", "closed"}}, 200);
    return v;
  }

  // Every role, in kRoles' order, on fixtures of this route; new ones after a call that spoiled
  // them.
  // The admin's request carries every parameter the route does not take (with_untaken_params):
  // the admin's invariant (2xx or a listed business refusal) then also says that they change
  // nothing, at no extra fixture.
  void run_route(const RouteSpec& route, bool is_private, bool is_closed,
                 const std::set<std::string>& all_names, Report& report) {
    const std::set<std::string> wanted = matrix::placeholders_of(route);
    const auto flag = matrix::flag_check_of(route);
    Values values = make_fixture(wanted, is_private, is_closed);
    for (Role role : matrix::kRoles) {
      const Headers auth = auth_of(role, matrix::revokes_token(route));
      std::optional<HttpResponse> flag_read;
      if (flag && role != Role::kAnonymous)
        flag_read = send("GET", "/" + matrix::expand(flag->read_path, values), "", "", auth);
      matrix::MatrixRequest request = matrix::request_of(route, values);
      if (role == Role::kAdmin) request = matrix::with_untaken_params(request, route, all_names);
      const HttpResponse res =
          send(request.method, request.target, request.body, request.content_type, auth);
      const CaseResult result{role, is_private, &res, values["marker"], is_closed};
      std::vector<std::string> problems = matrix::violations(route, result);
      if (flag_read) {
        if (auto problem = matrix::flag_violation(route, result, *flag, *flag_read))
          problems.push_back(*problem);
      }
      report.record(route, result, std::move(problems));
      if (is_ok(res.status) && matrix::spoils(route) && role != Role::kAdmin)
        values = make_fixture(wanted, is_private, is_closed);
    }
  }

  std::map<Role, Person> people_;  // everybody but the anonymous
  Person target_;                  // whom people/{userid} names: nobody signs in as them
  std::atomic<int> fixtures_{0};
};

TEST_F(AuthorizationMatrixTest, EveryRouteAnswersEveryRoleByTheRules) {
  const auto doc = HttpClient(port()).get("/api/2.0/openapi.json");
  ASSERT_EQ(doc.status, 200) << doc.body;
  const std::vector<RouteSpec> routes = matrix::routes_of(doc.json());
  ASSERT_FALSE(routes.empty());
  const std::set<std::string> all_names = matrix::parameter_names(routes);
  struct Job {
    const RouteSpec* route;
    bool is_private;
    bool is_closed;
  };
  std::vector<Job> jobs;
  for (const RouteSpec& route : routes) {
    const auto missing = matrix::unfilled(route, kFixtureValues);
    if (!missing.empty()) {
      ADD_FAILURE() << route.key() << ": the matrix cannot fill " << testing::PrintToString(missing)
                    << "; extend kParamValues or kBodies (authorization_matrix_requests.cc)";
      continue;
    }
    jobs.push_back({&route, false, false});
    jobs.push_back({&route, true, false});
    jobs.push_back({&route, false, true});
  }
  Report report;
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int i = 0; i < kWorkers; ++i) {
    workers.emplace_back([&] {
      for (std::size_t job = next++; job < jobs.size(); job = next++)
        run_route(*jobs[job].route, jobs[job].is_private, jobs[job].is_closed, all_names, report);
    });
  }
  for (std::thread& worker : workers)
    worker.join();
  report.finish();
}

// The generator names what it cannot fill, so a new route fails until the tables cover it.
TEST(AuthorizationMatrixGeneratorTest, NamesWhatARouteLacks) {
  const auto doc = boost::json::parse(R"({"paths":{"/api/2.0/project/widget/{widgetid}":{"post":{
      "requestBody":{"content":{"application/json":{"schema":{"required":["shape"]}}}}}}}})");
  const auto routes = matrix::routes_of(doc);
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0].key(), "POST api/2.0/project/widget/{widgetid}");
  EXPECT_THAT(matrix::unfilled(routes[0], kFixtureValues),
              testing::ElementsAre("path parameter widgetid", "required body member shape"));
}

TEST(AuthorizationMatrixGeneratorTest, FillsPathQueryAndBodyFromTheFixture) {
  const auto doc = boost::json::parse(R"({"paths":{"/api/2.0/project/{entityid}/entityfiles":{
      "delete":{"parameters":[{"name":"entityid","in":"path","required":true},
                              {"name":"entityType","in":"query","required":true}],
                "requestBody":{"content":{"application/json":{"schema":{
                    "required":["fileid"]}}}}}}}})");
  const auto route = matrix::routes_of(doc).at(0);
  EXPECT_THAT(matrix::unfilled(route, kFixtureValues), testing::IsEmpty());
  const auto request = matrix::request_of(route, {{"task", "7"}, {"file", "9"}});
  EXPECT_EQ(request.target, "/api/2.0/project/7/entityfiles?entityType=task");
  EXPECT_EQ(request.body, R"({"fileid":9})");
  EXPECT_EQ(request.content_type, "application/json");
}

}  // namespace
}  // namespace projectd::test
