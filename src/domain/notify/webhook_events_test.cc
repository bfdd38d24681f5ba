// Webhook event patterns (webhook_events.h).
#include "domain/notify/webhook_events.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

TEST(WebhookEvents, PatternsNameTypesFamiliesOrEverything) {
  for (const char* known : {"*", "project.*", "task.*", "task.files.*", "file.*", "comment.*",
                            "task.created", "task.files.attached", "file.deleted"})
    EXPECT_TRUE(webhook_pattern_known(known)) << known;
  for (const char* unknown : {"", "task", "task.eaten", "discussion.*", "milestone.deadline",
                              "task.notify", "tasks.*", ".*"})
    EXPECT_FALSE(webhook_pattern_known(unknown)) << unknown;
}

TEST(WebhookEvents, MatchingCoversFamiliesButNeverMailOnlyEvents) {
  EXPECT_TRUE(webhook_patterns_match({"task.*"}, "task.files.detached"));
  EXPECT_TRUE(webhook_patterns_match({"project.created", "task.status"}, "task.status"));
  EXPECT_FALSE(webhook_patterns_match({"project.created"}, "project.updated"));
  EXPECT_TRUE(webhook_patterns_match({"*"}, "comment.created"));
  EXPECT_FALSE(webhook_patterns_match({"*"}, "task.notify"));
  EXPECT_FALSE(webhook_patterns_match({"task.*"}, "task.notify"));
  EXPECT_FALSE(webhook_patterns_match({"*"}, "discussion.created"));
  EXPECT_FALSE(webhook_patterns_match({}, "task.created"));
}

}  // namespace
}  // namespace projectd
