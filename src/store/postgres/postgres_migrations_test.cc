#include "store/postgres/postgres_migrations.h"

#include <gtest/gtest.h>

#include <cstddef>

namespace projectd {
namespace {

// Each SQLite migration has its PostgreSQL spelling under the same file name, so a database of
// either kind at version N holds the same schema.
TEST(PostgresMigrationsTest, MatchTheSqliteMigrationsOneForOne) {
  const auto sqlite = all_migrations();
  const auto postgres = postgres_migrations();
  ASSERT_EQ(postgres.size(), sqlite.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(postgres[i].number, sqlite[i].number) << "at " << i;
    EXPECT_EQ(postgres[i].name, sqlite[i].name) << "at " << i;
    EXPECT_FALSE(postgres[i].sql.empty()) << postgres[i].name;
  }
}

}  // namespace
}  // namespace projectd
