// The repositories of migration 0009 on SQLite: tags by title in any case, both halves of the
// Projects settings with their defaults, templates, gantt orders, who left a team, and the
// discussion filter (archived, authors, sort by last activity) in one statement per page.
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::make_project;

class SqliteProjectExtrasTest : public testing::SqliteProjectTestBase {
 protected:
  std::string ann_ = add_user("ann");
  std::string bob_ = add_user("bob");
  std::int64_t project_ = tx_.projects().insert(make_project("P", ann_));

  std::int64_t discussion(const std::string& title, const std::string& author, std::int64_t at) {
    MessageRecord m;
    m.project_id = project_;
    m.title = title;
    m.content = "c";
    m.created = m.updated = from_ticks(at);
    m.created_by = m.updated_by = author;
    return tx_.messages().insert(m);
  }
  std::vector<std::int64_t> page_ids(MessageQuery query) {
    query.viewer = Viewer{"id-admin", true, false};
    std::vector<std::int64_t> ids;
    for (const MessageRecord& m : tx_.messages().page(query))
      ids.push_back(m.id);
    return ids;
  }
};

TEST_F(SqliteProjectExtrasTest, TagsAreOnePerTitleInAnyCase) {
  const TagRecord made = tx_.tags().ensure("Moon Base");
  EXPECT_EQ(tx_.tags().ensure("moon base").id, made.id);
  EXPECT_EQ(tx_.tags().ensure("moon base").title, "Moon Base");
  tx_.tags().ensure("Mars");
  EXPECT_EQ(tx_.tags().all().size(), 2u);
  EXPECT_EQ(tx_.tags().all().front().title, "Mars");
  ASSERT_EQ(tx_.tags().containing("ON B", 10).size(), 1u);
  EXPECT_TRUE(tx_.tags().containing("%", 10).empty());  // matched literally
  tx_.projects().set_tags(project_, {"MOON base"});
  EXPECT_EQ(tx_.tags().projects_with("moon BASE"), std::vector<std::int64_t>{project_});
  EXPECT_TRUE(tx_.tags().projects_with("Mars").empty());
  EXPECT_EQ(tx_.tags().by_ids({made.id, 999}).size(), 1u);
}

TEST_F(SqliteProjectExtrasTest, SettingsHaveDefaultsAndAreSavedPerUser) {
  EXPECT_TRUE(tx_.project_settings().portal().everybody_can_create);
  EXPECT_TRUE(tx_.project_settings().portal().hide_paused);
  tx_.project_settings().save_portal({.everybody_can_create = false, .hide_paused = true});
  tx_.project_settings().save_portal({.everybody_can_create = false, .hide_paused = false});
  EXPECT_FALSE(tx_.project_settings().portal().everybody_can_create);
  EXPECT_FALSE(tx_.project_settings().portal().hide_paused);
  EXPECT_EQ(rows("project_portal_settings"), 1);
  EXPECT_EQ(tx_.project_settings().of_user(ann_).start_module, StartModule::kTasks);
  tx_.project_settings().save_user(ann_, {StartModule::kDiscussions, "12"});
  EXPECT_EQ(tx_.project_settings().of_user(ann_).start_module, StartModule::kDiscussions);
  EXPECT_EQ(tx_.project_settings().of_user(ann_).folder_id, "12");
  EXPECT_FALSE(tx_.project_settings().of_user(bob_).folder_id);
}

TEST_F(SqliteProjectExtrasTest, TemplatesAndGanttOrdersRoundTrip) {
  ProjectTemplateRecord t{.title = "Launch",
                          .description = "{}",
                          .created = from_ticks(5),
                          .created_by = ann_,
                          .updated = from_ticks(5),
                          .updated_by = ann_};
  t.id = tx_.project_templates().insert(t);
  t.title = "Launch v2";
  tx_.project_templates().update(t);
  EXPECT_EQ(tx_.project_templates().by_id(t.id)->title, "Launch v2");
  EXPECT_EQ(tx_.project_templates().all().size(), 1u);
  tx_.project_templates().remove(t.id);
  EXPECT_FALSE(tx_.project_templates().by_id(t.id));
  EXPECT_EQ(testing::error_of([&] { tx_.project_templates().update(t); }).kind(),
            ErrorKind::kNotFound);

  EXPECT_FALSE(tx_.gantt_orders().of_project(project_));
  tx_.gantt_orders().save(project_, "{\"tasks\":[1]}");
  tx_.gantt_orders().save(project_, "{\"tasks\":[2]}");
  EXPECT_EQ(tx_.gantt_orders().of_project(project_), "{\"tasks\":[2]}");
  tx_.projects().remove(project_);  // the order goes with its project
  EXPECT_EQ(rows("project_gantt_order"), 0);
}

TEST_F(SqliteProjectExtrasTest, WhoLeftATeamIsRememberedUntilTheyComeBack) {
  tx_.projects().put_member(project_, TeamMember{bob_, team_security::kFiles});
  tx_.projects().remove_member(project_, bob_);
  const auto removed = tx_.projects().removed_members(project_);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].user_id, bob_);
  EXPECT_EQ(removed[0].security, team_security::kFiles);
  tx_.projects().remove_member(project_, "id-nobody");  // never a member: nothing remembered
  EXPECT_EQ(tx_.projects().removed_members(project_).size(), 1u);
  tx_.projects().put_member(project_, TeamMember{bob_, 0});
  EXPECT_TRUE(tx_.projects().removed_members(project_).empty());
  EXPECT_EQ(tx_.projects().teams_of({project_}).size(), 1u);
}

TEST_F(SqliteProjectExtrasTest, DiscussionFilterRunsOneStatementWhateverTheFilters) {
  const auto old = discussion("Alpha", ann_, 100);
  const auto newer = discussion("beta", bob_, 200);
  MessageRecord archived = *tx_.messages().by_id(old);
  archived.status = MessageStatus::kArchived;
  tx_.messages().update(archived);
  EXPECT_EQ(tx_.messages().by_id(old)->status, MessageStatus::kArchived);
  MessageQuery q;
  EXPECT_EQ(page_ids(q), (std::vector<std::int64_t>{newer, old}));
  q.status = MessageStatus::kArchived;
  EXPECT_EQ(page_ids(q), std::vector<std::int64_t>{old});
  q = MessageQuery{};
  q.author = bob_;
  EXPECT_EQ(page_ids(q), std::vector<std::int64_t>{newer});
  q = MessageQuery{};
  q.created_start = from_ticks(150);
  EXPECT_EQ(page_ids(q), std::vector<std::int64_t>{newer});
  q = MessageQuery{};
  q.created_stop = from_ticks(150);
  EXPECT_EQ(page_ids(q), std::vector<std::int64_t>{old});
  q = MessageQuery{};
  q.sort = MessageSort::kTitle;
  EXPECT_EQ(page_ids(q), (std::vector<std::int64_t>{old, newer}));
  // The oldest discussion with the newest comment comes last in ascending last activity.
  CommentRecord comment;
  comment.id = "c1";
  comment.target = CommentTarget::kMessage;
  comment.entity_id = old;
  comment.content = "x";
  comment.created = comment.updated = from_ticks(300);
  comment.created_by = ann_;
  tx_.comments().insert(comment);
  q.sort = MessageSort::kLastActivity;
  EXPECT_EQ(page_ids(q), (std::vector<std::int64_t>{newer, old}));
  MessageQuery everything;
  everything.viewer = Viewer{ann_, false, false};
  everything.my_projects = everything.followed = everything.hide_paused = true;
  everything.tag_id = -1;
  everything.status = MessageStatus::kOpen;
  everything.author = ann_;
  everything.created_start = from_ticks(1);
  everything.created_stop = from_ticks(1000);
  everything.last_id = 0;
  everything.text = "a";
  everything.sort = MessageSort::kLastActivity;
  EXPECT_EQ(statements_of([&] { tx_.messages().page(everything); }), 1u);
  EXPECT_EQ(statements_of([&] { tx_.messages().count(everything); }), 1u);
}

}  // namespace
}  // namespace projectd
