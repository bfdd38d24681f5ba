// Signed webhook deliveries to a real HTTP receiver on loopback (docs/notifications.md,
// "## Webhooks"): the signature and payload, order per endpoint, retries, disabling after a failure
// streak or a 410, redelivery, and the SSRF guard. Change events are written into the outbox as a
// publishing domain write would, and the server's own outbox worker fans them out and sends them.
#include "webhook_receiver.h"
#include "webhook_test_support.h"

#include <openssl/evp.h>

namespace projectd::test {
namespace {

const std::vector<std::string> kWebhookTestFlags = {"--webhook-allow-network",  "127.0.0.0/8",
                                                    "--delivery-retry-base-ms", "100",
                                                    "--webhook-disable-after",  "3"};

class WebhookDeliveriesTest : public WebhookSuite {
 protected:
  static void SetUpTestSuite() { start_server("", kWebhookTestFlags); }
};

TEST_F(WebhookDeliveriesTest, DeliveryIsSignedAndCarriesTheTaskAsTheApiAnswersIt) {
  WebhookReceiver receiver;
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {{"title", "Signed task"}}, admin());
  wait_fanned_out();  // what the calls above published themselves is not this test's
  const auto hook = register_webhook(receiver.url(), {"task.*"});
  const std::string secret(hook.at("secret").as_string());
  inject_event("project.created", project, project, {{"title", "Project"}});  // not asked for
  inject_event("task.created", task, project,
               {{"notify", false}, {"responsibles", boost::json::array{}}});

  const auto got = receiver.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  const ReceivedWebhook& request = got[0];
  EXPECT_EQ(request.headers.at("content-type"), "application/json");
  EXPECT_EQ(request.headers.at("user-agent").rfind("projectd-webhooks/", 0), 0u);
  EXPECT_EQ(request.headers.at("x-projectd-event"), "task.created");
  const std::string timestamp = request.headers.at("x-projectd-timestamp");
  EXPECT_NEAR(std::stoll(timestamp),
              std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count(),
              60);
  EXPECT_EQ(request.headers.at("x-projectd-signature"),
            expected_webhook_signature(secret, timestamp, request.body));

  const auto payload = boost::json::parse(request.body).as_object();
  EXPECT_EQ(keys_of(payload),
            (std::vector<std::string>{"id", "event", "timestamp", "actor", "data"}));
  EXPECT_EQ(payload.at("id"), request.headers.at("x-projectd-delivery").c_str());
  EXPECT_EQ(payload.at("event"), "task.created");
  EXPECT_TRUE(payload.at("timestamp").as_string().ends_with("Z"));
  EXPECT_EQ(payload.at("actor").at("id"), admin_id().c_str());
  EXPECT_TRUE(payload.at("actor").at("displayName").is_string());
  // data: the task as GET project/task/{id} answers it.
  const auto full = task_full(task);
  const auto& data = payload.at("data").as_object();
  EXPECT_EQ(keys_of(data), keys_of(full));
  EXPECT_EQ(data.at("id"), task);
  EXPECT_EQ(data.at("title"), "Signed task");
  EXPECT_EQ(data.at("projectOwner").at("id"), project);

  // The deliveries list shows it delivered, newest first, with its key.
  const auto deliveries = wait_deliveries(hook, [](const boost::json::array& list) {
    return !list.empty() && list[0].at("state") == "delivered";
  });
  ASSERT_EQ(deliveries.size(), 1u);
  const auto& d = deliveries[0].as_object();
  EXPECT_EQ(keys_of(d), (std::vector<std::string>{"id", "event", "deliveryId", "state", "attempts",
                                                  "lastError", "created", "delivered"}));
  EXPECT_EQ(d.at("deliveryId"), payload.at("id"));
  EXPECT_EQ(d.at("event"), "task.created");
  EXPECT_EQ(d.at("attempts"), 1);
  EXPECT_EQ(d.at("lastError"), nullptr);
  EXPECT_TRUE(d.at("delivered").is_string());
  remove_webhook(hook);
}

TEST_F(WebhookDeliveriesTest, EventsArriveInOrderAndAFailedOneIsRetriedFirst) {
  WebhookReceiver receiver("fail:1");
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {{"title", "Ordered"}}, admin());
  wait_fanned_out();
  const auto hook =
      register_webhook(receiver.url(), {"task.created", "task.status", "task.deleted"});
  inject_event("task.created", task, project);
  inject_event("task.status", task, project, {{"from", 1}, {"to", 2}});
  inject_event("task.deleted", task, project, {{"title", "Ordered"}});

  const auto got = receiver.wait_for(4);
  ASSERT_EQ(got.size(), 4u);
  std::vector<std::string> events;
  for (const auto& request : got)
    events.push_back(request.headers.at("x-projectd-event"));
  // The first answer was a 500: the same delivery again (same key), before any later one.
  EXPECT_EQ(events, (std::vector<std::string>{"task.created", "task.created", "task.status",
                                              "task.deleted"}));
  EXPECT_EQ(got[0].headers.at("x-projectd-delivery"), got[1].headers.at("x-projectd-delivery"));
  const auto status = boost::json::parse(got[2].body).at("data");
  EXPECT_EQ(status.at("status_from"), 1);
  EXPECT_EQ(status.at("status_to"), 2);
  // A deleted task: its ids and title from the event.
  const auto deleted = boost::json::parse(got[3].body).at("data");
  EXPECT_EQ(deleted,
            (boost::json::object{{"id", task}, {"projectId", project}, {"title", "Ordered"}}));
  const auto deliveries = wait_deliveries(hook, [](const boost::json::array& list) {
    return list.size() == 3 && list[0].at("state") == "delivered";
  });
  ASSERT_EQ(deliveries.size(), 3u);
  EXPECT_EQ(deliveries[2].at("attempts"), 2);  // the oldest, last: retried once
  EXPECT_EQ(deliveries[2].at("lastError"), "HTTP 500");
  remove_webhook(hook);
}

TEST_F(WebhookDeliveriesTest,
       AFailureStreakDisablesTheEndpointUntilReEnabledAndRedeliverSendsAgain) {
  WebhookReceiver receiver("fail:1000");
  const std::int64_t project = make_project();
  wait_fanned_out();
  const auto hook = register_webhook(receiver.url(), {"project.*"});
  inject_event("project.updated", project, project, {{"title", "Project"}});

  const auto disabled =
      wait_webhook(hook, [](const boost::json::object& w) { return w.at("enabled") == false; });
  EXPECT_EQ(disabled.at("enabled"), false);
  EXPECT_EQ(disabled.at("disabledReason"), "3 failed deliveries in a row, last: HTTP 500");
  EXPECT_TRUE(disabled.at("disabledAt").is_string());
  EXPECT_EQ(disabled.at("failureStreak"), 3);
  EXPECT_EQ(receiver.requests().size(), 3u);
  // Its delivery stays pending; a new event brings no new delivery while it is disabled.
  inject_event("project.updated", project, project, {{"title", "Project"}});
  wait_fanned_out();
  const auto pending = get_ok(webhook_path(hook, "/deliveries"), admin()).as_array();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].at("state"), "pending");
  EXPECT_EQ(pending[0].at("lastError"), "HTTP 500");

  // Re-enabled: the streak is cleared and the waiting delivery goes out.
  receiver.set_mode("ok");
  const auto enabled = response_of(
      json_request(port(), "PUT", webhook_path(hook), {{"enabled", true}}, admin()), 200);
  EXPECT_EQ(enabled.at("enabled"), true);
  EXPECT_EQ(enabled.at("failureStreak"), 0);
  EXPECT_EQ(enabled.at("disabledReason"), nullptr);
  const auto got = receiver.wait_for(4);
  ASSERT_EQ(got.size(), 4u);
  const std::string key = got[3].headers.at("x-projectd-delivery");
  EXPECT_EQ(key, got[0].headers.at("x-projectd-delivery"));
  const auto delivered = wait_deliveries(hook, [](const boost::json::array& list) {
    return !list.empty() && list[0].at("state") == "delivered";
  });
  ASSERT_EQ(delivered.size(), 1u);

  // Redeliver: the same key once more.
  const std::string redeliver = webhook_path(
      hook, "/deliveries/" + std::to_string(delivered[0].at("id").as_int64()) + "/redeliver");
  const auto again = response_of(json_request(port(), "POST", redeliver, nullptr, admin()), 201);
  EXPECT_EQ(again.at("state"), "pending");
  EXPECT_EQ(again.at("deliveryId"), key.c_str());
  const auto more = receiver.wait_for(5);
  ASSERT_EQ(more.size(), 5u);
  EXPECT_EQ(more[4].headers.at("x-projectd-delivery"), key);

  // A delivery of another endpoint is not this one's: 404.
  const auto other = register_webhook(receiver.url("/other"), {"*"});
  EXPECT_EQ(json_request(port(), "POST",
                         webhook_path(other, "/deliveries/" +
                                                 std::to_string(delivered[0].at("id").as_int64()) +
                                                 "/redeliver"),
                         nullptr, admin())
                .status,
            404);
  remove_webhook(other);
  remove_webhook(hook);
}

TEST_F(WebhookDeliveriesTest, A410DisablesTheEndpointAtOnce) {
  WebhookReceiver receiver("gone");
  const std::int64_t project = make_project();
  wait_fanned_out();
  const auto hook = register_webhook(receiver.url(), {"project.updated"});
  inject_event("project.updated", project, project, {{"title", "Project"}});
  const auto disabled =
      wait_webhook(hook, [](const boost::json::object& w) { return w.at("enabled") == false; });
  EXPECT_EQ(disabled.at("disabledReason"), "the receiver answered 410 Gone");
  EXPECT_EQ(receiver.requests().size(), 1u);
  const auto deliveries = get_ok(webhook_path(hook, "/deliveries"), admin()).as_array();
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].at("state"), "failed");
  EXPECT_EQ(deliveries[0].at("lastError"), "HTTP 410");
  remove_webhook(hook);
}

// Without --webhook-allow-network a loopback address is refused at delivery.
class WebhookGuardTest : public WebhookSuite {
 protected:
  static void SetUpTestSuite() { start_server("", {"--delivery-retry-base-ms", "100"}); }
};

TEST_F(WebhookGuardTest, ALoopbackReceiverIsRefusedWithoutAnAllowedNetwork) {
  WebhookReceiver receiver;
  const std::int64_t project = make_project();
  wait_fanned_out();
  const auto hook = register_webhook(receiver.url(), {"project.*"});  // registering is allowed
  inject_event("project.created", project, project, {{"title", "Project"}});
  const auto deliveries = wait_deliveries(hook, [](const boost::json::array& list) {
    return !list.empty() && list[0].at("lastError").is_string();
  });
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].at("lastError"), "address not allowed: 127.0.0.1");
  EXPECT_EQ(deliveries[0].at("state"), "pending");
  EXPECT_TRUE(receiver.requests().empty());
}

}  // namespace
}  // namespace projectd::test
