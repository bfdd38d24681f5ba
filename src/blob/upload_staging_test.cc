// Staged chunked uploads: an append starts at the acknowledged length (bytes written past it by a
// chunk that was never acknowledged are cut off), one lease per session at a time, a lost hash is
// computed again from the file, and the finished file is linked, not copied, into the spool.
#include "blob/upload_staging.h"

#include "blob/file_io.h"
#include "blob/test_temp_dir.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace projectd {
namespace {

constexpr const char* kStagingSessionId = "0123456789abcdef0123456789abcdef";

std::filesystem::path staging_chunk_file(const std::filesystem::path& dir, const std::string& name,
                                         const std::string& bytes) {
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string staged_contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string staging_hash_of(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes);
  return hash.finish_hex();
}

TEST(UploadStagingTest, AppendsFromTheAcknowledgedLengthAndCutsWhatCameAfter) {
  testing::ScratchDir dir;
  UploadStaging staging(dir.path() / "staged");
  auto lease = staging.lease(kStagingSessionId);
  ASSERT_TRUE(lease);
  Sha256 hash;
  lease->append(0, staging_chunk_file(dir.path(), "one", "hello "), hash);
  Sha256 lost;  // a chunk written but never acknowledged
  lease->append(6, staging_chunk_file(dir.path(), "two", "wrong bytes"), lost);
  lease->append(6, staging_chunk_file(dir.path(), "three", "world"), hash);
  EXPECT_EQ(staged_contents(staging.dir() / kStagingSessionId), "hello world");
  EXPECT_EQ(hash.finish_hex(), staging_hash_of("hello world"));
  Sha256 again;
  lease->hash_prefix(11, again);
  EXPECT_EQ(again.finish_hex(), staging_hash_of("hello world"));
  EXPECT_EQ(staging.staged_ids(), std::vector<std::string>{kStagingSessionId});
}

TEST(UploadStagingTest, OneLeaseAtATime) {
  testing::ScratchDir dir;
  UploadStaging staging(dir.path());
  auto first = staging.lease(kStagingSessionId);
  ASSERT_TRUE(first);
  EXPECT_FALSE(staging.lease(kStagingSessionId));
  first.reset();
  EXPECT_TRUE(staging.lease(kStagingSessionId));
  EXPECT_THROW(staging.lease("../escape"), std::invalid_argument);
}

TEST(UploadStagingTest, TheFinishedFileIsLinkedIntoTheSpoolAndTheStagedNameStays) {
  testing::ScratchDir dir;
  UploadStaging staging(dir.path() / "staged");
  const auto spool = dir.path() / "spool";
  std::filesystem::create_directories(spool);
  auto lease = staging.lease(kStagingSessionId);
  Sha256 hash;
  lease->append(0, staging_chunk_file(dir.path(), "all", "content"), hash);
  {
    SpooledFile linked = lease->link_into(spool, 7, hash.finish_hex());
    EXPECT_EQ(linked.path().parent_path(), spool);
    EXPECT_EQ(linked.sha256(), staging_hash_of("content"));
    struct stat a {
    }, b{};
    ASSERT_EQ(::stat(linked.path().c_str(), &a), 0);
    ASSERT_EQ(::stat((staging.dir() / kStagingSessionId).c_str(), &b), 0);
    EXPECT_EQ(a.st_ino, b.st_ino);
  }
  EXPECT_TRUE(std::filesystem::exists(staging.dir() / kStagingSessionId));
  staging.remove(kStagingSessionId);
  staging.remove(kStagingSessionId);  // quiet when gone
  EXPECT_TRUE(staging.staged_ids().empty());
}

}  // namespace
}  // namespace projectd
