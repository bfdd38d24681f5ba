// Shared set-up of the webhook HTTP tests (webhooks_http_test.cc, webhook_deliveries_http_test.cc):
// registering endpoints, writing change events into the outbox as a publishing domain write would
// (the publishing routes are another part of issue 18), and polling what the worker did.
#pragma once

#include "base/time.h"
#include "store_sql.h"
#include "task_test_support.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <chrono>
#include <optional>
#include <thread>

namespace projectd::test {

class WebhookSuite : public TaskSuite {
 protected:
  // POST webhooks as the admin; the answer (with the secret).
  static boost::json::object register_webhook(const std::string& url,
                                              const std::vector<std::string>& events,
                                              const std::string& secret = "") {
    boost::json::object body{{"url", url},
                             {"events", boost::json::array(events.begin(), events.end())}};
    if (!secret.empty()) body["secret"] = secret;
    return response_of(json_request(port(), "POST", "/api/2.0/webhooks", body, admin()), 201)
        .as_object();
  }
  static std::string webhook_path(const boost::json::object& webhook,
                                  const std::string& rest = "") {
    return "/api/2.0/webhooks/" + std::to_string(webhook.at("id").as_int64()) + rest;
  }
  // A change event as a domain write publishes it (publish_in_tx), straight into the outbox.
  static void inject_event(const std::string& type, std::int64_t entity_id,
                           std::optional<std::int64_t> project_id,
                           const boost::json::object& data = {}) {
    auto db = connect_store(server_->store_url());
    db->prepare(
          "INSERT INTO change_events (type, actor_id, project_id, entity_id, data, created) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind_all(type, admin_id(), project_id, entity_id, boost::json::serialize(data), now_utc())
        .run();
  }
  // Waits (polling every 50 ms, up to 20 s) until the worker fanned out every event.
  static void wait_fanned_out() {
    auto db = connect_store(server_->store_url());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (first_column(*db, "SELECT count(*) FROM change_events") !=
               std::vector<std::string>{"0"} &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // DELETE, so that later tests' events do not go to a receiver that is gone.
  static void remove_webhook(const boost::json::object& webhook) {
    EXPECT_EQ(json_request(port(), "DELETE", webhook_path(webhook), nullptr, admin()).status, 200);
  }
  // Polls GET webhooks/{id} (every 50 ms, up to 20 s) until `done` holds; returns the last answer.
  template <class Done>
  static boost::json::object wait_webhook(const boost::json::object& webhook, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    boost::json::object got = get_ok(webhook_path(webhook), admin()).as_object();
    while (!done(got) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      got = get_ok(webhook_path(webhook), admin()).as_object();
    }
    return got;
  }
  template <class Done>
  static boost::json::array wait_deliveries(const boost::json::object& webhook, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    boost::json::array got = get_ok(webhook_path(webhook, "/deliveries"), admin()).as_array();
    while (!done(got) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      got = get_ok(webhook_path(webhook, "/deliveries"), admin()).as_array();
    }
    return got;
  }
};

}  // namespace projectd::test
