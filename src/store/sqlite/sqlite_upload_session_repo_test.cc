// The upload sessions of migration 0011 on SQLite: a chunk counts only from the length the caller
// read (a second chunk from the same length changes nothing), expired sessions go in one call, and
// a session goes with its folder.
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

class SqliteUploadSessionTest : public testing::SqliteProjectTestBase {
 protected:
  std::string ann_ = add_user("ann");
  std::int64_t folder_ = tx_.folders().common_folder()->id;

  UploadSessionRecord session(const std::string& id, std::int64_t expires) {
    UploadSessionRecord s;
    s.id = id;
    s.user_id = ann_;
    s.folder_id = folder_;
    s.title = "big.bin";
    s.bytes_total = 100;
    s.created = from_ticks(1);
    s.expires = from_ticks(expires);
    tx_.upload_sessions().insert(s);
    return s;
  }
};

TEST_F(SqliteUploadSessionTest, AChunkCountsOnlyFromTheLengthItWasWrittenAt) {
  session("a", 1000);
  EXPECT_TRUE(tx_.upload_sessions().advance("a", 0, 40, from_ticks(2000)));
  EXPECT_FALSE(tx_.upload_sessions().advance("a", 0, 40, from_ticks(3000)));
  EXPECT_FALSE(tx_.upload_sessions().advance("missing", 0, 1, from_ticks(3000)));
  const auto got = tx_.upload_sessions().by_id("a");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->bytes_uploaded, 40);
  EXPECT_EQ(got->chunks, 1);
  EXPECT_EQ(got->expires, from_ticks(2000));
  EXPECT_EQ(got->title, "big.bin");
  EXPECT_TRUE(got->create_new_if_exist);
  // Past bytes_total the schema refuses it too.
  EXPECT_ANY_THROW(tx_.upload_sessions().advance("a", 40, 101, from_ticks(2000)));
}

TEST_F(SqliteUploadSessionTest, ExpiredSessionsGoTogetherAndTheRestStay) {
  session("b", 10);
  session("c", 20);
  session("d", 30);
  EXPECT_EQ(tx_.upload_sessions().remove_expired(from_ticks(20)),
            (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(tx_.upload_sessions().ids(), std::vector<std::string>{"d"});
  EXPECT_TRUE(tx_.upload_sessions().remove_expired(from_ticks(20)).empty());
  EXPECT_TRUE(tx_.upload_sessions().remove("d"));
  EXPECT_FALSE(tx_.upload_sessions().remove("d"));
}

TEST_F(SqliteUploadSessionTest, ASessionGoesWithItsFolder) {
  FolderRecord sub;
  sub.parent_id = folder_;
  sub.title = "sub";
  sub.created = sub.updated = from_ticks(1);
  sub.created_by = sub.updated_by = ann_;
  folder_ = tx_.folders().insert(sub);
  session("e", 100);
  tx_.folders().remove(folder_);
  EXPECT_FALSE(tx_.upload_sessions().by_id("e"));
}

}  // namespace
}  // namespace projectd
