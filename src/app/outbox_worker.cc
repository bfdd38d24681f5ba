// The outbox worker (outbox_worker.h).
#include "app/outbox_worker.h"

#include "base/errors.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <random>

namespace projectd {

OutboxWorker::OutboxWorker(Store& store, std::vector<EventFanout*> fanouts,
                           std::vector<DeliveryChannel*> channels, OutboxWorkerOptions options)
    : store_(store),
      fanouts_(std::move(fanouts)),
      channels_(std::move(channels)),
      options_(options) {}

OutboxWorker::~OutboxWorker() {
  stop();
}

void OutboxWorker::start() {
  thread_ = std::thread([this] { loop(); });
}

void OutboxWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  wake_.notify_all();
}

void OutboxWorker::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    bool busy = false;
    try {
      busy = run_once();
    } catch (const std::exception& e) {
      // The store failing (PostgreSQL down, a full disk): nothing is lost, the next pass retries.
      spdlog::warn("notifications: the outbox pass failed and is retried: {}", e.what());
    }
    lock.lock();
    if (busy || poked_) {
      poked_ = false;
      continue;
    }
    wake_.wait_for(lock, options_.poll, [this] { return stopping_ || poked_; });
  }
}

bool OutboxWorker::run_once() {
  prune_finished();
  bool busy = fan_out_events();
  for (DeliveryChannel* channel : channels_)
    busy = send_due(*channel) || busy;
  return busy;
}

void OutboxWorker::prune_finished() {
  const auto now = std::chrono::steady_clock::now();
  if (pruned_at_ != std::chrono::steady_clock::time_point{} &&
      now - pruned_at_ < options_.prune_every)
    return;
  pruned_at_ = now;
  store_.write([&](StoreTx& tx) {
    tx.changes_only({});  // the outbox's own rows: see fan_out_events
    tx.outbox().remove_finished_before(now_utc() -
                                       std::chrono::duration_cast<Ticks>(options_.retention));
  });
}

bool OutboxWorker::fan_out_events() {
  // A read first, so an idle worker never writes (a write ends every cached answer).
  if (!store_.read_value([](StoreTx& tx) { return tx.outbox().has_events(); })) return false;
  return store_.write_value([&](StoreTx& tx) {
    // The worker's writes change only the outbox's rows (events, deliveries, a webhook's failure
    // count), which no cached value shows: they name no scope, so the caches stay warm.
    tx.changes_only({});
    if (!tx.outbox().lock_fanout()) return false;  // another node is at it
    const std::vector<ChangeEventRecord> events = tx.outbox().oldest_events(options_.batch);
    for (const ChangeEventRecord& event : events)
      for (EventFanout* fanout : fanouts_)
        fanout->fan_out(tx, event);
    std::vector<std::int64_t> done;
    for (const ChangeEventRecord& event : events)
      done.push_back(event.id);
    tx.outbox().remove_events(done);
    return !events.empty();
  });
}

std::chrono::milliseconds OutboxWorker::backoff(std::int64_t attempts) const {
  // retry_base * 2^(attempts-1), capped, plus up to 10 % so that retries of many deliveries
  // failed together do not arrive together.
  const std::int64_t base = options_.retry_base.count();
  const std::int64_t cap = options_.retry_cap.count();
  std::int64_t wait = base;
  for (std::int64_t i = 1; i < attempts && wait < cap; ++i)
    wait *= 2;
  wait = std::min(wait, cap);
  thread_local std::minstd_rand random(std::random_device{}());
  const std::int64_t jitter = wait / 10 > 0 ? static_cast<std::int64_t>(random() % (wait / 10)) : 0;
  return std::chrono::milliseconds(wait + jitter);
}

bool OutboxWorker::send_due(DeliveryChannel& channel) {
  const std::string name(channel.name());
  if (!store_.read_value([&](StoreTx& tx) { return tx.outbox().has_due(name, now_utc()); }))
    return false;
  const Timestamp now = now_utc();
  const std::vector<DeliveryRecord> claimed = store_.write_value([&](StoreTx& tx) {
    tx.changes_only({});  // see fan_out_events
    return tx.outbox().claim_due(name, now, now + std::chrono::duration_cast<Ticks>(options_.lease),
                                 options_.batch, channel.in_order_per_target());
  });
  for (const DeliveryRecord& delivery : claimed) {
    DeliveryOutcome outcome;
    try {
      outcome = channel.deliver(delivery);
    } catch (const std::exception& e) {
      outcome = DeliveryOutcome{false, false, e.what()};
    }
    if (outcome.delivered && options_.exit_after_send) {
      spdlog::warn("notifications: test hook: exiting after a send, before it is marked");
      std::_Exit(3);
    }
    const std::int64_t attempts = delivery.attempts + 1;
    const bool gave_up =
        !outcome.delivered && (outcome.permanent || attempts >= channel.max_attempts());
    store_.write([&](StoreTx& tx) {
      tx.changes_only({});  // see fan_out_events
      if (outcome.delivered) {
        tx.outbox().mark_delivered(delivery.id, now_utc());
      } else if (gave_up) {
        tx.outbox().mark_failed(delivery.id, outcome.error);
      } else {
        tx.outbox().mark_retry(delivery.id,
                               now_utc() + std::chrono::duration_cast<Ticks>(backoff(attempts)),
                               outcome.error);
      }
    });
    if (!outcome.delivered)
      spdlog::warn("notifications: {} delivery {} to {} failed (attempt {}{}): {}", name,
                   delivery.key, delivery.target, attempts, gave_up ? ", given up" : "",
                   outcome.error);
    channel.after_outcome(store_, delivery, outcome, gave_up);
    // In order per target: a failed delivery holds its target's later ones back, which claim_due
    // already left out of this batch; the rest of the batch goes on.
  }
  return !claimed.empty();
}

}  // namespace projectd
