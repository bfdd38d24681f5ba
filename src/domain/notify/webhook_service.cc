// Webhook endpoints (webhook_service.h).
#include "domain/notify/webhook_service.h"

#include "auth/random.h"
#include "base/errors.h"
#include "domain/notify/webhook_events.h"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <chrono>

namespace projectd {
namespace {

constexpr std::size_t kWebhookMaxUrl = 2000;
constexpr std::size_t kWebhookSecretBytes = 32;
// A parked delivery of a disabled endpoint is due this far ahead (re-enabling makes it due now).
constexpr auto kWebhookParked = std::chrono::hours(24 * 365 * 100);

void require_webhook_admin(const Caller& caller) {
  if (!caller.is_admin) throw_forbidden("Only a portal administrator may manage webhooks");
}

// http or https, a host, no user name or password, at most 2000 characters.
void check_webhook_url(const std::string& url) {
  if (url.empty()) throw_bad_request("Parameter 'url' is required");
  if (url.size() > kWebhookMaxUrl)
    throw_bad_request("Parameter 'url' is longer than 2000 characters");
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) throw_bad_request("Parameter 'url' is not an absolute URL");
  const std::string scheme(parsed->scheme());
  if (scheme != "http" && scheme != "https")
    throw_bad_request("Parameter 'url' must be an http or https URL");
  if (!parsed->has_authority() || parsed->host().empty())
    throw_bad_request("Parameter 'url' has no host");
  if (parsed->has_userinfo())
    throw_bad_request("Parameter 'url' must not carry a user name or password");
}

std::string webhook_events_json(const std::vector<std::string>& events) {
  if (events.empty()) throw_bad_request("Parameter 'events' is required: a list of event patterns");
  boost::json::array out;
  for (const std::string& pattern : events) {
    if (!webhook_pattern_known(pattern)) throw_bad_request("Unknown webhook event: " + pattern);
    out.emplace_back(pattern);
  }
  return boost::json::serialize(out);
}

WebhookRecord load_webhook(StoreTx& tx, std::int64_t id) {
  auto webhook = tx.webhooks().by_id(id);
  if (!webhook) throw_not_found();
  return *webhook;
}

}  // namespace

std::vector<std::string> webhook_patterns(const WebhookRecord& webhook) {
  std::vector<std::string> out;
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(webhook.events, error);
  if (error || !parsed.is_array()) return out;
  for (const auto& item : parsed.as_array())
    if (item.is_string()) out.emplace_back(item.as_string());
  return out;
}

std::string webhook_target(std::int64_t id) {
  return std::to_string(id);
}

void disable_webhook_in_tx(StoreTx& tx, WebhookRecord webhook, const std::string& reason) {
  webhook.enabled = false;
  webhook.disabled_reason = reason;
  webhook.disabled_at = now_utc();
  tx.webhooks().update(webhook);
  tx.outbox().reschedule_target("webhook", webhook_target(webhook.id), now_utc() + kWebhookParked);
}

WebhookService::WebhookService(Store& store) : store_(store) {}

std::vector<WebhookRecord> WebhookService::list(const Caller& caller) {
  require_webhook_admin(caller);
  return store_.read_value([](StoreTx& tx) { return tx.webhooks().all(); });
}

WebhookRecord WebhookService::get(const Caller& caller, std::int64_t id) {
  require_webhook_admin(caller);
  return store_.read_value([&](StoreTx& tx) { return load_webhook(tx, id); });
}

WebhookRecord WebhookService::create(const Caller& caller, const WebhookInput& input) {
  require_webhook_admin(caller);
  check_webhook_url(input.url);
  WebhookRecord webhook;
  webhook.url = input.url;
  webhook.secret = input.secret.value_or("");
  webhook.events = webhook_events_json(input.events);
  webhook.created_by = caller.user_id;
  webhook.created = now_utc();
  if (input.secret && input.secret->empty()) throw_bad_request("Parameter 'secret' is empty");
  if (!input.secret) webhook.secret = to_hex(random_bytes(kWebhookSecretBytes));
  return store_.write_value([&](StoreTx& tx) {
    webhook.id = tx.webhooks().insert(webhook);
    return webhook;
  });
}

WebhookRecord WebhookService::update(const Caller& caller, std::int64_t id,
                                     const WebhookChanges& changes) {
  require_webhook_admin(caller);
  return store_.write_value([&](StoreTx& tx) {
    WebhookRecord webhook = load_webhook(tx, id);
    if (changes.url) {
      check_webhook_url(*changes.url);
      webhook.url = *changes.url;
    }
    if (changes.events) webhook.events = webhook_events_json(*changes.events);
    if (changes.enabled == true && !webhook.enabled) {
      // Re-enabled: a fresh start, and what waited while it was disabled is due now.
      webhook.failure_streak = 0;
      webhook.disabled_reason.reset();
      webhook.disabled_at.reset();
      tx.outbox().reschedule_target("webhook", webhook_target(id), now_utc());
    }
    if (changes.enabled == false && webhook.enabled) {
      disable_webhook_in_tx(tx, webhook, "disabled by an administrator");
      return load_webhook(tx, id);
    }
    if (changes.enabled) webhook.enabled = *changes.enabled;
    tx.webhooks().update(webhook);
    return webhook;
  });
}

WebhookRecord WebhookService::remove(const Caller& caller, std::int64_t id) {
  require_webhook_admin(caller);
  return store_.write_value([&](StoreTx& tx) {
    WebhookRecord webhook = load_webhook(tx, id);
    tx.webhooks().remove(id);
    return webhook;
  });
}

WebhookService::DeliveryPage WebhookService::deliveries(const Caller& caller, std::int64_t id,
                                                        std::int64_t offset, std::int64_t limit) {
  require_webhook_admin(caller);
  return store_.read_value([&](StoreTx& tx) {
    load_webhook(tx, id);
    return DeliveryPage{tx.outbox().deliveries_of("webhook", webhook_target(id), offset, limit),
                        tx.webhooks().delivery_count(id)};
  });
}

DeliveryRecord WebhookService::redeliver(const Caller& caller, std::int64_t id,
                                         std::int64_t delivery_id) {
  require_webhook_admin(caller);
  return store_.write_value([&](StoreTx& tx) {
    load_webhook(tx, id);
    auto delivery = tx.outbox().delivery(delivery_id);
    if (!delivery || delivery->channel != "webhook" || delivery->target != webhook_target(id))
      throw_not_found();
    const Timestamp now = now_utc();
    tx.outbox().redeliver(delivery_id, now);
    delivery->state = DeliveryState::kPending;
    delivery->attempts = 0;
    delivery->next_attempt = now;
    delivery->claimed_until.reset();
    delivery->delivered.reset();
    return *delivery;
  });
}

}  // namespace projectd
