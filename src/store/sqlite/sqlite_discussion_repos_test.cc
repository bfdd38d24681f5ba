// Comments and discussions on SQLite: round trips, batch readers in one statement, visibility of
// discussion pages, and the cascades that remove comments with their task or discussion.
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::make_project;
using testing::make_task;

CommentRecord make_comment(std::string id, CommentTarget target, std::int64_t entity,
                           std::int64_t at, std::string parent = "") {
  return CommentRecord{.id = std::move(id),
                       .target = target,
                       .entity_id = entity,
                       .parent_id = std::move(parent),
                       .content = "<p>hi</p>",
                       .inactive = false,
                       .created = from_ticks(at),
                       .created_by = "id-admin",
                       .updated = from_ticks(at)};
}

MessageRecord make_message(std::int64_t project_id, std::string title, std::int64_t at) {
  return MessageRecord{.id = 0,
                       .project_id = project_id,
                       .title = std::move(title),
                       .content = "<b>text</b>",
                       .created = from_ticks(at),
                       .created_by = "id-admin",
                       .updated = from_ticks(at + 1),
                       .updated_by = "id-admin"};
}

class SqliteDiscussionReposTest : public testing::SqliteProjectTestBase {
 protected:
  std::string ann_ = add_user("ann");
  std::int64_t project_ = tx_.projects().insert(make_project("P", ann_));
};

TEST_F(SqliteDiscussionReposTest, CommentRoundTripAndUpdate) {
  const std::int64_t task = tx_.tasks().insert(make_task(project_, "T"));
  CommentRecord c = make_comment("c1", CommentTarget::kTask, task, 10);
  tx_.comments().insert(c);
  tx_.comments().insert(make_comment("c2", CommentTarget::kTask, task, 20, "c1"));
  auto got = tx_.comments().by_id("c2");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->target, CommentTarget::kTask);
  EXPECT_EQ(got->entity_id, task);
  EXPECT_EQ(got->parent_id, "c1");
  EXPECT_EQ(got->content, "<p>hi</p>");
  EXPECT_FALSE(got->inactive);
  EXPECT_EQ(got->created, from_ticks(20));
  EXPECT_EQ(got->created_by, "id-admin");
  EXPECT_EQ(tx_.comments().by_id("c1")->parent_id, "");

  c.content = "<i>new</i>";
  c.inactive = true;
  c.updated = from_ticks(99);
  tx_.comments().update(c);
  got = tx_.comments().by_id("c1");
  EXPECT_EQ(got->content, "<i>new</i>");
  EXPECT_TRUE(got->inactive);
  EXPECT_EQ(got->updated, from_ticks(99));
  EXPECT_EQ(got->created, from_ticks(10));
  EXPECT_FALSE(tx_.comments().by_id("nope"));
  EXPECT_EQ(
      testing::error_of([&] { tx_.comments().update(make_comment("nope", {}, 1, 1)); }).kind(),
      ErrorKind::kNotFound);
}

TEST_F(SqliteDiscussionReposTest, BatchReadersRunOneStatementAndKeepTargetsApart) {
  const std::int64_t t1 = tx_.tasks().insert(make_task(project_, "T1"));
  const std::int64_t t2 = tx_.tasks().insert(make_task(project_, "T2"));
  tx_.comments().insert(make_comment("b", CommentTarget::kTask, t1, 30));
  tx_.comments().insert(make_comment("a", CommentTarget::kTask, t2, 10));
  CommentRecord gone = make_comment("c", CommentTarget::kTask, t1, 20);
  gone.inactive = true;
  tx_.comments().insert(gone);
  tx_.comments().insert(make_comment("m", CommentTarget::kMessage, t1, 5));

  std::vector<CommentRecord> found;
  EXPECT_EQ(statements_of([&] { found = tx_.comments().of(CommentTarget::kTask, {t1, t2}); }), 1u);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].id, "a");  // oldest first, inactive included
  EXPECT_EQ(found[1].id, "c");
  EXPECT_EQ(found[2].id, "b");

  std::vector<CommentCount> counts;
  EXPECT_EQ(statements_of([&] {
              counts = tx_.comments().active_counts(CommentTarget::kTask, {t1, t2});
            }),
            1u);
  ASSERT_EQ(counts.size(), 2u);
  for (const CommentCount& c : counts)
    EXPECT_EQ(c.active, 1) << c.entity_id;
}

TEST_F(SqliteDiscussionReposTest, MessageRoundTripParticipantsAndRemoval) {
  const std::int64_t id = tx_.messages().insert(make_message(project_, "Hello", 100));
  MessageRecord m = *tx_.messages().by_id(id);
  EXPECT_EQ(m.project_id, project_);
  EXPECT_EQ(m.title, "Hello");
  EXPECT_EQ(m.content, "<b>text</b>");
  EXPECT_EQ(m.created, from_ticks(100));
  EXPECT_EQ(m.updated, from_ticks(101));
  m.title = "Changed";
  m.updated_by = ann_;
  tx_.messages().update(m);
  EXPECT_EQ(tx_.messages().by_id(id)->title, "Changed");
  EXPECT_EQ(tx_.messages().by_id(id)->updated_by, ann_);

  tx_.messages().set_participants(id, {ann_, "id-admin", ann_});
  auto participants = tx_.messages().participants_of({id});
  ASSERT_EQ(participants.size(), 2u);
  EXPECT_EQ(participants[0].user_id, "id-admin");
  EXPECT_EQ(participants[1].user_id, ann_);
  tx_.messages().set_participants(id, {ann_});
  EXPECT_EQ(tx_.messages().participants_of({id}).size(), 1u);

  tx_.comments().insert(make_comment("x", CommentTarget::kMessage, id, 1));
  tx_.messages().remove(id);
  EXPECT_FALSE(tx_.messages().by_id(id));
  EXPECT_EQ(rows("message_participants"), 0);
  EXPECT_EQ(rows("comments"), 0);
}

TEST_F(SqliteDiscussionReposTest, DeletingATaskOrProjectRemovesItsComments) {
  const std::int64_t task = tx_.tasks().insert(make_task(project_, "T"));
  const std::int64_t message = tx_.messages().insert(make_message(project_, "M", 1));
  tx_.comments().insert(make_comment("t", CommentTarget::kTask, task, 1));
  tx_.comments().insert(make_comment("m", CommentTarget::kMessage, message, 1));
  tx_.tasks().remove(task);
  EXPECT_FALSE(tx_.comments().by_id("t"));
  EXPECT_TRUE(tx_.comments().by_id("m"));
  tx_.projects().remove(project_);
  EXPECT_EQ(rows("messages"), 0);
  EXPECT_EQ(rows("comments"), 0);
}

TEST_F(SqliteDiscussionReposTest, PagesShowOnlyReadableDiscussionsNewestFirst) {
  const std::string bob = add_user("bob");
  const std::string eve = add_user("eve");
  ProjectRecord hidden = make_project("Private", ann_);
  hidden.is_private = true;
  const std::int64_t secret = tx_.projects().insert(hidden);
  tx_.projects().put_member(secret, TeamMember{bob, team_security::kMessages});
  tx_.messages().insert(make_message(project_, "A", 10));
  const std::int64_t b = tx_.messages().insert(make_message(project_, "B", 20));
  tx_.messages().insert(make_message(secret, "S", 30));

  auto titles = [&](const std::string& user, std::optional<std::int64_t> project) {
    MessageQuery q;
    q.viewer = Viewer{user, false, false};
    q.project_id = project;
    std::vector<std::string> out;
    for (const MessageRecord& m : tx_.messages().page(q))
      out.push_back(m.title);
    EXPECT_EQ(tx_.messages().count(q), static_cast<std::int64_t>(out.size()));
    return out;
  };
  EXPECT_EQ(titles(ann_, std::nullopt), (std::vector<std::string>{"S", "B", "A"}));  // manager
  EXPECT_EQ(titles(eve, std::nullopt), (std::vector<std::string>{"B", "A"}));        // not in team
  EXPECT_EQ(titles(bob, std::nullopt), (std::vector<std::string>{"B", "A"}));  // denied messages
  EXPECT_EQ(titles(eve, project_), (std::vector<std::string>{"B", "A"}));

  MessageQuery paged;
  paged.viewer = Viewer{"id-admin", true, false};
  paged.offset = 1;
  paged.limit = 1;
  auto page = tx_.messages().page(paged);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, b);
  EXPECT_EQ(tx_.messages().count(paged), 3);
  EXPECT_EQ(tx_.project_totals().counts_of({project_}).at(0).discussions, 2);
}

}  // namespace
}  // namespace projectd
