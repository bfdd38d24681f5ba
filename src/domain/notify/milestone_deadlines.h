// The milestone deadline reminder's domain side (docs/notifications.md, "Change events"):
// publishes milestone.deadline once per open milestone with a responsible whose deadline is within
// the next 24 hours or passed less than 24 hours ago, and marks it (migration 0021) so the next
// run does not publish it again; a changed deadline is reminded of again. The server is the actor.
// Thread safety: one write transaction per call; safe to run on several nodes (the marker is
// written in the same transaction as the events).
#pragma once

#include "store/store.h"

#include <cstdint>

namespace projectd {

// Publishes the reminders due at `now`; answers how many.
std::int64_t publish_milestone_deadlines(Store& store, Timestamp now);

}  // namespace projectd
