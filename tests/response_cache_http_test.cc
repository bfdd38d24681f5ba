// The response cache (src/http/response_cache.h) seen from clients: a repeated GET task/{id}
// answers the same bytes; anything the wrapper shows that changes is seen by the next GET; each
// caller gets the answer of their own rights; a revoked or expired token is refused even when its
// caller was cached. A write keeps the answers it cannot change: only those of the task and project
// it names go (docs/architecture.md, "Caches and change scopes"; tests/cache_freshness_http_test.cc
// holds every write route to it).
#include "files_test_support.h"
#include "store_sql.h"

#include "auth/random.h"

namespace projectd::test {
namespace {

class ResponseCacheHttpTest : public FilesSuite {
 protected:
  // A minute, so that an answer kept too long is still there when the test reads it again.
  static void SetUpTestSuite() { start_server("", {"--response-cache-max-age-ms", "60000"}); }

  // Reads answered from the cache so far (projectd_response_cache_hits_total).
  static double cache_hits() { return response_cache_hits(port(), admin()); }
  // How many of the GETs of `tasks` (in order) the cache answered; every answer must be 200.
  static int hits_reading(const std::vector<std::int64_t>& tasks, const Headers& auth) {
    const double before = cache_hits();
    for (std::int64_t task : tasks)
      EXPECT_EQ(HttpClient(port()).get(task_url(task), auth).status, 200) << task;
    return static_cast<int>(cache_hits() - before);
  }
  static std::string task_url(std::int64_t task) { return "/api/2.0/project/" + task_path(task); }
  static boost::json::object full_as(std::int64_t task, const Headers& auth) {
    const auto response = get_ok(task_url(task), auth);
    return response.is_object() ? response.as_object() : boost::json::object();
  }
};

TEST_F(ResponseCacheHttpTest, ARepeatedGetAnswersTheSameBytes) {
  const std::int64_t task = create_task_id(make_project(), {{"title", "Cached"}}, admin());
  HttpClient client(port());
  const auto first = client.get(task_url(task), admin());
  ASSERT_EQ(first.status, 200) << first.body;
  for (int i = 0; i < 3; ++i) {
    const auto again = client.get(task_url(task), admin());
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("content-type"), first.header("content-type"));
  }
  // The format is part of the key: XML asked by Accept after JSON was cached is XML.
  Headers xml_headers = admin();
  xml_headers.emplace_back("Accept", "text/xml");
  const auto xml = client.get(task_url(task), xml_headers);
  EXPECT_EQ(xml.status, 200);
  EXPECT_EQ(xml.body.rfind("<result>", 0), 0u) << xml.body.substr(0, 100);
  EXPECT_EQ(client.get(task_url(task), admin()).body, first.body);
}

TEST_F(ResponseCacheHttpTest, TheNextGetShowsEveryChangeTheWrapperShows) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id}, "Before");
  const std::int64_t task =
      create_task_id(project, {{"title", "Old title"}, {"responsibles", {member.id}}}, admin());
  EXPECT_EQ(task_full(task).at("title"), "Old title");
  EXPECT_EQ(task_full(task).at("title"), "Old title");

  ASSERT_EQ(call("PUT", task_path(task), {{"title", "New title"}}, admin()).status, 200);
  EXPECT_EQ(task_full(task).at("title"), "New title");

  HttpClient client(port());
  ASSERT_EQ(client.put_json(project_path(project), {{"title", "After"}}, admin()).status, 200);
  EXPECT_EQ(task_full(task).at("projectOwner").at("title"), "After");

  ASSERT_EQ(
      client.put_json("/api/2.0/people/" + member.id, {{"firstName", "Renamed"}}, admin()).status,
      200);
  const std::string name(task_full(task).at("responsibles").at(0).at("displayName").as_string());
  EXPECT_NE(name.find("Renamed"), std::string::npos) << name;

  EXPECT_EQ(task_full(task).at("files").as_array().size(), 0u);
  const std::int64_t file =
      create_text_id(std::to_string(project_folder(project)), "notes", "first notes", admin());
  ASSERT_EQ(call("POST", task_path(task, "/files"), {{"files", {file}}}, admin()).status, 201);
  EXPECT_EQ(task_full(task).at("files").as_array().size(), 1u);
}

// What each kind of write leaves cached, read by a team member (their caller stays cached too: a
// hit needs the token cache's answer).
TEST_F(ResponseCacheHttpTest, AWriteEndsOnlyTheAnswersItCanChange) {
  // The same on PostgreSQL, where each request first catches up with every node's writes.
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t other_project = make_project({member.id});
  const std::int64_t a = create_task_id(project, {{"title", "A"}}, admin());
  const std::int64_t b = create_task_id(project, {{"title", "B"}}, admin());
  const std::int64_t c = create_task_id(other_project, {{"title", "C"}}, admin());
  const std::int64_t file =
      create_text_id(std::to_string(project_folder(project)), "notes", "notes", admin());
  hits_reading({a, b, c}, member.auth());
  EXPECT_EQ(hits_reading({a, b, c}, member.auth()), 3);

  // Attaching changes task A alone.
  ASSERT_EQ(call("POST", task_path(a, "/files"), {{"files", {file}}}, admin()).status, 201);
  EXPECT_EQ(hits_reading({b, c}, member.auth()), 2);
  EXPECT_EQ(hits_reading({a}, member.auth()), 0);
  EXPECT_EQ(full_as(a, member.auth()).at("files").as_array().size(), 1u);

  // A new task changes its project's counts, which every task of the project shows.
  create_task_id(project, {{"title", "D"}}, admin());
  EXPECT_EQ(hits_reading({c}, member.auth()), 1);
  EXPECT_EQ(hits_reading({a, b}, member.auth()), 0);

  // Sign-ins, failed or not, change nothing an answer or a caller shows: the throttle's writes
  // name no scope, so a flood of them keeps every answer.
  HttpClient client(port());
  EXPECT_EQ(client
                .post_json("/api/2.0/authentication",
                           {{"userName", member.email}, {"password", "wrong-password"}})
                .status,
            401);
  EXPECT_EQ(client
                .post_json("/api/2.0/authentication",
                           {{"userName", member.email}, {"password", kMemberPassword}})
                .status,
            201);
  EXPECT_EQ(hits_reading({a, b, c}, member.auth()), 3);

  // A change of a person is broad: every answer goes, and every cached caller.
  ASSERT_EQ(HttpClient(port())
                .put_json("/api/2.0/people/" + member.id, {{"firstName", "Renamed"}}, admin())
                .status,
            200);
  EXPECT_EQ(hits_reading({a, b, c}, member.auth()), 0);
  EXPECT_EQ(hits_reading({a, b, c}, member.auth()), 3);
}

TEST_F(ResponseCacheHttpTest, EachCallerGetsTheAnswerOfTheirOwnRights) {
  const Person outsider = add_person();
  const std::int64_t task = create_task_id(make_project(), {}, admin());
  EXPECT_EQ(full_as(task, admin()).at("canEdit"), true);
  EXPECT_EQ(full_as(task, admin()).at("canEdit"), true);
  EXPECT_EQ(full_as(task, outsider.auth()).at("canEdit"), false);
  EXPECT_EQ(full_as(task, outsider.auth()).at("canEdit"), false);
  EXPECT_EQ(full_as(task, admin()).at("canEdit"), true);
}

TEST_F(ResponseCacheHttpTest, ARevokedTokenIsRefusedRightAfterLogout) {
  const Person person = add_person();
  const std::string token = sign_in(port(), person.email, kMemberPassword);
  const std::int64_t task = create_task_id(make_project(), {}, admin());
  HttpClient client(port());
  ASSERT_EQ(client.get(task_url(task), HttpClient::auth(token)).status, 200);
  ASSERT_EQ(client.get(task_url(task), HttpClient::auth(token)).status, 200);  // from the cache
  ASSERT_EQ(
      client.request("POST", "/api/2.0/authentication/logout", "", HttpClient::auth(token)).status,
      201);
  EXPECT_EQ(client.get(task_url(task), HttpClient::auth(token)).status, 401);
  // The person's other token still works.
  EXPECT_EQ(client.get(task_url(task), person.auth()).status, 200);
}

TEST_F(ResponseCacheHttpTest, ADisabledUsersTokenIsRefused) {
  const Person person = add_person();
  const std::int64_t task = create_task_id(make_project(), {}, admin());
  HttpClient client(port());
  ASSERT_EQ(client.get(task_url(task), person.auth()).status, 200);
  ASSERT_EQ(client.get(task_url(task), person.auth()).status, 200);
  ASSERT_EQ(client.put_json("/api/2.0/people/" + person.id, {{"disable", true}}, admin()).status,
            200);
  EXPECT_EQ(client.get(task_url(task), person.auth()).status, 401);
}

TEST_F(ResponseCacheHttpTest, AnExpiredTokenIsRefused) {
  const std::string token = sign_in(port(), kAdminEmail, kAdminPassword);
  const std::int64_t task = create_task_id(make_project(), {}, admin());
  // Age the token in the store, as time would, before its first use.
  connect_store(test_store_url(data_dir()))
      ->prepare("UPDATE auth_tokens SET expires = 1 WHERE token_hash = ?1")
      .bind_all(sha256_hex(token))
      .run();
  HttpClient client(port());
  EXPECT_EQ(client.get(task_url(task), HttpClient::auth(token)).status, 401);
  EXPECT_EQ(client.get(task_url(task), HttpClient::auth(token)).status, 401);
  EXPECT_EQ(client.get(task_url(task), admin()).status, 200);
}

}  // namespace
}  // namespace projectd::test
