// The milestone deadline reminder (milestone_deadlines.h).
#include "domain/notify/milestone_deadlines.h"

#include "domain/notify/change_events.h"

#include <chrono>

namespace projectd {

std::int64_t publish_milestone_deadlines(Store& store, Timestamp now) {
  constexpr auto kDeadlineWindow = std::chrono::hours(24);
  return store.write_value([&](StoreTx& tx) {
    // Runs every minute: it writes only events and the reminder's own mark, which no cached answer
    // shows (base/change_scope.h), so it ends no cached answer.
    tx.changes_only({});
    std::int64_t published = 0;
    for (const MilestoneRecord& milestone :
         tx.milestones().deadline_notices_due(now - kDeadlineWindow, now + kDeadlineWindow)) {
      publish_in_tx(tx, ChangeEvent{event::kMilestoneDeadline,
                                    "",
                                    milestone.project_id,
                                    milestone.id,
                                    {{"title", milestone.title}}});
      tx.milestones().mark_deadline_notified(milestone.id, milestone.deadline);
      ++published;
    }
    return published;
  });
}

}  // namespace projectd
