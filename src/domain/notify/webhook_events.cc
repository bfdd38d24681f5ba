// Webhook event patterns (webhook_events.h).
#include "domain/notify/webhook_events.h"

#include "domain/notify/change_events.h"

#include <algorithm>

namespace projectd {
namespace {

bool webhook_pattern_covers(std::string_view pattern, std::string_view type) {
  if (pattern == "*") return true;
  if (pattern.ends_with(".*")) {
    const std::string_view family = pattern.substr(0, pattern.size() - 1);  // keeps the dot
    return type.starts_with(family);
  }
  return pattern == type;
}

}  // namespace

const std::vector<std::string_view>& webhook_event_types() {
  static const std::vector<std::string_view> types = {
      event::kProjectCreated, event::kProjectUpdated,    event::kProjectDeleted,
      event::kTaskCreated,    event::kTaskUpdated,       event::kTaskDeleted,
      event::kTaskStatus,     event::kTaskFilesAttached, event::kTaskFilesDetached,
      event::kCommentCreated, event::kFileCreated,       event::kFileDeleted};
  return types;
}

bool webhook_pattern_known(std::string_view pattern) {
  const auto& types = webhook_event_types();
  return std::any_of(types.begin(), types.end(),
                     [&](std::string_view type) { return webhook_pattern_covers(pattern, type); });
}

bool webhook_patterns_match(const std::vector<std::string>& patterns, std::string_view type) {
  const auto& types = webhook_event_types();
  if (std::find(types.begin(), types.end(), type) == types.end()) return false;
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    return webhook_pattern_covers(pattern, type);
  });
}

}  // namespace projectd
