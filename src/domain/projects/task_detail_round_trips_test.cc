// A task's detail on PostgreSQL costs a fixed, small number of round trips (issue 20): its reads
// are sent ahead in two pipelines (task_views.cc, StoreTx::prefetch), a read the domain repeats is
// answered from the transaction's memory, the BEGIN goes out with the first pipeline and the
// COMMIT is not waited for. The answer is the one the same reads give one statement at a time, as
// on SQLite.
#include "domain/projects/task_views.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres/postgres_test_support.h"
#include "store/sqlite/sqlite_project_test_support.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

namespace projectd::testing {
namespace {

class TaskDetailRoundTripsTest : public PostgresStoreTestBase {
 protected:
  void seed(StoreTx& tx) override {
    tx.users().insert(make_user("ann"));
    tx.users().insert(make_user("bob"));
    tx.users().insert(make_user("admin"));  // who made the subtasks
    const std::int64_t project = tx.projects().insert(make_project("Plan", "id-ann"));
    tx.projects().put_member(project, {.user_id = "id-bob", .security = 0});
    TaskRecord task = make_task(project, "Write it", "id-ann");
    task.milestone_id = tx.milestones().insert(make_milestone(project, "M1", "id-ann"));
    task.responsibles = {"id-bob"};
    task_ = tx.tasks().insert(task);
    tx.tasks().insert_subtask(make_subtask(task_, "First part"));
    tx.tasks().insert_subtask(make_subtask(task_, "Second part"));
    tx.comments().insert(CommentRecord{.id = "c0000000-0000-0000-0000-000000000001",
                                       .target = CommentTarget::kTask,
                                       .entity_id = task_,
                                       .parent_id = "",
                                       .content = "Looks good",
                                       .inactive = false,
                                       .created = from_ticks(3'000),
                                       .created_by = "id-bob",
                                       .updated = from_ticks(3'000)});
  }

  TaskDetail detail_as_bob() {
    return store_->read_value([&](StoreTx& tx) { return load_task_detail(tx, bob_, task_); });
  }

  std::int64_t task_ = 0;
  Viewer bob_{.user_id = "id-bob", .is_admin = false, .is_visitor = false};
};

TEST_F(TaskDetailRoundTripsTest, ATasksDetailWaitsForTwoRoundTripsAndShowsEverything) {
  detail_as_bob();  // the connection prepares its statements once; the people are cached
  const std::uint64_t before = store_->round_trips();
  const TaskDetail detail = detail_as_bob();
  // BEGIN with the reads the task's id names; the project's and the attached files' reads. Then
  // COMMIT, sent without waiting for its answer. The people come from the store's people cache
  // (store/people_cache.h). One statement at a time it was eighteen round trips and a COMMIT.
  EXPECT_EQ(store_->round_trips() - before, 3u);

  ASSERT_EQ(detail.views.tasks.size(), 1u);
  const TaskView& view = detail.views.tasks.front();
  EXPECT_EQ(view.task.title, "Write it");
  EXPECT_EQ(view.task.responsibles, std::vector<std::string>{"id-bob"});
  ASSERT_TRUE(view.milestone.has_value());
  EXPECT_EQ(view.milestone->title, "M1");
  ASSERT_EQ(view.subtasks.size(), 2u);
  EXPECT_EQ(view.subtasks[1].subtask.title, "Second part");
  EXPECT_EQ(detail.project.project.title, "Plan");
  EXPECT_EQ(detail.project.counts.all_tasks, 1);
  EXPECT_TRUE(view.rights.create_subtask);
  EXPECT_TRUE(detail.can_create_comment);
  ASSERT_EQ(detail.comments.comments.size(), 1u);
  EXPECT_EQ(detail.comments.comments.front().comment.content, "Looks good");
  EXPECT_EQ(detail.views.people.get("id-ann").first_name, "First");
  EXPECT_EQ(detail.views.people.get("id-bob").id, "id-bob");
}

// After a broad write (one that changes a person is one), the people are read again, in one
// round trip more, and the detail shows the change.
TEST_F(TaskDetailRoundTripsTest, AfterAPersonChangesTheDetailReadsThePeopleAgain) {
  detail_as_bob();
  store_->write([&](StoreTx& tx) {
    UserRecord ann = *tx.users().by_id("id-ann");
    ann.first_name = "Anna";
    tx.users().update(ann);
  });
  const std::uint64_t before = store_->round_trips();
  const TaskDetail detail = detail_as_bob();
  EXPECT_EQ(store_->round_trips() - before, 4u);
  EXPECT_EQ(detail.views.people.get("id-ann").first_name, "Anna");
}

// A task the viewer may not read is a 404 with the reads sent ahead as without them.
TEST_F(TaskDetailRoundTripsTest, AMissingTaskIsStillNotFound) {
  try {
    store_->read([&](StoreTx& tx) { load_task_detail(tx, bob_, task_ + 1000); });
    ADD_FAILURE() << "a missing task was found";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
  }
}

}  // namespace
}  // namespace projectd::testing
