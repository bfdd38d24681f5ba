// Folders on SQLite.
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

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

}  // namespace
}  // namespace projectd
