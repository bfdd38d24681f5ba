// Crash consistency (issue 7): the real server is SIGKILLed in the middle of a concurrent mix of
// writes (create, rename, upload, attach, detach, link, delete) and restarted on the same data.
// Afterwards the database passes its integrity and foreign key checks, every write acknowledged
// before the kill is there, no attachment points to a missing task, file or content, and no
// spooled upload is left. The seeds are fixed so CI is reproducible; PROJECTD_CRASH_SEEDS=N runs
// seeds 1..N instead of the default 1..4 (a longer run by hand). Every failure names its seed.
// A kill inside a content removal (issue 21), stopped at its quarantine rename by the fault shim
// while an upload of the same bytes commits, keeps that upload's content.
#include "crash_test_support.h"

#include "disk_test_support.h"
#include "store_sql.h"

#include <gmock/gmock.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

namespace projectd::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr int kClients = 5;

std::vector<std::uint32_t> crash_seeds() {
  const char* wanted = std::getenv("PROJECTD_CRASH_SEEDS");
  const int count = wanted ? std::max(1, std::atoi(wanted)) : 4;
  std::vector<std::uint32_t> seeds;
  for (int seed = 1; seed <= count; ++seed)
    seeds.push_back(static_cast<std::uint32_t>(seed));
  return seeds;
}

// PostgreSQL checks its own pages and foreign keys; SQLite's file is checked here.
void expect_sound_store(const std::string& data_dir, const std::string& store_url) {
  std::unique_ptr<SqlConnection> connection = connect_store(store_url);
  SqlConnection& db = *connection;
  if (!testing_postgres()) {
    EXPECT_THAT(first_column(db, "PRAGMA integrity_check"), ElementsAre("ok"));
    EXPECT_THAT(first_column(db, "PRAGMA foreign_key_check"), IsEmpty());
  }
  EXPECT_THAT(first_column(db,
                           "SELECT entity_id || ' -> ' || file_id FROM entity_files e "
                           "WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = e.file_id) "
                           "OR (entity_kind = 2 AND NOT EXISTS "
                           "(SELECT 1 FROM tasks t WHERE t.id = e.entity_id))"),
              IsEmpty())
      << "attachments (task -> file) whose task or file is missing";
  EXPECT_THAT(first_column(db,
                           "SELECT id FROM files f WHERE NOT EXISTS (SELECT 1 FROM file_versions "
                           "v WHERE v.file_id = f.id AND v.version = f.current_version)"),
              IsEmpty())
      << "files without their current version";
  auto contents = db.prepare("SELECT DISTINCT sha256, size FROM file_versions");
  while (contents.step()) {
    const std::string sha256 = contents.text(0);
    const auto size = static_cast<std::uintmax_t>(contents.int64(1));
    std::error_code ec;
    const std::uintmax_t stored = std::filesystem::file_size(content_path(data_dir, sha256), ec);
    EXPECT_TRUE(!ec && stored == size)
        << "content " << sha256 << " of " << size
        << " bytes: " << (ec ? ec.message() : std::to_string(stored) + " bytes stored");
  }
}

class CrashConsistencyTest : public CrashSuite,
                             public ::testing::WithParamInterface<std::uint32_t> {
 protected:
  static void expect_journal_holds(const Journal& journal) {
    for (const auto& [id, fate] : journal.tasks)
      expect_task_holds(journal, id, fate);
    for (const auto& [id, sha256] : journal.files)
      EXPECT_EQ(sha256_hex(downloaded(id, admin())), sha256) << "the bytes of file " << id;
  }

  static void expect_task_holds(const Journal& journal, std::int64_t id, const TaskFate& fate) {
    const HttpResponse res = call("GET", task_path(id), nullptr, admin());
    if (fate.exists != Presence::kPresent) {
      if (fate.exists == Presence::kAbsent || res.status != 200) {
        EXPECT_EQ(res.status, 404) << "task " << id << " after its delete: " << res.body;
      }
      return;
    }
    ASSERT_EQ(res.status, 200) << "task " << id << ": " << res.body;
    const auto task = res.json().at("response");
    EXPECT_THAT(fate.titles, Contains(std::string(task.at("title").as_string())))
        << "the title of task " << id;

    std::vector<IdPair> links;
    const auto* listed = task.as_object().if_contains("links");  // absent when there are none
    for (const auto& link : listed ? listed->as_array() : boost::json::array())
      links.emplace_back(link.at("parentTaskId").as_int64(),
                         link.at("dependenceTaskId").as_int64());
    for (const auto& [pair, presence] : journal.links) {
      if (pair.first != id || presence != Presence::kPresent ||
          journal.tasks.at(pair.second).exists != Presence::kPresent)
        continue;
      EXPECT_THAT(links, Contains(pair)) << "link " << pair.first << " -> " << pair.second;
    }

    std::vector<std::int64_t> files;
    bool files_read = false;
    for (const auto& [pair, presence] : journal.attachments) {
      if (pair.first != id || presence == Presence::kUnknown) continue;
      if (!std::exchange(files_read, true)) files = attached(id, admin());
      if (presence == Presence::kPresent) {
        EXPECT_THAT(files, Contains(pair.second)) << "file " << pair.second << " on task " << id;
      } else {
        EXPECT_THAT(files, Not(Contains(pair.second)))
            << "file " << pair.second << " detached from task " << id;
      }
    }
  }
};

TEST_P(CrashConsistencyTest, KillNineKeepsEveryAcknowledgedWrite) {
  const std::uint32_t seed = GetParam();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  const std::chrono::milliseconds kill_after(std::uniform_int_distribution<int>(200, 1500)(rng));

  start_server(persistent_dir());
  const std::vector<Journal> journals = crash_under_load(seed, kClients, kill_after);
  int acknowledged = 0;
  for (const Journal& journal : journals) {
    EXPECT_THAT(journal.refused, IsEmpty());
    acknowledged += journal.acknowledged;
  }
  EXPECT_GT(acknowledged, 0) << "the kill came before any write was acknowledged";
  const std::size_t spooled_at_kill = spooled_files(persistent_dir());
  expect_sound_store(persistent_dir(), test_store_url(persistent_dir()));

  start_server(persistent_dir());
  EXPECT_EQ(spooled_files(persistent_dir()), 0u) << "spooled uploads left after the restart";
  for (const Journal& journal : journals)
    expect_journal_holds(journal);
  stop_server();
  // Once more after the restart's blob sweep: it removed no content a version still names.
  expect_sound_store(persistent_dir(), test_store_url(persistent_dir()));

  std::printf("[ crash    ] seed %u: killed after %lld ms, %d writes acknowledged, %zu spooled\n",
              seed, static_cast<long long>(kill_after.count()), acknowledged, spooled_at_kill);
  for (const Journal& journal : journals)
    if (!journal.unanswered.empty())
      std::printf("             cut off: %s\n", journal.unanswered.c_str());
}

INSTANTIATE_TEST_SUITE_P(CrashConsistency, CrashConsistencyTest, ::testing::ValuesIn(crash_seeds()),
                         [](const auto& info) { return "seed" + std::to_string(info.param); });

// Issue 21: a removal is killed right after it renamed a content to its quarantine name, having
// found it unreferenced just before an upload of the same bytes committed. The shim holds the
// removal (a file's delete) at that rename while the upload is acknowledged, then lets the rename
// happen and SIGKILLs the server. After the restart the upload downloads whole; a content nobody
// uploaded meanwhile is removed by the restart's sweep instead. Both stores.
class RemovalCrashTest : public ::testing::Test {
 protected:
  static constexpr const char* kBytes = "uploaded, deleted, uploaded again";

  void start(std::map<std::string, std::string> env) {
    server_ = std::make_unique<TestServer>(std::vector<std::string>{"--blob-grace-seconds", "0"},
                                           data_.path() + "/data", std::move(env));
    auth_ = HttpClient::auth(sign_in(server_->port(), kAdminEmail, kAdminPassword));
  }
  std::int64_t upload() const {
    const HttpResponse res = files_request(server_->port(), "POST", "@my/upload", kBytes,
                                           raw_upload_headers(auth_, "again.bin"));
    EXPECT_EQ(res.status, 201) << res.body;
    return res.status == 201 ? res.json().at("response").at("id").as_int64() : 0;
  }
  // Deletes `file` and kills the server inside the removal of its content, after `meanwhile` ran
  // while the removal was held before its quarantine rename.
  void kill_inside_the_removal_of(std::int64_t file, const std::function<void()>& meanwhile) {
    set_fault(faults_.path(), "hold-quarantine", true);
    std::thread deleting([&] {
      try {
        files_request(server_->port(), "DELETE",
                      "file/" + std::to_string(file) + "?immediately=true", "", auth_);
      } catch (const std::exception&) {
        // The kill cut the answer off.
      }
    });
    const auto held = std::filesystem::path(faults_.path()) / "quarantine-held";
    EXPECT_TRUE(eventually([&] { return std::filesystem::exists(held); }));
    meanwhile();
    set_fault(faults_.path(), "kill-quarantine", true);
    set_fault(faults_.path(), "hold-quarantine", false);
    deleting.join();
    server_->kill_hard();
    server_.reset();
  }
  std::vector<std::string> quarantined() const {
    std::vector<std::string> names;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(data_.path() + "/data/blobs"))
      if (entry.path().filename().string().find(".gone-") != std::string::npos)
        names.push_back(entry.path().string());
    return names;
  }

  TempDir faults_;
  TempDir data_;
  std::unique_ptr<TestServer> server_;
  Headers auth_;
};

TEST_F(RemovalCrashTest, AKillAtTheQuarantineRenameKeepsAnUploadThatCommittedMeanwhile) {
  start(fault_preload_env(faults_.path()));
  const std::int64_t first = upload();
  std::int64_t second = 0;
  kill_inside_the_removal_of(first, [&] { second = upload(); });
  ASSERT_NE(second, 0);

  start(TestServer::admin_env());
  const HttpResponse got = fetch_file(server_->port(), second, auth_);
  EXPECT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.body, kBytes);
  EXPECT_TRUE(eventually([&] { return quarantined().empty(); })) << quarantined().size();
  EXPECT_TRUE(
      std::filesystem::is_regular_file(content_path(server_->data_dir(), sha256_hex(kBytes))));
  EXPECT_EQ(server_->stop(), 0) << server_->output();
}

TEST_F(RemovalCrashTest, AKillAtTheQuarantineRenameOfAnUnusedContentEndsInItsRemoval) {
  start(fault_preload_env(faults_.path()));
  const std::int64_t only = upload();
  kill_inside_the_removal_of(only, [] {});

  start(TestServer::admin_env());
  EXPECT_TRUE(eventually([&] { return quarantined().empty(); })) << quarantined().size();
  EXPECT_FALSE(std::filesystem::exists(content_path(server_->data_dir(), sha256_hex(kBytes))));
  EXPECT_EQ(fetch_file(server_->port(), only, auth_).status, 404);
  EXPECT_EQ(server_->stop(), 0) << server_->output();
}

}  // namespace
}  // namespace projectd::test
