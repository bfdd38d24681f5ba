// Registered webhook endpoints as the store keeps them (migration 0018; docs/notifications.md,
// "## Webhooks"). Their deliveries are outbox rows (store/outbox_repos.h) of channel "webhook"
// whose target is the endpoint's id in decimal.
// Thread safety: as every repository: inside one transaction, one thread.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct WebhookRecord {
  std::int64_t id = 0;  // assigned by insert
  std::string url;
  std::string secret;  // the HMAC-SHA256 key of X-Projectd-Signature
  std::string events;  // a JSON list of patterns
  bool enabled = true;
  std::string created_by;  // the registering administrator's user id
  Timestamp created;
  std::int64_t failure_streak = 0;  // failed attempts in a row since the last success
  std::optional<std::string> disabled_reason;
  std::optional<Timestamp> disabled_at;
};

class WebhookRepo {
 public:
  virtual ~WebhookRepo() = default;
  virtual std::vector<WebhookRecord> all() = 0;  // in id order
  virtual std::optional<WebhookRecord> by_id(std::int64_t id) = 0;
  virtual std::int64_t insert(const WebhookRecord& webhook) = 0;  // returns the id
  // Writes url, events, enabled, failure_streak, disabled_reason and disabled_at.
  virtual void update(const WebhookRecord& webhook) = 0;
  virtual bool remove(std::int64_t id) = 0;  // false when there is none
  // How many deliveries (of any state) the endpoint has in the outbox.
  virtual std::int64_t delivery_count(std::int64_t id) = 0;
  // After one attempt: a success resets the streak, a failure adds one; returns the new streak.
  virtual std::int64_t count_outcome(std::int64_t id, bool success) = 0;
};

}  // namespace projectd
