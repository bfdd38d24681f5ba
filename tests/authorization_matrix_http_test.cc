// The authorization matrix (docs/wire-compatibility.md, "Permission rules are consistent"): every
// route that GET api/2.0/openapi.json lists, for every role, on a public, a private and a closed
// project. Each route gets fixtures of its own, made through the API as the admin; a route added to
// the route table is covered without a change here, or fails by name until the generator can fill
// it. What each route sends is in authorization_matrix_requests.cc, the invariants in
// authorization_matrix_rules.cc; this file makes the fixtures, runs the cases and keeps the table
// of known deviations. With PROJECTD_MATRIX_OUT=<file> it also writes every case's status and the
// start of its answer.
#include "authorization_matrix_fixture.h"

#include <gmock/gmock.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>

namespace projectd::test {
namespace {

using matrix::CaseResult;
using matrix::kFixtureValues;
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

class AuthorizationMatrixTest : public matrix::MatrixFixture {
 protected:
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
