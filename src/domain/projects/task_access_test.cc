// Task checks against a real store: a batch's tasks are checked with the same statements whatever
// its length, and a task is left out exactly when its single check would answer 404.
#include "domain/projects/task_access.h"
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::make_milestone;
using testing::make_project;
using testing::make_task;

using Ids = std::vector<std::int64_t>;

class TaskAccessTest : public testing::SqliteProjectTestBase {
 protected:
  // 100 tasks spread over ten projects of ann; bob is in the team of the even projects only, and
  // every project is private. Every third task has a milestone.
  TaskAccessTest() {
    const std::string ann = add_user("ann");
    const std::string bob = add_user("bob");
    std::vector<std::int64_t> projects;
    std::vector<std::int64_t> milestones;
    for (int p = 0; p < 10; ++p) {
      ProjectRecord project = make_project("P" + std::to_string(p), ann);
      project.is_private = true;
      projects.push_back(tx_.projects().insert(project));
      milestones.push_back(tx_.milestones().insert(make_milestone(projects.back(), "M", ann)));
      if (p % 2 == 0) tx_.projects().put_member(projects.back(), {.user_id = bob, .security = 0});
    }
    for (int i = 0; i < 100; ++i) {
      TaskRecord task = make_task(projects[i % 10], "T" + std::to_string(i));
      if (i % 3 == 0) task.milestone_id = milestones[i % 10];
      task.responsibles = {ann};
      ids_.push_back(tx_.tasks().insert(task));
    }
  }

  Ids ids_;
  Viewer bob_{.user_id = "id-bob", .is_admin = false, .is_visitor = false};
};

TEST_F(TaskAccessTest, ABatchIsCheckedWithTheSameStatementsWhateverItsLength) {
  for (std::size_t n : {1u, 10u, 100u}) {
    const Ids ids(ids_.begin(), ids_.begin() + static_cast<std::ptrdiff_t>(n));
    std::size_t readable = 0;
    const std::uint64_t statements =
        statements_of([&] { readable = readable_tasks(tx_, bob_, ids).size(); });
    // tasks, responsibles, milestones, projects, memberships
    EXPECT_EQ(statements, 5u) << n << " tasks";
    EXPECT_EQ(readable, (n + 1) / 2) << n << " tasks";
  }
}

TEST_F(TaskAccessTest, ABatchLeavesOutWhatTheSingleCheckRefuses) {
  Ids ids = ids_;
  ids.push_back(424242);
  ids.push_back(ids_[0]);  // repeated ids once
  const std::map<std::int64_t, TaskScope> readable = readable_tasks(tx_, bob_, ids);
  EXPECT_EQ(readable.size(), 50u);
  for (std::int64_t id : ids) {
    const auto found = readable.find(id);
    bool alone = true;
    try {
      const TaskScope scope = readable_task(tx_, bob_, id);
      ASSERT_NE(found, readable.end()) << id;
      EXPECT_EQ(found->second.task.responsibles, scope.task.responsibles);
      EXPECT_EQ(found->second.project.id, scope.project.id);
      EXPECT_EQ(found->second.milestone.has_value(), scope.milestone.has_value());
      EXPECT_EQ(found->second.security.can_delete_task(found->second.task),
                scope.security.can_delete_task(scope.task));
    } catch (const ApiError& error) {
      EXPECT_EQ(error.kind(), ErrorKind::kNotFound);
      alone = false;
    }
    EXPECT_EQ(found != readable.end(), alone) << id;
  }
  EXPECT_TRUE(readable_tasks(tx_, bob_, {}).empty());
}

}  // namespace
}  // namespace projectd
