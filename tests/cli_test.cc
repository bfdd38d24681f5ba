// The command line: version, migrate, user add, the first administrator, bad arguments.
#include "http_client.h"
#include "store/migrations.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace projectd::test {
namespace {

TEST(Cli, VersionPrintsTheVersion) {
  const auto result = run_projectd({"version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output, "projectd " PROJECTD_VERSION "\n");
}

TEST(Cli, BadArgumentsExitNonZeroWithAMessage) {
  auto unknown = run_projectd({"frobnicate"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_FALSE(unknown.output.empty());
  TempDir data;
  auto listen = run_projectd({"serve", "--listen", "nonsense", "--data", data.path()});
  EXPECT_NE(listen.exit_code, 0);
  EXPECT_NE(listen.output.find("HOST:PORT"), std::string::npos) << listen.output;
  auto zone = run_projectd({"serve", "--timezone", "Mars/Olympus", "--data", data.path()});
  EXPECT_NE(zone.exit_code, 0);
  EXPECT_NE(zone.output.find("Mars/Olympus"), std::string::npos) << zone.output;
  auto missing = run_projectd({"user", "add", "--data", data.path(), "--email", "a@b.c"});
  EXPECT_NE(missing.exit_code, 0);
  auto weak = run_projectd({"user", "add", "--data", data.path(), "--email", "a@example.com",
                            "--password", "short", "--first-name", "A", "--last-name", "B"});
  EXPECT_NE(weak.exit_code, 0);
  EXPECT_NE(weak.output.find("at least 8"), std::string::npos) << weak.output;
}

TEST(Cli, ServeRefusesANodeNameThatIsNoSafeDirectoryName) {
  TempDir data;
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"../other", "letters, digits"},
      {"a/b", "letters, digits"},
      {"..", "not a directory name"},
      {std::string(65, 'n'), "longer than 64"},
  };
  for (const auto& [node, why] : bad) {
    const auto refused = run_projectd({"serve", "--data", data.path(), "--node", node});
    EXPECT_NE(refused.exit_code, 0) << node;
    EXPECT_NE(refused.output.find("--node"), std::string::npos) << refused.output;
    EXPECT_NE(refused.output.find(why), std::string::npos) << refused.output;
  }
  const auto from_env =
      run_projectd({"serve", "--data", data.path()}, {{"PROJECTD_NODE", "bad name"}});
  EXPECT_NE(from_env.exit_code, 0);
  EXPECT_NE(from_env.output.find("letters, digits"), std::string::npos) << from_env.output;
  // Refused before anything was opened or made.
  EXPECT_TRUE(std::filesystem::is_empty(data.path()));
  const auto help = run_projectd({"serve", "--help"});
  EXPECT_NE(help.output.find("--node"), std::string::npos) << help.output;
  EXPECT_NE(help.output.find("PROJECTD_NODE"), std::string::npos) << help.output;
}

// Issue 21: every grace from 0 to 30 days keeps acknowledged uploads (blob_store.h); a negative,
// larger or non-numeric one is refused with the option's name, before anything is made.
TEST(Cli, ServeRefusesABlobGraceOutsideItsRange) {
  TempDir data;
  for (const std::string value : {"-1", "2592001", "soon"}) {
    const auto refused =
        run_projectd({"serve", "--data", data.path(), "--blob-grace-seconds", value});
    EXPECT_NE(refused.exit_code, 0) << value;
    EXPECT_NE(refused.output.find("--blob-grace-seconds"), std::string::npos) << refused.output;
  }
  const auto from_env =
      run_projectd({"serve", "--data", data.path()}, {{"PROJECTD_BLOB_GRACE_SECONDS", "-5"}});
  EXPECT_NE(from_env.exit_code, 0);
  EXPECT_NE(from_env.output.find("-5"), std::string::npos) << from_env.output;
  EXPECT_TRUE(std::filesystem::is_empty(data.path()));
  const auto help = run_projectd({"serve", "--help"});
  EXPECT_NE(help.output.find("0 too"), std::string::npos) << help.output;
}

TEST(Cli, MigrateAppliesOnce) {
  TempDir data;
  auto first =
      run_projectd({"migrate", "--data", data.path(), "--store", test_store_url(data.path())});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  // Every migration the binary carries, whatever their number: branches add them independently.
  const std::string applied = "Applied " + std::to_string(all_migrations().size()) + " migrations;";
  EXPECT_NE(first.output.find(applied), std::string::npos) << first.output;
  // One line per migration, with its number, name (without the number) and seconds.
  for (const Migration& migration : all_migrations()) {
    const std::string line = "Applied migration " + std::to_string(migration.number) + " (" +
                             std::string(migration.name.substr(5)) + ") in ";
    EXPECT_NE(first.output.find(line), std::string::npos) << line << "\n" << first.output;
  }
  EXPECT_EQ(first.output.find('\r'), std::string::npos) << first.output;
  auto second =
      run_projectd({"migrate", "--data", data.path(), "--store", test_store_url(data.path())});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_NE(second.output.find("Applied 0 migrations"), std::string::npos) << second.output;
}

TEST(Cli, UserAddMakesSomeoneWhoCanSignIn) {
  TempDir data;
  auto added =
      run_projectd({"user", "add", "--data", data.path(), "--store", test_store_url(data.path()),
                    "--email", "cli@example.com", "--password", "cli-password", "--first-name",
                    "Cli", "--last-name", "User", "--admin"});
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_NE(added.output.find("Added administrator cli@example.com"), std::string::npos);
  auto duplicate = run_projectd(
      {"user", "add", "--data", data.path(), "--store", test_store_url(data.path()), "--email",
       "cli@example.com", "--password", "cli-password", "--first-name", "C", "--last-name", "U"});
  EXPECT_NE(duplicate.exit_code, 0);
  TestServer server({}, data.path());
  EXPECT_FALSE(sign_in(server.port(), "cli@example.com", "cli-password").empty());
}

// serve starts itself again with glibc's per-thread cache enlarged (app/malloc_tuning.h): the
// running server's environment holds the count, after what GLIBC_TUNABLES already held, and a
// count given by the operator wins. The process id is the one started, and it answers. (The
// environment is read raw: glibc's loader ends each tunable's value with a NUL in place, so the
// variable reads as its first tunable only.)
TEST(Cli, ServeRunsWithGlibcsThreadCacheEnlargedUnlessTheOperatorSetIt) {
  const auto environment_with = [](std::map<std::string, std::string> env) {
    for (const auto& [name, value] : TestServer::admin_env())
      env.emplace(name, value);
    TestServer server({}, "", env);
    EXPECT_EQ(HttpClient(server.port()).get("/healthz").status, 200);
    std::ifstream in("/proc/" + std::to_string(server.pid()) + "/environ", std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const auto has = [](const std::string& all, const std::string& part) {
    return all.find(part) != std::string::npos;
  };
  std::string env = environment_with({});
  EXPECT_TRUE(has(env, std::string("GLIBC_TUNABLES=glibc.malloc.tcache_count=1000") + '\0'));
  env = environment_with({{"GLIBC_TUNABLES", "glibc.malloc.arena_max=2"}});
  EXPECT_TRUE(has(env, std::string("GLIBC_TUNABLES=glibc.malloc.arena_max=2") + '\0' +
                           "glibc.malloc.tcache_count=1000"));
  env = environment_with({{"GLIBC_TUNABLES", "glibc.malloc.tcache_count=50"}});
  EXPECT_TRUE(has(env, std::string("GLIBC_TUNABLES=glibc.malloc.tcache_count=50") + '\0'));
  EXPECT_FALSE(has(env, "tcache_count=1000"));
}

TEST(Cli, FirstStartWithoutCredentialsPrintsAGeneratedPasswordOnce) {
  TempDir data;
  std::string password;
  {
    TestServer server({}, data.path(), {});
    std::smatch m;
    const std::string output = server.output();
    ASSERT_TRUE(std::regex_search(output, m, std::regex("password: +(\\S{20}) "))) << output;
    password = m[1];
    EXPECT_NE(output.find("admin@projectd.local"), std::string::npos);
    EXPECT_FALSE(sign_in(server.port(), "admin@projectd.local", password).empty());
  }
  TestServer again({}, data.path(), {});
  EXPECT_EQ(again.output().find(password), std::string::npos);
  EXPECT_FALSE(sign_in(again.port(), "admin@projectd.local", password).empty());
}

}  // namespace
}  // namespace projectd::test
