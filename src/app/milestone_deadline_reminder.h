// The milestone deadline reminder (issue 18; docs/notifications.md, "Change events"): at start
// and then every minute publishes milestone.deadline for the milestones that are due
// (domain/notify/milestone_deadlines.h); the outbox worker fans the events out. Thread safety:
// owns one background thread.
#pragma once

#include "app/periodic_task.h"
#include "store/store.h"

namespace projectd {

class MilestoneDeadlineReminder {
 public:
  explicit MilestoneDeadlineReminder(Store& store);
  void stop() { task_.stop(); }

 private:
  static void remind_deadlines_once(Store& store);
  PeriodicTask task_;
};

}  // namespace projectd
