// copy_store between two SQLite files (the HTTP test covers SQLite -> PostgreSQL), and the copy
// order plan_copy derives from foreign keys.
#include "app/store_copy.h"

#include "app/store_catalog.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace projectd {
namespace {

using testing::TempDir;

std::vector<std::string> rows(SqliteConnection& db, const std::string& sql) {
  std::vector<std::string> out;
  SqlStatement statement = db.prepare(sql);
  while (statement.step())
    out.push_back(statement.optional_text(0).value_or("NULL"));
  return out;
}

// A source whose folder tree has a parent with a larger id than its child, and whose last task
// was deleted (so sqlite_sequence is above max(id)) with its time entry.
void seed(const std::string& path) {
  SqliteStore::migrate(SqliteStoreOptions{path});
  SqliteConnection db(path, SqliteConnection::Options{});
  db.execute_script(
      "INSERT INTO users (id, user_name, email, first_name, last_name, created, updated) "
      "VALUES ('u1', 'ada', 'ada@example.com', 'Ada', 'L', 1, 1);"
      "INSERT INTO folders (id, parent_id, kind, title, created, created_by, updated, updated_by,"
      " root_id, root_kind) VALUES (20, NULL, 3, 'root', 1, 'u1', 1, 'u1', 20, 3);"
      "INSERT INTO folders (id, parent_id, kind, title, created, created_by, updated, updated_by,"
      " root_id, root_kind) VALUES (10, 20, 0, 'child', 1, 'u1', 1, 'u1', 20, 3);"
      "INSERT INTO projects (id, title, responsible_id, folder_id, created, created_by, updated,"
      " updated_by) VALUES (7, 'P', 'u1', 20, 1, 'u1', 1, 'u1');"
      "INSERT INTO tasks (id, project_id, title, description, created, created_by, updated,"
      " updated_by) VALUES (1, 7, 'kept', NULL, 1, 'u1', 1, 'u1'),"
      " (2, 7, 'gone', 'x', 1, 'u1', 1, 'u1');"
      "INSERT INTO time_entries (id, task_id, person_id, date, seconds, note, payment_status,"
      " status_changed, created, created_by) VALUES (3, 1, 'u1', 5, 360, NULL, 2, 9, 1, 'u1'),"
      " (4, 2, 'u1', 5, 720, 'gone too', 0, NULL, 1, 'u1');"
      "DELETE FROM tasks WHERE id = 2;");
}

const char* const kFolders =
    "SELECT id || ',' || coalesce(parent_id, 'NULL') || ',' || title FROM folders ORDER BY id";

TEST(StoreCopyTest, CopiesSqliteToSqliteWithEveryRowAndTheIdHighWaterMarks) {
  TempDir dir;
  const std::string from = dir.file("from.db");
  const std::string to = dir.file("to.db");
  seed(from);
  const CopyReport report = copy_store("sqlite:" + from, "sqlite:" + to);
  EXPECT_GT(report.total_rows, 0);
  bool counted_tasks = false;
  for (const auto& table : report.tables) {
    if (table.name == "task_counts") {
      EXPECT_TRUE(table.built_by_triggers);
    }
    // Its triggers only set a column (migration 0022): its rows are copied.
    if (table.name == "time_entries") {
      EXPECT_FALSE(table.built_by_triggers);
    }
    if (table.name == "tasks") counted_tasks = table.rows == 1;
  }
  EXPECT_TRUE(counted_tasks);

  SqliteConnection source(from, SqliteConnection::Options{});
  SqliteConnection target(to, SqliteConnection::Options{});
  EXPECT_EQ(rows(target, kFolders), rows(source, kFolders));
  EXPECT_EQ(rows(target, "SELECT title || coalesce(description, 'NULL') FROM tasks"),
            std::vector<std::string>{"keptNULL"});
  EXPECT_EQ(rows(target, "SELECT project_id || ':' || status || ':' || n FROM task_counts"),
            std::vector<std::string>{"7:1:1"});
  EXPECT_EQ(rows(target, "SELECT seq FROM sqlite_sequence WHERE name = 'tasks'"),
            std::vector<std::string>{"2"});
  // Time entries keep their seconds, note, payment status and when it changed.
  EXPECT_EQ(rows(target,
                 "SELECT id || ',' || task_id || ',' || seconds || ',' || coalesce(note, 'NULL') "
                 "|| ',' || payment_status || ',' || status_changed || ',' || project_id "
                 "FROM time_entries"),
            std::vector<std::string>{"3,1,360,NULL,2,9,7"});
  EXPECT_EQ(rows(target, "SELECT seq FROM sqlite_sequence WHERE name = 'time_entries'"),
            std::vector<std::string>{"4"});
  EXPECT_EQ(rows(target, "PRAGMA foreign_key_check"), std::vector<std::string>{});
}

// The trash (migration 0013): a person's trash folder, the marks of what went into it and the
// attachments a trashed file keeps.
TEST(StoreCopyTest, CarriesTheTrashWithItsMarksAndKeptAttachments) {
  TempDir dir;
  const std::string from = dir.file("from.db");
  const std::string to = dir.file("to.db");
  seed(from);
  {
    SqliteConnection db(from, SqliteConnection::Options{});
    db.execute_script(
        "INSERT INTO folders (id, parent_id, kind, owner_id, title, created, created_by, updated,"
        " updated_by, root_id, root_kind) VALUES (30, NULL, 4, 'u1', 'Recycle Bin', 1, 'u1', 1,"
        " 'u1', 30, 4);"
        "INSERT INTO folders (id, parent_id, kind, owner_id, title, created, created_by, updated,"
        " updated_by, root_id, root_kind, trashed_at, trashed_from) VALUES (31, 30, 0, 'u1',"
        " 'Old', 1, 'u1', 1, 'u1', 30, 4, 78, 10);"
        "INSERT INTO files (id, folder_id, title, extension, created, created_by, updated,"
        " updated_by, trashed_at, trashed_from) VALUES (5, 30, 'a.txt', '.txt', 1, 'u1', 1, 'u1',"
        " 77, 20);"
        "INSERT INTO file_versions (file_id, version, sha256, size, comment, created, created_by)"
        " VALUES (5, 1, 'abc', 3, NULL, 1, 'u1');"
        "INSERT INTO trashed_attachments (file_id, entity_kind, entity_id, attached, attached_by)"
        " VALUES (5, 2, 1, 9, 'u1');");
  }
  copy_store("sqlite:" + from, "sqlite:" + to);
  SqliteConnection source(from, SqliteConnection::Options{});
  SqliteConnection target(to, SqliteConnection::Options{});
  for (const char* sql :
       {"SELECT id || ',' || kind || ',' || coalesce(owner_id, '') || ',' || "
        "coalesce(trashed_at, 'NULL') || ',' || coalesce(trashed_from, 'NULL') FROM folders "
        "ORDER BY id",
        "SELECT id || ',' || trashed_at || ',' || trashed_from FROM files ORDER BY id",
        "SELECT file_id || ',' || entity_kind || ',' || entity_id || ',' || attached || ',' || "
        "attached_by FROM trashed_attachments"}) {
    EXPECT_EQ(rows(target, sql), rows(source, sql)) << sql;
  }
  EXPECT_EQ(rows(target, "SELECT trashed_from FROM folders WHERE id = 31"),
            std::vector<std::string>{"10"});
  EXPECT_EQ(rows(target, "SELECT count(*) FROM trashed_attachments"),
            std::vector<std::string>{"1"});
}

// Notification settings and the portal's secrets (migration 0020): a copied portal keeps who
// turned what off, and its unsubscribe key, so the links of mails already sent still work.
TEST(StoreCopyTest, CarriesNotificationSettingsAndThePortalSecrets) {
  TempDir dir;
  const std::string from = dir.file("from.db");
  const std::string to = dir.file("to.db");
  seed(from);
  {
    SqliteConnection db(from, SqliteConnection::Options{});
    db.execute_script(
        "INSERT INTO notification_settings (user_id, kind, enabled) VALUES ('u1', 'comments', 0),"
        " ('u1', 'status', 1);"
        "INSERT INTO portal_secrets (name, value) VALUES ('unsubscribe', 'k3y');");
  }
  copy_store("sqlite:" + from, "sqlite:" + to);
  SqliteConnection target(to, SqliteConnection::Options{});
  EXPECT_EQ(rows(target,
                 "SELECT user_id || ',' || kind || ',' || enabled FROM "
                 "notification_settings ORDER BY kind"),
            (std::vector<std::string>{"u1,comments,0", "u1,status,1"}));
  EXPECT_EQ(rows(target, "SELECT name || ',' || value FROM portal_secrets"),
            std::vector<std::string>{"unsubscribe,k3y"});
}

TEST(StoreCopyTest, RefusesATargetHoldingAPortalAndChangesNothing) {
  TempDir dir;
  const std::string from = dir.file("from.db");
  seed(from);
  try {
    copy_store("sqlite:" + from, "sqlite:" + from);
    FAIL() << "copied into a portal";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("the target already holds a portal"), std::string::npos)
        << e.what();
  }
  SqliteConnection db(from, SqliteConnection::Options{});
  EXPECT_EQ(rows(db, "SELECT count(*) FROM folders"), std::vector<std::string>{"3"});
}

CatalogTable table(const std::string& name, std::vector<CatalogColumn> columns,
                   std::vector<CatalogForeignKey> keys) {
  return CatalogTable{name, std::move(columns), std::move(keys)};
}

TEST(StoreCopyPlanTest, OrdersParentsFirstAndDefersSelfReferencesAndCycles) {
  Catalog catalog;
  catalog.tables["a"] =
      table("a", {{"id", SqlType::kInt, false, true}, {"b_id", SqlType::kInt}}, {{{"b_id"}, "b"}});
  catalog.tables["b"] = table(
      "b", {{"id", SqlType::kInt, false, true}, {"a_id", SqlType::kInt, false}}, {{{"a_id"}, "a"}});
  catalog.tables["c"] = table("c", {{"id", SqlType::kInt, false, true}, {"up", SqlType::kInt}},
                              {{{"up"}, "c"}, {{"id"}, "b"}});
  catalog.tables["counts"] = table("counts", {{"n", SqlType::kInt}}, {});
  catalog.built_by_triggers.insert("counts");
  const CopyPlan plan = plan_copy(catalog);
  EXPECT_EQ(plan.order, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(plan.deferred_columns.at("a"), std::set<std::string>{"b_id"});
  EXPECT_EQ(plan.deferred_columns.at("c"), std::set<std::string>{"up"});
  EXPECT_FALSE(plan.deferred_columns.contains("b"));

  catalog.tables["a"].columns[1].nullable = false;
  EXPECT_THROW(plan_copy(catalog), std::runtime_error);
}

}  // namespace
}  // namespace projectd
