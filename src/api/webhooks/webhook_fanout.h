// The webhook fan-out (docs/notifications.md, "## Webhooks"): for each change event, every enabled
// endpoint whose patterns match (domain/notify/webhook_events.h) gets one delivery of channel
// "webhook", target = the endpoint id, key = a new UUID (the delivery id receivers see).
//
// The payload is {"id", "event", "timestamp" (ISO 8601 UTC of the change), "actor" {id,
// displayName}, "data"}, where data is the entity as the API answers it (a task as GET
// project/task/{id}, a project as GET project/{id}, a file as the files API), built AS THE
// REGISTERING ADMINISTRATOR inside the fan-out transaction: an event about something that person
// cannot read (a file in someone else's My Documents) is skipped for that endpoint. An endpoint
// whose administrator is no longer an active administrator is disabled with that reason.
// *.deleted events carry the ids and the title from the event. It lives in api/ because the
// payload uses the API's own wrappers.
// Thread safety: fan_out runs on the outbox worker's thread, one call at a time.
#pragma once

#include "domain/notify/event_fanout.h"
#include "wire/date.h"

#include <string>

namespace projectd {

class WebhookFanout final : public EventFanout {
 public:
  // `base_url` is where the wrappers' links point (serve's public URL; may be empty).
  WebhookFanout(const PortalTimeZone& zone, std::string base_url);
  void fan_out(StoreTx& tx, const ChangeEventRecord& event) override;

 private:
  const PortalTimeZone& zone_;
  std::string base_url_;
};

}  // namespace projectd
