// Publishing change events (change_events.h).
#include "domain/notify/change_events.h"

namespace projectd {

void publish_in_tx(StoreTx& tx, const ChangeEvent& event) {
  tx.outbox().add_event(ChangeEventRecord{.type = std::string(event.type),
                                          .actor_id = event.actor_id,
                                          .project_id = event.project_id,
                                          .entity_id = event.entity_id,
                                          .data = boost::json::serialize(event.data),
                                          .created = now_utc()});
}

boost::json::object event_data(const ChangeEventRecord& record) {
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(record.data, error);
  // Written by publish_in_tx, so always an object; an unreadable row fans out with no data.
  if (error || !parsed.is_object()) return {};
  return std::move(parsed.as_object());
}

}  // namespace projectd
