// Migration 0010 on SQLite: the file operation log (insert, the owner's list with its retention
// window and limit, pruning), and the repository calls moves and copies use: a folder move that
// carries its subtree's place, a subtree in parent-first order, folders by id, a file move.
#include "store/sqlite/sqlite_file_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::make_folder;

class SqliteFileOperationReposTest : public testing::SqliteFileTestBase {
 protected:
  FileOperationRecord operation(const std::string& id, std::int64_t finished_at,
                                bool finished = true) {
    return FileOperationRecord{
        .id = id,
        .owner_id = "id-admin",
        .type = FileOperationType::kCopy,
        .progress = finished ? 100 : 40,
        .finished = finished,
        .error = std::nullopt,
        .processed = 2,
        .file_ids = {3, 1},
        .folder_ids = {},
        .url = std::nullopt,
        .created = from_ticks(finished_at - 5),
        .finished_at = finished ? std::optional(from_ticks(finished_at)) : std::nullopt,
        .node = std::nullopt};
  }
  std::vector<std::string> listed_ids(Timestamp since, std::int64_t limit = 100) {
    std::vector<std::string> ids;
    for (const FileOperationRecord& o : tx_.file_operations().of_owner("id-admin", since, limit))
      ids.push_back(o.id);
    return ids;
  }
};

TEST_F(SqliteFileOperationReposTest, OperationsRoundTripListAndPrune) {
  FileOperationRecord failed = operation("b", 200);
  failed.error = "Item not found";
  failed.folder_ids = {9};
  tx_.file_operations().insert(operation("a", 100));
  tx_.file_operations().insert(failed);
  tx_.file_operations().insert(operation("c", 0, false));  // still running
  add_user("other");
  FileOperationRecord theirs = operation("d", 300);
  theirs.owner_id = "id-other";
  tx_.file_operations().insert(theirs);

  const auto all = tx_.file_operations().of_owner("id-admin", from_ticks(0), 100);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].id, "b");
  EXPECT_EQ(all[1].type, FileOperationType::kCopy);
  EXPECT_EQ(all[1].error, "Item not found");
  EXPECT_EQ(all[1].processed, 2);
  EXPECT_EQ(all[1].file_ids, (std::vector<std::int64_t>{3, 1}));
  EXPECT_EQ(all[1].folder_ids, std::vector<std::int64_t>{9});
  EXPECT_EQ(all[1].finished_at, from_ticks(200));
  EXPECT_EQ(all[0].folder_ids, std::vector<std::int64_t>{});
  EXPECT_FALSE(all[2].finished);
  EXPECT_EQ(all[2].finished_at, std::nullopt);

  // Finished before `since` are not listed; running ones always are; the newest `limit`.
  EXPECT_EQ(listed_ids(from_ticks(150)), (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(listed_ids(from_ticks(0), 2), (std::vector<std::string>{"b", "c"}));

  tx_.file_operations().prune_finished_before("id-admin", from_ticks(250));
  EXPECT_EQ(listed_ids(from_ticks(0)), std::vector<std::string>{"c"});
  tx_.file_operations().prune_finished_before("id-other", from_ticks(250));
  EXPECT_EQ(rows("file_operations"), 2);  // the other owner's, finished at 300, stays
}

TEST_F(SqliteFileOperationReposTest, AFolderMoveCarriesItsSubtreeToTheNewTree) {
  FolderRecord my = make_folder(std::nullopt, "My", 1);
  my.owner_id = "id-admin";
  const std::int64_t my_id = tx_.folders().insert(my);
  const std::int64_t a = folder(root_, "A");
  const std::int64_t b = folder(a, "B");
  const std::int64_t c = folder(b, "C");
  const std::int64_t in_c = file(c, "deep.txt");

  const auto subtree = tx_.folders().subtree(a);
  ASSERT_EQ(subtree.size(), 3u);
  EXPECT_EQ(subtree[0].id, a);
  EXPECT_EQ(subtree[1].id, b);
  EXPECT_EQ(subtree[2].id, c);

  tx_.folders().move(a, my_id, from_ticks(900), "id-admin");
  for (std::int64_t id : {a, b, c}) {
    const auto moved = tx_.folders().by_id(id);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->root_id, my_id) << id;
    EXPECT_EQ(moved->root_kind, 1) << id;
    EXPECT_EQ(moved->owner_id, "id-admin") << id;
    EXPECT_EQ(moved->project_id, std::nullopt) << id;
  }
  EXPECT_EQ(tx_.folders().by_id(a)->parent_id, my_id);
  EXPECT_EQ(tx_.folders().by_id(a)->updated, from_ticks(900));
  EXPECT_EQ(tx_.folders().by_id(b)->updated, from_ticks(200));  // only the moved folder changes
  const auto file = tx_.files().by_id(in_c);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->root_kind, 1);
  EXPECT_EQ(file->project_id, std::nullopt);
  // Folders outside the subtree keep their place.
  EXPECT_EQ(tx_.folders().by_id(root_)->project_id, project_);

  EXPECT_THROW(tx_.folders().move(a, 999999, from_ticks(1), "id-admin"), ApiError);
  EXPECT_THROW(tx_.folders().move(999999, my_id, from_ticks(1), "id-admin"), ApiError);

  const auto found = tx_.folders().by_ids({c, 999999, a});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, a);
  EXPECT_EQ(found[1].id, c);
}

TEST_F(SqliteFileOperationReposTest, AFileMoveTakesItsNewFolderAndTitle) {
  const std::int64_t a = folder(root_, "A");
  const std::int64_t f = file(root_, "report.TXT");
  tx_.files().move(f, a, "report (1).Doc", from_ticks(700), "id-admin");
  const auto moved = tx_.files().by_id(f);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->folder_id, a);
  EXPECT_EQ(moved->title, "report (1).Doc");
  EXPECT_EQ(moved->updated, from_ticks(700));
  FileListQuery docs{a, "", {".doc"}, 0, 10};
  EXPECT_EQ(tx_.files().count_in_folder(docs), 1);  // the stored extension follows the title
  EXPECT_THROW(tx_.files().move(999999, a, "x", from_ticks(1), "id-admin"), ApiError);
}

}  // namespace
}  // namespace projectd
