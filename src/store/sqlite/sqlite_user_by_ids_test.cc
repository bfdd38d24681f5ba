// UserRepo::by_ids: the batch read every wrapper list relies on.
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace projectd {
namespace {

using ::testing::IsEmpty;
using testing::make_user;
using testing::TempDir;
using ::testing::UnorderedElementsAre;

std::vector<std::string> ids_of(const std::vector<UserRecord>& users) {
  std::vector<std::string> ids;
  for (const UserRecord& user : users)
    ids.push_back(user.id);
  return ids;
}

TEST(SqliteUserByIds, ReadsTheKnownIdsInOneCall) {
  TempDir dir;
  auto store = SqliteStore::open({.path = dir.file("projectd.db")}, true);
  store->write([](StoreTx& tx) {
    tx.users().insert(make_user("ann", "Ann"));
    tx.users().insert(make_user("bob", "Bob"));
    tx.users().insert(make_user("cy", "Cy"));
  });
  const auto users = store->read_value([](StoreTx& tx) {
    return tx.users().by_ids({"id-ann", "id-cy", "id-unknown", "id-ann", "it's \"odd\""});
  });
  EXPECT_THAT(ids_of(users), UnorderedElementsAre("id-ann", "id-cy"));
  for (const UserRecord& user : users) {
    if (user.id == "id-cy") {
      EXPECT_EQ(user.first_name, "Cy");
    }
  }
  EXPECT_THAT(store->read_value([](StoreTx& tx) { return tx.users().by_ids({}); }), IsEmpty());
}

}  // namespace
}  // namespace projectd
