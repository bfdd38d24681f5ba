// Notifications in `serve` (issue 18; docs/notifications.md): the fan-outs and delivery channels
// the configuration asks for, and the outbox worker that runs them. Change events are published
// whatever is configured (they ride the change's own commit); with nothing configured the worker
// only discards them.
// Thread safety: built, started and stopped on serve's thread.
#pragma once

#include "app/api_services.h"
#include "app/config.h"
#include "app/delivery_channel.h"
#include "app/outbox_worker.h"
#include "domain/notify/event_fanout.h"
#include "store/store.h"
#include "wire/date.h"

#include <memory>
#include <vector>

namespace projectd {

class Notifications {
 public:
  Notifications(Store& store, ApiServices& services, const ServeConfig& config,
                const PortalTimeZone& zone);
  ~Notifications();
  Notifications(const Notifications&) = delete;
  Notifications& operator=(const Notifications&) = delete;

  void start();
  void stop();

 private:
  std::vector<std::unique_ptr<EventFanout>> fanouts_;
  std::vector<std::unique_ptr<DeliveryChannel>> channels_;
  std::unique_ptr<OutboxWorker> worker_;
};

// The worker's options from the configuration (and the test hook's environment variable).
OutboxWorkerOptions outbox_worker_options(const ServeConfig& config);

}  // namespace projectd
