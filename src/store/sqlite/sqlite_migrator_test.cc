#include "store/sqlite/sqlite_migrator.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace projectd {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

const Migration kFirst{1, "0001_first", "CREATE TABLE parents (id INTEGER PRIMARY KEY);"};
const Migration kSecond{2, "0002_second",
                        "CREATE TABLE children (id INTEGER PRIMARY KEY, "
                        "parent INTEGER NOT NULL REFERENCES parents (id));"};
const Migration kBroken{2, "0002_broken", "CREATE TABLE half (x); CREATE TABLE oops ("};
const Migration kDangling{2, "0002_dangling",
                          "CREATE TABLE children (id INTEGER PRIMARY KEY, "
                          "parent INTEGER NOT NULL REFERENCES parents (id));"
                          "INSERT INTO children VALUES (1, 42);"};

class SqliteMigratorTest : public ::testing::Test {
 protected:
  bool has_table(const char* name) {
    auto found = connection_.prepare("SELECT 1 FROM sqlite_master WHERE name = ?1");
    found.bind_all(name);
    return found.step();
  }
  std::string refusal(std::vector<Migration> migrations) {
    try {
      require_current_schema(connection_, migrations);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "(accepted)";
  }

  TempDir dir_;
  SqliteConnection connection_{dir_.file("test.db"), {}};
};

TEST_F(SqliteMigratorTest, AppliesPendingMigrationsInOrderOnce) {
  std::vector<Migration> v1{kFirst};
  std::vector<Migration> v2{kFirst, kSecond};
  EXPECT_EQ(refusal(v1),
            "the database schema is at version 0, this binary needs 1: run `projectd migrate`");
  EXPECT_EQ(apply_migrations(connection_, v1), 1);
  EXPECT_EQ(refusal(v1), "(accepted)");
  EXPECT_EQ(refusal(v2),
            "the database schema is at version 1, this binary needs 2: run `projectd migrate`");
  SchemaVersion version = schema_version(connection_, v2);
  EXPECT_EQ(version.current, 1);
  EXPECT_EQ(version.latest, 2);
  EXPECT_EQ(version.pending, 1);

  EXPECT_EQ(apply_migrations(connection_, v2), 1);
  EXPECT_EQ(apply_migrations(connection_, v2), 0);
  EXPECT_TRUE(has_table("children"));
  EXPECT_THAT(refusal(v1), HasSubstr("at version 2, newer than this binary"));
  EXPECT_THROW(apply_migrations(connection_, v1), std::runtime_error);
}

TEST_F(SqliteMigratorTest, AFailedMigrationLeavesThePreviousSchema) {
  std::vector<Migration> broken{kFirst, kBroken};
  try {
    apply_migrations(connection_, broken);
    FAIL() << "the broken migration applied";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("migration 0002_broken failed"));
  }
  EXPECT_TRUE(has_table("parents"));
  EXPECT_FALSE(has_table("half"));
  EXPECT_EQ(schema_version(connection_, broken).current, 1);
  EXPECT_FALSE(connection_.in_transaction());
}

TEST_F(SqliteMigratorTest, AMigrationThatBreaksForeignKeysIsRolledBack) {
  std::vector<Migration> dangling{kFirst, kDangling};
  EXPECT_THROW(apply_migrations(connection_, dangling), std::runtime_error);
  EXPECT_FALSE(has_table("children"));
  // Foreign keys are enforced again afterwards.
  auto check = connection_.prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.int64(0), 1);
}

TEST_F(SqliteMigratorTest, MisnumberedMigrationsAreABuildMistake) {
  std::vector<Migration> twice{kFirst, kFirst};
  EXPECT_THROW(apply_migrations(connection_, twice), std::logic_error);
  EXPECT_FALSE(has_table("parents"));
}

}  // namespace
}  // namespace projectd
