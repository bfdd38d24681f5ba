// Webhook endpoints (api/2.0/webhooks, a projectd extension; docs/notifications.md, "## Webhooks"):
// portal administrators register, change and remove endpoints and look at their deliveries;
// everyone else is refused (403). A registration is checked for form only (http or https, no
// credentials, at most 2000 characters, known event patterns); the address is checked at each
// delivery (app/webhook_address_guard.h). The secret is generated when not given and is answered
// by create only. Each call runs in one transaction.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct WebhookInput {
  std::string url;
  std::vector<std::string> events;
  std::optional<std::string> secret;  // generated (32 random bytes, hex) when absent
};

// What a PUT changes; absent keeps. enabled = true clears the failure streak and the reason.
struct WebhookChanges {
  std::optional<std::string> url;
  std::optional<std::vector<std::string>> events;
  std::optional<bool> enabled;
};

class WebhookService {
 public:
  explicit WebhookService(Store& store);

  std::vector<WebhookRecord> list(const Caller& caller);
  WebhookRecord get(const Caller& caller, std::int64_t id);  // 404 when there is none
  WebhookRecord create(const Caller& caller, const WebhookInput& input);
  WebhookRecord update(const Caller& caller, std::int64_t id, const WebhookChanges& changes);
  WebhookRecord remove(const Caller& caller, std::int64_t id);  // answers it as it was
  // A page of an endpoint's deliveries, newest first, and how many it has in all.
  struct DeliveryPage {
    std::vector<DeliveryRecord> deliveries;
    std::int64_t total = 0;
  };
  DeliveryPage deliveries(const Caller& caller, std::int64_t id, std::int64_t offset,
                          std::int64_t limit);
  // Sends a delivery of this endpoint again (same key); 404 when it belongs to another.
  DeliveryRecord redeliver(const Caller& caller, std::int64_t id, std::int64_t delivery_id);

 private:
  Store& store_;
};

// The patterns an endpoint registered, from WebhookRecord::events.
std::vector<std::string> webhook_patterns(const WebhookRecord& webhook);
// The outbox target of an endpoint's deliveries.
std::string webhook_target(std::int64_t id);
// Disables an endpoint with `reason` and parks its pending deliveries (they stay pending and
// become due again when it is re-enabled). Inside the caller's transaction.
void disable_webhook_in_tx(StoreTx& tx, WebhookRecord webhook, const std::string& reason);

}  // namespace projectd
