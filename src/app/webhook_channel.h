// The "webhook" delivery channel (docs/notifications.md, "## Webhooks"): POSTs a delivery's
// payload to its endpoint with libcurl, signed:
//   Content-Type: application/json, User-Agent: projectd-webhooks/<version>,
//   X-Projectd-Event, X-Projectd-Delivery (the key), X-Projectd-Timestamp (unix seconds of this
//   attempt), X-Projectd-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>.
// 2xx is delivered; 410 is permanent and disables the endpoint; anything else (and network
// errors) is retried by the worker's back-off. In order per target. The host is resolved at each
// attempt and every address passes the WebhookAddressGuard; curl connects to those addresses
// only; redirects are not followed; connect timeout 5 s, total 15 s; at most 64 KiB of the answer
// is read. after_outcome keeps the endpoint's failure streak and disables it at `disable_after`
// failures in a row (its pending deliveries stay pending, parked until it is re-enabled).
// Thread safety: deliver and after_outcome run on the outbox worker's thread only.
#pragma once

#include "app/delivery_channel.h"
#include "app/webhook_address_guard.h"

#include <cstdint>
#include <string>

namespace projectd {

struct WebhookChannelOptions {
  std::vector<std::string> allowed_networks;  // --webhook-allow-network
  std::int64_t disable_after = 20;            // --webhook-disable-after
  std::int64_t max_attempts = 8;
};

class WebhookChannel final : public DeliveryChannel {
 public:
  WebhookChannel(Store& store, WebhookChannelOptions options);
  std::string_view name() const override { return "webhook"; }
  bool in_order_per_target() const override { return true; }
  std::int64_t max_attempts() const override { return options_.max_attempts; }
  DeliveryOutcome deliver(const DeliveryRecord& delivery) override;
  void after_outcome(Store& store, const DeliveryRecord& delivery, const DeliveryOutcome& outcome,
                     bool gave_up) override;

 private:
  Store& store_;
  WebhookChannelOptions options_;
  WebhookAddressGuard guard_;
};

// hex HMAC-SHA256(secret, timestamp + "." + body): X-Projectd-Signature without "sha256=".
std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body);

}  // namespace projectd
