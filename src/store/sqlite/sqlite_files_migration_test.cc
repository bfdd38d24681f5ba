// Migration 0005 (Documents) on a database that already had people and a project: every folder
// learns its root, @common appears once, each non-guest gets an @my folder.
#include "store/migrations.h"
#include "store/sql/sql_repos.h"
#include "store/sqlite/sqlite_migrator.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace projectd {
namespace {

using testing::make_user;

std::vector<Migration> migrations_before(int number) {
  std::vector<Migration> out;
  for (const Migration& m : all_migrations())
    if (m.number < number) out.push_back(m);
  return out;
}

class SqliteFilesMigrationTest : public ::testing::Test {
 protected:
  SqliteFilesMigrationTest() { connection_.execute_script("PRAGMA synchronous = OFF"); }

  std::int64_t count(const std::string& sql) {
    SqlStatement row = connection_.prepare(sql);
    EXPECT_TRUE(row.step());
    return row.int64(0);
  }

  testing::TempDir dir_;
  SqliteConnection connection_{dir_.file("projectd.db"), {}};
  SqlTx tx_{connection_};
};

TEST_F(SqliteFilesMigrationTest, SettlesRootsAndMakesTheSectionFolders) {
  ASSERT_EQ(apply_migrations(connection_, migrations_before(5)), 4);
  // The schema of 0004: people, and a project with its root folder as project_service made it.
  UserRecord ann = make_user("ann");
  UserRecord bob = make_user("bob");
  bob.created = from_ticks(5'000'000);
  UserRecord guest = make_user("guest");
  guest.is_visitor = true;
  for (const UserRecord& u : {ann, bob, guest})
    tx_.users().insert(u);
  std::int64_t project_root =
      connection_
          .prepare(
              "INSERT INTO folders (parent_id, kind, owner_id, project_id, title, created, "
              "created_by, updated, updated_by) VALUES (NULL, 3, NULL, 1, 'P', 10, 'id-ann', 10, "
              "'id-ann') RETURNING id")
          .run_returning_id();
  connection_
      .prepare(
          "INSERT INTO projects (title, responsible_id, folder_id, created, created_by, updated, "
          "updated_by) VALUES ('P', 'id-ann', ?1, 10, 'id-ann', 10, 'id-ann')")
      .bind_all(project_root)
      .run();

  ASSERT_EQ(apply_migrations(connection_, all_migrations()),
            static_cast<int>(all_migrations().size()) - 4);

  auto root = tx_.folders().by_id(project_root);
  ASSERT_TRUE(root);
  EXPECT_EQ(root->root_id, project_root);
  EXPECT_EQ(root->root_kind, 3);
  EXPECT_EQ(root->project_id, 1);

  auto common = tx_.folders().common_folder();
  ASSERT_TRUE(common);
  EXPECT_EQ(common->root_id, common->id);
  EXPECT_EQ(common->root_kind, 2);
  EXPECT_EQ(common->parent_id, std::nullopt);
  EXPECT_EQ(count("SELECT count(*) FROM folders WHERE kind = 2"), 1);

  for (const UserRecord& u : {ann, bob}) {
    auto my = tx_.folders().my_folder(u.id);
    ASSERT_TRUE(my) << u.id;
    EXPECT_EQ(my->kind, 1);
    EXPECT_EQ(my->root_id, my->id);
    EXPECT_EQ(my->root_kind, 1);
    EXPECT_EQ(my->owner_id, u.id);
    EXPECT_EQ(my->project_id, std::nullopt);
    EXPECT_EQ(my->created, u.created);
    EXPECT_EQ(my->created_by, u.id);
  }
  EXPECT_FALSE(tx_.folders().my_folder(guest.id));
  EXPECT_EQ(count("SELECT count(*) FROM folders WHERE root_id IS NULL"), 0);

  // The new tables work on the migrated file: a subfolder of the project root inherits its place.
  FolderRecord sub;
  sub.parent_id = project_root;
  sub.title = "Sub";
  sub.created_by = sub.updated_by = "id-ann";
  auto got = tx_.folders().by_id(tx_.folders().insert(sub));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->root_id, project_root);
  EXPECT_EQ(got->project_id, 1);
}

TEST_F(SqliteFilesMigrationTest, AFreshDatabaseHasCommonAndNoMyFolders) {
  apply_migrations(connection_, all_migrations());
  EXPECT_TRUE(tx_.folders().common_folder());
  EXPECT_EQ(count("SELECT count(*) FROM folders"), 1);
  // The triggers are in place.
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                  "('tasks_drop_attachments', 'messages_drop_attachments')"),
            2);
}

}  // namespace
}  // namespace projectd
