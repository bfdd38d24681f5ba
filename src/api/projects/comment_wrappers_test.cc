// ago_words_change: when the words a comment thread's "how long ago" shows next change, so that the
// response cache repeats a task's answer no longer than they hold (http/response_cache.h).
#include "api/projects/comment_wrappers.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

CommentThread thread_of(std::initializer_list<Timestamp> created) {
  CommentThread thread;
  for (Timestamp at : created) {
    CommentView view;
    view.comment.created = at;
    thread.comments.push_back(view);
  }
  return thread;
}

const Timestamp kNow = from_ticks(17'000'000'000'000'000);

TEST(AgoWordsChangeTest, EachUnitChangesAtItsNextMultiple) {
  const Timestamp just_now = kNow - seconds(30);  // "Just now" until a minute has passed
  EXPECT_EQ(ago_words_change(thread_of({just_now}), kNow), just_now + minutes(1));
  const Timestamp minutes_ago = kNow - minutes(5) - seconds(10);  // "5 minutes ago"
  EXPECT_EQ(ago_words_change(thread_of({minutes_ago}), kNow), minutes_ago + minutes(6));
  const Timestamp almost_hour = kNow - minutes(59) - seconds(1);  // then "1 hour ago"
  EXPECT_EQ(ago_words_change(thread_of({almost_hour}), kNow), almost_hour + minutes(60));
  const Timestamp hours_ago = kNow - hours(2) - minutes(30);  // "2 hours ago"
  EXPECT_EQ(ago_words_change(thread_of({hours_ago}), kNow), hours_ago + hours(3));
  const Timestamp days_ago = kNow - hours(24 * 3 + 5);  // "3 days ago"
  EXPECT_EQ(ago_words_change(thread_of({days_ago}), kNow), days_ago + hours(24 * 4));
}

TEST(AgoWordsChangeTest, TheFirstChangeOfAnyCommentCounts) {
  const Timestamp old = kNow - hours(30);
  const Timestamp recent = kNow - minutes(2);
  EXPECT_EQ(ago_words_change(thread_of({old, recent}), kNow), recent + minutes(3));
  EXPECT_EQ(ago_words_change(CommentThread{}, kNow), std::nullopt);
}

// A comment dated ahead of the clock says "Just now"; its answer ends no later than that changes.
TEST(AgoWordsChangeTest, ACommentFromTheFutureEndsTheAnswerEarly) {
  const Timestamp ahead = kNow + seconds(90);
  const auto change = ago_words_change(thread_of({ahead}), kNow);
  ASSERT_TRUE(change.has_value());
  EXPECT_LE(*change, ahead + minutes(1));
}

}  // namespace
}  // namespace projectd
