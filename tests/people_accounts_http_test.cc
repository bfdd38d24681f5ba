// api/2.0/people: status, type, deletion, self deletion, the password reminder, and the lookups
// people/search, people/email, people/simple/filter and people/status/{status}.
#include "store_sql.h"
#include "task_test_support.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>

namespace projectd::test {
namespace {

class PeopleAccountsTest : public TaskSuite {
 protected:
  static HttpResponse set_status(const std::string& status, const std::vector<std::string>& ids,
                                 const Headers& auth) {
    return json_request(port(), "PUT", "/api/2.0/people/status/" + status,
                        {{"userIds", boost::json::array(ids.begin(), ids.end())}}, auth);
  }
  static int sign_in_status(const std::string& email) {
    return json_request(port(), "POST", "/api/2.0/authentication",
                        {{"userName", email}, {"password", kMemberPassword}}, {})
        .status;
  }
};

TEST_F(PeopleAccountsTest, DisablingStopsTokensAndSignInAndEnablingRestoresSignIn) {
  const Person p = add_person();
  HttpClient client(port());
  ASSERT_EQ(client.get("/api/2.0/people/@self", p.auth()).status, 200);
  auto res = set_status("terminated", {p.id}, admin());
  const auto changed = response_of(res, 200).as_array();
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].at("status"), 2);
  EXPECT_TRUE(changed[0].at("terminated").is_string());
  // At once: the token is refused and signing in too.
  EXPECT_EQ(client.get("/api/2.0/people/@self", p.auth()).status, 401);
  EXPECT_EQ(sign_in_status(p.email), 401);
  const auto disabled = get_ok("/api/2.0/people/status/terminated", admin()).as_array();
  EXPECT_TRUE(std::any_of(disabled.begin(), disabled.end(),
                          [&](const auto& u) { return u.at("id") == p.id.c_str(); }));
  res = set_status("active", {p.id}, admin());
  EXPECT_EQ(response_of(res, 200).as_array()[0].at("status"), 1);
  EXPECT_EQ(sign_in_status(p.email), 201);
}

TEST_F(PeopleAccountsTest, StatusAndTypeChangesAreForAdminsAndCheckTheirInput) {
  const Person p = add_person();
  const Person other = add_person();
  auto res = set_status("terminated", {other.id}, p.auth());
  EXPECT_EQ(res.status, 403);
  res = set_status("terminated", {"0f0f0f0f-0000-4000-8000-000000000000", other.id}, admin());
  EXPECT_EQ(res.status, 404);
  res = set_status("sleeping", {other.id}, admin());
  EXPECT_EQ(res.status, 400);
  res = set_status("terminated", {}, admin());
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(error_message(res).find("userIds"), std::string::npos);
  EXPECT_EQ(get_ok("/api/2.0/people/" + other.id, admin()).at("status"), 1);  // unchanged
  // The admin cannot disable themself: they are left as they are.
  res = set_status("terminated", {admin_id()}, admin());
  EXPECT_EQ(response_of(res, 200).as_array()[0].at("status"), 1);

  res = json_request(port(), "PUT", "/api/2.0/people/type/visitor",
                     {{"userIds", boost::json::array{other.id}}}, admin());
  EXPECT_EQ(response_of(res, 200).as_array()[0].at("isVisitor"), true);
  EXPECT_EQ(get_ok("/api/2.0/people/" + other.id, admin()).at("isVisitor"), true);
  res = json_request(port(), "PUT", "/api/2.0/people/type/user",
                     {{"userIds", boost::json::array{other.id}}}, admin());
  EXPECT_EQ(response_of(res, 200).as_array()[0].at("isVisitor"), false);
  res = json_request(port(), "PUT", "/api/2.0/people/type/visitor",
                     {{"userIds", boost::json::array{other.id}}}, p.auth());
  EXPECT_EQ(res.status, 403);
  res = json_request(port(), "PUT", "/api/2.0/people/type/all",
                     {{"userIds", boost::json::array{other.id}}}, admin());
  EXPECT_EQ(res.status, 400);
  // Administrators stay users.
  res = json_request(port(), "PUT", "/api/2.0/people/type/visitor",
                     {{"userIds", boost::json::array{admin_id()}}}, admin());
  EXPECT_EQ(response_of(res, 200).as_array()[0].at("isVisitor"), false);
}

TEST_F(PeopleAccountsTest, DeletingNeedsADisabledPersonAndKeepsWhatNamesThem) {
  const Person p = add_person();
  const std::int64_t project =
      create_project_id({{"title", "Owned by the leaver"}, {"responsibleId", p.id}}, admin());
  const std::int64_t task = create_task_id(
      project, {{"title", "Left behind"}, {"responsibles", boost::json::array{p.id}}}, admin());
  auto res =
      json_request(port(), "POST", "/api/2.0/project/task/" + std::to_string(task) + "/comment",
                   {{"content", "my last words"}}, p.auth());
  ASSERT_EQ(res.status, 201) << res.body;

  res = json_request(port(), "DELETE", "/api/2.0/people/" + p.id, nullptr, admin());
  EXPECT_EQ(res.status, 409) << res.body;  // not disabled yet
  ASSERT_EQ(set_status("terminated", {p.id}, admin()).status, 200);
  res = json_request(port(), "DELETE", "/api/2.0/people/" + p.id, nullptr, p.auth());
  EXPECT_EQ(res.status, 401);  // disabled: their own token no longer works
  const Person member = add_person();
  res = json_request(port(), "DELETE", "/api/2.0/people/" + p.id, nullptr, member.auth());
  EXPECT_EQ(res.status, 403);
  res = json_request(port(), "DELETE", "/api/2.0/people/" + p.id, nullptr, admin());
  EXPECT_EQ(response_of(res, 200).at("id"), p.id.c_str());

  HttpClient client(port());
  EXPECT_EQ(client.get("/api/2.0/people/" + p.id, admin()).status, 404);
  EXPECT_EQ(json_request(port(), "DELETE", "/api/2.0/people/" + p.id, nullptr, admin()).status,
            404);
  // The task keeps its responsible, the project its manager, the comment its author (shown as the
  // original's lost profile).
  const auto t = get_ok("/api/2.0/project/task/" + std::to_string(task), admin());
  ASSERT_EQ(t.at("responsibles").as_array().size(), 1u);
  EXPECT_EQ(t.at("responsibles").as_array()[0].at("id"), p.id.c_str());
  EXPECT_EQ(t.at("comments").as_array().size(), 1u);
  EXPECT_EQ(t.at("comments").as_array()[0].at("userID"), p.id.c_str());
  EXPECT_EQ(get_ok(project_path(project), admin()).at("responsible").at("id"), p.id.c_str());
  // The address is free again.
  res = json_request(port(), "POST", "/api/2.0/people",
                     {{"email", p.email}, {"firstName", "New"}, {"lastName", "Person"}}, admin());
  EXPECT_EQ(res.status, 201) << res.body;
  const auto store = connect_store(server_->store_url());
  EXPECT_EQ(first_column(*store, "SELECT removed FROM users WHERE id = '" + p.id + "'"),
            std::vector<std::string>{"1"});
}

TEST_F(PeopleAccountsTest, LookupsByEmailSearchAndSimpleFilter) {
  const Person p = add_person();
  const Person guest = add_person(true);
  const auto me = get_ok("/api/2.0/people/email?email=" + p.email, admin());
  EXPECT_EQ(me.at("id"), p.id.c_str());
  HttpClient client(port());
  EXPECT_EQ(client.get("/api/2.0/people/email?email=nobody@example.com", admin()).status, 404);
  EXPECT_EQ(client.get("/api/2.0/people/email", admin()).status, 400);
  // A guest cannot test someone else's address.
  EXPECT_EQ(client.get("/api/2.0/people/email?email=" + p.email, guest.auth()).status, 404);
  // The unique part of the first name ("Person p016"): URLs carry no spaces.
  const std::string first(me.at("firstName").as_string());
  const std::string name = first.substr(first.rfind(' ') + 1);
  const auto found = get_ok("/api/2.0/people/search?query=" + name, admin()).as_array();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].at("id"), p.id.c_str());
  const auto brief =
      get_ok("/api/2.0/people/simple/filter?filterValue=" + name, admin()).as_array();
  ASSERT_EQ(brief.size(), 1u);
  EXPECT_EQ(keys_of(brief[0].as_object()),
            (std::vector<std::string>{"id", "displayName", "avatarSmall", "profileUrl"}));
  const auto xml = client.get("/api/2.0/people/simple/filter.xml?filterValue=" + name, admin());
  ASSERT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<displayName>"), std::string::npos) << xml.body;
  EXPECT_EQ(client.get("/api/2.0/people/simple/filter?groupId=bad", admin()).status, 400);
}

TEST_F(PeopleAccountsTest, PasswordReminderAnswersAlikeForKnownAndUnknownAddresses) {
  HttpClient client(port());
  const auto known =
      json_request(port(), "POST", "/api/2.0/people/password", {{"email", kAdminEmail}}, {});
  const auto unknown = json_request(port(), "POST", "/api/2.0/people/password",
                                    {{"email", "nobody@example.com"}}, {});
  ASSERT_EQ(known.status, 201) << known.body;
  ASSERT_EQ(unknown.status, 201);
  std::string a(response_of(known, 201).as_string());
  std::string b(response_of(unknown, 201).as_string());
  a.replace(a.find(kAdminEmail), std::string(kAdminEmail).size(), "X");
  b.replace(b.find("nobody@example.com"), std::string("nobody@example.com").size(), "X");
  EXPECT_EQ(a, b);
  EXPECT_EQ(
      json_request(port(), "POST", "/api/2.0/people/password", {{"email", "no-at"}}, {}).status,
      400);
  // It changed nothing: the admin still signs in with the same password.
  EXPECT_FALSE(sign_in(port(), kAdminEmail, kAdminPassword).empty());
}

TEST_F(PeopleAccountsTest, SelfDeleteIsAcknowledgedAndChangesNothing) {
  const Person p = add_person();
  HttpClient client(port());
  EXPECT_EQ(json_request(port(), "PUT", "/api/2.0/people/self/delete", nullptr, {}).status, 401);
  const auto res = json_request(port(), "PUT", "/api/2.0/people/self/delete", nullptr, p.auth());
  EXPECT_TRUE(response_of(res, 200).is_string());
  EXPECT_EQ(get_ok("/api/2.0/people/@self", p.auth()).at("status"), 1);
}

}  // namespace
}  // namespace projectd::test
