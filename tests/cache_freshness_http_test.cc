// The caches never answer stale (docs/architecture.md, "Caches and change scopes"): a write that
// names its scopes promises that nothing outside them changed, and a cached task answer lists the
// scopes it shows; this test holds both promises for every write route of GET
// api/2.0/openapi.json. Per route, on a fixture of its own (authorization_matrix_fixture.h):
// 1. the answers of GET project/task/{id} for the fixture's tasks (the second one in the
//    fixture's milestone) are cached, as the admin and as a team member (so their callers are in
//    the token cache too);
// 2. the route is called as the admin, as the authorization matrix calls it;
// 3. each answer is read again at once and compared with a fresh render of it: the same target
//    with one more query parameter, which the route ignores but the cache key holds.
// The server repeats an answer for up to a minute (--response-cache-max-age-ms), so a stale one
// would still be served in step 3. "timeStampStr" ("5 minutes ago") moves with the clock alone
// and is left out of the comparison. Runs one route at a time: a concurrent broad write would
// make every answer stale and hide a scope missing from the route under test.
#include "authorization_matrix_fixture.h"

#include <gmock/gmock.h>

#include <boost/json.hpp>

#include <chrono>
#include <optional>
#include <thread>

namespace projectd::test {
namespace {

using matrix::Role;
using matrix::RouteSpec;
using matrix::Values;

bool is_write(const RouteSpec& route) {
  return route.method != "GET" && route.method != "HEAD";
}

// The answer without what the clock alone changes.
std::string comparable(const HttpResponse& res) {
  boost::system::error_code error;
  boost::json::value body = boost::json::parse(res.body, error);
  if (error) return std::to_string(res.status) + " " + res.body;
  auto drop_clock_words = [](auto&& self, boost::json::value& value) -> void {
    if (auto* object = value.if_object()) {
      object->erase("timeStampStr");
      for (auto& member : *object)
        self(self, member.value());
    } else if (auto* array = value.if_array()) {
      for (auto& item : *array)
        self(self, item);
    }
  };
  drop_clock_words(drop_clock_words, body);
  return std::to_string(res.status) + " " + boost::json::serialize(body);
}

class CacheFreshnessTest : public matrix::MatrixFixture {
 protected:
  static void SetUpTestSuite() { start_server("", {"--response-cache-max-age-ms", "60000"}); }

  // The cached task answers a route's call may change: every task of the fixture, read by the
  // admin and by the member.
  std::vector<std::pair<Role, std::string>> readings(const Values& values) const {
    std::vector<std::pair<Role, std::string>> out;
    for (const char* task : {"task", "task2", "task3"}) {
      const auto id = values.find(task);
      if (id == values.end() || id->second.empty()) continue;
      for (Role role : {Role::kAdmin, Role::kMember})
        out.emplace_back(role, "/api/2.0/project/task/" + id->second);
    }
    return out;
  }

  // The problems of one route: each answer that step 3 found stale.
  std::vector<std::string> check_route(const RouteSpec& route) {
    const Values values = make_fixture(matrix::placeholders_of(route), false, false);
    // The second task in the fixture's milestone, so that what changes a milestone shows too.
    made("PUT", "/api/2.0/project/task/" + values.at("task2") + "/milestone",
         {{"milestoneid", std::stoll(values.at("milestone"))}}, 200);
    const auto read = readings(values);
    for (const auto& [role, target] : read) {
      const HttpResponse warm = send("GET", target, "", "", auth_of(role, false));
      if (warm.status != 200)
        return {route.key() + ": the fixture's " + target + " answered " +
                std::to_string(warm.status)};
    }
    const matrix::MatrixRequest request = matrix::request_of(route, values);
    send(request.method, request.target, request.body, request.content_type,
         auth_of(Role::kAdmin, matrix::revokes_token(route)));
    std::vector<std::string> problems;
    for (const auto& [role, target] : read)
      if (auto problem = stale_answer(role, target))
        problems.push_back(route.key() + ": " + *problem);
    return problems;
  }

  // The answer of `target` as the cache serves it, unless it differs from a fresh render. A file
  // operation finishes in the background after its call was answered; a difference its commit
  // made between the two reads is gone when read again (a broad write), a stale answer is not.
  std::optional<std::string> stale_answer(Role role, const std::string& target) {
    std::string cached, fresh;
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(300));
      const HttpResponse again = send("GET", target, "", "", auth_of(role, false));
      const HttpResponse rendered = send("GET", target + "?freshness=" + std::to_string(++renders_),
                                         "", "", auth_of(role, false));
      if (comparable(again) == comparable(rendered)) return std::nullopt;
      cached = again.body.substr(0, 600);
      fresh = rendered.body.substr(0, 600);
    }
    return std::string(matrix::name_of(role)) + " was served a stale " + target + ":\n  cached " +
           cached + "\n  fresh  " + fresh;
  }

  int renders_ = 0;
};

TEST_F(CacheFreshnessTest, NoWriteRouteLeavesACachedTaskAnswerStale) {
  const auto doc = HttpClient(port()).get("/api/2.0/openapi.json");
  ASSERT_EQ(doc.status, 200) << doc.body;
  int checked = 0;
  for (const RouteSpec& route : matrix::routes_of(doc.json())) {
    // A route the generator cannot fill fails the authorization matrix by name.
    if (!is_write(route) || !matrix::unfilled(route, matrix::kFixtureValues).empty()) continue;
    for (const std::string& problem : check_route(route))
      ADD_FAILURE() << problem;
    ++checked;
  }
  EXPECT_GT(checked, 100);  // every write route, not a handful
}

}  // namespace
}  // namespace projectd::test
