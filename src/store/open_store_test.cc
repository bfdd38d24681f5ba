#include "store/migrations.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_test_support.h"
#include "store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

namespace projectd {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TempDir;

std::string open_error(const std::string& url, bool migrate) {
  try {
    open_store({.url = url}, migrate);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(opened)";
}

int latest_migration() {
  return all_migrations().back().number;
}

TEST(OpenStoreTest, MigratesAFreshDatabaseInANewDirectoryOnce) {
  TempDir dir;
  std::string path = dir.file("a/b/projectd.db");
  auto store = open_store({.url = "sqlite:" + path}, true);
  store->close();
  ASSERT_TRUE(std::filesystem::exists(path));

  SqliteConnection connection(path, {});
  auto rows = connection.prepare("SELECT number, name FROM schema_migrations ORDER BY number");
  ASSERT_TRUE(rows.step());
  EXPECT_EQ(rows.int64(0), 1);
  EXPECT_EQ(rows.text(1), "0001_people_and_sessions");

  EXPECT_EQ(migrate_store({.url = "sqlite:" + path}), 0);
  open_store({.url = "sqlite:" + path}, false)->close();
}

TEST(OpenStoreTest, MigrateStoreReportsWhatRan) {
  TempDir dir;
  std::string url = "sqlite:" + dir.file("projectd.db");
  EXPECT_EQ(migrate_store({.url = url}), static_cast<int>(all_migrations().size()));
  EXPECT_EQ(migrate_store({.url = url}), 0);
}

TEST(OpenStoreTest, WithoutMigrateAMissingOrEmptyDatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.file("projectd.db");
  std::string expected = "the database schema is at version 0, this binary needs " +
                         std::to_string(latest_migration()) + ": run `projectd migrate`";
  EXPECT_THAT(open_error("sqlite:" + path, false), HasSubstr(expected));
  EXPECT_FALSE(std::filesystem::exists(path));  // nothing created behind the user's back

  SqliteConnection(path, {});  // an empty database file
  EXPECT_EQ(open_error("sqlite:" + path, false), expected);
}

TEST(OpenStoreTest, ADatabaseNewerThanTheBinaryIsRefused) {
  TempDir dir;
  std::string path = dir.file("projectd.db");
  migrate_store({.url = "sqlite:" + path});
  {
    SqliteConnection connection(path, {});
    connection.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future', 0)");
  }
  std::string expected = "the database schema is at version 9999, newer than this binary";
  EXPECT_THAT(open_error("sqlite:" + path, false), HasSubstr(expected));
  EXPECT_THAT(open_error("sqlite:" + path, true), HasSubstr(expected));
  EXPECT_THROW(migrate_store({.url = "sqlite:" + path}), std::runtime_error);
}

TEST(OpenStoreTest, AFileThatIsNoDatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.file("notes.txt");
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("these are not the pages you are looking for, padded to a full header........", f);
    std::fclose(f);
  }
  EXPECT_THAT(open_error("sqlite:" + path, true),
              AllOf(HasSubstr("cannot open the database"), HasSubstr(path)));
}

TEST(OpenStoreTest, AnUnreachablePostgresqlSaysSoWithoutItsPassword) {
  EXPECT_THAT(open_error("postgresql://u:secret@/projectd?host=/nonexistent-socket-dir", true),
              AllOf(HasSubstr("cannot connect to PostgreSQL"), Not(HasSubstr("secret"))));
}

TEST(OpenStoreTest, UnsupportedUrlsSayWhatIsSupported) {
  EXPECT_THAT(open_error("mysql://u:secret@db/projectd", true),
              AllOf(HasSubstr("'mysql:'"), HasSubstr("sqlite:PATH"), HasSubstr("postgresql://"),
                    Not(HasSubstr("secret"))));
  EXPECT_THAT(open_error("/var/lib/projectd.db", true),
              AllOf(HasSubstr("no scheme"), HasSubstr("sqlite:PATH")));
  EXPECT_THAT(open_error("sqlite:", true), HasSubstr("names no file"));
  EXPECT_THAT(open_error("sqlite://var/lib/projectd.db", true), HasSubstr("without '//'"));
  EXPECT_THAT(open_error("sqlite::memory:", true), HasSubstr("must be a file"));
}

}  // namespace
}  // namespace projectd
