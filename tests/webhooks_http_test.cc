// api/2.0/webhooks (docs/notifications.md, "## Webhooks"): registering, changing and removing
// endpoints, administrators only; the secret is answered once.
#include "webhook_test_support.h"

namespace projectd::test {
namespace {

class WebhooksTest : public WebhookSuite {};

TEST_F(WebhooksTest, AdministratorManagesEndpointsAndTheSecretIsShownOnce) {
  const auto made = register_webhook("https://hooks.example.com/in", {"task.*", "project.created"});
  EXPECT_EQ(keys_of(made),
            (std::vector<std::string>{"id", "url", "events", "enabled", "createdBy", "created",
                                      "failureStreak", "disabledReason", "disabledAt", "secret"}));
  EXPECT_TRUE(made.at("id").is_int64());
  EXPECT_EQ(made.at("url"), "https://hooks.example.com/in");
  EXPECT_EQ(made.at("events"), (boost::json::array{"task.*", "project.created"}));
  EXPECT_EQ(made.at("enabled"), true);
  EXPECT_EQ(made.at("createdBy"), admin_id().c_str());
  EXPECT_EQ(made.at("failureStreak"), 0);
  EXPECT_EQ(made.at("disabledReason"), nullptr);
  const std::string secret(made.at("secret").as_string());
  EXPECT_EQ(secret.size(), 64u);  // 32 random bytes in hex
  EXPECT_EQ(secret.find_first_not_of("0123456789abcdef"), std::string::npos);

  // Later answers never show it; the list holds it; PUT changes what is sent and keeps the rest.
  const auto one = get_ok(webhook_path(made), admin()).as_object();
  EXPECT_FALSE(one.contains("secret"));
  EXPECT_EQ(one.at("url"), made.at("url"));
  const auto all = get_ok("/api/2.0/webhooks", admin()).as_array();
  ASSERT_FALSE(all.empty());
  EXPECT_FALSE(all.back().as_object().contains("secret"));
  EXPECT_EQ(all.back().at("id"), made.at("id"));
  const auto changed = response_of(json_request(port(), "PUT", webhook_path(made),
                                                {{"events", boost::json::array{"*"}}}, admin()),
                                   200);
  EXPECT_EQ(changed.at("events"), (boost::json::array{"*"}));
  EXPECT_EQ(changed.at("url"), made.at("url"));
  EXPECT_FALSE(changed.as_object().contains("secret"));
  // XML too.
  HttpClient client(port());
  const auto xml = client.get(webhook_path(made) + ".xml", admin());
  EXPECT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<url>https://hooks.example.com/in</url>"), std::string::npos)
      << xml.body;
  EXPECT_EQ(xml.body.find(secret), std::string::npos);

  // A given secret is kept (and shown once).
  const auto given = register_webhook("http://hooks.example.com/2", {"*"}, "my-secret");
  EXPECT_EQ(given.at("secret"), "my-secret");
  remove_webhook(given);

  // DELETE answers it as it was; it is gone afterwards.
  const auto removed =
      response_of(json_request(port(), "DELETE", webhook_path(made), nullptr, admin()), 200);
  EXPECT_EQ(removed.at("id"), made.at("id"));
  EXPECT_EQ(json_request(port(), "GET", webhook_path(made), nullptr, admin()).status, 404);
  EXPECT_EQ(
      json_request(port(), "GET", "/api/2.0/webhooks/999999/deliveries", nullptr, admin()).status,
      404);
}

TEST_F(WebhooksTest, OnlyAdministratorsManageWebhooks) {
  const auto made = register_webhook("https://hooks.example.com/x", {"*"});
  const Person user = add_person();
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/2.0/webhooks"},
           {"GET", webhook_path(made)},
           {"PUT", webhook_path(made)},
           {"DELETE", webhook_path(made)},
           {"GET", webhook_path(made, "/deliveries")}}) {
    EXPECT_EQ(json_request(port(), method, path, nullptr, user.auth()).status, 403) << path;
    EXPECT_EQ(json_request(port(), method, path, nullptr, {}).status, 401) << path;
  }
  const boost::json::object body{{"url", "https://a.example.com"}, {"events", "*"}};
  const auto refused = json_request(port(), "POST", "/api/2.0/webhooks", body, user.auth());
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(json_request(port(), "POST", "/api/2.0/webhooks", body, {}).status, 401);
  // Nothing changed.
  EXPECT_EQ(get_ok(webhook_path(made), admin()).at("events"), (boost::json::array{"*"}));
  remove_webhook(made);
}

TEST_F(WebhooksTest, BadRegistrationsAnswer400NamingTheProblem) {
  const auto post = [](const boost::json::object& body) {
    return json_request(port(), "POST", "/api/2.0/webhooks", body, admin());
  };
  const auto unknown = post({{"url", "https://a.example.com"}, {"events", "task.*,task.eaten"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(error_message(unknown).find("task.eaten"), std::string::npos);
  EXPECT_EQ(post({{"url", "ftp://a.example.com/x"}, {"events", "*"}}).status, 400);
  EXPECT_EQ(post({{"url", "https://user:pw@a.example.com/x"}, {"events", "*"}}).status, 400);
  EXPECT_EQ(
      post({{"url", "https://a.example.com/" + std::string(2000, 'a')}, {"events", "*"}}).status,
      400);
  EXPECT_EQ(post({{"url", "not a url"}, {"events", "*"}}).status, 400);
  EXPECT_EQ(post({{"events", "*"}}).status, 400);
  EXPECT_EQ(post({{"url", "https://a.example.com"}}).status, 400);
  const auto before = get_ok("/api/2.0/webhooks", admin()).as_array().size();
  EXPECT_EQ(post({{"url", "https://a.example.com"}, {"events", "comment.*,bogus"}}).status, 400);
  EXPECT_EQ(get_ok("/api/2.0/webhooks", admin()).as_array().size(), before);
}

}  // namespace
}  // namespace projectd::test
