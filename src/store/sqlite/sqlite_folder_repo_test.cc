// Folders on SQLite.
#include "store/sqlite/sqlite_file_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::make_file;
using testing::make_folder;
using testing::make_project;

using SqliteFolderRepoTest = testing::SqliteProjectTestBase;

TEST_F(SqliteFolderRepoTest, FolderRoundTripAndSubtreeRemoval) {
  FolderRecord root{.id = 0,
                    .parent_id = std::nullopt,
                    .kind = 3,
                    .owner_id = std::nullopt,
                    .project_id = 7,
                    .title = "Project root",
                    .created = from_ticks(10),
                    .created_by = "id-admin",
                    .updated = from_ticks(20),
                    .updated_by = "id-admin"};
  std::int64_t root_id = tx_.folders().insert(root);
  FolderRecord my = root;
  my.kind = 1;
  my.owner_id = "id-admin";
  my.project_id = std::nullopt;
  my.title = "My documents";
  std::int64_t my_id = tx_.folders().insert(my);
  EXPECT_NE(root_id, my_id);

  FolderRecord child = root;
  child.kind = 0;
  child.parent_id = root_id;
  child.title = "Child";
  std::int64_t child_id = tx_.folders().insert(child);
  child.parent_id = child_id;
  child.title = "Grandchild";
  std::int64_t grandchild_id = tx_.folders().insert(child);

  auto got = tx_.folders().by_id(grandchild_id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, grandchild_id);
  EXPECT_EQ(got->parent_id, child_id);
  EXPECT_EQ(got->kind, 0);
  EXPECT_EQ(got->owner_id, std::nullopt);
  EXPECT_EQ(got->project_id, 7);
  EXPECT_EQ(got->title, "Grandchild");
  EXPECT_EQ(got->created, from_ticks(10));
  EXPECT_EQ(got->created_by, "id-admin");
  EXPECT_EQ(got->updated, from_ticks(20));
  EXPECT_EQ(got->updated_by, "id-admin");
  auto got_my = tx_.folders().by_id(my_id);
  ASSERT_TRUE(got_my);
  EXPECT_EQ(got_my->owner_id, "id-admin");
  EXPECT_EQ(got_my->parent_id, std::nullopt);
  EXPECT_EQ(got_my->project_id, std::nullopt);

  // A project pointing at the folder loses the pointer instead of blocking the removal.
  ProjectRecord project = make_project("P", "id-admin");
  project.folder_id = root_id;
  std::int64_t project_id = tx_.projects().insert(project);

  tx_.folders().remove(root_id);
  EXPECT_FALSE(tx_.folders().by_id(root_id));
  EXPECT_FALSE(tx_.folders().by_id(child_id));
  EXPECT_FALSE(tx_.folders().by_id(grandchild_id));
  EXPECT_TRUE(tx_.folders().by_id(my_id));
  EXPECT_EQ(tx_.projects().by_id(project_id)->folder_id, std::nullopt);
  tx_.folders().remove(12345);  // unknown: nothing happens
}

using SqliteFolderTreeTest = testing::SqliteFileTestBase;

FolderListQuery under(std::int64_t parent_id, std::string text = "", std::int64_t offset = 0,
                      std::int64_t limit = 1000) {
  return FolderListQuery{
      .parent_id = parent_id, .text = std::move(text), .offset = offset, .limit = limit};
}

std::vector<std::string> titles(const std::vector<FolderRecord>& folders) {
  std::vector<std::string> out;
  for (const FolderRecord& f : folders)
    out.push_back(f.title);
  return out;
}

TEST_F(SqliteFolderTreeTest, ARootIsItsOwnRootAndSubfoldersInheritTheirPlace) {
  auto root = tx_.folders().by_id(root_);
  ASSERT_TRUE(root);
  EXPECT_EQ(root->root_id, root_);
  EXPECT_EQ(root->root_kind, 3);
  EXPECT_EQ(root->project_id, project_);

  // The record's place fields are ignored under a parent.
  FolderRecord sub = make_folder(root_, "Sub");
  sub.root_id = 999;
  sub.root_kind = 1;
  sub.owner_id = "id-someone";
  sub.project_id = 12345;
  std::int64_t sub_id = tx_.folders().insert(sub);
  std::int64_t deep_id = tx_.folders().insert(make_folder(sub_id, "Deep"));
  for (std::int64_t id : {sub_id, deep_id}) {
    auto got = tx_.folders().by_id(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->kind, 0);
    EXPECT_EQ(got->root_id, root_);
    EXPECT_EQ(got->root_kind, 3);
    EXPECT_EQ(got->owner_id, std::nullopt);
    EXPECT_EQ(got->project_id, project_);
  }

  FolderRecord my = make_folder(std::nullopt, "My Documents", 1);
  my.owner_id = "id-admin";
  std::int64_t my_id = tx_.folders().insert(my);
  std::int64_t my_sub = tx_.folders().insert(make_folder(my_id, "Mine"));
  auto got = tx_.folders().by_id(my_sub);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->root_id, my_id);
  EXPECT_EQ(got->root_kind, 1);
  EXPECT_EQ(got->owner_id, "id-admin");
  EXPECT_EQ(got->project_id, std::nullopt);

  // A parent that does not exist.
  EXPECT_EQ(testing::error_of([&] { tx_.folders().insert(make_folder(987654, "Orphan")); }).kind(),
            ErrorKind::kNotFound);
}

TEST_F(SqliteFolderTreeTest, ProjectRootsMadeByTheProjectServiceWay) {
  // domain/projects/project_service.cc: kind 3, project_id, no parent.
  FolderRecord folder;
  folder.kind = 3;
  folder.project_id = 42;
  folder.title = "Project";
  folder.created_by = folder.updated_by = "id-admin";
  std::int64_t id = tx_.folders().insert(folder);
  auto got = tx_.folders().by_id(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->root_id, id);
  EXPECT_EQ(got->root_kind, 3);
  EXPECT_EQ(got->project_id, 42);
}

TEST_F(SqliteFolderTreeTest, MyAndCommonFolders) {
  // The migration made @common; admin was added after it, so has no @my yet.
  auto common = tx_.folders().common_folder();
  ASSERT_TRUE(common);
  EXPECT_EQ(common->kind, 2);
  EXPECT_EQ(common->root_kind, 2);
  EXPECT_EQ(common->root_id, common->id);
  EXPECT_EQ(common->parent_id, std::nullopt);
  EXPECT_EQ(common->title, "Common Documents");
  EXPECT_FALSE(tx_.folders().my_folder("id-admin"));

  FolderRecord my = make_folder(std::nullopt, "My Documents", 1);
  my.owner_id = "id-admin";
  std::int64_t my_id = tx_.folders().insert(my);
  auto got = tx_.folders().my_folder("id-admin");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, my_id);
  EXPECT_EQ(got->root_id, my_id);
  EXPECT_EQ(got->root_kind, 1);
  EXPECT_FALSE(tx_.folders().my_folder("id-nobody"));
  // One @my per person, one @common.
  EXPECT_THROW(tx_.folders().insert(my), ApiError);
  EXPECT_THROW(tx_.folders().insert(make_folder(std::nullopt, "Again", 2)), ApiError);
}

TEST_F(SqliteFolderTreeTest, RenameChangesTitleAndStamp) {
  std::int64_t id = folder(root_, "Old");
  tx_.folders().rename(id, "New", from_ticks(777), "id-bob");
  auto got = tx_.folders().by_id(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title, "New");
  EXPECT_EQ(got->updated, from_ticks(777));
  EXPECT_EQ(got->updated_by, "id-bob");
  EXPECT_EQ(got->created, from_ticks(100));
  EXPECT_EQ(
      testing::error_of([&] { tx_.folders().rename(987654, "X", from_ticks(1), "id-bob"); }).kind(),
      ErrorKind::kNotFound);
}

TEST_F(SqliteFolderTreeTest, ChildrenSortIgnoringCaseFilterLiterallyAndPage) {
  std::int64_t other = folder(root_, "elsewhere");
  folder(other, "alpha under another parent");
  std::int64_t b1 = folder(root_, "beta");
  std::int64_t a = folder(root_, "Alpha");
  std::int64_t b2 = folder(root_, "Beta");
  folder(root_, "100% done");
  folder(root_, "100 done");
  folder(root_, "under_score");
  folder(root_, "underXscore");

  FolderListQuery all = under(root_);
  EXPECT_EQ(titles(tx_.folders().children(all)),
            (std::vector<std::string>{"100 done", "100% done", "Alpha", "beta", "Beta", "elsewhere",
                                      "under_score", "underXscore"}));
  EXPECT_EQ(tx_.folders().count_children(all), 8);
  // Same title ignoring case: by id.
  auto rows = tx_.folders().children(all);
  EXPECT_EQ(rows[3].id, b1);
  EXPECT_EQ(rows[4].id, b2);
  EXPECT_EQ(rows[2].id, a);

  FolderListQuery text = under(root_, "ALP");
  EXPECT_EQ(titles(tx_.folders().children(text)), (std::vector<std::string>{"Alpha"}));
  EXPECT_EQ(tx_.folders().count_children(text), 1);
  // % and _ are letters, not wildcards.
  FolderListQuery percent = under(root_, "0%");
  EXPECT_EQ(titles(tx_.folders().children(percent)), (std::vector<std::string>{"100% done"}));
  FolderListQuery underscore = under(root_, "r_s");
  EXPECT_EQ(titles(tx_.folders().children(underscore)), (std::vector<std::string>{"under_score"}));

  FolderListQuery page = under(root_, "", 2, 3);
  EXPECT_EQ(titles(tx_.folders().children(page)),
            (std::vector<std::string>{"Alpha", "beta", "Beta"}));
  EXPECT_EQ(tx_.folders().count_children(page), 8);  // ignores paging
  EXPECT_TRUE(tx_.folders().children(under(a)).empty());
  EXPECT_EQ(tx_.folders().count_children(under(a)), 0);
}

TEST_F(SqliteFolderTreeTest, ChildByTitleIgnoresCase) {
  std::int64_t id = folder(root_, "Reports");
  std::int64_t other = folder(root_, "Other");
  folder(other, "reports");  // another parent
  auto got = tx_.folders().child_by_title(root_, "rEPORTS");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_FALSE(tx_.folders().child_by_title(root_, "Report"));
  EXPECT_FALSE(tx_.folders().child_by_title(id, "Reports"));
}

TEST_F(SqliteFolderTreeTest, CountsAnswerEveryIdInOneStatement) {
  std::int64_t a = folder(root_, "A");
  std::int64_t b = folder(root_, "B");
  folder(a, "A1");
  folder(a, "A2");
  file(a, "one.txt");
  file(b, "two.txt");
  file(b, "three.txt");
  file(root_, "top.txt");

  std::vector<FolderCounts> counts;
  std::uint64_t statements = statements_of([&] {
    counts = tx_.folders().counts({b, 987654, a, root_, a});
  });
  EXPECT_EQ(statements, 1u);
  ASSERT_EQ(counts.size(), 4u);  // in id order, the repeated id once
  EXPECT_EQ(counts[0].folder_id, root_);
  EXPECT_EQ(counts[0].files, 1);
  EXPECT_EQ(counts[0].folders, 2);
  EXPECT_EQ(counts[1].folder_id, a);
  EXPECT_EQ(counts[1].files, 1);
  EXPECT_EQ(counts[1].folders, 2);
  EXPECT_EQ(counts[2].folder_id, b);
  EXPECT_EQ(counts[2].files, 2);
  EXPECT_EQ(counts[2].folders, 0);
  EXPECT_EQ(counts[3].folder_id, 987654);
  EXPECT_EQ(counts[3].files, 0);
  EXPECT_EQ(counts[3].folders, 0);
  EXPECT_TRUE(tx_.folders().counts({}).empty());

  std::vector<std::int64_t> many;
  for (int i = 0; i < 200; ++i)
    many.push_back(folder(root_, "F" + std::to_string(i)));
  EXPECT_EQ(statements_of([&] { EXPECT_EQ(tx_.folders().counts(many).size(), 200u); }), 1u);
}

TEST_F(SqliteFolderTreeTest, PathGoesFromTheRootDown) {
  std::int64_t a = folder(root_, "A");
  std::int64_t b = folder(a, "B");
  std::int64_t c = folder(b, "C");
  folder(c, "below");
  std::vector<FolderRecord> path;
  EXPECT_EQ(statements_of([&] { path = tx_.folders().path(c); }), 1u);
  EXPECT_EQ(titles(path), (std::vector<std::string>{"P", "A", "B", "C"}));
  EXPECT_EQ(path.front().id, root_);
  EXPECT_EQ(path.back().id, c);
  EXPECT_EQ(titles(tx_.folders().path(root_)), (std::vector<std::string>{"P"}));
  EXPECT_TRUE(tx_.folders().path(987654).empty());
}

TEST_F(SqliteFolderTreeTest, RemovingAFolderRemovesItsWholeSubtree) {
  std::int64_t a = folder(root_, "A");
  std::int64_t b = folder(a, "B");
  std::int64_t c = folder(b, "C");
  std::int64_t kept = folder(root_, "Kept");
  std::int64_t in_a = file(a, "a.txt", "ca");
  std::int64_t in_c = file(c, "c.txt", "cc");
  tx_.files().add_version(in_c, testing::make_version(2, "cc2"));
  std::int64_t in_kept = file(kept, "k.txt", "ck");
  std::int64_t task = tx_.tasks().insert(testing::make_task(project_, "T"));
  for (std::int64_t f : {in_a, in_c, in_kept})
    EXPECT_TRUE(tx_.attachments().attach({.kind = EntityKind::kTask,
                                          .entity_id = task,
                                          .file_id = f,
                                          .attached = from_ticks(5),
                                          .attached_by = "id-admin"}));
  tx_.attachments().add_audit({.kind = EntityKind::kTask,
                               .entity_id = task,
                               .file_id = in_c,
                               .file_title = "c.txt",
                               .action = AttachmentAction::kAttach,
                               .reason = "",
                               .user_id = "id-admin",
                               .at = from_ticks(5)});

  tx_.folders().remove(a);
  for (std::int64_t id : {a, b, c})
    EXPECT_FALSE(tx_.folders().by_id(id)) << id;
  EXPECT_TRUE(tx_.folders().by_id(kept));
  EXPECT_FALSE(tx_.files().by_id(in_a));
  EXPECT_FALSE(tx_.files().by_id(in_c));
  EXPECT_TRUE(tx_.files().by_id(in_kept));
  EXPECT_EQ(rows("files"), 1);
  EXPECT_EQ(rows("file_versions"), 1);
  auto left = tx_.attachments().of_entities(EntityKind::kTask, {task});
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].file_id, in_kept);
  EXPECT_EQ(rows("entity_file_audit"), 1);  // the audit outlives the file
  EXPECT_FALSE(tx_.files().content_referenced(testing::sha_of("cc2")));
  EXPECT_TRUE(tx_.files().content_referenced(testing::sha_of("ck")));
}

}  // namespace
}  // namespace projectd
