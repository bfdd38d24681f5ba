// Turning notification mail off (issue 18; docs/notifications.md, "Turning notifications off"):
// GET and PUT people/@self/notifications in JSON and XML, the refusals (401 anonymous, 400 unknown
// kinds or a value that is not a boolean), and the List-Unsubscribe link: its page (no script, the
// pages' security policy), the one-click POST that turns the kind off for the token's person only,
// and a bad token that answers 400 and changes nothing.
#include "domain/notify/unsubscribe_token.h"
#include "project_test_support.h"
#include "store_sql.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace json = boost::json;

constexpr const char* kSettingsPath = "/api/2.0/people/@self/notifications";
constexpr const char* kUnsubscribePath = "/api/2.0/notifications/unsubscribe";

class NotificationSettingsTest : public ProjectSuite {
 protected:
  // { kind: enabled } of a settings answer, checking its shape on the way.
  static std::map<std::string, bool> states_of(const json::value& response) {
    std::map<std::string, bool> states;
    for (const json::value& item : response.as_array()) {
      EXPECT_EQ(item.as_object().size(), 2u);
      states[std::string(item.at("kind").as_string())] = item.at("enabled").as_bool();
    }
    return states;
  }
  static std::map<std::string, bool> all_on() {
    return {{"assigned", true}, {"status", true},      {"comments", true},
            {"files", true},    {"discussions", true}, {"milestones", true}};
  }
  // The portal's unsubscribe key as the server keeps it (made here if no mail made it yet).
  static std::string portal_secret() {
    auto db = connect_store(server_->store_url());
    db->prepare(
          "INSERT INTO portal_secrets (name, value) VALUES ('unsubscribe', 'test-secret') "
          "ON CONFLICT DO NOTHING")
        .run();
    return first_column(*db, "SELECT value FROM portal_secrets WHERE name = 'unsubscribe'").at(0);
  }
  static std::string token_for(const Person& person, const std::string& kind) {
    return make_unsubscribe_token(portal_secret(), person.id, kind);
  }
};

TEST_F(NotificationSettingsTest, EveryKindIsOnUntilThePersonTurnsItOff) {
  const Person person = add_person();
  EXPECT_EQ(states_of(get_ok(kSettingsPath, person.auth())), all_on());

  const HttpResponse put =
      json_request(port(), "PUT", kSettingsPath,
                   {{"kinds", {{"comments", false}, {"Files", false}}}}, person.auth());
  auto expected = all_on();
  expected["comments"] = false;
  expected["files"] = false;
  const json::value answered = response_of(put, 200);
  EXPECT_EQ(states_of(answered), expected);
  // In kNotificationKinds order.
  EXPECT_EQ(answered.at(0).at("kind"), "assigned");
  EXPECT_EQ(answered.at(5).at("kind"), "milestones");
  EXPECT_EQ(states_of(get_ok(kSettingsPath, person.auth())), expected);
  // Another person's settings are their own.
  EXPECT_EQ(states_of(get_ok(kSettingsPath, add_person().auth())), all_on());

  // On again, as a form; a body without kinds changes nothing.
  HttpClient client(port());
  auto headers = person.auth();
  headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  const HttpResponse form =
      client.request("PUT", kSettingsPath, "kinds%5Bcomments%5D=true", headers);
  ASSERT_EQ(form.status, 200) << form.body;
  expected["comments"] = true;
  EXPECT_EQ(states_of(form.json().at("response")), expected);
  EXPECT_EQ(states_of(response_of(
                json_request(port(), "PUT", kSettingsPath, {{"other", 1}}, person.auth()), 200)),
            expected);
}

TEST_F(NotificationSettingsTest, SettingsAnswerInXml) {
  const Person person = add_person();
  HttpClient client(port());
  const HttpResponse xml = client.get(std::string(kSettingsPath) + ".xml", person.auth());
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_THAT(xml.body, HasSubstr("<kind>comments</kind>"));
  EXPECT_THAT(xml.body, HasSubstr("<enabled>true</enabled>"));
}

TEST_F(NotificationSettingsTest, RefusesAnonymousCallersAndUnknownKinds) {
  EXPECT_EQ(json_request(port(), "GET", kSettingsPath, nullptr, {}).status, 401);
  EXPECT_EQ(
      json_request(port(), "PUT", kSettingsPath, {{"kinds", {{"comments", false}}}}, {}).status,
      401);
  const Person person = add_person();
  const HttpResponse unknown = json_request(
      port(), "PUT", kSettingsPath,
      {{"kinds", {{"comments", false}, {"gossip", false}, {"spam", true}}}}, person.auth());
  ASSERT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_THAT(error_message(unknown), HasSubstr("gossip, spam"));
  const HttpResponse not_bool = json_request(port(), "PUT", kSettingsPath,
                                             {{"kinds", {{"comments", "maybe"}}}}, person.auth());
  ASSERT_EQ(not_bool.status, 400) << not_bool.body;
  EXPECT_THAT(error_message(not_bool), HasSubstr("kinds[comments]"));
  const HttpResponse not_object =
      json_request(port(), "PUT", kSettingsPath, {{"kinds", "comments"}}, person.auth());
  EXPECT_EQ(not_object.status, 400) << not_object.body;
  // Nothing changed.
  EXPECT_EQ(states_of(get_ok(kSettingsPath, person.auth())), all_on());
}

TEST_F(NotificationSettingsTest, TheUnsubscribeLinkTurnsTheKindOffForItsPersonOnly) {
  const Person person = add_person();
  const Person other = add_person();
  const std::string token = token_for(person, "comments");
  HttpClient client(port());

  const HttpResponse page = client.get(std::string(kUnsubscribePath) + "?token=" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.header("content-type"), HasSubstr("text/html"));
  EXPECT_THAT(page.header("content-security-policy"), HasSubstr("script-src 'self'"));
  EXPECT_THAT(page.body, HasSubstr("<form method=\"post\" action=\"unsubscribe?token=" + token));
  EXPECT_THAT(page.body, HasSubstr(">Stop these notifications</button>"));
  EXPECT_THAT(page.body, Not(HasSubstr("<script")));
  EXPECT_THAT(page.body, Not(HasSubstr("style")));
  // Looking is not unsubscribing.
  EXPECT_EQ(states_of(get_ok(kSettingsPath, person.auth())), all_on());

  // RFC 8058: the mail client posts List-Unsubscribe=One-Click, without credentials.
  const HttpResponse done = client.request(
      "POST", std::string(kUnsubscribePath) + "?token=" + token, "List-Unsubscribe=One-Click",
      {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("You will no longer get mail about new comments"));
  auto expected = all_on();
  expected["comments"] = false;
  EXPECT_EQ(states_of(get_ok(kSettingsPath, person.auth())), expected);
  EXPECT_EQ(states_of(get_ok(kSettingsPath, other.auth())), all_on());
  // Twice is fine.
  EXPECT_EQ(client.request("POST", std::string(kUnsubscribePath) + "?token=" + token).status, 200);
}

TEST_F(NotificationSettingsTest, ABadTokenAnswers400AndChangesNothing) {
  const Person person = add_person();
  const std::string token = token_for(person, "status");
  const std::string forged_kind = make_unsubscribe_token("another secret", person.id, "status");
  // The MAC of one person's token under another person's name.
  const std::string other_token = token_for(add_person(), "status");
  const std::string other_user =
      other_token.substr(0, other_token.find('.')) + token.substr(token.find('.'));
  HttpClient client(port());
  for (const std::string& bad :
       {std::string(""), std::string("x"), forged_kind, other_user, token + "A",
        std::string("<script>.x"), make_unsubscribe_token(portal_secret(), person.id, "gossip")}) {
    SCOPED_TRACE(bad);
    const std::string target = std::string(kUnsubscribePath) + "?token=" + bad;
    const HttpResponse get = client.get(target);
    EXPECT_EQ(get.status, 400) << get.body;
    const HttpResponse post = client.request("POST", target);
    EXPECT_EQ(post.status, 400) << post.body;
  }
  EXPECT_EQ(client.request("POST", kUnsubscribePath).status, 400);
  EXPECT_EQ(states_of(get_ok(kSettingsPath, person.auth())), all_on());
}

}  // namespace
}  // namespace projectd::test
