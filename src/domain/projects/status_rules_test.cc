// Where PUT task/{id}/status moves a task, and who may set a status that is not available.
#include "domain/projects/status_rules.h"
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::error_of;
using testing::make_project;
using testing::make_task;

class StatusRulesTest : public testing::SqliteProjectTestBase {
 protected:
  std::int64_t add_status(TaskStatus type, bool available) {
    CustomStatusRecord s;
    s.title = "S";
    s.status_type = type;
    s.available = available;
    return tx_.statuses().insert(s);
  }
};

TEST_F(StatusRulesTest, ACustomStatusDecidesTheTypeAndUnknownIdsAreRefused) {
  const std::int64_t done = add_status(TaskStatus::kClosed, true);
  TaskStatusChoice choice = choose_task_status(tx_.statuses(), TaskStatus::kOpen, done);
  EXPECT_EQ(choice.status, TaskStatus::kClosed);
  EXPECT_EQ(choice.custom_status_id, done);
  EXPECT_TRUE(choice.available);
  EXPECT_EQ(
      error_of([&] { choose_task_status(tx_.statuses(), TaskStatus::kOpen, done + 9); }).kind(),
      ErrorKind::kBadRequest);
}

TEST_F(StatusRulesTest, ZeroNegativeOrAbsentIdsMeanTheDefaultOfTheStatus) {
  for (std::optional<std::int64_t> id :
       {std::optional<std::int64_t>(), std::optional<std::int64_t>(0),
        std::optional<std::int64_t>(-1)}) {
    TaskStatusChoice choice = choose_task_status(tx_.statuses(), TaskStatus::kClosed, id);
    EXPECT_EQ(choice.status, TaskStatus::kClosed);
    EXPECT_EQ(choice.custom_status_id, std::nullopt);
  }
  EXPECT_EQ(choose_task_status(tx_.statuses(), std::nullopt, -2).status, TaskStatus::kClosed);
  EXPECT_EQ(choose_task_status(tx_.statuses(), std::nullopt, -1).status, TaskStatus::kOpen);
  EXPECT_EQ(error_of([&] { choose_task_status(tx_.statuses(), std::nullopt, 0); }).kind(),
            ErrorKind::kBadRequest);
}

TEST_F(StatusRulesTest, AnUnavailableStatusIsForTheCreatorTheManagerAndAdmins) {
  const std::string pm = add_user("pm"), creator = add_user("creator"), member = add_user("m");
  ProjectRecord project = make_project("P", pm);
  project.id = tx_.projects().insert(project);
  TaskRecord task = make_task(project.id, "T", creator);
  const TaskStatusChoice locked =
      choose_task_status(tx_.statuses(), std::nullopt, add_status(TaskStatus::kClosed, false));
  EXPECT_FALSE(locked.available);
  auto check = [&](const Viewer& viewer, const TaskStatusChoice& choice) {
    ProjectSecurity security(viewer, project, TeamMember{viewer.user_id, 0});
    require_may_set_status(security, viewer, task, choice);
  };
  check(Viewer{pm, false, false}, locked);
  check(Viewer{creator, false, false}, locked);
  check(Viewer{"id-admin", true, false}, locked);
  EXPECT_EQ(error_of([&] {
              check(Viewer{member, false, false}, locked);
            }).kind(),
            ErrorKind::kForbidden);
  const TaskStatusChoice open =
      choose_task_status(tx_.statuses(), std::nullopt, add_status(TaskStatus::kClosed, true));
  check(Viewer{member, false, false}, open);
}

}  // namespace
}  // namespace projectd
