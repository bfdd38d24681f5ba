// The change events on PostgreSQL (change_events_test.cc holds the whole list, on SQLite): a
// service write publishes in its own transaction, and the milestone deadline reminder's query and
// marker (migration 0021) work there too. Skipped unless PROJECTD_TEST_POSTGRES is set.
#include "domain/notify/change_events.h"

#include "domain/notify/milestone_deadlines.h"
#include "domain/projects/task_service.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres/postgres_test_support.h"
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace projectd {
namespace {

class ChangeEventsPostgresTest : public testing::PostgresStoreTestBase {
 protected:
  void seed(StoreTx& tx) override {
    UserRecord admin = testing::make_user("admin");
    admin.is_admin = true;
    tx.users().insert(admin);
    ProjectRecord project = testing::make_project("P", admin.id);
    project.id = tx.projects().insert(project);
    tx.projects().put_member(project.id, TeamMember{admin.id, 0});
    project_ = project.id;
  }

  // The events the fan-out may take, once every event committed so far may be taken: on
  // PostgreSQL an event waits while any older transaction of the cluster is open (migration
  // 0024), and the cluster is shared with the tests running beside this one.
  std::vector<ChangeEventRecord> events() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
      std::vector<ChangeEventRecord> taken =
          store_->read_value([](StoreTx& tx) { return tx.outbox().oldest_events(100); });
      SqlStatement all = connection_->prepare("SELECT count(*) FROM change_events");
      if ((all.step() && all.int64(0) == static_cast<std::int64_t>(taken.size())) ||
          std::chrono::steady_clock::now() > deadline)
        return taken;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  std::int64_t project_ = 0;
};

TEST_F(ChangeEventsPostgresTest, ATaskCreatedPublishesItsEvent) {
  TaskService tasks(*store_);
  TaskChanges fields;
  fields.title = "T";
  fields.notify = true;
  const Caller admin{
      .user_id = "id-admin", .is_admin = true, .is_visitor = false, .token_hash = ""};
  const std::int64_t id = tasks.create(admin, project_, fields).tasks.front().task.id;
  const std::vector<ChangeEventRecord> published = events();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].type, event::kTaskCreated);
  EXPECT_EQ(published[0].entity_id, id);
  EXPECT_EQ(published[0].project_id, project_);
  EXPECT_EQ(published[0].actor_id, "id-admin");
  EXPECT_EQ(event_data(published[0]).at("notify"), true);
}

TEST_F(ChangeEventsPostgresTest, AMilestoneDeadlineIsRemindedOnce) {
  const Timestamp now = now_utc();
  MilestoneRecord m = testing::make_milestone(project_, "M", "id-admin");
  m.deadline = now + std::chrono::hours(1);
  m.id = store_->write_value([&](StoreTx& tx) { return tx.milestones().insert(m); });
  EXPECT_EQ(publish_milestone_deadlines(*store_, now), 1);
  EXPECT_EQ(publish_milestone_deadlines(*store_, now), 0);
  const std::vector<ChangeEventRecord> published = events();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].type, event::kMilestoneDeadline);
  EXPECT_EQ(published[0].entity_id, m.id);
}

}  // namespace
}  // namespace projectd
