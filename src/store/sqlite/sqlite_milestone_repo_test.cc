// Milestones on SQLite.
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::error_of;
using testing::make_milestone;
using testing::make_project;
using testing::make_task;
using Ids = std::vector<std::int64_t>;

using SqliteMilestoneRepoTest = testing::SqliteProjectTestBase;

TEST_F(SqliteMilestoneRepoTest, MilestoneRoundTripUpdateAndRemoval) {
  std::string ann = add_user("ann");
  std::int64_t p = tx_.projects().insert(make_project("P", ann));
  std::int64_t q = tx_.projects().insert(make_project("Q", ann));
  MilestoneRecord m{.id = 0,
                    .project_id = p,
                    .title = "Beta release",
                    .description = "all features in",
                    .deadline = from_ticks(40'000),
                    .is_key = true,
                    .is_notify = true,
                    .status = MilestoneStatus::kClosed,
                    .responsible_id = ann,
                    .created = from_ticks(11),
                    .created_by = "id-admin",
                    .updated = from_ticks(22),
                    .updated_by = ann};
  std::int64_t id = tx_.milestones().insert(m);
  auto got = tx_.milestones().by_id(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->project_id, p);
  EXPECT_EQ(got->title, "Beta release");
  EXPECT_EQ(got->description, "all features in");
  EXPECT_EQ(got->deadline, from_ticks(40'000));
  EXPECT_TRUE(got->is_key);
  EXPECT_TRUE(got->is_notify);
  EXPECT_EQ(got->status, MilestoneStatus::kClosed);
  EXPECT_EQ(got->responsible_id, ann);
  EXPECT_EQ(got->created, from_ticks(11));
  EXPECT_EQ(got->created_by, "id-admin");
  EXPECT_EQ(got->updated, from_ticks(22));
  EXPECT_EQ(got->updated_by, ann);

  got->project_id = q;
  got->title = "Moved";
  got->description = "";
  got->deadline = from_ticks(30'000);
  got->is_key = false;
  got->is_notify = false;
  got->status = MilestoneStatus::kOpen;
  got->responsible_id = "id-admin";
  got->updated = from_ticks(33);
  tx_.milestones().update(*got);
  auto moved = tx_.milestones().by_id(id);
  EXPECT_EQ(moved->project_id, q);
  EXPECT_EQ(moved->title, "Moved");
  EXPECT_EQ(moved->deadline, from_ticks(30'000));
  EXPECT_FALSE(moved->is_key);
  EXPECT_FALSE(moved->is_notify);
  EXPECT_EQ(moved->status, MilestoneStatus::kOpen);
  EXPECT_EQ(moved->responsible_id, "id-admin");
  EXPECT_EQ(moved->updated, from_ticks(33));
  got->id = 424242;
  EXPECT_EQ(error_of([&] { tx_.milestones().update(*got); }).kind(), ErrorKind::kNotFound);

  // of_project: by deadline, then id.
  MilestoneRecord early = make_milestone(q, "early", ann);
  early.deadline = from_ticks(10'000);
  std::int64_t early_id = tx_.milestones().insert(early);
  MilestoneRecord tie = make_milestone(q, "tie", ann);
  tie.deadline = from_ticks(30'000);
  std::int64_t tie_id = tx_.milestones().insert(tie);
  tx_.milestones().insert(make_milestone(p, "other project", ann));
  std::vector<std::int64_t> order;
  for (const MilestoneRecord& each : tx_.milestones().of_project(q))
    order.push_back(each.id);
  EXPECT_EQ(order, (Ids{early_id, id, tie_id}));
  auto batch = tx_.milestones().by_ids({tie_id, early_id, 424242});
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch[0].id, early_id);
  EXPECT_EQ(batch[1].id, tie_id);
  EXPECT_TRUE(tx_.milestones().by_ids({}).empty());

  // Removing a milestone keeps its tasks, without a milestone.
  TaskRecord t = make_task(q, "T");
  t.milestone_id = id;
  std::int64_t task_id = tx_.tasks().insert(t);
  tx_.milestones().remove(id);
  EXPECT_FALSE(tx_.milestones().by_id(id));
  auto task = tx_.tasks().by_id(task_id);
  ASSERT_TRUE(task);
  EXPECT_EQ(task->milestone_id, std::nullopt);
}

}  // namespace
}  // namespace projectd
