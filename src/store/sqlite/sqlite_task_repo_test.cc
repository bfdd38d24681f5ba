// Tasks on SQLite: rows with responsibles, subtasks, links, subscriptions, batch reads and
// cascades. The filtered page is in sqlite_task_query_test.cc.
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::error_of;
using testing::make_project;
using testing::make_subtask;
using testing::make_task;

class SqliteTaskRepoTest : public testing::SqliteProjectTestBase {
 protected:
  SqliteTaskRepoTest() {
    ann_ = add_user("ann");
    bob_ = add_user("bob");
    project_ = tx_.projects().insert(make_project("P", ann_));
  }
  std::string ann_;
  std::string bob_;
  std::int64_t project_ = 0;
};

using Ids = std::vector<std::int64_t>;
using Names = std::vector<std::string>;

TEST_F(SqliteTaskRepoTest, TaskRoundTripsEveryFieldWithItsResponsibles) {
  std::int64_t other = tx_.projects().insert(make_project("Q", ann_));
  std::int64_t milestone = tx_.milestones().insert(testing::make_milestone(project_, "M", ann_));
  TaskRecord t{.id = 999,  // ignored
               .project_id = project_,
               .milestone_id = milestone,
               .title = "Write the docs",
               .description = "all of them",
               .priority = TaskPriority::kHigh,
               .status = TaskStatus::kClosed,
               .custom_status_id = 7,
               .start_date = from_ticks(-100),
               .deadline = from_ticks(9'000'000'000),
               .progress = 40,
               .created = from_ticks(11),
               .created_by = bob_,
               .updated = from_ticks(22),
               .updated_by = ann_,
               .responsibles = {bob_, "id-admin", ann_, bob_}};  // duplicates kept once
  std::int64_t id = tx_.tasks().insert(t);
  EXPECT_NE(id, 999);

  auto got = tx_.tasks().by_id(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->project_id, project_);
  EXPECT_EQ(got->milestone_id, milestone);
  EXPECT_EQ(got->title, "Write the docs");
  EXPECT_EQ(got->description, "all of them");
  EXPECT_EQ(got->priority, TaskPriority::kHigh);
  EXPECT_EQ(got->status, TaskStatus::kClosed);
  EXPECT_EQ(got->custom_status_id, 7);
  EXPECT_EQ(got->start_date, from_ticks(-100));
  EXPECT_EQ(got->deadline, from_ticks(9'000'000'000));
  EXPECT_EQ(got->progress, 40);
  EXPECT_EQ(got->created, from_ticks(11));
  EXPECT_EQ(got->created_by, bob_);
  EXPECT_EQ(got->updated, from_ticks(22));
  EXPECT_EQ(got->updated_by, ann_);
  EXPECT_EQ(got->responsibles, (Names{"id-admin", ann_, bob_}));  // by user id

  std::int64_t plain_id = tx_.tasks().insert(make_task(project_, "plain"));
  auto plain = tx_.tasks().by_id(plain_id);
  EXPECT_EQ(plain->milestone_id, std::nullopt);
  EXPECT_EQ(plain->description, std::nullopt);
  EXPECT_EQ(plain->priority, TaskPriority::kNormal);
  EXPECT_EQ(plain->status, TaskStatus::kOpen);
  EXPECT_EQ(plain->custom_status_id, std::nullopt);
  EXPECT_EQ(plain->start_date, std::nullopt);
  EXPECT_EQ(plain->deadline, std::nullopt);
  EXPECT_TRUE(plain->responsibles.empty());
  EXPECT_FALSE(tx_.tasks().by_id(424242));

  // Update writes every field and replaces the responsibles.
  TaskRecord changed = *got;
  changed.project_id = other;
  changed.milestone_id = std::nullopt;
  changed.title = "Rewrite the docs";
  changed.description = std::nullopt;
  changed.priority = TaskPriority::kLow;
  changed.status = TaskStatus::kOpen;
  changed.custom_status_id = std::nullopt;
  changed.start_date = std::nullopt;
  changed.deadline = from_ticks(5);
  changed.progress = 100;
  changed.updated = from_ticks(33);
  changed.updated_by = bob_;
  changed.responsibles = {bob_};
  tx_.tasks().update(changed);
  got = tx_.tasks().by_id(id);
  EXPECT_EQ(got->project_id, other);
  EXPECT_EQ(got->milestone_id, std::nullopt);
  EXPECT_EQ(got->title, "Rewrite the docs");
  EXPECT_EQ(got->description, std::nullopt);
  EXPECT_EQ(got->priority, TaskPriority::kLow);
  EXPECT_EQ(got->status, TaskStatus::kOpen);
  EXPECT_EQ(got->custom_status_id, std::nullopt);
  EXPECT_EQ(got->start_date, std::nullopt);
  EXPECT_EQ(got->deadline, from_ticks(5));
  EXPECT_EQ(got->progress, 100);
  EXPECT_EQ(got->created, from_ticks(11));
  EXPECT_EQ(got->updated, from_ticks(33));
  EXPECT_EQ(got->updated_by, bob_);
  EXPECT_EQ(got->responsibles, (Names{bob_}));
  changed.responsibles = {};
  tx_.tasks().update(changed);
  EXPECT_TRUE(tx_.tasks().by_id(id)->responsibles.empty());

  changed.id = 424242;
  EXPECT_EQ(error_of([&] { tx_.tasks().update(changed); }).kind(), ErrorKind::kNotFound);
  // An unknown id throws before any responsible is written.
  EXPECT_EQ(rows("task_responsibles"), 0);
}

TEST_F(SqliteTaskRepoTest, ByIdsReturnsEachTaskOnceWithItsOwnResponsibles) {
  TaskRecord t = make_task(project_, "a");
  t.responsibles = {ann_};
  std::int64_t a = tx_.tasks().insert(t);
  t.responsibles = {bob_, ann_};
  std::int64_t b = tx_.tasks().insert(t);
  t.responsibles = {};
  std::int64_t c = tx_.tasks().insert(t);

  auto tasks = tx_.tasks().by_ids({c, 424242, a, b, a});
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].id, a);
  EXPECT_EQ(tasks[0].responsibles, (Names{ann_}));
  EXPECT_EQ(tasks[1].id, b);
  EXPECT_EQ(tasks[1].responsibles, (Names{ann_, bob_}));
  EXPECT_EQ(tasks[2].id, c);
  EXPECT_TRUE(tasks[2].responsibles.empty());
  EXPECT_TRUE(tx_.tasks().by_ids({}).empty());
}

// docs/architecture.md, "Storage and durability": a task with its subtasks, links and responsibles
// costs O(1) statements.
TEST_F(SqliteTaskRepoTest, BatchReadsCostAFixedNumberOfStatements) {
  Ids ids;
  for (int i = 0; i < 60; ++i) {
    TaskRecord t = make_task(project_, "t" + std::to_string(i));
    t.responsibles = {ann_, bob_};
    ids.push_back(tx_.tasks().insert(t));
    tx_.tasks().insert_subtask(make_subtask(ids.back(), "s"));
    if (i > 0)
      tx_.tasks().insert_link({.parent_task_id = ids[i - 1], .dependence_task_id = ids[i]});
  }
  for (const Ids& batch : {Ids{}, Ids{ids[0]}, Ids{ids[1], ids[2]}, ids}) {
    std::size_t tasks = 0;
    std::size_t subtasks = 0;
    std::size_t links = 0;
    std::size_t responsibles = 0;
    std::uint64_t statements = statements_of([&] {
      for (const TaskRecord& t : tx_.tasks().by_ids(batch)) {
        ++tasks;
        responsibles += t.responsibles.size();
      }
      subtasks = tx_.tasks().subtasks_of(batch).size();
      links = tx_.tasks().links_of(batch).size();
    });
    // tasks, responsibles (none to read when no task was found), subtasks, links
    EXPECT_EQ(statements, batch.empty() ? 3u : 4u) << batch.size() << " ids";
    EXPECT_EQ(tasks, batch.size());
    EXPECT_EQ(responsibles, 2 * batch.size());
    EXPECT_EQ(subtasks, batch.size());
    EXPECT_LE(links, batch.size() + 1);
  }
  EXPECT_EQ(statements_of([&] { tx_.tasks().by_id(ids[0]); }), 2u);
  TaskQuery everything;
  everything.viewer = {.user_id = "id-admin", .is_admin = true};
  EXPECT_EQ(statements_of([&] { EXPECT_EQ(tx_.tasks().page(everything).size(), ids.size()); }), 2u);
}

TEST_F(SqliteTaskRepoTest, SubtasksRoundTripMoveAndClose) {
  std::int64_t task = tx_.tasks().insert(make_task(project_, "T"));
  std::int64_t other = tx_.tasks().insert(make_task(project_, "U"));
  SubtaskRecord s{.id = 999,
                  .task_id = task,
                  .title = "first step",
                  .status = TaskStatus::kOpen,
                  .responsible_id = bob_,
                  .created = from_ticks(11),
                  .created_by = ann_,
                  .updated = from_ticks(22),
                  .updated_by = bob_};
  std::int64_t id = tx_.tasks().insert_subtask(s);
  EXPECT_NE(id, 999);
  auto got = tx_.tasks().subtask(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->task_id, task);
  EXPECT_EQ(got->title, "first step");
  EXPECT_EQ(got->status, TaskStatus::kOpen);
  EXPECT_EQ(got->responsible_id, bob_);
  EXPECT_EQ(got->created, from_ticks(11));
  EXPECT_EQ(got->created_by, ann_);
  EXPECT_EQ(got->updated, from_ticks(22));
  EXPECT_EQ(got->updated_by, bob_);
  EXPECT_FALSE(tx_.tasks().subtask(424242));

  std::int64_t second = tx_.tasks().insert_subtask(make_subtask(task, "second"));
  SubtaskRecord done = make_subtask(task, "done");
  done.status = TaskStatus::kClosed;
  std::int64_t done_id = tx_.tasks().insert_subtask(done);
  std::int64_t elsewhere = tx_.tasks().insert_subtask(make_subtask(other, "elsewhere"));
  EXPECT_EQ(tx_.tasks().subtask(second)->responsible_id, std::nullopt);

  // Closing a task's subtasks touches its open ones only.
  tx_.tasks().close_subtasks(task, bob_, from_ticks(500));
  for (std::int64_t closed : {id, second}) {
    auto each = tx_.tasks().subtask(closed);
    EXPECT_EQ(each->status, TaskStatus::kClosed);
    EXPECT_EQ(each->updated, from_ticks(500));
    EXPECT_EQ(each->updated_by, bob_);
  }
  EXPECT_EQ(tx_.tasks().subtask(done_id)->updated, from_ticks(2'000));
  EXPECT_EQ(tx_.tasks().subtask(elsewhere)->status, TaskStatus::kOpen);

  // Update may move a subtask to another task.
  got->task_id = other;
  got->title = "moved";
  got->status = TaskStatus::kOpen;
  got->responsible_id = std::nullopt;
  got->updated = from_ticks(600);
  tx_.tasks().update_subtask(*got);
  auto moved = tx_.tasks().subtask(id);
  EXPECT_EQ(moved->task_id, other);
  EXPECT_EQ(moved->title, "moved");
  EXPECT_EQ(moved->status, TaskStatus::kOpen);
  EXPECT_EQ(moved->responsible_id, std::nullopt);
  EXPECT_EQ(moved->updated, from_ticks(600));
  got->id = 424242;
  EXPECT_EQ(error_of([&] { tx_.tasks().update_subtask(*got); }).kind(), ErrorKind::kNotFound);

  std::vector<std::int64_t> order;
  for (const SubtaskRecord& each : tx_.tasks().subtasks_of({other, task}))
    order.push_back(each.id);
  EXPECT_EQ(order, (Ids{second, done_id, id, elsewhere}));  // by task, then id

  tx_.tasks().remove_subtask(second);
  EXPECT_FALSE(tx_.tasks().subtask(second));
  tx_.tasks().remove_subtask(424242);
}

TEST_F(SqliteTaskRepoTest, LinksRefuseDuplicatesReversalsAndSelfLinks) {
  std::int64_t a = tx_.tasks().insert(make_task(project_, "a"));
  std::int64_t b = tx_.tasks().insert(make_task(project_, "b"));
  std::int64_t c = tx_.tasks().insert(make_task(project_, "c"));
  tx_.tasks().insert_link(
      {.parent_task_id = a, .dependence_task_id = b, .link_type = TaskLinkType::kEndStart});
  tx_.tasks().insert_link({.parent_task_id = c, .dependence_task_id = a});

  auto found = tx_.tasks().link(a, b);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->parent_task_id, a);
  EXPECT_EQ(found->dependence_task_id, b);
  EXPECT_EQ(found->link_type, TaskLinkType::kEndStart);
  EXPECT_FALSE(tx_.tasks().link(b, a));  // directed

  ApiError again = error_of([&] {
    tx_.tasks().insert_link(
        {.parent_task_id = a, .dependence_task_id = b, .link_type = TaskLinkType::kEnd});
  });
  EXPECT_EQ(again.kind(), ErrorKind::kConflict);
  EXPECT_STREQ(again.what(), "These tasks are already linked");
  ApiError reversed =
      error_of([&] { tx_.tasks().insert_link({.parent_task_id = b, .dependence_task_id = a}); });
  EXPECT_EQ(reversed.kind(), ErrorKind::kConflict);
  ApiError self =
      error_of([&] { tx_.tasks().insert_link({.parent_task_id = c, .dependence_task_id = c}); });
  EXPECT_EQ(self.kind(), ErrorKind::kBadRequest);
  EXPECT_STREQ(self.what(), "A task cannot be linked to itself");
  EXPECT_EQ(error_of([&] {
              tx_.tasks().insert_link({.parent_task_id = c, .dependence_task_id = 424242});
            }).kind(),
            ErrorKind::kNotFound);

  auto links = tx_.tasks().links_of({a});
  ASSERT_EQ(links.size(), 2u);  // as parent and as dependent, sorted by parent
  EXPECT_EQ(links[0].parent_task_id, a);
  EXPECT_EQ(links[0].dependence_task_id, b);
  EXPECT_EQ(links[1].parent_task_id, c);
  EXPECT_EQ(links[1].link_type, TaskLinkType::kStart);
  EXPECT_EQ(tx_.tasks().links_of({b}).size(), 1u);
  EXPECT_EQ(tx_.tasks().links_of({b, c}).size(), 2u);
  EXPECT_TRUE(tx_.tasks().links_of({}).empty());

  tx_.tasks().remove_link(b, a);  // not this direction: nothing happens
  EXPECT_TRUE(tx_.tasks().link(a, b));
  tx_.tasks().remove_link(a, b);
  EXPECT_FALSE(tx_.tasks().link(a, b));
  tx_.tasks().insert_link({.parent_task_id = b, .dependence_task_id = a});  // free again
}

TEST_F(SqliteTaskRepoTest, SubscriptionsAndReminders) {
  std::int64_t task = tx_.tasks().insert(make_task(project_, "T"));
  EXPECT_FALSE(tx_.tasks().is_subscribed(task, bob_));
  tx_.tasks().set_subscribed(task, bob_, true);
  tx_.tasks().set_subscribed(task, bob_, true);
  EXPECT_TRUE(tx_.tasks().is_subscribed(task, bob_));
  EXPECT_FALSE(tx_.tasks().is_subscribed(task, ann_));
  tx_.tasks().set_subscribed(task, bob_, false);
  EXPECT_FALSE(tx_.tasks().is_subscribed(task, bob_));

  tx_.tasks().add_reminder(task, bob_, from_ticks(10));
  tx_.tasks().add_reminder(task, bob_, from_ticks(20));
  EXPECT_EQ(rows("task_reminders"), 2);
}

TEST_F(SqliteTaskRepoTest, RemoveCascadesToWhatHangsOnTheTask) {
  TaskRecord t = make_task(project_, "T");
  t.responsibles = {ann_, bob_};
  std::int64_t task = tx_.tasks().insert(t);
  std::int64_t kept = tx_.tasks().insert(t);
  std::int64_t third = tx_.tasks().insert(make_task(project_, "third"));
  tx_.tasks().insert_subtask(make_subtask(task, "s"));
  std::int64_t kept_subtask = tx_.tasks().insert_subtask(make_subtask(kept, "s"));
  tx_.tasks().insert_link({.parent_task_id = task, .dependence_task_id = kept});
  tx_.tasks().insert_link({.parent_task_id = third, .dependence_task_id = task});
  tx_.tasks().insert_link({.parent_task_id = kept, .dependence_task_id = third});
  tx_.tasks().set_subscribed(task, ann_, true);
  tx_.tasks().add_reminder(task, ann_, from_ticks(1));

  tx_.tasks().remove(task);
  EXPECT_FALSE(tx_.tasks().by_id(task));
  EXPECT_EQ(rows("subtasks"), 1);
  EXPECT_TRUE(tx_.tasks().subtask(kept_subtask));
  EXPECT_EQ(rows("task_responsibles"), 2);  // the kept task's
  EXPECT_EQ(rows("task_links"), 1);
  EXPECT_TRUE(tx_.tasks().link(kept, third));
  EXPECT_EQ(rows("task_subscribers"), 0);
  EXPECT_EQ(rows("task_reminders"), 0);
  tx_.tasks().remove(424242);
}

}  // namespace
}  // namespace projectd
