// Attachments of files to tasks and discussions on SQLite, the triggers that drop them with their
// entity, and the audit that outlives both.
#include "store/sqlite/sqlite_file_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::make_task;

class SqliteAttachmentRepoTest : public testing::SqliteFileTestBase {
 protected:
  SqliteAttachmentRepoTest() {
    task_ = tx_.tasks().insert(make_task(project_, "T"));
    other_task_ = tx_.tasks().insert(make_task(project_, "U"));
    MessageRecord m;
    m.project_id = project_;
    m.title = "Discussion";
    m.content = "<p>hi</p>";
    m.created = m.updated = from_ticks(1);
    m.created_by = m.updated_by = "id-admin";
    // Tasks and discussions number from 1 each: one discussion first, so message_ differs from
    // task_ and a test can tell the kinds apart by id.
    tx_.messages().insert(m);
    message_ = tx_.messages().insert(m);
    f1_ = file(root_, "one.txt");
    f2_ = file(root_, "two.txt");
    f3_ = file(root_, "three.txt");
  }

  bool attach(EntityKind kind, std::int64_t entity_id, std::int64_t file_id, std::int64_t at = 1,
              const std::string& by = "id-admin") {
    return tx_.attachments().attach({.kind = kind,
                                     .entity_id = entity_id,
                                     .file_id = file_id,
                                     .attached = from_ticks(at),
                                     .attached_by = by});
  }
  void audit(EntityKind kind, std::int64_t entity_id, std::int64_t file_id, AttachmentAction action,
             std::int64_t at, const std::string& reason = "") {
    tx_.attachments().add_audit({.id = 0,
                                 .kind = kind,
                                 .entity_id = entity_id,
                                 .file_id = file_id,
                                 .file_title = "title of " + std::to_string(file_id),
                                 .action = action,
                                 .reason = reason,
                                 .user_id = "id-admin",
                                 .at = from_ticks(at)});
  }

  std::int64_t task_ = 0;
  std::int64_t other_task_ = 0;
  std::int64_t message_ = 0;
  std::int64_t f1_ = 0;
  std::int64_t f2_ = 0;
  std::int64_t f3_ = 0;
};

using Ids = std::vector<std::int64_t>;

Ids file_ids(const std::vector<AttachmentRecord>& attachments) {
  Ids out;
  for (const AttachmentRecord& a : attachments)
    out.push_back(a.file_id);
  return out;
}

TEST_F(SqliteAttachmentRepoTest, AttachTwiceWritesOnceAndDetachSaysWhetherItRemoved) {
  EXPECT_TRUE(attach(EntityKind::kTask, task_, f1_, 5, "id-ann"));
  EXPECT_FALSE(attach(EntityKind::kTask, task_, f1_, 6, "id-bob"));
  EXPECT_EQ(rows("entity_files"), 1);
  auto got = tx_.attachments().of_entities(EntityKind::kTask, {task_});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, EntityKind::kTask);
  EXPECT_EQ(got[0].entity_id, task_);
  EXPECT_EQ(got[0].file_id, f1_);
  EXPECT_EQ(got[0].attached, from_ticks(5));  // the first attach stays
  EXPECT_EQ(got[0].attached_by, "id-ann");

  // The same numbers as a discussion are another link.
  EXPECT_TRUE(attach(EntityKind::kMessage, task_, f1_));
  EXPECT_EQ(rows("entity_files"), 2);

  EXPECT_FALSE(tx_.attachments().detach(EntityKind::kTask, task_, f2_));
  EXPECT_FALSE(tx_.attachments().detach(EntityKind::kTask, other_task_, f1_));
  EXPECT_TRUE(tx_.attachments().detach(EntityKind::kTask, task_, f1_));
  EXPECT_FALSE(tx_.attachments().detach(EntityKind::kTask, task_, f1_));
  EXPECT_TRUE(tx_.attachments().of_entities(EntityKind::kTask, {task_}).empty());
  EXPECT_EQ(rows("entity_files"), 1);
}

TEST_F(SqliteAttachmentRepoTest, AFileThatDoesNotExistCannotBeAttached) {
  EXPECT_THROW(attach(EntityKind::kTask, task_, 987654), ApiError);
  EXPECT_EQ(rows("entity_files"), 0);
}

TEST_F(SqliteAttachmentRepoTest, OfEntitiesOrdersByEntityThenTimeThenFile) {
  attach(EntityKind::kTask, other_task_, f1_, 1);
  attach(EntityKind::kTask, task_, f3_, 2);
  attach(EntityKind::kTask, task_, f2_, 9);
  attach(EntityKind::kTask, task_, f1_, 2);
  attach(EntityKind::kMessage, message_, f2_, 1);  // another kind: not asked for
  attach(EntityKind::kMessage, message_ + 1000, f2_, 1);

  auto got = tx_.attachments().of_entities(EntityKind::kTask, {other_task_, task_, 987654});
  ASSERT_EQ(got.size(), 4u);
  Ids entities;
  for (const AttachmentRecord& a : got)
    entities.push_back(a.entity_id);
  EXPECT_EQ(entities, (Ids{task_, task_, task_, other_task_}));  // task_ < other_task_
  EXPECT_EQ(file_ids(got), (Ids{f1_, f3_, f2_, f1_}));
  EXPECT_EQ(file_ids(tx_.attachments().of_entities(EntityKind::kMessage, {message_})), (Ids{f2_}));
  EXPECT_TRUE(tx_.attachments().of_entities(EntityKind::kTask, {}).empty());

  auto of_f2 = tx_.attachments().of_file(f2_);
  ASSERT_EQ(of_f2.size(), 3u);
  EXPECT_EQ(of_f2[0].kind, EntityKind::kTask);
  EXPECT_EQ(of_f2[0].entity_id, task_);
  EXPECT_EQ(of_f2[1].kind, EntityKind::kMessage);
  EXPECT_EQ(of_f2[1].entity_id, message_);
  EXPECT_EQ(of_f2[2].kind, EntityKind::kMessage);
  EXPECT_EQ(of_f2[2].entity_id, message_ + 1000);
  EXPECT_TRUE(tx_.attachments().of_file(987654).empty());

  auto of_files = tx_.attachments().of_files({f3_, f1_, 987654});
  EXPECT_EQ(file_ids(of_files), (Ids{f1_, f1_, f3_}));
  EXPECT_EQ(of_files[0].entity_id, task_);
  EXPECT_EQ(of_files[1].entity_id, other_task_);
}

TEST_F(SqliteAttachmentRepoTest, BatchReadsAreOneStatementWhateverTheirLength) {
  Ids tasks;
  Ids files;
  for (int i = 0; i < 100; ++i) {
    tasks.push_back(tx_.tasks().insert(make_task(project_, "T" + std::to_string(i))));
    files.push_back(file(root_, "f" + std::to_string(i)));
    attach(EntityKind::kTask, tasks.back(), files.back());
    attach(EntityKind::kTask, tasks.back(), f1_);
  }
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{10}, tasks.size()}) {
    Ids some_tasks(tasks.begin(), tasks.begin() + static_cast<std::ptrdiff_t>(n));
    Ids some_files(files.begin(), files.begin() + static_cast<std::ptrdiff_t>(n));
    std::size_t found = 0;
    EXPECT_EQ(statements_of([&] {
                found = tx_.attachments().of_entities(EntityKind::kTask, some_tasks).size();
              }),
              1u);
    EXPECT_EQ(found, 2 * n);
    EXPECT_EQ(statements_of([&] { found = tx_.attachments().of_files(some_files).size(); }), 1u);
    EXPECT_EQ(found, n);
  }
}

TEST_F(SqliteAttachmentRepoTest, DeletingATaskOrDiscussionDropsItsLinksButKeepsTheAudit) {
  attach(EntityKind::kTask, task_, f1_);
  attach(EntityKind::kTask, task_, f2_);
  attach(EntityKind::kTask, other_task_, f1_);
  attach(EntityKind::kMessage, message_, f1_);
  attach(EntityKind::kMessage, task_, f3_);  // a discussion numbered as the task
  ASSERT_NE(message_, task_);
  audit(EntityKind::kTask, task_, f1_, AttachmentAction::kAttach, 1);
  audit(EntityKind::kTask, task_, f1_, AttachmentAction::kDetach, 2, "task deleted");

  tx_.tasks().remove(task_);
  EXPECT_TRUE(tx_.attachments().of_entities(EntityKind::kTask, {task_}).empty());
  EXPECT_EQ(tx_.attachments().of_entities(EntityKind::kTask, {other_task_}).size(), 1u);
  EXPECT_EQ(tx_.attachments().of_entities(EntityKind::kMessage, {message_, task_}).size(), 2u);
  EXPECT_TRUE(tx_.files().by_id(f1_));  // the files stay
  EXPECT_EQ(tx_.attachments().audit(EntityKind::kTask, task_).size(), 2u);

  tx_.messages().remove(message_);
  EXPECT_TRUE(tx_.attachments().of_entities(EntityKind::kMessage, {message_}).empty());
  EXPECT_EQ(tx_.attachments().of_entities(EntityKind::kMessage, {task_}).size(), 1u);

  // A deleted project takes its tasks by cascade; the trigger still runs for each.
  tx_.projects().remove(project_);
  EXPECT_TRUE(tx_.attachments().of_entities(EntityKind::kTask, {other_task_}).empty());
  EXPECT_EQ(rows("entity_file_audit"), 2);
}

TEST_F(SqliteAttachmentRepoTest, AuditIsOldestFirstAndKeepsEveryField) {
  audit(EntityKind::kTask, task_, f2_, AttachmentAction::kAttach, 30);
  audit(EntityKind::kTask, other_task_, f1_, AttachmentAction::kAttach, 5);
  audit(EntityKind::kTask, task_, f2_, AttachmentAction::kDetach, 30, "file deleted");
  audit(EntityKind::kMessage, task_, f3_, AttachmentAction::kAttach, 1);

  auto got = tx_.attachments().audit(EntityKind::kTask, task_);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_LT(got[0].id, got[1].id);
  EXPECT_EQ(got[0].kind, EntityKind::kTask);
  EXPECT_EQ(got[0].entity_id, task_);
  EXPECT_EQ(got[0].file_id, f2_);
  EXPECT_EQ(got[0].file_title, "title of " + std::to_string(f2_));
  EXPECT_EQ(got[0].action, AttachmentAction::kAttach);
  EXPECT_EQ(got[0].reason, "");
  EXPECT_EQ(got[0].user_id, "id-admin");
  EXPECT_EQ(got[0].at, from_ticks(30));
  EXPECT_EQ(got[1].action, AttachmentAction::kDetach);
  EXPECT_EQ(got[1].reason, "file deleted");
  EXPECT_EQ(tx_.attachments().audit(EntityKind::kMessage, task_).size(), 1u);
  EXPECT_TRUE(tx_.attachments().audit(EntityKind::kMessage, message_).empty());
}

}  // namespace
}  // namespace projectd
