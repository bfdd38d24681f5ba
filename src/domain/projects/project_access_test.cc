// Project views against a real store: a page of views costs the same statements whatever its
// length (docs/architecture.md, "Storage and durability"), and the batch gives each project what
// its own reads would.
#include "domain/projects/project_access.h"
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::make_milestone;
using testing::make_project;
using testing::make_task;

using Ids = std::vector<std::int64_t>;

class ProjectAccessTest : public testing::SqliteProjectTestBase {
 protected:
  // 100 private projects of ann; bob is in the team of every third, restricted from files in
  // every sixth and from tasks in every ninth, and follows the odd ones; each project has its own
  // number of tasks (with time entries) and tags.
  ProjectAccessTest() {
    ann_ = add_user("ann");
    bob_ = add_user("bob");
    for (int i = 0; i < 100; ++i) {
      ProjectRecord project = make_project("P" + std::to_string(i), ann_);
      project.is_private = true;
      const std::int64_t id = tx_.projects().insert(project);
      ids_.push_back(id);
      if (i % 3 == 0) {
        const int security =
            (i % 6 == 0 ? team_security::kFiles : 0) | (i % 9 == 0 ? team_security::kTasks : 0);
        tx_.projects().put_member(id, {.user_id = bob_, .security = security});
      }
      if (i % 2 == 1) tx_.projects().set_follower(id, bob_, true);
      for (int t = 0; t < i % 4; ++t) {
        const std::int64_t task = tx_.tasks().insert(make_task(id, "T" + std::to_string(t)));
        // Task t holds (t + 1) tenths of an hour, in two entries.
        for (std::int64_t seconds : {180 * (t + 1), 180 * (t + 1)})
          tx_.time().insert(TimeEntryRecord{.task_id = task,
                                            .person_id = ann_,
                                            .date = from_ticks(1'000),
                                            .seconds = seconds,
                                            .note = std::nullopt,
                                            .payment_status = PaymentStatus::kNotChargeable,
                                            .status_changed = std::nullopt,
                                            .created = from_ticks(1'000),
                                            .created_by = ann_});
      }
      if (i % 5 == 0) tx_.milestones().insert(make_milestone(id, "M", ann_));
      if (i % 2 == 0) tx_.projects().set_tags(id, {"tag" + std::to_string(i % 7), "common"});
    }
  }

  std::vector<ProjectRecord> first(std::size_t n) {
    return tx_.projects().by_ids(Ids(ids_.begin(), ids_.begin() + static_cast<std::ptrdiff_t>(n)));
  }

  std::string ann_;
  std::string bob_;
  Ids ids_;
  Viewer bob_viewer_{.user_id = "id-bob", .is_admin = false, .is_visitor = false};
  Viewer ann_viewer_{.user_id = "id-ann", .is_admin = false, .is_visitor = false};
};

TEST_F(ProjectAccessTest, ViewsOfAPageCostTheSameStatementsWhateverItsLength) {
  for (std::size_t n : {1u, 10u, 100u}) {
    std::vector<ProjectRecord> records = first(n);
    std::vector<ProjectView> views;
    const std::uint64_t statements =
        statements_of([&] { views = views_of(tx_, bob_viewer_, std::move(records)); });
    // memberships, counts, follows, tags, and one grouped sum of the time entries
    EXPECT_EQ(statements, 5u) << n << " projects";
    EXPECT_EQ(views.size(), n);
  }
  EXPECT_EQ(statements_of([&] { views_of(tx_, bob_viewer_, std::vector<ProjectRecord>{}); }), 0u);
  for (std::size_t n : {1u, 10u, 100u}) {
    const Ids ids(ids_.begin(), ids_.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_EQ(statements_of([&] { projects_with_security(tx_, bob_viewer_, ids); }), 2u)
        << n << " projects";  // projects, memberships
  }
}

// The batch against the single reads it replaces, project by project.
TEST_F(ProjectAccessTest, ViewsOfAPageMatchWhatEachProjectsOwnReadsGive) {
  const std::vector<ProjectView> views = views_of(tx_, bob_viewer_, first(100));
  ASSERT_EQ(views.size(), 100u);
  for (std::size_t i = 0; i < views.size(); ++i) {
    const ProjectView& view = views[i];
    const std::int64_t id = ids_[i];
    EXPECT_EQ(view.project.id, id);
    const ProjectSecurity alone = security_in(tx_, bob_viewer_, view.project);
    EXPECT_EQ(view.security.can_read(), alone.can_read()) << i;
    EXPECT_EQ(view.security.is_member(), alone.is_member()) << i;
    EXPECT_EQ(view.security.can_read_files(), alone.can_read_files()) << i;
    EXPECT_EQ(view.security.can_read(), i % 3 == 0) << i;
    EXPECT_EQ(view.security.can_read_files(), i % 3 == 0 && i % 6 != 0) << i;
    EXPECT_EQ(view.is_follow, i % 2 == 1) << i;
    // What bob may not read counts 0: the projects outside his team, the tasks hidden from him.
    const bool tasks_shown = i % 3 == 0 && i % 9 != 0;
    EXPECT_EQ(view.counts.all_tasks, tasks_shown ? static_cast<std::int64_t>(i % 4) : 0) << i;
    EXPECT_EQ(view.counts.open_milestones, i % 3 == 0 && i % 5 == 0 ? 1 : 0) << i;
    EXPECT_EQ(view.counts.participants, i % 3 == 0 ? 1 : 0) << i;
    // The time on the tasks bob reads: 0.1 h for the first task, 0.2 h for the second...
    const std::int64_t tasks = static_cast<std::int64_t>(i % 4);
    EXPECT_EQ(view.time_seconds, tasks_shown ? 360 * tasks * (tasks + 1) / 2 : 0) << i;
    const std::vector<std::string> tags =
        i % 2 == 0 ? std::vector<std::string>{"common", "tag" + std::to_string(i % 7)}
                   : std::vector<std::string>{};
    EXPECT_EQ(view.tags, tags) << i;

    const ProjectView single = view_of(tx_, bob_viewer_, view.project);
    EXPECT_EQ(single.is_follow, view.is_follow) << i;
    EXPECT_EQ(single.tags, view.tags) << i;
    EXPECT_EQ(single.counts.all_tasks, view.counts.all_tasks) << i;
    EXPECT_EQ(single.time_seconds, view.time_seconds) << i;
    EXPECT_EQ(single.security.can_read_files(), view.security.can_read_files()) << i;
  }
}

TEST_F(ProjectAccessTest, ViewsKeepTheGivenOrder) {
  std::vector<ProjectRecord> records = first(3);
  std::swap(records[0], records[2]);
  const std::vector<ProjectView> views = views_of(tx_, ann_viewer_, std::move(records));
  ASSERT_EQ(views.size(), 3u);
  EXPECT_EQ(views[0].project.id, ids_[2]);
  EXPECT_EQ(views[1].project.id, ids_[1]);
  EXPECT_EQ(views[2].project.id, ids_[0]);
  EXPECT_EQ(views[0].counts.all_tasks, 2);
  EXPECT_EQ(views[2].counts.all_tasks, 0);
}

}  // namespace
}  // namespace projectd
