// `projectd backup`, `restore` and `verify` on a PostgreSQL portal (docs/operations.md, "Backup,
// restore and verify"), with the real binary, when PROJECTD_TEST_STORE=postgresql: each portal
// lives in a database of its own in the test cluster (CREATE DATABASE), since pg_dump dumps a
// whole database and a restore needs one without tables. A backup taken while a thread keeps
// writing restores into a new empty database and blobs directory and verifies clean (the dump and
// the content list come from one snapshot); after the load an incremental backup's restore answers
// every GET exactly as the original (PortalAnswersSuite). restore refuses a database with tables,
// a non-empty blobs directory and a backup of the other kind of store (naming `projectd copy`), and
// a dump pg_restore cannot read leaves the database and the blobs directory as they were;
// verify names a damaged content; the URL's password never appears in any output, reaches pg_dump
// through PGPASSWORD and not its command line.
#include "portal_answers_support.h"
#include "store/postgres/postgres_connection.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace projectd::test {
namespace {

namespace fs = std::filesystem;

// Present in every URL of these tests: the cluster trusts its socket, so it is never checked, but
// it must never be printed.
const std::string kPgBackupPassword = "pgbackup-Secret-7f3a";

std::string pg_backup_file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void pg_backup_write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A new empty database in the test cluster; its URL carries kPgBackupPassword.
std::string pg_backup_fresh_database_url() {
  static int made = 0;
  const std::string base = std::getenv("PROJECTD_TEST_POSTGRES");
  const std::string name = "pgbackup_" + std::to_string(::getpid()) + "_" + std::to_string(++made);
  {
    PostgresConnection cluster(base);
    cluster.execute("DROP DATABASE IF EXISTS " + name);
    cluster.execute("CREATE DATABASE " + name);
  }
  std::string url = base + (base.find('?') == std::string::npos ? "?" : "&") + "dbname=" + name;
  const std::size_t at = url.find('@', url.find("://"));
  if (at == std::string::npos) return url + "&password=" + kPgBackupPassword;
  return url.insert(at, ":" + kPgBackupPassword);
}

std::vector<std::string> pg_backup_server_flags(const std::string& url, const std::string& blobs) {
  std::vector<std::string> flags = kPublicUrl;
  flags.insert(flags.end(), {"--store", url, "--blobs", blobs});
  return flags;
}

// The table names of the database, to prove a refused restore changed nothing.
std::vector<std::string> pg_backup_tables(const std::string& url) {
  PostgresConnection connection(url);
  std::vector<std::string> tables;
  SqlStatement rows = connection.prepare(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
  while (rows.step())
    tables.push_back(rows.text(0));
  return tables;
}

class BackupPostgresTest : public PortalAnswersSuite {
 protected:
  void SetUp() override {
    if (!testing_postgres()) GTEST_SKIP() << "PostgreSQL portals: PROJECTD_TEST_STORE=postgresql";
  }

  // Runs a command and checks the password never shows in what it printed.
  static ProcessResult run(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env = {}) {
    ProcessResult result = run_projectd(args, env);
    EXPECT_EQ(result.output.find(kPgBackupPassword), std::string::npos) << result.output;
    return result;
  }
  static ProcessResult backup(const std::string& url, const std::string& blobs,
                              const std::string& to) {
    return run({"backup", "--store", url, "--blobs", blobs, "--to", to});
  }
  static ProcessResult restore(const std::string& from, const std::string& url,
                               const std::string& blobs) {
    return run({"restore", "--from", from, "--store", url, "--blobs", blobs});
  }
  static ProcessResult verify(const std::string& url, const std::string& blobs) {
    return run({"verify", "--store", url, "--blobs", blobs});
  }
};

TEST_F(BackupPostgresTest, BacksUpUnderWriteLoadRestoresIntoANewDatabaseAndAnswersTheSame) {
  TempDir dir, backups, restores;
  const std::string url = pg_backup_fresh_database_url();
  const std::string blobs = dir.path() + "/blobs";
  const std::string into = backups.path() + "/portal";
  start_server(dir.path(), pg_backup_server_flags(url, blobs));
  const Portal p = seed();
  // The load: tasks and uploads through the API, until told to stop.
  WriteLoad load(p.open_project);
  ASSERT_TRUE(eventually([&] { return load.written() >= 3; }, std::chrono::seconds(30)));
  const ProcessResult first = backup(url, blobs, into);
  const int after_backup = load.written();
  EXPECT_TRUE(
      eventually([&] { return load.written() >= after_backup + 3; }, std::chrono::seconds(30)));
  load.stop();
  EXPECT_EQ(load.failed(), 0);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("Full backup"), std::string::npos) << first.output;
  const auto manifest = boost::json::parse(pg_backup_file_text(fs::path(into) / "manifest.json"));
  EXPECT_EQ(manifest.at("store").as_string(), "postgresql");
  EXPECT_TRUE(std::string(manifest.at("database").at("file").as_string()).ends_with(".pgdump"));

  // The backup taken under load restores into a new database and verifies clean: every content
  // its dump references is in it, and nothing else (no orphan warning).
  EXPECT_EQ(run({"verify", "--backup", into}).exit_code, 0);
  const std::string first_url = pg_backup_fresh_database_url();
  const std::string first_blobs = restores.path() + "/first-blobs";
  const ProcessResult restored = restore(into, first_url, first_blobs);
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  // No grace period: a content the dump does not reference is an orphan warning at once.
  const ProcessResult clean =
      run({"verify", "--store", first_url, "--blobs", first_blobs, "--blob-grace-seconds", "0"});
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  EXPECT_NE(clean.output.find("0 problems, 0 warnings"), std::string::npos) << clean.output;

  // After the load: an incremental backup, restored, answers every GET as the original.
  const std::vector<std::string> all = paths(p);
  const Users users = {{"admin", admin()}, {"member", p.member.auth()}, {"guest", p.guest.auth()}};
  ask_all(all, users);
  const ProcessResult second = backup(url, blobs, into);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("Incremental backup"), std::string::npos) << second.output;
  EXPECT_EQ(second.output.find("Copied 0 contents"), std::string::npos) << second.output;
  std::size_t dumps = 0;
  for (const auto& entry : fs::directory_iterator(into))
    dumps += entry.path().extension() == ".pgdump";
  EXPECT_EQ(dumps, 1u);

  const Answers before = ask_all(all, users);
  stop_server();
  TempDir second_dir;
  const std::string second_url = pg_backup_fresh_database_url();
  const std::string second_blobs = restores.path() + "/second-blobs";
  const ProcessResult again = restore(into, second_url, second_blobs);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("Restored the backup"), std::string::npos) << again.output;
  start_server(second_dir.path(), pg_backup_server_flags(second_url, second_blobs));
  expect_same_answers(before, ask_all(all, users));
  stop_server();
}

TEST_F(BackupPostgresTest, RefusesADatabaseWithTablesANonEmptyBlobsDirAndTheOtherKindOfBackup) {
  TempDir dir, elsewhere;
  const std::string url = pg_backup_fresh_database_url();
  const std::string blobs = dir.path() + "/blobs";
  start_server(dir.path(), pg_backup_server_flags(url, blobs));
  upload_id("@my", "one.txt", "one content", admin());
  stop_server();
  const std::string into = elsewhere.path() + "/backup";
  ASSERT_EQ(backup(url, blobs, into).exit_code, 0);

  // Into the portal's own database, which has tables: refused, nothing written anywhere.
  const std::vector<std::string> tables = pg_backup_tables(url);
  const std::string new_blobs = elsewhere.path() + "/new-blobs";
  const ProcessResult occupied = restore(into, url, new_blobs);
  EXPECT_EQ(occupied.exit_code, 1) << occupied.output;
  EXPECT_NE(occupied.output.find("restore only into a database without tables"), std::string::npos)
      << occupied.output;
  EXPECT_EQ(pg_backup_tables(url), tables);
  EXPECT_FALSE(fs::exists(new_blobs));

  // Into an empty database but a blobs directory that holds something: refused, the database
  // keeps no table.
  const std::string empty_url = pg_backup_fresh_database_url();
  pg_backup_write_file(new_blobs + "/keep.txt", "mine");
  const ProcessResult full_dir = restore(into, empty_url, new_blobs);
  EXPECT_EQ(full_dir.exit_code, 1) << full_dir.output;
  EXPECT_NE(full_dir.output.find("is not empty"), std::string::npos) << full_dir.output;
  EXPECT_TRUE(pg_backup_tables(empty_url).empty());
  EXPECT_EQ(pg_backup_file_text(new_blobs + "/keep.txt"), "mine");

  // A dump pg_restore cannot read (its manifest made to match): pg_restore's failure, summarised,
  // and neither the database nor --blobs changed, no temp directory left.
  const std::string broken = elsewhere.path() + "/broken";
  fs::copy(into, broken, fs::copy_options::recursive);
  auto manifest = boost::json::parse(pg_backup_file_text(fs::path(broken) / "manifest.json"));
  auto& database = manifest.at("database").as_object();
  const std::string garbage = "not a dump";
  pg_backup_write_file(fs::path(broken) / std::string(database.at("file").as_string()), garbage);
  database["sha256"] = "7a1f2c8d2a8d0f6c5a8b6b0b4e0f3f2b0a5f0bb1c2a6ef7d1b8cf5e3e3b7a2b1";
  database["size"] = garbage.size();
  pg_backup_write_file(fs::path(broken) / "manifest.json", boost::json::serialize(manifest));
  const ProcessResult unreadable = run({"verify", "--backup", broken});
  ASSERT_NE(unreadable.output.find("SHA-256 "), std::string::npos) << unreadable.output;
  // The real SHA-256 of the garbage, as verify reports it.
  const std::size_t sha_at = unreadable.output.find("SHA-256 ") + 8;
  database["sha256"] = unreadable.output.substr(sha_at, 64);
  pg_backup_write_file(fs::path(broken) / "manifest.json", boost::json::serialize(manifest));
  fs::remove(new_blobs + "/keep.txt");
  const ProcessResult failed = restore(broken, empty_url, new_blobs);
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_NE(failed.output.find("pg_restore failed (exit 1)"), std::string::npos) << failed.output;
  EXPECT_TRUE(pg_backup_tables(empty_url).empty());
  EXPECT_TRUE(fs::is_empty(new_blobs));
  for (const auto& entry : fs::directory_iterator(elsewhere.path()))
    EXPECT_EQ(entry.path().filename().string().find(".restoring"), std::string::npos);

  // A PostgreSQL backup into a data directory, and a SQLite backup into PostgreSQL: refused,
  // naming `projectd copy`.
  const std::string data = elsewhere.path() + "/data";
  const ProcessResult into_sqlite = run({"restore", "--from", into, "--data", data});
  EXPECT_EQ(into_sqlite.exit_code, 1) << into_sqlite.output;
  EXPECT_NE(into_sqlite.output.find("projectd copy"), std::string::npos) << into_sqlite.output;
  EXPECT_FALSE(fs::exists(data));
  const std::string sqlite_data = elsewhere.path() + "/sqlite";
  ASSERT_EQ(run({"migrate", "--data", sqlite_data}).exit_code, 0);
  const std::string sqlite_backup = elsewhere.path() + "/sqlite-backup";
  ASSERT_EQ(run({"backup", "--data", sqlite_data, "--to", sqlite_backup}).exit_code, 0);
  const ProcessResult into_postgres =
      restore(sqlite_backup, empty_url, elsewhere.path() + "/other-blobs");
  EXPECT_EQ(into_postgres.exit_code, 1) << into_postgres.output;
  EXPECT_NE(into_postgres.output.find("projectd copy"), std::string::npos) << into_postgres.output;
  EXPECT_TRUE(pg_backup_tables(empty_url).empty());
}

TEST_F(BackupPostgresTest, VerifyNamesADamagedContentAndTheDatabaseIsChecked) {
  TempDir dir;
  const std::string url = pg_backup_fresh_database_url();
  const std::string blobs = dir.path() + "/blobs";
  start_server(dir.path(), pg_backup_server_flags(url, blobs));
  const std::int64_t kept = upload_id("@my", "kept.txt", "the kept content", admin());
  stop_server();
  const ProcessResult clean = verify(url, blobs);
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  EXPECT_NE(clean.output.find("Checked the PostgreSQL database and 1 contents"), std::string::npos)
      << clean.output;
  EXPECT_NE(clean.output.find("0 problems, 0 warnings"), std::string::npos) << clean.output;

  fs::path damaged;
  for (const auto& entry : fs::recursive_directory_iterator(blobs)) {
    if (entry.is_regular_file() && pg_backup_file_text(entry.path()) == "the kept content")
      damaged = entry.path();
  }
  ASSERT_FALSE(damaged.empty());
  pg_backup_write_file(damaged, "The kept content");
  const ProcessResult flipped = verify(url, blobs);
  EXPECT_EQ(flipped.exit_code, 1) << flipped.output;
  EXPECT_NE(flipped.output.find("problem: " + damaged.string() + ": damaged"), std::string::npos)
      << flipped.output;
  EXPECT_NE(flipped.output.find("file " + std::to_string(kept) + " version 1"), std::string::npos)
      << flipped.output;

  // A database that is not a portal: its schema is not this binary's.
  const ProcessResult empty = verify(pg_backup_fresh_database_url(), blobs);
  EXPECT_EQ(empty.exit_code, 1) << empty.output;
  EXPECT_NE(empty.output.find("problem: database: schema version 0"), std::string::npos)
      << empty.output;
}

// pg_dump gets the password through PGPASSWORD only; its failure is summarised with the password
// cut out. A stand-in pg_dump records what it was given and fails printing all of it.
TEST_F(BackupPostgresTest, ThePasswordReachesPgDumpOnlyThroughItsEnvironment) {
  TempDir dir, tools;
  const std::string url = pg_backup_fresh_database_url();
  ASSERT_EQ(run({"migrate", "--store", url}).exit_code, 0);
  const fs::path fake = fs::path(tools.path()) / "pg_dump";
  pg_backup_write_file(fake,
                       "#!/bin/sh\n"
                       "printf '%s\\n' \"$@\" > \"$(dirname \"$0\")/argv\"\n"
                       "printf '%s' \"$PGPASSWORD\" > \"$(dirname \"$0\")/password\"\n"
                       "echo \"pg_dump: error: cannot connect with $PGPASSWORD\" >&2\n"
                       "exit 3\n");
  fs::permissions(fake, fs::perms::owner_all);
  const std::string path = tools.path() + ":" + std::getenv("PATH");
  const ProcessResult failed =
      run({"backup", "--store", url, "--blobs", dir.path() + "/blobs", "--to", dir.path() + "/b"},
          {{"PATH", path}});
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_NE(failed.output.find("pg_dump failed (exit 3): pg_dump: error: cannot connect with ***"),
            std::string::npos)
      << failed.output;
  EXPECT_EQ(pg_backup_file_text(fs::path(tools.path()) / "password"), kPgBackupPassword);
  const std::string argv = pg_backup_file_text(fs::path(tools.path()) / "argv");
  EXPECT_EQ(argv.find(kPgBackupPassword), std::string::npos) << argv;
  EXPECT_NE(argv.find("--snapshot="), std::string::npos) << argv;
  EXPECT_NE(argv.find("--format=custom"), std::string::npos) << argv;
  // Nothing is left of the failed backup but the empty directory it made.
  EXPECT_FALSE(fs::exists(dir.path() + "/b/manifest.json"));
}

}  // namespace
}  // namespace projectd::test
