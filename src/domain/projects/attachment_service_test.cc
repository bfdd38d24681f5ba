// What the seed request costs (docs/architecture.md, "Threads and transactions"): attaching files
// to a task answers the task from the write transaction that attached them, on a real SQLite
// store. One write, no read transaction of its own, and only what the answer shows: the same
// statements whether the task carries comments and files or nothing, plus two per file attached
// (the attachment and its audit record).
#include "domain/projects/attachment_service.h"
#include "domain/projects/task_service.h"

#include "blob/blob_store.h"
#include "store/sqlite/sqlite_file_test_support.h"
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace projectd {
namespace {

using testing::make_file;
using testing::make_folder;
using testing::make_project;
using testing::make_task;
using testing::make_user;
using testing::TempDir;
using Ids = std::vector<std::int64_t>;

struct Cost {
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
  std::uint64_t statements = 0;
};

class AttachmentCostTest : public ::testing::Test {
 protected:
  // One project with its documents folder holding 20 files; a bare task, and a busy task with
  // 30 comments, 5 subtasks and 10 files attached; a discussion.
  AttachmentCostTest() {
    store_->write([&](StoreTx& tx) {
      UserRecord admin = make_user("admin");
      admin.is_admin = true;
      tx.users().insert(admin);
      ProjectRecord project = make_project("P", admin.id);
      project.id = tx.projects().insert(project);
      FolderRecord root = make_folder(std::nullopt, "P", static_cast<int>(FolderKind::kProject));
      root.project_id = project.id;
      project.folder_id = tx.folders().insert(root);
      tx.projects().update(project);
      for (int i = 0; i < 20; ++i)
        files_.push_back(tx.files().insert(
            make_file(*project.folder_id, "f" + std::to_string(i) + ".txt", std::to_string(i))));
      bare_task_ = tx.tasks().insert(make_task(project.id, "bare"));
      busy_task_ = tx.tasks().insert(make_task(project.id, "busy"));
      for (int i = 0; i < 30; ++i)
        tx.comments().insert(CommentRecord{.id = "c" + std::to_string(i),
                                           .target = CommentTarget::kTask,
                                           .entity_id = busy_task_,
                                           .parent_id = "",
                                           .content = "<p>comment</p>",
                                           .created = now_utc(),
                                           .created_by = admin.id,
                                           .updated = now_utc()});
      for (int i = 0; i < 5; ++i)
        tx.tasks().insert_subtask(testing::make_subtask(busy_task_, "s" + std::to_string(i)));
      for (int i = 10; i < 20; ++i)
        tx.attachments().attach(
            AttachmentRecord{EntityKind::kTask, busy_task_, files_[i], now_utc(), admin.id});
      message_ = tx.messages().insert(MessageRecord{.project_id = project.id,
                                                    .title = "M",
                                                    .content = "<p>m</p>",
                                                    .created = now_utc(),
                                                    .created_by = admin.id,
                                                    .updated = now_utc(),
                                                    .updated_by = admin.id});
    });
  }

  Cost cost_of(const std::function<void()>& fn) {
    const Cost before{store_->reads(), store_->writes(), store_->statements()};
    fn();
    return Cost{store_->reads() - before.reads, store_->writes() - before.writes,
                store_->statements() - before.statements};
  }

  struct TaskChange {
    TaskViews views;
    Cost cost;
  };
  // One change of a task's files, which must answer that task from its one write transaction.
  TaskChange change_task(std::int64_t task, AttachmentAction action, const Ids& files) {
    TaskChange out;
    out.cost =
        cost_of([&] { out.views = attachments_.change_task_files(admin_, task, action, files); });
    EXPECT_EQ(out.cost.reads, 0u);
    EXPECT_EQ(out.cost.writes, 1u);
    EXPECT_EQ(out.views.tasks.size(), 1u);
    if (!out.views.tasks.empty()) {
      EXPECT_EQ(out.views.tasks.front().task.id, task);
    }
    return out;
  }

  Ids attached_to(EntityKind kind, std::int64_t id) {
    Ids out;
    for (const FileView& view : attachments_.list(admin_, kind, id).files)
      out.push_back(view.file.id);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, true);
  BlobStore blobs_{dir_.path() / "blobs"};
  FileService file_service_{*store_, blobs_, 1 << 20};
  AttachmentService attachments_{*store_, file_service_};
  Caller admin_{.user_id = "id-admin", .is_admin = true, .is_visitor = false, .token_hash = ""};
  Ids files_;
  std::int64_t bare_task_ = 0;
  std::int64_t busy_task_ = 0;
  std::int64_t message_ = 0;
};

TEST_F(AttachmentCostTest, AttachingToATaskAnswersFromItsOwnWriteWithOnlyWhatTheAnswerShows) {
  const TaskChange bare = change_task(bare_task_, AttachmentAction::kAttach, {files_[0]});
  // 19 today, the transaction's own statements included: the task's checks, the file's, the
  // attachment and its audit row, the task.files.attached change event (docs/notifications.md: the
  // outbox row rides the change's own commit), then TaskWrapper's facts. A change that makes it
  // grow must say why here.
  EXPECT_LE(bare.cost.statements, 19u);
  EXPECT_EQ(attached_to(EntityKind::kTask, bare_task_), Ids{files_[0]});

  // A task with comments, subtasks and files costs the same: none of them is loaded but the
  // subtasks TaskWrapper shows, and those in one statement.
  const TaskChange busy = change_task(busy_task_, AttachmentAction::kAttach, {files_[1]});
  EXPECT_EQ(busy.cost.statements, bare.cost.statements);
  ASSERT_EQ(busy.views.tasks.size(), 1u);
  EXPECT_EQ(busy.views.tasks.front().subtasks.size(), 5u);

  // Five files more cost their attachment and audit rows, nothing else.
  const TaskChange five = change_task(bare_task_, AttachmentAction::kAttach,
                                      {files_[2], files_[3], files_[4], files_[5], files_[6]});
  EXPECT_EQ(five.cost.statements, bare.cost.statements + 2 * 4);
  EXPECT_EQ(attached_to(EntityKind::kTask, bare_task_).size(), 6u);
}

// GET project/task/{id} uncached (issue 20): one read transaction whose statements do not grow with
// the number of the task's comments, subtasks or files.
TEST_F(AttachmentCostTest, ReadingATaskWholeCostsTheSameStatementsWhateverItHolds) {
  TaskService tasks(*store_);
  std::optional<TaskDetail> bare, busy_read;
  const Cost bare_cost = cost_of([&] { bare.emplace(tasks.get(admin_, bare_task_)); });
  const Cost busy_cost = cost_of([&] { busy_read.emplace(tasks.get(admin_, busy_task_)); });
  const TaskDetail& busy = *busy_read;
  EXPECT_EQ(bare_cost.reads, 1u);
  EXPECT_EQ(busy_cost.reads, 1u);
  EXPECT_EQ(busy.files.size(), 10u);
  EXPECT_EQ(busy.views.tasks.front().subtasks.size(), 5u);
  EXPECT_EQ(busy.comments.comments.size(), 30u);
  // 18 today for a bare task, BEGIN and COMMIT included (24 before the task's checks were
  // shared): the task's checks (task, responsibles, project, membership: read once, then shared by
  // the task's view and its comment thread), its subtasks and links, the project's counts, follow,
  // tags and time, the comments, the attachments, the subscription, the task's time and the
  // people. Files add their access checks and shares, once for all of them. A change that makes it
  // grow must say why here.
  EXPECT_LE(bare_cost.statements, 18u);
  EXPECT_LE(busy_cost.statements, bare_cost.statements + 3);
}

TEST_F(AttachmentCostTest, DetachingFromATaskAnswersFromItsOwnWrite) {
  change_task(busy_task_, AttachmentAction::kDetach, {files_[10]});
  EXPECT_EQ(attached_to(EntityKind::kTask, busy_task_).size(), 9u);
}

TEST_F(AttachmentCostTest, ADiscussionAnswersWithItsFilesFromTheSameWrite) {
  std::optional<MessageFullView> view;
  const Cost cost = cost_of([&] {
    view = attachments_.change_message_files(admin_, message_, AttachmentAction::kAttach,
                                             {files_[0], files_[1]});
  });
  EXPECT_EQ(cost.reads, 0u);
  EXPECT_EQ(cost.writes, 1u);
  // The answer saw its own write: MessageWrapperFull lists the files just attached.
  ASSERT_EQ(view->files.size(), 2u);
  EXPECT_EQ(view->files[0].file.id, files_[0]);
  EXPECT_EQ(view->files[1].file.id, files_[1]);
}

TEST_F(AttachmentCostTest, ARefusedChangeWritesNothing) {
  try {
    attachments_.change_task_files(admin_, bare_task_, AttachmentAction::kAttach,
                                   {files_[0], 424242});
    ADD_FAILURE() << "an unknown file was attached";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kNotFound);
  }
  EXPECT_TRUE(attached_to(EntityKind::kTask, bare_task_).empty());
}

}  // namespace
}  // namespace projectd
