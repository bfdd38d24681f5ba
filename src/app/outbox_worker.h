// The outbox worker (docs/notifications.md): one background thread per node that fans committed
// change events out into deliveries and sends the due deliveries of every channel.
//
// Exactly once per change: fan-out and the event's removal are one transaction. At least once
// per delivery, with a stable key: a delivery is claimed for a lease (claim_due), sent outside any
// transaction, then marked; if the node dies in between, the lease runs out and another pass
// sends it again under the same key, which the receiver can recognise. Failures are retried with
// exponential back-off (retry_base * 2^attempts, at most retry_cap, with up to 10 % jitter) until
// the channel's max_attempts; the last error stays on the delivery.
//
// Many nodes on one PostgreSQL database each run a worker: the fan-out is serialised by an
// advisory lock and deliveries are claimed FOR UPDATE SKIP LOCKED, so none is sent twice by two
// live nodes.
//
// Thread safety: construct, start and stop on one thread; poke() from any thread.
#pragma once

#include "app/delivery_channel.h"
#include "domain/notify/event_fanout.h"
#include "store/store.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace projectd {

struct OutboxWorkerOptions {
  std::chrono::milliseconds poll{250};      // how often an idle worker looks for work
  std::chrono::milliseconds lease{60'000};  // how long a claim holds (longer than a send)
  std::chrono::milliseconds retry_base{10'000};
  std::chrono::milliseconds retry_cap{3'600'000};
  std::int64_t batch = 50;  // events or deliveries per transaction
  // Delivered and failed deliveries are listed (webhook deliveries) this long, then removed; the
  // removal runs at most once per prune_every.
  std::chrono::hours retention{24 * 14};
  std::chrono::minutes prune_every{10};
  // Test hook (PROJECTD_TEST_EXIT_AFTER_SEND): the process exits right after the first delivery
  // is sent and before it is marked, as a crash there would.
  bool exit_after_send = false;
};

class OutboxWorker {
 public:
  OutboxWorker(Store& store, std::vector<EventFanout*> fanouts,
               std::vector<DeliveryChannel*> channels, OutboxWorkerOptions options);
  ~OutboxWorker();  // stops
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  void start();
  // Finishes the pass in progress (a send in flight completes) and joins the thread.
  void stop();
  // Wakes the worker now instead of at the next poll.
  void poke();
  // One pass, on the calling thread: fan out every event, then send what is due. For tests and
  // for `start`'s loop. Returns whether it did anything.
  bool run_once();

 private:
  bool fan_out_events();
  bool send_due(DeliveryChannel& channel);
  void prune_finished();
  std::chrono::milliseconds backoff(std::int64_t attempts) const;
  void loop();

  Store& store_;
  std::vector<EventFanout*> fanouts_;
  std::vector<DeliveryChannel*> channels_;
  OutboxWorkerOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool poked_ = false;
  std::thread thread_;
  std::chrono::steady_clock::time_point pruned_at_{};
};

}  // namespace projectd
