// Custom task statuses on SQLite.
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::error_of;
using testing::make_project;
using testing::make_task;

using SqliteStatusRepoTest = testing::SqliteProjectTestBase;

CustomStatusRecord make_status(std::string title, TaskStatus type, int order) {
  CustomStatusRecord s;
  s.title = std::move(title);
  s.status_type = type;
  s.order = order;
  return s;
}

TEST_F(SqliteStatusRepoTest, RoundTripKeepsEveryFieldAndNulls) {
  CustomStatusRecord s = make_status("In review", TaskStatus::kOpen, 3);
  s.description = "waiting for a reviewer";
  s.image = "PHN2Zy8+";
  s.image_type = "image/svg+xml";
  s.color = "#ff0000";
  s.available = false;
  const std::int64_t id = tx_.statuses().insert(s);
  auto got = tx_.statuses().by_id(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->title, "In review");
  EXPECT_EQ(got->description, "waiting for a reviewer");
  EXPECT_EQ(got->image, "PHN2Zy8+");
  EXPECT_EQ(got->image_type, "image/svg+xml");
  EXPECT_EQ(got->color, "#ff0000");
  EXPECT_EQ(got->order, 3);
  EXPECT_EQ(got->status_type, TaskStatus::kOpen);
  EXPECT_FALSE(got->available);

  const std::int64_t bare = tx_.statuses().insert(make_status("Done", TaskStatus::kClosed, 1));
  got = tx_.statuses().by_id(bare);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->description, std::nullopt);
  EXPECT_EQ(got->image, std::nullopt);
  EXPECT_EQ(got->image_type, std::nullopt);
  EXPECT_EQ(got->color, std::nullopt);
  EXPECT_EQ(got->status_type, TaskStatus::kClosed);
  EXPECT_TRUE(got->available);
  EXPECT_FALSE(tx_.statuses().by_id(bare + 100));
}

TEST_F(SqliteStatusRepoTest, AllIsOrderedByOrderThenId) {
  const std::int64_t c = tx_.statuses().insert(make_status("C", TaskStatus::kOpen, 2));
  const std::int64_t a = tx_.statuses().insert(make_status("A", TaskStatus::kClosed, 1));
  const std::int64_t b = tx_.statuses().insert(make_status("B", TaskStatus::kOpen, 1));
  std::vector<std::int64_t> ids;
  for (const CustomStatusRecord& s : tx_.statuses().all())
    ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{a, b, c}));
}

TEST_F(SqliteStatusRepoTest, UpdateReplacesEveryFieldAndUnknownIdIsNotFound) {
  CustomStatusRecord s = make_status("Old", TaskStatus::kOpen, 1);
  s.description = "old";
  s.color = "#000000";
  s.id = tx_.statuses().insert(s);
  s.title = "New";
  s.description.reset();
  s.color = "#ffffff";
  s.order = 7;
  s.status_type = TaskStatus::kClosed;
  s.available = false;
  tx_.statuses().update(s);
  auto got = tx_.statuses().by_id(s.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title, "New");
  EXPECT_EQ(got->description, std::nullopt);
  EXPECT_EQ(got->color, "#ffffff");
  EXPECT_EQ(got->order, 7);
  EXPECT_EQ(got->status_type, TaskStatus::kClosed);
  EXPECT_FALSE(got->available);

  s.id += 100;
  EXPECT_EQ(error_of([&] { tx_.statuses().update(s); }).kind(), ErrorKind::kNotFound);
}

TEST_F(SqliteStatusRepoTest, InUseCountsTasksAndRemoveDeletesTheRow) {
  const std::int64_t used = tx_.statuses().insert(make_status("Used", TaskStatus::kOpen, 1));
  const std::int64_t idle = tx_.statuses().insert(make_status("Idle", TaskStatus::kOpen, 2));
  const std::int64_t project = tx_.projects().insert(make_project("P", "id-admin"));
  for (int i = 0; i < 2; ++i) {
    TaskRecord task = make_task(project, "T" + std::to_string(i));
    task.custom_status_id = used;
    tx_.tasks().insert(task);
  }
  tx_.tasks().insert(make_task(project, "plain"));
  EXPECT_EQ(tx_.statuses().in_use(used), 2);
  EXPECT_EQ(tx_.statuses().in_use(idle), 0);

  tx_.statuses().remove(idle);
  tx_.statuses().remove(idle + 100);  // unknown: nothing happens
  EXPECT_FALSE(tx_.statuses().by_id(idle));
  EXPECT_EQ(rows("custom_statuses"), 1);
}

}  // namespace
}  // namespace projectd
