// Attaching a file to a task on PostgreSQL (the durable write of bench/postgres.sh, issue 20)
// waits for a fixed, small number of round trips: the BEGIN rides with the first reads, the reads
// that do not depend on each other go in one pipeline (attachment_service.cc, task_access.cc,
// task_views.cc: StoreTx::prefetch), and what the write logs commits with it. The answer is the
// task as it is after the change, the same as statement by statement.
#include "domain/files/file_service.h"
#include "domain/projects/attachment_service.h"

#include "blob/blob_store.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres/postgres_test_support.h"
#include "store/sqlite/sqlite_file_test_support.h"
#include "store/sqlite/sqlite_project_test_support.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

namespace projectd::testing {
namespace {

class AttachmentRoundTripsTest : public PostgresStoreTestBase {
 protected:
  // Ann manages a project whose documents folder holds two files; her task has a milestone, a
  // subtask and Bob as its responsible.
  void seed(StoreTx& tx) override {
    tx.users().insert(make_user("ann"));
    tx.users().insert(make_user("bob"));
    ProjectRecord project = make_project("Plan", "id-ann");
    project.id = tx.projects().insert(project);
    tx.projects().put_member(project.id, {.user_id = "id-bob", .security = 0});
    FolderRecord root = make_folder(std::nullopt, "Plan", static_cast<int>(FolderKind::kProject));
    root.project_id = project.id;
    project.folder_id = tx.folders().insert(root);
    tx.projects().update(project);
    for (const char* title : {"a.txt", "b.txt"})
      files_.push_back(tx.files().insert(make_file(*project.folder_id, title, title)));
    TaskRecord task = make_task(project.id, "Write it", "id-ann");
    task.milestone_id = tx.milestones().insert(make_milestone(project.id, "M1", "id-ann"));
    task.responsibles = {"id-bob"};
    task_ = tx.tasks().insert(task);
    tx.tasks().insert_subtask(make_subtask(task_, "First part"));
  }

  void SetUp() override {
    PostgresStoreTestBase::SetUp();
    if (IsSkipped()) return;
    files_service_ = std::make_unique<FileService>(*store_, blobs_, 1 << 20);
    attachments_ = std::make_unique<AttachmentService>(*store_, *files_service_);
    // The first changes prepare the connection's statements.
    change(AttachmentAction::kAttach, files_[0]);
    change(AttachmentAction::kDetach, files_[0]);
    change(AttachmentAction::kAttach, files_[1]);
  }
  void TearDown() override {
    attachments_.reset();
    files_service_.reset();
    PostgresStoreTestBase::TearDown();
  }

  TaskViews change(AttachmentAction action, std::int64_t file) {
    return attachments_->change_task_files(ann_, task_, action, {file});
  }

  // The files attached to the task, as a fresh read sees them.
  std::vector<std::int64_t> attached() {
    std::vector<std::int64_t> out;
    store_->read([&](StoreTx& tx) {
      for (const AttachmentRecord& a : tx.attachments().of_entities(EntityKind::kTask, {task_}))
        out.push_back(a.file_id);
    });
    return out;
  }

  TempDir dir_;
  BlobStore blobs_{dir_.path() / "blobs"};
  std::unique_ptr<FileService> files_service_;
  std::unique_ptr<AttachmentService> attachments_;
  Caller ann_{.user_id = "id-ann", .is_admin = false, .is_visitor = false, .token_hash = ""};
  std::vector<std::int64_t> files_;
  std::int64_t task_ = 0;
};

TEST_F(AttachmentRoundTripsTest, AnAttachWaitsForEightRoundTripsAndAnswersTheTaskAsChanged) {
  for (AttachmentAction action : {AttachmentAction::kAttach, AttachmentAction::kDetach}) {
    const std::uint64_t before = store_->round_trips();
    const TaskViews views = change(action, files_[0]);
    // BEGIN with the task's and the file's reads; the task's project, membership and milestone
    // (the file's project is the task's: its rights are known); the attachment; its audit record;
    // the notification's event; after the change, the task's parents, subtasks and links
    // together, then the people; the change log with COMMIT. Statement by statement, BEGIN and
    // COMMIT included, it was twenty (and a lock that made notifying writes commit in turn).
    EXPECT_EQ(store_->round_trips() - before, 8u) << static_cast<int>(action);

    ASSERT_EQ(views.tasks.size(), 1u);
    const TaskView& view = views.tasks.front();
    EXPECT_EQ(view.task.title, "Write it");
    EXPECT_EQ(view.task.responsibles, std::vector<std::string>{"id-bob"});
    ASSERT_TRUE(view.milestone.has_value());
    EXPECT_EQ(view.milestone->title, "M1");
    ASSERT_EQ(view.subtasks.size(), 1u);
    EXPECT_EQ(view.project.title, "Plan");
    EXPECT_TRUE(view.rights.edit);
    EXPECT_EQ(views.people.get("id-bob").id, "id-bob");
  }
  EXPECT_EQ(attached(), std::vector<std::int64_t>{files_[1]});
}

// A file that is not there is still a 404, and nothing is attached.
TEST_F(AttachmentRoundTripsTest, AMissingFileIsStillNotFound) {
  try {
    change(AttachmentAction::kAttach, files_[1] + 1000);
    ADD_FAILURE() << "a missing file was attached";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
  }
  EXPECT_EQ(attached(), std::vector<std::int64_t>{files_[1]});
}

}  // namespace
}  // namespace projectd::testing
