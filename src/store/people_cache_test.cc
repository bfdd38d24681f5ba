// The people cache of read transactions (store/people_cache.h) on a real SQLite store: a warm
// by_ids reads nothing, a broad write (every write that changes a person is one) makes the next
// read see the change, a write naming only a task keeps the people, and writes never use it.
#include "store/people_cache.h"
#include "store/sqlite/sqlite_project_test_support.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace projectd {
namespace {

using testing::make_user;
using testing::TempDir;

// The first names a read's by_ids answered, sorted, and how many statements it ran.
using Read = std::pair<std::vector<std::string>, std::uint64_t>;

class PeopleCacheTest : public ::testing::Test {
 protected:
  void open(std::size_t entries = kPeopleCacheEntries) {
    store_ = SqliteStore::open(
        {.path = dir_.file("projectd.db"), .read_caches = {.people = entries}}, true);
    store_->write([&](StoreTx& tx) {
      tx.users().insert(make_user("ann", "Ann"));
      tx.users().insert(make_user("bob", "Bob"));
    });
  }

  Read read_names(const std::vector<std::string>& ids) {
    std::uint64_t before = store_->statements();
    store_->read([](StoreTx&) {});
    const std::uint64_t empty_read = store_->statements() - before;
    before = store_->statements();
    std::vector<std::string> names;
    store_->read([&](StoreTx& tx) {
      for (const UserRecord& user : tx.users().by_ids(ids))
        names.push_back(user.first_name);
    });
    std::sort(names.begin(), names.end());
    return {names, store_->statements() - before - empty_read};
  }

  void rename(const std::string& id, const std::string& first_name) {
    store_->write([&](StoreTx& tx) {
      UserRecord user = *tx.users().by_id(id);
      user.first_name = first_name;
      tx.users().update(user);
    });
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(PeopleCacheTest, AWarmReadRunsNoStatementAndAnswersAsTheStore) {
  open();
  const std::vector<std::string> both{"id-ann", "id-bob", "id-ann"};
  EXPECT_EQ(read_names(both), Read({"Ann", "Bob"}, 1));
  // Each id once, and nothing read again.
  EXPECT_EQ(read_names(both), Read({"Ann", "Bob"}, 0));
  // An id nobody has is left out, and asked of the store each time.
  EXPECT_EQ(read_names({"id-ann", "id-nobody"}), Read({"Ann"}, 1));
  EXPECT_EQ(read_names({"id-ann", "id-nobody"}), Read({"Ann"}, 1));
  // Only what is not cached reaches the store, in one statement.
  store_->write([&](StoreTx& tx) {
    tx.changes_only({ChangeScope::task(1)});
    // A person written under a task's scope breaks the rule of people_cache.h; here it only
    // keeps Ann cached, to show that she is not read again.
    tx.users().insert(make_user("cy", "Cy"));
  });
  EXPECT_EQ(read_names({"id-ann", "id-cy"}), Read({"Ann", "Cy"}, 1));
}

TEST_F(PeopleCacheTest, ABroadWriteMakesTheNextReadSeeTheChange) {
  open();
  read_names({"id-ann", "id-bob"});
  rename("id-ann", "Anna");
  EXPECT_EQ(read_names({"id-ann", "id-bob"}), Read({"Anna", "Bob"}, 1));
  store_->write([&](StoreTx& tx) { tx.users().remove("id-bob"); });
  EXPECT_EQ(read_names({"id-ann", "id-bob"}), Read({"Anna"}, 1));
}

TEST_F(PeopleCacheTest, AWriteNamingOnlyATaskKeepsThePeople) {
  open();
  read_names({"id-ann"});
  store_->write([&](StoreTx& tx) {
    tx.changes_only({ChangeScope::task(7), ChangeScope::project(3)});
    tx.projects().insert(testing::make_project("Plan", "id-ann"));
  });
  EXPECT_EQ(read_names({"id-ann"}), Read({"Ann"}, 0));
}

TEST_F(PeopleCacheTest, AWriteReadsItsOwnChangesNotTheCache) {
  open();
  read_names({"id-ann"});
  std::string seen;
  store_->write([&](StoreTx& tx) {
    UserRecord ann = *tx.users().by_id("id-ann");
    ann.first_name = "Anna";
    tx.users().update(ann);
    seen = tx.users().by_ids({"id-ann"}).at(0).first_name;
  });
  EXPECT_EQ(seen, "Anna");
}

TEST_F(PeopleCacheTest, WithoutEntriesEveryReadReadsTheStore) {
  open(0);
  read_names({"id-ann"});
  EXPECT_EQ(read_names({"id-ann"}), Read({"Ann"}, 1));
}

}  // namespace
}  // namespace projectd
