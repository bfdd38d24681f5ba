// The change events the domain services publish (change_events.h, event_publishers.h), on a real
// SQLite store: each write publishes its event inside its own transaction, after its checks, with
// the caller as actor and the project it happened in; a refused call publishes nothing; a batch
// publishes one event per entity it changed.
#include "domain/notify/change_events.h"

#include "blob/blob_store.h"
#include "domain/files/file_service.h"
#include "domain/notify/milestone_deadlines.h"
#include "domain/projects/attachment_service.h"
#include "domain/projects/comment_service.h"
#include "domain/projects/message_service.h"
#include "domain/projects/project_service.h"
#include "domain/projects/task_service.h"
#include "store/sqlite/sqlite_file_test_support.h"
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include <memory>

namespace projectd {
namespace {

using testing::make_file;
using testing::make_folder;
using testing::make_project;
using testing::make_task;
using testing::make_user;
using testing::TempDir;

class ChangeEventsTest : public ::testing::Test {
 protected:
  // A project with its documents folder holding two files and one task; an admin in its team and
  // an outsider (a user outside the team, who may not change anything there).
  ChangeEventsTest() {
    store_->write([&](StoreTx& tx) {
      UserRecord admin = make_user("admin");
      admin.is_admin = true;
      tx.users().insert(admin);
      tx.users().insert(make_user("outsider"));
      ProjectRecord project = make_project("P", admin.id);
      project.is_private = true;
      project.id = tx.projects().insert(project);
      tx.projects().put_member(project.id, TeamMember{admin.id, 0});
      FolderRecord root = make_folder(std::nullopt, "P", static_cast<int>(FolderKind::kProject));
      root.project_id = project.id;
      project.folder_id = tx.folders().insert(root);
      tx.projects().update(project);
      project_ = project.id;
      folder_ = *project.folder_id;
      file_a_ = tx.files().insert(make_file(folder_, "a.txt", "a"));
      file_b_ = tx.files().insert(make_file(folder_, "b.txt", "b"));
      task_ = tx.tasks().insert(make_task(project.id, "T"));
    });
  }

  std::vector<ChangeEventRecord> events() {
    return store_->read_value([](StoreTx& tx) { return tx.outbox().oldest_events(100); });
  }

  // The events published since the last call.
  std::vector<ChangeEventRecord> take_events() {
    std::vector<ChangeEventRecord> out = events();
    std::vector<std::int64_t> ids;
    for (const ChangeEventRecord& event : out)
      ids.push_back(event.id);
    store_->write([&](StoreTx& tx) { tx.outbox().remove_events(ids); });
    return out;
  }

  // The one event published since the last call, checked for its type, entity, project and actor.
  boost::json::object only_event(std::string_view type, std::int64_t entity,
                                 std::optional<std::int64_t> project) {
    const std::vector<ChangeEventRecord> taken = take_events();
    EXPECT_EQ(taken.size(), 1u);
    if (taken.size() != 1) return {};
    expect_event(taken.front(), type, entity, project);
    return event_data(taken.front());
  }

  void expect_event(const ChangeEventRecord& e, std::string_view type, std::int64_t entity,
                    std::optional<std::int64_t> project) {
    EXPECT_EQ(e.type, type);
    EXPECT_EQ(e.entity_id, entity);
    EXPECT_EQ(e.project_id, project);
    EXPECT_EQ(e.actor_id, admin_.user_id);
  }

  // `call` is refused with `kind` and publishes nothing.
  template <class Call>
  void expect_refused_silently(ErrorKind kind, Call call) {
    take_events();
    try {
      call();
      ADD_FAILURE() << "the call was not refused";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.kind(), kind) << error.what();
    }
    EXPECT_TRUE(events().empty());
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, true);
  BlobStore blobs_{dir_.path() / "blobs"};
  FileService files_{*store_, blobs_, 1 << 20};
  AttachmentService attachments_{*store_, files_};
  TaskService tasks_{*store_};
  CommentService comments_{*store_};
  MessageService messages_{*store_};
  ProjectService projects_{*store_};
  Caller admin_{.user_id = "id-admin", .is_admin = true, .is_visitor = false, .token_hash = ""};
  Caller outsider_{
      .user_id = "id-outsider", .is_admin = false, .is_visitor = false, .token_hash = ""};
  std::int64_t project_ = 0;
  std::int64_t folder_ = 0;
  std::int64_t file_a_ = 0;
  std::int64_t file_b_ = 0;
  std::int64_t task_ = 0;
};

boost::json::array event_people_ids(std::initializer_list<std::string> ids) {
  boost::json::array out;
  for (const std::string& id : ids)
    out.emplace_back(id);
  return out;
}

TEST_F(ChangeEventsTest, TaskCreationCarriesNotifyAndResponsibles) {
  TaskChanges fields;
  fields.title = "New";
  fields.responsibles = std::vector<std::string>{"id-admin"};
  fields.notify = true;
  const std::int64_t id = tasks_.create(admin_, project_, fields).tasks.front().task.id;
  const boost::json::object data = only_event(event::kTaskCreated, id, project_);
  EXPECT_EQ(data.at("notify"), true);
  EXPECT_EQ(data.at("responsibles"), event_people_ids({"id-admin"}));

  // A copy is a new task too; its route's notify is absent here.
  TaskChanges copy_fields;
  copy_fields.title = "Copy";
  const std::int64_t copy = tasks_.copy(admin_, id, copy_fields, {}).tasks.front().task.id;
  EXPECT_EQ(only_event(event::kTaskCreated, copy, project_).at("notify"), false);
}

TEST_F(ChangeEventsTest, TaskUpdateNamesOnlyNewResponsiblesAndPublishesTheStatusChange) {
  TaskChanges changes;
  changes.responsibles = std::vector<std::string>{"id-admin"};
  changes.status = TaskStatus::kClosed;
  tasks_.update(admin_, task_, changes);
  const std::vector<ChangeEventRecord> taken = take_events();
  ASSERT_EQ(taken.size(), 2u);
  expect_event(taken[0], event::kTaskUpdated, task_, project_);
  EXPECT_EQ(event_data(taken[0]).at("responsibles_added"), event_people_ids({"id-admin"}));
  expect_event(taken[1], event::kTaskStatus, task_, project_);
  const boost::json::object status = event_data(taken[1]);
  EXPECT_EQ(status.at("from"), 1);
  EXPECT_EQ(status.at("to"), 2);
  EXPECT_TRUE(status.at("custom_from").is_null());
  EXPECT_TRUE(status.at("custom_to").is_null());

  // The same responsibles again: an update with nobody new, and no status event.
  TaskChanges title;
  title.title = "Renamed";
  title.responsibles = std::vector<std::string>{"id-admin"};
  tasks_.update(admin_, task_, title);
  EXPECT_EQ(only_event(event::kTaskUpdated, task_, project_).at("responsibles_added"),
            boost::json::array());
}

TEST_F(ChangeEventsTest, ABatchStatusChangePublishesOneEventPerTaskChanged) {
  const std::int64_t second =
      store_->write_value([&](StoreTx& tx) { return tx.tasks().insert(make_task(project_, "U")); });
  const TaskDetailBatch batch = tasks_.set_status_many(
      admin_, {task_, 424242, second}, {.status = TaskStatus::kClosed, .status_id = std::nullopt});
  EXPECT_EQ(batch.failed.size(), 1u);
  const std::vector<ChangeEventRecord> taken = take_events();
  ASSERT_EQ(taken.size(), 2u);
  expect_event(taken[0], event::kTaskStatus, task_, project_);
  expect_event(taken[1], event::kTaskStatus, second, project_);
}

TEST_F(ChangeEventsTest, DeletingATaskPublishesItsTitleAndItsDetaches) {
  attachments_.change_task_files(admin_, task_, AttachmentAction::kAttach, {file_a_});
  take_events();
  tasks_.remove(admin_, task_);
  const std::vector<ChangeEventRecord> taken = take_events();
  ASSERT_EQ(taken.size(), 2u);
  expect_event(taken[0], event::kTaskFilesDetached, task_, project_);
  expect_event(taken[1], event::kTaskDeleted, task_, project_);
  EXPECT_EQ(event_data(taken[1]).at("title"), "T");
}

TEST_F(ChangeEventsTest, AttachAndDetachNameOnlyTheFilesReallyChanged) {
  attachments_.change_task_files(admin_, task_, AttachmentAction::kAttach, {file_a_});
  take_events();
  attachments_.change_task_files(admin_, task_, AttachmentAction::kAttach, {file_a_, file_b_});
  const boost::json::object attached = only_event(event::kTaskFilesAttached, task_, project_);
  EXPECT_EQ(attached.at("files"),
            (boost::json::array{boost::json::object{{"id", file_b_}, {"title", "b.txt"}}}));
  attachments_.change_task_files(admin_, task_, AttachmentAction::kDetach, {file_a_});
  EXPECT_EQ(only_event(event::kTaskFilesDetached, task_, project_).at("files").as_array().size(),
            1u);
  // Nothing attached changes: no event.
  attachments_.change_task_files(admin_, task_, AttachmentAction::kDetach, {file_a_});
  EXPECT_TRUE(take_events().empty());
}

TEST_F(ChangeEventsTest, DeletingAnAttachedFilePublishesTheDetachAndTheDeleteOnce) {
  attachments_.change_task_files(admin_, task_, AttachmentAction::kAttach, {file_a_});
  take_events();
  files_.remove(admin_, file_a_, false);  // into the trash
  const std::vector<ChangeEventRecord> taken = take_events();
  ASSERT_EQ(taken.size(), 2u);
  expect_event(taken[0], event::kFileDeleted, file_a_, project_);
  EXPECT_EQ(event_data(taken[0]).at("title"), "a.txt");
  EXPECT_EQ(event_data(taken[0]).at("folder_id"), folder_);
  expect_event(taken[1], event::kTaskFilesDetached, task_, project_);
  // Deleted for good from the trash: it was already deleted.
  files_.remove(admin_, file_a_, true);
  EXPECT_TRUE(take_events().empty());
}

TEST_F(ChangeEventsTest, ANewFileIsCreated) {
  const std::int64_t id =
      files_.create(admin_, FolderRef{FolderRef::Kind::kId, folder_}, "new.txt", "x", {})
          .files.front()
          .file.id;
  const boost::json::object data = only_event(event::kFileCreated, id, project_);
  EXPECT_EQ(data.at("title"), "new.txt");
  EXPECT_EQ(data.at("folder_id"), folder_);
}

TEST_F(ChangeEventsTest, CommentsDiscussionsAndRemindersArePublished) {
  const std::string comment =
      comments_.add(admin_, CommentTarget::kTask, task_, "<p>hi</p>", std::nullopt)
          .comments.front()
          .comment.id;
  const boost::json::object on_task = only_event(event::kCommentCreated, task_, project_);
  EXPECT_EQ(on_task.at("comment_id"), boost::json::value(comment));
  EXPECT_EQ(on_task.at("on"), "task");
  comments_.add(admin_, CommentTarget::kTask, task_, "<p>re</p>", comment);
  EXPECT_EQ(only_event(event::kCommentCreated, task_, project_).at("on"), "task");

  NewMessage message{.title = "D", .content = "<p>d</p>", .participants = {}, .notify = true};
  const std::int64_t discussion =
      messages_.create(admin_, project_, message).messages.front().message.id;
  const boost::json::object created = only_event(event::kDiscussionCreated, discussion, project_);
  EXPECT_EQ(created.at("participants"), event_people_ids({"id-admin"}));
  EXPECT_EQ(created.at("notify"), true);
  comments_.add(admin_, CommentTarget::kMessage, discussion, "<p>x</p>", std::nullopt);
  EXPECT_EQ(only_event(event::kCommentCreated, discussion, project_).at("on"), "discussion");

  tasks_.remind(admin_, task_);
  only_event(event::kTaskNotify, task_, project_);
}

TEST_F(ChangeEventsTest, ProjectsPublishTheirTitle) {
  NewProject input;
  input.title = "Q";
  const std::int64_t id = projects_.create(admin_, input).view.project.id;
  EXPECT_EQ(only_event(event::kProjectCreated, id, id).at("title"), "Q");
  ProjectChanges changes;
  changes.title = "Q2";
  projects_.update(admin_, id, changes);
  EXPECT_EQ(only_event(event::kProjectUpdated, id, id).at("title"), "Q2");
  projects_.remove(admin_, id);
  EXPECT_EQ(only_event(event::kProjectDeleted, id, id).at("title"), "Q2");
}

TEST_F(ChangeEventsTest, ARefusedCallPublishesNothing) {
  TaskChanges fields;
  fields.title = "New";
  expect_refused_silently(ErrorKind::kNotFound,
                          [&] { tasks_.create(outsider_, project_, fields); });
  expect_refused_silently(ErrorKind::kNotFound, [&] { tasks_.remind(admin_, 424242); });
  expect_refused_silently(ErrorKind::kNotFound, [&] { tasks_.remind(outsider_, task_); });
  expect_refused_silently(ErrorKind::kBadRequest, [&] {
    TaskChanges empty;
    empty.title = " ";
    tasks_.update(admin_, task_, empty);
  });
  expect_refused_silently(ErrorKind::kNotFound, [&] {
    attachments_.change_task_files(admin_, task_, AttachmentAction::kAttach, {file_a_, 424242});
  });
  expect_refused_silently(ErrorKind::kNotFound, [&] {
    comments_.add(outsider_, CommentTarget::kTask, task_, "<p>x</p>", std::nullopt);
  });
  expect_refused_silently(ErrorKind::kNotFound, [&] { tasks_.remove(outsider_, task_); });
}

TEST_F(ChangeEventsTest, AMilestoneDeadlineIsRemindedOncePerDeadline) {
  const Timestamp now = now_utc();
  const auto add_milestone = [&](std::string title, Timestamp deadline, MilestoneStatus status,
                                 std::string responsible) {
    MilestoneRecord m = testing::make_milestone(project_, std::move(title), std::move(responsible));
    m.deadline = deadline;
    m.status = status;
    return store_->write_value([&](StoreTx& tx) { return tx.milestones().insert(m); });
  };
  const std::int64_t soon =
      add_milestone("soon", now + std::chrono::hours(2), MilestoneStatus::kOpen, "id-admin");
  const std::int64_t passed =
      add_milestone("passed", now - std::chrono::hours(3), MilestoneStatus::kOpen, "id-admin");
  add_milestone("later", now + std::chrono::hours(30), MilestoneStatus::kOpen, "id-admin");
  add_milestone("long gone", now - std::chrono::hours(30), MilestoneStatus::kOpen, "id-admin");
  add_milestone("closed", now + std::chrono::hours(2), MilestoneStatus::kClosed, "id-admin");

  EXPECT_EQ(publish_milestone_deadlines(*store_, now), 2);
  const std::vector<ChangeEventRecord> taken = take_events();
  ASSERT_EQ(taken.size(), 2u);
  // By deadline; the server is the actor.
  EXPECT_EQ(taken[0].type, event::kMilestoneDeadline);
  EXPECT_EQ(taken[0].entity_id, passed);
  EXPECT_EQ(taken[1].entity_id, soon);
  EXPECT_EQ(taken[1].project_id, project_);
  EXPECT_EQ(taken[1].actor_id, "");
  EXPECT_EQ(event_data(taken[1]).at("title"), "soon");

  // Once: the next run publishes nothing, until the deadline changes.
  EXPECT_EQ(publish_milestone_deadlines(*store_, now), 0);
  store_->write([&](StoreTx& tx) {
    MilestoneRecord m = *tx.milestones().by_id(soon);
    m.deadline = now + std::chrono::hours(5);
    tx.milestones().update(m);
  });
  EXPECT_EQ(publish_milestone_deadlines(*store_, now), 1);
  EXPECT_EQ(take_events().front().entity_id, soon);
}

}  // namespace
}  // namespace projectd
