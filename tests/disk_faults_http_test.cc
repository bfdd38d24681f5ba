// Disk faults as the server meets them (issue 7; docs/architecture.md, "Storage and durability"):
// tests/preload/fault_preload.cc is preloaded into the real server and makes chosen system calls
// fail with EIO while a trigger file exists. An upload whose spool write or whose move into the
// blob store fails answers a 5xx envelope and leaves nothing (no file, no spooled bytes), and the
// server serves on. A failed fsync of the database fails stop: that write and every later one
// answer 503 until a restart, reads keep working, and after the restart writes work again. (A full
// disk: disk_full_http_test.cc.)
#include "disk_test_support.h"

namespace projectd::test {
namespace {

class DiskFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    faults_ = std::make_unique<TempDir>();
    data_ = std::make_unique<TempDir>();
    start(fault_preload_env(faults_->path()));
  }
  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->output();
    }
  }

  void start(std::map<std::string, std::string> env) {
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->output();
    }
    env.merge(TestServer::admin_env());
    server_ =
        std::make_unique<TestServer>(std::vector<std::string>{}, data_->path() + "/data", env);
    auth_ = HttpClient::auth(sign_in(server_->port(), kAdminEmail, kAdminPassword));
  }

  void set_fault(const std::string& name, bool on) const {
    projectd::test::set_fault(faults_->path(), name, on);
  }

  HttpResponse upload(const std::string& title) const {
    return upload_bytes(server_->port(), auth_, title, 256 * 1024);
  }
  std::int64_t my_files() const { return my_file_count(server_->port(), auth_); }
  HttpResponse create_project(const std::string& title) const {
    return HttpClient(server_->port()).post_json("/api/2.0/project", {{"title", title}}, auth_);
  }
  std::vector<std::string> titles() const { return project_titles(server_->port(), auth_); }

  // An upload refused by `fault` leaves nothing behind, and the next one works.
  void expect_upload_fault_changes_nothing(const std::string& fault) {
    const std::int64_t files = my_files();
    const std::size_t contents = stored_contents(server_->data_dir());
    set_fault(fault, true);
    const auto failed = upload("refused.bin");
    set_fault(fault, false);
    EXPECT_GE(failed.status, 500) << failed.body;
    EXPECT_LT(failed.status, 600) << failed.body;
    EXPECT_EQ(failed.json().at("statusCode").as_int64(), failed.status);
    EXPECT_EQ(my_files(), files);
    EXPECT_EQ(stored_contents(server_->data_dir()), contents);
    EXPECT_TRUE(eventually([&] { return spooled_files(server_->data_dir()) == 0; }));
    EXPECT_EQ(HttpClient(server_->port()).get("/healthz").status, 200);
    EXPECT_EQ(upload("accepted.bin").status, 201);
    EXPECT_EQ(my_files(), files + 1);
  }

  std::unique_ptr<TempDir> faults_;
  std::unique_ptr<TempDir> data_;
  std::unique_ptr<TestServer> server_;
  Headers auth_;
};

TEST_F(DiskFaultsTest, AnUploadWhoseSpoolWriteFailsIs5xxAndLeavesNothing) {
  expect_upload_fault_changes_nothing("fail-blob-write");
}

TEST_F(DiskFaultsTest, AnUploadWhoseMoveIntoTheStoreFailsIs5xxAndLeavesNothing) {
  expect_upload_fault_changes_nothing("fail-blob-rename");
}

TEST_F(DiskFaultsTest, AFailedDatabaseFsyncFailsStopUntilARestartWhileReadsGoOn) {
  PROJECTD_SQLITE_ONLY();
  ASSERT_EQ(create_project("Before").status, 201);
  set_fault("fail-db-sync", true);
  EXPECT_EQ(create_project("During").status, 503);
  set_fault("fail-db-sync", false);
  // The disk answers again, but what it lost cannot be known: no write is acknowledged any more.
  const auto after = create_project("After");
  EXPECT_EQ(after.status, 503) << after.body;
  EXPECT_EQ(upload("after.bin").status, 503);
  EXPECT_EQ(titles(), std::vector<std::string>{"Before"});
  // Not ready (the writes check), though alive.
  HttpClient client(server_->port());
  EXPECT_TRUE(eventually([&] { return client.get("/readyz").status == 503; }));
  EXPECT_EQ(client.get("/readyz").json(),
            boost::json::parse(R"({"status":"unavailable","failed":"writes"})"));
  EXPECT_EQ(client.get("/healthz").status, 200);

  start({});  // the same data, without the shim
  EXPECT_EQ(titles(), std::vector<std::string>{"Before"});
  EXPECT_EQ(create_project("Restarted").status, 201);
  EXPECT_EQ(HttpClient(server_->port()).get("/readyz").status, 200);
}

}  // namespace
}  // namespace projectd::test
