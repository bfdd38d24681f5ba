// A fan-out turns one committed change (store/outbox_repos.h) into deliveries: the mail fan-out
// finds the people to tell, the webhook fan-out the endpoints that asked for the event. The
// outbox worker (app/outbox_worker.h) calls every fan-out for each event, in event order, inside
// one transaction that also removes the event, so each event is fanned out exactly once.
// Thread safety: fan_out runs on the outbox worker's thread, one call at a time.
#pragma once

#include "store/store.h"

namespace projectd {

class EventFanout {
 public:
  virtual ~EventFanout() = default;
  // Adds the event's deliveries with tx.outbox().add_delivery. Must not throw for an event whose
  // subject is gone (deleted since): it fans out what it still can, or nothing.
  virtual void fan_out(StoreTx& tx, const ChangeEventRecord& event) = 0;
};

}  // namespace projectd
