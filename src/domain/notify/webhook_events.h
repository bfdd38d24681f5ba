// Which change events a webhook endpoint may ask for, and how its patterns match them
// (docs/notifications.md, "## Webhooks"). A pattern is an event type ("task.created"), a prefix
// ending in ".*" that names a family ("task.*" also matches "task.files.attached"), or "*" for
// every webhook event. Only the types below reach webhooks; the others (task.notify, discussions,
// milestone reminders) are for mail.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// The event types webhooks carry, in documentation order.
const std::vector<std::string_view>& webhook_event_types();
// Whether `pattern` is one an endpoint may register (it matches at least one webhook event).
bool webhook_pattern_known(std::string_view pattern);
// Whether an endpoint with these patterns wants an event of `type`.
bool webhook_patterns_match(const std::vector<std::string>& patterns, std::string_view type);

}  // namespace projectd
