#include "app/milestone_deadline_reminder.h"

#include "domain/notify/milestone_deadlines.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace projectd {

// A minute is fine grain enough for a reminder given a day ahead, and costs one indexed query.
MilestoneDeadlineReminder::MilestoneDeadlineReminder(Store& store)
    : task_(std::chrono::minutes(1), [&store] { remind_deadlines_once(store); }) {}

void MilestoneDeadlineReminder::remind_deadlines_once(Store& store) {
  try {
    const std::int64_t published = publish_milestone_deadlines(store, now_utc());
    if (published > 0) spdlog::info("published {} milestone deadline reminders", published);
  } catch (const std::exception& e) {
    // Nothing is lost: the milestones stay unmarked until the next run.
    spdlog::warn("publishing the milestone deadline reminders failed: {}", e.what());
  }
}

}  // namespace projectd
