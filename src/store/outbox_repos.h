// The notification outbox as the store keeps it (migration 0017; docs/notifications.md).
//
// A change that should notify writes one ChangeEventRecord in its own transaction, so the event
// exists exactly when the change committed. The outbox worker (app/outbox_worker.h) later turns
// each event into deliveries (one mail to one person, one webhook call to one endpoint) in one
// transaction that also removes the event, so an event is fanned out exactly once. A delivery is
// claimed by one sender for a lease, sent, then marked; a sender that dies between sending and
// marking leaves the claim to expire and the delivery is sent again with the same key, which the
// receiver can recognise (Message-ID, X-Projectd-Delivery).
//
// Ordering: the fan-out takes events in commit order where it matters (SqlDialect::
// settled_events): SQLite has one writer, so ids follow commits; on PostgreSQL each event carries
// its transaction id (migration 0024) and the fan-out takes only events whose transaction and every
// older one have ended, by (transaction id, id), so a write made after another's answer, or two
// writes of one row, fan out in the order they committed. Publishers never wait for each other.
// Deliveries are added in event order, so a channel that needs order per target (webhooks) sends
// the oldest pending delivery of a target before any later one.
// Thread safety: as every repository: inside one transaction, one thread.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

struct ChangeEventRecord {
  std::int64_t id = 0;                     // assigned by add_event
  std::string type;                        // "task.created"... (domain/notify/change_events.h)
  std::string actor_id;                    // who made the change; empty for the server itself
  std::optional<std::int64_t> project_id;  // the project it happened in, if any
  std::int64_t entity_id = 0;              // the task, discussion, milestone, file... it is about
  std::string data;                        // a JSON object: what the type carries besides
  Timestamp created;
};

enum class DeliveryState { kPending = 0, kDelivered = 1, kFailed = 2 };

struct DeliveryRecord {
  std::int64_t id = 0;  // assigned by add_delivery; the order of sending per target
  std::string channel;  // "mail" or "webhook"
  std::string target;   // mail: the recipient's user id (or address); webhook: the endpoint id
  std::optional<std::int64_t> event_id;  // the event it came from (none: password recovery)
  std::string event_type;
  std::string key;      // stable and unique: the Message-ID's local part, the webhook delivery id
  std::string payload;  // what the channel sends, rendered at fan-out (JSON)
  Timestamp created;
  DeliveryState state = DeliveryState::kPending;
  std::int64_t attempts = 0;               // sends tried so far
  Timestamp next_attempt;                  // not sent before this
  std::optional<Timestamp> claimed_until;  // a sender holds it until then
  std::optional<std::string> last_error;   // the last failed attempt's reason, for people
  std::optional<Timestamp> delivered;      // when it was accepted
};

class OutboxRepo {
 public:
  virtual ~OutboxRepo() = default;

  // Records a change; returns its id.
  virtual std::int64_t add_event(const ChangeEventRecord& event) = 0;
  // Whether this transaction may fan out now: true on SQLite (one writer); on PostgreSQL a try of
  // a transaction-level advisory lock, so one node at a time fans out and keeps event order.
  virtual bool lock_fanout() = 0;
  // The oldest events the fan-out may take now, at most `limit`, in fan-out order (see Ordering:
  // on PostgreSQL an event waits while an older transaction is still open).
  virtual std::vector<ChangeEventRecord> oldest_events(std::int64_t limit) = 0;
  // Whether there is any event, taken now or not (a read, so an idle worker polls without
  // writing).
  virtual bool has_events() = 0;
  virtual void remove_events(const std::vector<std::int64_t>& ids) = 0;

  // Adds a pending delivery due at its next_attempt; returns its id. The key must be unique.
  virtual std::int64_t add_delivery(const DeliveryRecord& delivery) = 0;
  // Whether a delivery of `channel` is due at `now` (a read, for polling).
  virtual bool has_due(std::string_view channel, Timestamp now) = 0;
  // Claims up to `limit` due deliveries of `channel` (pending, next_attempt <= now, no live
  // claim) until `lease_until`, oldest first, and returns them. With `in_order_per_target`, only
  // the oldest pending delivery of each target is due (a later one waits for it even while it
  // waits for a retry). On PostgreSQL the rows are taken FOR UPDATE SKIP LOCKED, so two nodes
  // never claim one delivery.
  virtual std::vector<DeliveryRecord> claim_due(std::string_view channel, Timestamp now,
                                                Timestamp lease_until, std::int64_t limit,
                                                bool in_order_per_target) = 0;
  virtual void mark_delivered(std::int64_t id, Timestamp at) = 0;
  // One more failed attempt: due again at `next_attempt`, claim released, error kept.
  virtual void mark_retry(std::int64_t id, Timestamp next_attempt, std::string_view error) = 0;
  // Gives up: failed for good, with the last error.
  virtual void mark_failed(std::int64_t id, std::string_view error) = 0;
  virtual std::optional<DeliveryRecord> delivery(std::int64_t id) = 0;
  // The deliveries of one target of a channel, newest first.
  virtual std::vector<DeliveryRecord> deliveries_of(std::string_view channel,
                                                    std::string_view target, std::int64_t offset,
                                                    std::int64_t limit) = 0;
  // Sends a delivery again from now, whatever its state (same key; attempts start over).
  // False when there is no such delivery.
  virtual bool redeliver(std::int64_t id, Timestamp now) = 0;
  // Makes every pending delivery of a target due at `next_attempt` (webhooks,
  // docs/notifications.md: a disabled endpoint parks its deliveries far ahead, re-enabling makes
  // them due now).
  virtual void reschedule_target(std::string_view channel, std::string_view target,
                                 Timestamp next_attempt) = 0;
  // Deliveries not yet delivered nor given up, and events not yet fanned out (for /metrics).
  virtual std::int64_t pending_count() = 0;
  // Forgets delivered and failed deliveries created before `before` (retention).
  virtual void remove_finished_before(Timestamp before) = 0;
};

}  // namespace projectd
