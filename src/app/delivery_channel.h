// How one kind of delivery leaves the server (docs/notifications.md): SMTP for "mail", an HTTP
// POST for "webhook". The outbox worker (app/outbox_worker.h) claims due deliveries of the
// channel, calls deliver for each outside any transaction, and records the outcome: delivered,
// retried with back-off, or given up after max_attempts or a permanent failure.
// Thread safety: deliver and after_outcome run on the outbox worker's thread only.
#pragma once

#include "store/store.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace projectd {

struct DeliveryOutcome {
  bool delivered = false;
  bool permanent = false;  // a failure that retrying cannot fix (a refused recipient, a 410)
  std::string error;       // for people: no secrets, no library internals beyond a short reason
};

class DeliveryChannel {
 public:
  virtual ~DeliveryChannel() = default;
  virtual std::string_view name() const = 0;  // DeliveryRecord::channel
  // Whether deliveries to one target go out strictly in order (webhooks) or independently.
  virtual bool in_order_per_target() const = 0;
  virtual std::int64_t max_attempts() const = 0;
  virtual DeliveryOutcome deliver(const DeliveryRecord& delivery) = 0;
  // Told of each outcome after it is recorded (the webhooks count a failure streak here).
  virtual void after_outcome(Store& /*store*/, const DeliveryRecord& /*delivery*/,
                             const DeliveryOutcome& /*outcome*/, bool /*gave_up*/) {}
};

}  // namespace projectd
