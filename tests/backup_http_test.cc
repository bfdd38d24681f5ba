// `projectd backup`, `restore` and `verify` (docs/operations.md, "Backup, restore and verify"),
// with the real binary: a backup taken while a thread keeps writing through the API restores and
// verifies clean; after the load a second, incremental backup copies only the new contents and its
// restore answers every GET exactly as the original did (PortalAnswersSuite, as `projectd copy`'s
// test). `verify` names a damaged and a missing content (exit 1) and warns of an orphan (exit 0);
// restore refuses a non-empty target and a damaged backup, backup a foreign directory, changing
// nothing. SQLite only: PostgreSQL portals are tested in tests/backup_postgres_http_test.cc.
#include "portal_answers_support.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace projectd::test {
namespace {

namespace fs = std::filesystem;

std::string backup_sqlite_url(const std::string& dir) {
  return "sqlite:" + dir + "/projectd.db";
}

std::vector<std::string> backup_server_flags(const std::string& dir) {
  std::vector<std::string> flags = kPublicUrl;
  flags.insert(flags.end(), {"--store", backup_sqlite_url(dir)});
  return flags;
}

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The sha256s the backup's manifest lists.
std::set<std::string> manifest_contents(const std::string& dir) {
  std::set<std::string> contents;
  const auto manifest = boost::json::parse(file_text(fs::path(dir) / "manifest.json"));
  for (const auto& blob : manifest.at("blobs").as_array())
    contents.insert(std::string(blob.at("sha256").as_string()));
  return contents;
}

// Every file below `dir`, relative, with its bytes: to prove a refusal changed nothing.
std::map<std::string, std::string> tree_of(const std::string& dir) {
  std::map<std::string, std::string> tree;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file())
      tree[entry.path().lexically_relative(dir).string()] = file_text(entry.path());
  }
  return tree;
}

// The stored content (DATA/blobs/aa/sha) whose bytes are `bytes`.
fs::path content_with(const std::string& data_dir, const std::string& bytes) {
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(data_dir) / "blobs")) {
    if (entry.is_regular_file() && file_text(entry.path()) == bytes) return entry.path();
  }
  ADD_FAILURE() << "no content holds " << bytes;
  return {};
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

class BackupTest : public PortalAnswersSuite {
 protected:
  void SetUp() override { PROJECTD_SQLITE_ONLY(); }

  static ProcessResult backup(const std::string& data, const std::string& to) {
    return run_projectd({"backup", "--data", data, "--to", to});
  }
  static ProcessResult restore(const std::string& from, const std::string& data) {
    return run_projectd({"restore", "--from", from, "--data", data});
  }
  static ProcessResult verify(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"verify"};
    all.insert(all.end(), args.begin(), args.end());
    return run_projectd(all);
  }
};

TEST_F(BackupTest, BacksUpUnderWriteLoadRestoresAndAnswersEveryGetTheSame) {
  TempDir dir, backups, restores;
  const std::string into = backups.path() + "/portal";
  start_server(dir.path(), backup_server_flags(dir.path()));
  const Portal p = seed();
  // The load: tasks and uploads through the API, until told to stop.
  WriteLoad load(p.open_project);
  ASSERT_TRUE(eventually([&] { return load.written() >= 3; }, std::chrono::seconds(30)));
  const int before_backup = load.written();
  const ProcessResult first = backup(dir.path(), into);
  const int after_backup = load.written();
  // More contents after the first backup, for the second to copy.
  EXPECT_TRUE(
      eventually([&] { return load.written() >= after_backup + 3; }, std::chrono::seconds(30)));
  load.stop();
  EXPECT_EQ(load.failed(), 0);
  std::printf("load: %d writes before the backup, %d when it ended, %d in all\n%s", before_backup,
              after_backup, load.written(), first.output.c_str());
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("Full backup"), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("skipped 0 "), std::string::npos) << first.output;

  // The backup taken under load is sound, restores, and the restore verifies clean.
  const ProcessResult checked = verify({"--backup", into});
  EXPECT_EQ(checked.exit_code, 0) << checked.output;
  const std::string first_restore = restores.path() + "/first";
  const ProcessResult restored = restore(into, first_restore);
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  const ProcessResult clean = verify({"--data", first_restore});
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  EXPECT_NE(clean.output.find("0 problems, 0 warnings"), std::string::npos) << clean.output;
  const std::set<std::string> first_contents = manifest_contents(into);

  // After the load: a second backup into the first is incremental, copying only new contents.
  // Asked once before it: some reads make what they show on first use (a person's Recycle Bin
  // folder), and the comparison below must start from the same state on both sides.
  const std::vector<std::string> all = paths(p);
  const Users users = {{"admin", admin()}, {"member", p.member.auth()}, {"guest", p.guest.auth()}};
  ask_all(all, users);
  const ProcessResult second = backup(dir.path(), into);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  const std::set<std::string> second_contents = manifest_contents(into);
  std::size_t kept = 0;
  for (const std::string& sha : second_contents)
    kept += first_contents.count(sha);
  const std::size_t added = second_contents.size() - kept;
  EXPECT_GE(added, 3u);
  EXPECT_NE(second.output.find("Incremental backup"), std::string::npos) << second.output;
  EXPECT_NE(second.output.find("Copied " + std::to_string(added) + " contents"), std::string::npos)
      << second.output;
  EXPECT_NE(second.output.find("skipped " + std::to_string(kept) + " already"), std::string::npos)
      << second.output;
  // One database copy and exactly the listed contents are left in the backup.
  std::size_t databases = 0, blobs = 0;
  for (const auto& entry : fs::recursive_directory_iterator(into)) {
    if (!entry.is_regular_file()) continue;
    if (entry.path().extension() == ".db") ++databases;
    if (entry.path().parent_path().parent_path().filename() == "blobs") ++blobs;
  }
  EXPECT_EQ(databases, 1u);
  EXPECT_EQ(blobs, second_contents.size());

  // Every GET of the original, as every user, against the restore of the second backup.
  const Answers before = ask_all(all, users);
  stop_server();
  const std::string second_restore = restores.path() + "/second";
  const ProcessResult again = restore(into, second_restore);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  start_server(second_restore, backup_server_flags(second_restore));
  expect_same_answers(before, ask_all(all, users));
  stop_server();
}

TEST_F(BackupTest, VerifyNamesADamagedAndAMissingContentAndWarnsOfAnOrphan) {
  TempDir dir;
  start_server(dir.path(), backup_server_flags(dir.path()));
  const std::int64_t kept = upload_id("@my", "kept.txt", "the kept content", admin());
  const std::int64_t lost = upload_id("@my", "lost.txt", "the lost content", admin());
  stop_server();
  const ProcessResult clean = verify({"--data", dir.path()});
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  EXPECT_NE(clean.output.find("0 problems"), std::string::npos) << clean.output;

  // One byte flipped.
  const fs::path damaged = content_with(dir.path(), "the kept content");
  write_file(damaged, "The kept content");
  const ProcessResult flipped = verify({"--data", dir.path()});
  EXPECT_EQ(flipped.exit_code, 1) << flipped.output;
  EXPECT_NE(flipped.output.find("problem: " + damaged.string() + ": damaged"), std::string::npos)
      << flipped.output;
  EXPECT_NE(flipped.output.find("file " + std::to_string(kept) + " version 1"), std::string::npos)
      << flipped.output;
  write_file(damaged, "the kept content");

  // One content gone.
  const fs::path missing = content_with(dir.path(), "the lost content");
  const fs::path aside = dir.path() + "/lost.aside";
  fs::rename(missing, aside);
  const ProcessResult gone = verify({"--data", dir.path()});
  EXPECT_EQ(gone.exit_code, 1) << gone.output;
  EXPECT_NE(gone.output.find("problem: " + missing.string() + ": missing, the content of file " +
                             std::to_string(lost) + " version 1"),
            std::string::npos)
      << gone.output;
  fs::rename(aside, missing);

  // An orphan older than the grace period: a warning, not a problem.
  const fs::path orphan =
      fs::path(dir.path()) / "blobs" / "ab" / std::string(64, 'a').replace(0, 2, "ab");
  write_file(orphan, "nobody's");
  fs::last_write_time(orphan, fs::file_time_type::clock::now() - std::chrono::hours(2));
  const ProcessResult orphaned = verify({"--data", dir.path()});
  EXPECT_EQ(orphaned.exit_code, 0) << orphaned.output;
  EXPECT_NE(orphaned.output.find("warning: " + orphan.string() + ": orphan"), std::string::npos)
      << orphaned.output;
  EXPECT_NE(orphaned.output.find("0 problems, 1 warnings"), std::string::npos) << orphaned.output;
  // Within the grace period it is an upload that may still commit: not reported.
  EXPECT_NE(verify({"--data", dir.path(), "--blob-grace-seconds", "86400"})
                .output.find("0 problems, 0 warnings"),
            std::string::npos);
}

TEST_F(BackupTest, RefusesANonEmptyTargetAForeignDirectoryAndADamagedBackupChangingNothing) {
  TempDir dir, elsewhere;
  start_server(dir.path(), backup_server_flags(dir.path()));
  upload_id("@my", "one.txt", "one content", admin());
  stop_server();
  const std::string into = elsewhere.path() + "/backup";
  ASSERT_EQ(backup(dir.path(), into).exit_code, 0);

  // restore into a directory that holds something
  const std::string occupied = elsewhere.path() + "/occupied";
  write_file(occupied + "/keep.txt", "mine");
  const ProcessResult refused = restore(into, occupied);
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("is not empty"), std::string::npos) << refused.output;
  EXPECT_EQ(tree_of(occupied), (std::map<std::string, std::string>{{"keep.txt", "mine"}}));

  // backup into a directory that is neither empty nor a backup
  const ProcessResult foreign = backup(dir.path(), occupied);
  EXPECT_EQ(foreign.exit_code, 1) << foreign.output;
  EXPECT_NE(foreign.output.find("neither empty nor a projectd backup"), std::string::npos)
      << foreign.output;
  EXPECT_EQ(tree_of(occupied), (std::map<std::string, std::string>{{"keep.txt", "mine"}}));

  // A damaged backup: verify names the file, restore writes nothing.
  const std::string sha = *manifest_contents(into).begin();
  const fs::path blob = fs::path(into) / "blobs" / sha.substr(0, 2) / sha;
  write_file(blob, "One content");
  const ProcessResult damaged = verify({"--backup", into});
  EXPECT_EQ(damaged.exit_code, 1) << damaged.output;
  EXPECT_NE(damaged.output.find("problem: " + blob.string()), std::string::npos) << damaged.output;
  const std::string target = elsewhere.path() + "/restored";
  const ProcessResult not_restored = restore(into, target);
  EXPECT_EQ(not_restored.exit_code, 1) << not_restored.output;
  EXPECT_FALSE(fs::exists(target));
  for (const auto& entry : fs::directory_iterator(elsewhere.path()))
    EXPECT_EQ(entry.path().filename().string().find(".restoring"), std::string::npos);

  // A PostgreSQL portal that does not answer: a failure that never repeats the URL's password
  // (the PostgreSQL path itself: tests/backup_postgres_http_test.cc).
  const ProcessResult postgres =
      run_projectd({"backup", "--store", "postgresql://nobody:hunter2@/none?host=/nonexistent-dir",
                    "--to", elsewhere.path() + "/pg"});
  EXPECT_EQ(postgres.exit_code, 1) << postgres.output;
  EXPECT_NE(postgres.output.find("cannot connect to PostgreSQL"), std::string::npos)
      << postgres.output;
  EXPECT_EQ(postgres.output.find("hunter2"), std::string::npos) << postgres.output;
  EXPECT_FALSE(fs::exists(elsewhere.path() + "/pg/manifest.json"));
}

}  // namespace
}  // namespace projectd::test
