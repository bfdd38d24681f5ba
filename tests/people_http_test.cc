// api/2.0/people with an administrator, a member and a guest.
#include "http_client.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace projectd::test {
namespace {

class PeopleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    admin_ = new std::string(sign_in(server_->port(), kAdminEmail, kAdminPassword));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete admin_;
  }
  static unsigned short port() { return server_->port(); }
  static Headers admin() { return HttpClient::auth(*admin_); }

  static boost::json::object add(const std::string& email, bool visitor = false) {
    HttpClient client(port());
    const auto res = client.post_json("/api/2.0/people",
                                      {{"email", email},
                                       {"firstName", "First " + email.substr(0, 3)},
                                       {"lastName", "Last"},
                                       {"isVisitor", visitor},
                                       {"password", "member-password"}},
                                      admin());
    EXPECT_EQ(res.status, 201) << res.body;
    return res.json().at("response").as_object();
  }

  static TestServer* server_;
  static std::string* admin_;
};
TestServer* PeopleTest::server_ = nullptr;
std::string* PeopleTest::admin_ = nullptr;

std::vector<std::string> keys_of(const boost::json::object& o) {
  std::vector<std::string> keys;
  for (const auto& kv : o)
    keys.emplace_back(kv.key());
  return keys;
}

TEST_F(PeopleTest, SelfIsEmployeeFullInTheOriginalOrder) {
  HttpClient client(port());
  const auto res = client.get("/api/2.0/people/@self", admin());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto me_json = res.json();
  const auto& me = me_json.at("response").as_object();
  const std::vector<std::string> expected = {
      "id",     "userName",         "isVisitor",  "firstName",   "lastName",    "email",
      "status", "activationStatus", "terminated", "displayName", "avatarSmall", "avatarMedium",
      "avatar", "isAdmin",          "isLDAP",     "isOwner",     "isSSO",       "profileUrl"};
  EXPECT_EQ(keys_of(me), expected);
  EXPECT_EQ(me.at("email"), kAdminEmail);
  EXPECT_EQ(me.at("isAdmin"), true);
  EXPECT_EQ(me.at("displayName"), "Portal Administrator");
  EXPECT_EQ(me.at("status"), 1);
  EXPECT_EQ(me.at("terminated"), nullptr);
  const std::string id(me.at("id").as_string());
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(
      std::string(me.at("profileUrl").as_string()),
      "http://127.0.0.1:" + std::to_string(port()) + "/Products/People/Profile.aspx?user=" + id);
}

TEST_F(PeopleTest, AdminAddsPeopleAndTheyAppearInTheDirectory) {
  const auto person = add("ada@example.com");
  EXPECT_EQ(person.at("email"), "ada@example.com");
  EXPECT_EQ(person.at("userName"), "ada");
  EXPECT_EQ(person.at("isAdmin"), false);
  EXPECT_EQ(person.at("activationStatus"), 1);
  HttpClient client(port());
  const auto by_id =
      client.get("/api/2.0/people/" + std::string(person.at("id").as_string()), admin());
  EXPECT_EQ(by_id.status, 200);
  EXPECT_EQ(by_id.json().at("response").at("email"), "ada@example.com");
  const auto by_email = client.get("/api/2.0/people/ada@example.com", admin());
  EXPECT_EQ(by_email.json().at("response").at("id"), person.at("id"));
}

TEST_F(PeopleTest, AddingPeopleChecksRightsAndFields) {
  add("member1@example.com");
  const std::string member = sign_in(port(), "member1@example.com", "member-password");
  HttpClient client(port());
  const auto forbidden = client.post_json(
      "/api/2.0/people", {{"email", "x@example.com"}, {"firstName", "X"}, {"lastName", "Y"}},
      HttpClient::auth(member));
  EXPECT_EQ(forbidden.status, 403);
  const auto no_email =
      client.post_json("/api/2.0/people", {{"firstName", "X"}, {"lastName", "Y"}}, admin());
  EXPECT_EQ(no_email.status, 400);
  EXPECT_NE(std::string(no_email.json().at("error").at("message").as_string()).find("email"),
            std::string::npos);
  const auto bad_email =
      client.post_json("/api/2.0/people",
                       {{"email", "not-an-email"}, {"firstName", "X"}, {"lastName", "Y"}}, admin());
  EXPECT_EQ(bad_email.status, 400);
  const auto no_name =
      client.post_json("/api/2.0/people", {{"email", "n@example.com"}, {"lastName", "Y"}}, admin());
  EXPECT_EQ(no_name.status, 400);
  const auto duplicate = client.post_json(
      "/api/2.0/people", {{"email", "MEMBER1@example.com"}, {"firstName", "X"}, {"lastName", "Y"}},
      admin());
  EXPECT_EQ(duplicate.status, 409);
  const auto weak = client.post_json(
      "/api/2.0/people",
      {{"email", "weak@example.com"}, {"firstName", "X"}, {"lastName", "Y"}, {"password", "short"}},
      admin());
  EXPECT_EQ(weak.status, 400);
  // Nothing of the refused requests was stored.
  EXPECT_EQ(client.get("/api/2.0/people/weak@example.com", admin()).status, 404);
  EXPECT_EQ(client.get("/api/2.0/people/n@example.com", admin()).status, 404);
}

TEST_F(PeopleTest, UnknownPersonIs404ItemNotFound) {
  HttpClient client(port());
  const auto res = client.get("/api/2.0/people/00000000-0000-4000-8000-000000000000", admin());
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.json().at("error").at("message"), "Item not found");
}

TEST_F(PeopleTest, ListsPageHonestly) {
  add("page1@example.com");
  add("page2@example.com");
  HttpClient client(port());
  const auto all = client.get("/api/2.0/people", admin());
  ASSERT_EQ(all.status, 200);
  const auto total = all.json().at("response").as_array().size();
  ASSERT_GE(total, 3u);
  const auto page = client.get("/api/2.0/people?count=1&startIndex=1", admin());
  const auto body_json = page.json();
  const auto& body = body_json.as_object();
  EXPECT_EQ(body.at("count"), 1);
  EXPECT_EQ(body.at("startIndex"), 1);
  EXPECT_EQ(body.at("nextIndex"), 2);
  EXPECT_EQ(body.at("total").as_int64(), static_cast<std::int64_t>(total));
  EXPECT_EQ(body.at("response").as_array()[0], all.json().at("response").as_array()[1]);
  const auto bad = client.get("/api/2.0/people?count=abc", admin());
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(std::string(bad.json().at("error").at("message").as_string()).find("count"),
            std::string::npos);
}

TEST_F(PeopleTest, FilterSearchesAndAlwaysReportsTotal) {
  add("grace.hopper@example.com");
  HttpClient client(port());
  const auto res = client.get("/api/2.0/people/filter?filterValue=HOPPER", admin());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto body_json = res.json();
  const auto& body = body_json.as_object();
  EXPECT_EQ(body.at("total"), 1);
  EXPECT_EQ(body.at("response").as_array()[0].at("email"), "grace.hopper@example.com");
  const auto none = client.get("/api/2.0/people/filter?filterValue=%25", admin());
  EXPECT_EQ(none.json().at("total"), 0);
}

TEST_F(PeopleTest, PeopleEditThemselvesAndKeepWhatTheyDoNotSend) {
  const auto person = add("editor@example.com");
  const std::string id(person.at("id").as_string());
  const std::string token = sign_in(port(), "editor@example.com", "member-password");
  HttpClient client(port());
  const auto first =
      client.put_json("/api/2.0/people/" + id, {{"title", "Engineer"}, {"location", "Riga"}},
                      HttpClient::auth(token));
  ASSERT_EQ(first.status, 200) << first.body;
  const auto second =
      client.put_json("/api/2.0/people/" + id, {{"firstName", "Eddie"}}, HttpClient::auth(token));
  const auto me_json = second.json();
  const auto& me = me_json.at("response");
  EXPECT_EQ(me.at("firstName"), "Eddie");
  EXPECT_EQ(me.at("title"), "Engineer");
  EXPECT_EQ(me.at("location"), "Riga");
  const auto cleared =
      client.put_json("/api/2.0/people/" + id, {{"location", ""}}, HttpClient::auth(token));
  EXPECT_FALSE(cleared.json().at("response").as_object().contains("location"));
  // Roles are for administrators.
  EXPECT_EQ(client.put_json("/api/2.0/people/" + id, {{"isVisitor", true}}, HttpClient::auth(token))
                .status,
            403);
}

TEST_F(PeopleTest, MembersCannotEditOthers) {
  const auto other = add("other@example.com");
  add("nosy@example.com");
  const std::string nosy = sign_in(port(), "nosy@example.com", "member-password");
  HttpClient client(port());
  const auto res = client.put_json("/api/2.0/people/" + std::string(other.at("id").as_string()),
                                   {{"title", "Hacked"}}, HttpClient::auth(nosy));
  EXPECT_EQ(res.status, 403);
  const auto after =
      client.get("/api/2.0/people/" + std::string(other.at("id").as_string()), admin());
  EXPECT_FALSE(after.json().at("response").as_object().contains("title"));
}

TEST_F(PeopleTest, DisablingRevokesTokensAndSignIn) {
  const auto person = add("leaver@example.com");
  const std::string token = sign_in(port(), "leaver@example.com", "member-password");
  HttpClient client(port());
  const auto res = client.put_json("/api/2.0/people/" + std::string(person.at("id").as_string()),
                                   {{"disable", true}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at("status"), 2);
  EXPECT_TRUE(res.json().at("response").at("terminated").is_string());
  EXPECT_EQ(client.get("/api/2.0/people/@self", HttpClient::auth(token)).status, 401);
  const auto again =
      client.post_json("/api/2.0/authentication",
                       {{"userName", "leaver@example.com"}, {"password", "member-password"}});
  EXPECT_EQ(again.status, 401);
}

TEST_F(PeopleTest, AnAdminCannotDisableThemself) {
  HttpClient client(port());
  const auto me = client.get("/api/2.0/people/@self", admin());
  const std::string id(me.json().at("response").at("id").as_string());
  EXPECT_EQ(client.put_json("/api/2.0/people/" + id, {{"disable", true}}, admin()).status, 409);
  EXPECT_EQ(client.get("/api/2.0/people/@self", admin()).status, 200);
}

TEST_F(PeopleTest, GuestsDoNotSeeOthersEmail) {
  add("guest@example.com", true);
  const std::string guest = sign_in(port(), "guest@example.com", "member-password");
  HttpClient client(port());
  const auto me = client.get("/api/2.0/people/@self", admin());
  const std::string admin_id(me.json().at("response").at("id").as_string());
  const auto admin_seen = client.get("/api/2.0/people/" + admin_id, HttpClient::auth(guest));
  ASSERT_EQ(admin_seen.status, 200);
  EXPECT_EQ(admin_seen.json().at("response").at("email"), nullptr);
  const auto self = client.get("/api/2.0/people/@self", HttpClient::auth(guest));
  EXPECT_EQ(self.json().at("response").at("email"), "guest@example.com");
  EXPECT_EQ(self.json().at("response").at("isVisitor"), true);
}

// Issue 21, item 10: whom emails are hidden from cannot test them either. A guest's lookup by
// someone's email answers exactly what an address nobody has answers, and searches match names
// and user names only; the id, the user name and the guest's own email still work.
TEST_F(PeopleTest, GuestsCannotTestEmailsByLookupOrSearch) {
  const auto sam = add("secretive.sam@hidden-corp.example", false);
  const std::string sam_id(sam.at("id").as_string());
  add("peeping.guest@example.com", true);
  const Headers guest =
      HttpClient::auth(sign_in(port(), "peeping.guest@example.com", "member-password"));
  HttpClient client(port());
  const auto by_email = client.get("/api/2.0/people/secretive.sam@hidden-corp.example", guest);
  const auto nobody = client.get("/api/2.0/people/no.one.here@hidden-corp.example", guest);
  EXPECT_EQ(by_email.status, 404);
  EXPECT_EQ(by_email.status, nobody.status);
  EXPECT_EQ(by_email.body, nobody.body);
  EXPECT_EQ(client.get("/api/2.0/people/SECRETIVE.SAM@hidden-corp.example", guest).status, 404);
  // Nor does a change tell (403 for someone, 404 for no one).
  for (const std::string target :
       {"secretive.sam@hidden-corp.example", "no.one.here@hidden-corp.example"}) {
    EXPECT_EQ(client.put_json("/api/2.0/people/" + target, {{"title", "x"}}, guest).status, 404);
    EXPECT_EQ(client
                  .put_json("/api/2.0/people/" + target + "/password",
                            {{"password", "x-password-2"}}, guest)
                  .status,
              404);
  }
  // The id and the user name (both shown to guests) still find Sam; the guest finds themself.
  EXPECT_EQ(client.get("/api/2.0/people/" + sam_id, guest).status, 200);
  const auto by_name = client.get("/api/2.0/people/secretive.sam", guest);
  ASSERT_EQ(by_name.status, 200) << by_name.body;
  EXPECT_EQ(by_name.json().at("response").at("id"), sam.at("id"));
  EXPECT_EQ(client.get("/api/2.0/people/peeping.guest@example.com", guest).status, 200);
  // Searches: the email's domain matches nobody for the guest, everybody's names still match.
  for (const std::string path :
       {"/api/2.0/people/filter?filterValue=hidden-corp", "/api/2.0/people/@search/hidden-corp"}) {
    const auto guest_res = client.get(path, guest);
    ASSERT_EQ(guest_res.status, 200) << guest_res.body;
    EXPECT_EQ(guest_res.json().at("response"), boost::json::array()) << path;
    EXPECT_EQ(guest_res.json().at("total"), 0) << path;
    const auto admin_res = client.get(path, admin());
    ASSERT_EQ(admin_res.json().at("response").as_array().size(), 1u) << path;
    EXPECT_EQ(admin_res.json().at("response").at(0).at("id"), sam.at("id"));
  }
  const auto by_first_name = client.get("/api/2.0/people/filter?filterValue=First%20sec", guest);
  ASSERT_EQ(by_first_name.json().at("response").as_array().size(), 1u) << by_first_name.body;
  EXPECT_EQ(by_first_name.json().at("response").at(0).at("email"), nullptr);
  EXPECT_EQ(client.get("/api/2.0/people/@search/secretive.sam", guest).json().at("total"), 1);
}

}  // namespace
}  // namespace projectd::test
