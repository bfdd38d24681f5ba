// A full disk as the server meets it (issue 7; docs/architecture.md, "Storage and durability"), on
// a real one: the whole data directory (database and contents) lives on a small tmpfs. An upload
// that does not fit answers 507 and leaves neither a spooled file nor a file; a store write that
// does not fit answers 507 and changes nothing; reads keep working throughout; and once space is
// freed, writes succeed again (a full disk is no reason to fail stop, unlike an I/O error:
// store/sqlite/sqlite_fault_test.cc). Mounting needs root, as `.ci/run` has; elsewhere the test is
// skipped and says why.
#include "disk_test_support.h"

#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace projectd::test {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kDiskMiB = 24;

class DiskFullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "projectd-full-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    mount_point_ = pattern;
    const std::string options = "size=" + std::to_string(kDiskMiB) + "m";
    if (::mount("tmpfs", mount_point_.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      const int error = errno;
      fs::remove(mount_point_);
      mount_point_.clear();
      GTEST_SKIP() << "cannot mount a " << kDiskMiB
                   << " MiB tmpfs for the data (needs root): " << std::strerror(error);
    }
    server_ = std::make_unique<TestServer>(std::vector<std::string>{"--max-upload-mb", "64"},
                                           mount_point_ + "/data");
    auth_ = HttpClient::auth(sign_in(server_->port(), kAdminEmail, kAdminPassword));
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->output();
    }
    server_.reset();
    if (mount_point_.empty()) return;
    ::umount2(mount_point_.c_str(), MNT_DETACH);
    fs::remove(mount_point_);
  }

  // Fills what is left of the disk with a file beside the data directory.
  void fill_the_disk() {
    std::ofstream filler(filler_path(), std::ios::binary);
    const std::string mib(1 << 20, 'f');
    for (std::size_t i = 0; i < kDiskMiB && filler.write(mib.data(), mib.size()); ++i) {
    }
    filler.close();
  }
  std::string filler_path() const { return mount_point_ + "/filler"; }

  HttpResponse upload(const std::string& title, std::size_t bytes) const {
    return upload_bytes(server_->port(), auth_, title, bytes);
  }
  std::int64_t my_files() const { return my_file_count(server_->port(), auth_); }
  HttpResponse create_project(const std::string& title) const {
    return HttpClient(server_->port())
        .post_json("/api/2.0/project",
                   {{"title", title}, {"description", std::string(64 * 1024, 'd')}}, auth_);
  }

  std::string mount_point_;
  std::unique_ptr<TestServer> server_;
  Headers auth_;
};

void expect_507(const HttpResponse& res) {
  EXPECT_EQ(res.status, 507) << res.body;
  EXPECT_EQ(res.json().at("statusCode").as_int64(), 507);
}

TEST_F(DiskFullTest, AnUploadThatDoesNotFitIs507AndLeavesNothing) {
  expect_507(upload("too-big.bin", (kDiskMiB + 8) << 20));
  EXPECT_EQ(spooled_files(server_->data_dir()), 0u);
  EXPECT_EQ(my_files(), 0);
  // The failed spool's space came back: a small upload fits.
  EXPECT_EQ(upload("small.bin", 1024).status, 201);
  EXPECT_EQ(my_files(), 1);
}

TEST_F(DiskFullTest, StoreWritesThatDoNotFitAre507ChangeNothingAndRecover) {
  PROJECTD_SQLITE_ONLY();
  ASSERT_EQ(create_project("Before").status, 201);
  fill_the_disk();
  // The write-ahead log may still have room for a few writes; sooner or later one does not fit.
  std::vector<std::string> made;
  std::string refused;
  for (int i = 0; i < 200 && refused.empty(); ++i) {
    const std::string title = "Full " + std::to_string(i);
    const auto res = create_project(title);
    if (res.status == 201) {
      made.push_back(title);
      continue;
    }
    expect_507(res);
    refused = title;
  }
  ASSERT_FALSE(refused.empty()) << "no write was refused on a full disk";
  // Reads keep working, and show exactly the projects whose creation was acknowledged.
  const std::vector<std::string> titles = project_titles(server_->port(), auth_);
  EXPECT_EQ(std::count(titles.begin(), titles.end(), refused), 0);
  for (const std::string& title : made)
    EXPECT_EQ(std::count(titles.begin(), titles.end(), title), 1) << title;
  expect_507(upload("no-room.bin", 4 << 20));
  EXPECT_EQ(spooled_files(server_->data_dir()), 0u);

  fs::remove(filler_path());
  EXPECT_EQ(create_project("After").status, 201);
  EXPECT_EQ(upload("room-again.bin", 1024).status, 201);
}

}  // namespace
}  // namespace projectd::test
