// `projectd copy`: a portal seeded through the API on SQLite is copied to PostgreSQL, and every
// answer the suite knows how to ask for is the same on the copy, as every user; the copy then
// hands out fresh ids. A target that holds a portal and a source behind the schema are refused.
// Runs only in the PostgreSQL shards (PROJECTD_TEST_STORE=postgresql), which have a cluster.
#include "portal_answers_support.h"
#include "store_sql.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <map>
#include <utility>

namespace projectd::test {
namespace {

std::string sqlite_url(const std::string& dir) {
  return "sqlite:" + dir + "/projectd.db";
}

std::vector<std::string> with(std::vector<std::string> flags, const std::string& store_url) {
  flags.insert(flags.end(), {"--store", store_url});
  return flags;
}

class StoreCopyTest : public PortalAnswersSuite {
 protected:
  void SetUp() override {
    if (!testing_postgres()) {
      GTEST_SKIP() << "copies to PostgreSQL: needs PROJECTD_TEST_STORE=postgresql and a cluster";
    }
  }

  static ProcessResult copy(const std::string& from, const std::string& to) {
    return run_projectd({"copy", "--from", from, "--to", to});
  }
};

TEST_F(StoreCopyTest, CopiesASqlitePortalToPostgresqlAndEveryAnswerStaysTheSame) {
  TempDir dir;
  start_server(dir.path(), with(kPublicUrl, sqlite_url(dir.path())));
  const Portal p = seed();
  const std::string old_admin_token = admin_->token;
  const std::vector<std::string> all = paths(p);
  const Users users = {{"admin", admin()}, {"member", p.member.auth()}, {"guest", p.guest.auth()}};
  const Answers before = ask_all(all, users);
  // @recent changes with the downloads ask_all makes, so it is compared once they are done.
  const Users recent_users = {{"admin", admin()}, {"member", p.member.auth()}};
  const Answers recent_before = ask_all({"/api/2.0/files/@recent"}, recent_users);
  // Not a comparison of refusals: nearly all of it is read (the private project and the deleted
  // task are not, to some).
  const auto readable = std::count_if(before.begin(), before.end(),
                                      [](const auto& entry) { return entry.second.status == 200; });
  EXPECT_GT(readable, static_cast<std::ptrdiff_t>(before.size() * 3 / 4)) << readable;
  stop_server();

  TempDir pg_dir;
  const std::string target = test_store_url(pg_dir.path());
  const auto started = std::chrono::steady_clock::now();
  const ProcessResult copied = copy(sqlite_url(dir.path()), target);
  const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  ASSERT_EQ(copied.exit_code, 0) << copied.output;
  std::printf("projectd copy of the seeded portal: %.2f s\n%s", took.count(),
              copied.output.c_str());
  EXPECT_NE(copied.output.find("tasks"), std::string::npos) << copied.output;
  EXPECT_NE(copied.output.find("blobs"), std::string::npos) << copied.output;
  EXPECT_EQ(copied.output.find("postgresql://"), std::string::npos) << copied.output;
  EXPECT_EQ(copied.output.find(dir.path()), std::string::npos) << copied.output;
  // Its stdout is a pipe: plain progress lines, two per table with the rows the target now holds.
  EXPECT_EQ(copied.output.find('\r'), std::string::npos) << copied.output;
  EXPECT_EQ(copied.output.find('\x1b'), std::string::npos) << copied.output;
  {
    const std::string lines = "\n" + copied.output;  // every line starts after a newline
    auto db = connect_store(target);
    const std::vector<std::string> tables =
        first_column(*db,
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                     "current_schema() AND table_name NOT IN ('schema_migrations', 'change_log') "
                     "ORDER BY 1");
    EXPECT_GT(tables.size(), 20u);
    // The nodes' record of recent writes (migration 0023) is not portal data: it is not copied.
    EXPECT_EQ(lines.find("\nchange_log: "), std::string::npos) << copied.output;
    for (const std::string& table : tables) {
      const std::string rows = first_column(*db, "SELECT count(*) FROM \"" + table + "\"").at(0);
      const bool checked = table == "task_counts";  // built by the target's triggers
      EXPECT_NE(
          lines.find("\n" + table + ": " + rows + (checked ? " rows to check" : " rows to copy\n")),
          std::string::npos)
          << table << "\n"
          << copied.output;
      EXPECT_NE(lines.find("\n" + table + ": " + rows +
                           (checked ? " rows checked in " : " rows copied in ")),
                std::string::npos)
          << table << "\n"
          << copied.output;
    }
  }
  EXPECT_NE(copied.output.find("rows/s; about "), std::string::npos) << copied.output;

  // The same blobs: the data directory is shared, the store is PostgreSQL.
  start_server(dir.path(), with(kPublicUrl, target));
  EXPECT_EQ(
      HttpClient(port()).get("/api/2.0/people/@self", HttpClient::auth(old_admin_token)).status,
      200);
  const Answers recent_after = ask_all({"/api/2.0/files/@recent"}, recent_users);
  for (const auto& [key, answer] : recent_before) {
    EXPECT_EQ(answer.status, 200) << key.first;
    EXPECT_EQ(parsed_or_text(recent_after.at(key).body), parsed_or_text(answer.body)) << key.first;
  }
  expect_same_answers(before, ask_all(all, users));

  // The triggers built task_counts from the copied tasks.
  {
    auto db = connect_store(target);
    EXPECT_EQ(first_column(*db,
                           "SELECT project_id || ':' || status || ':' || n FROM task_counts "
                           "ORDER BY project_id, status"),
              first_column(*db,
                           "SELECT project_id || ':' || status || ':' || count(*) FROM tasks "
                           "GROUP BY project_id, status ORDER BY project_id, status"));
    // The member's copy and the admin's delete into the trash are carried with their records.
    EXPECT_EQ(
        first_column(*db, "SELECT type || ':' || processed FROM file_operations ORDER BY type"),
        (std::vector<std::string>{"1:1", "2:1"}));
  }

  // The shared link still opens its file without signing in.
  EXPECT_EQ(downloaded(p.files[3], {}, "&doc=" + p.link), std::string("\0\1\2", 3));

  // The chunked upload goes on where it stood (its staged bytes are in the shared data directory).
  const HttpResponse rest = HttpClient(port()).request("POST", p.upload, "done", p.member.auth());
  ASSERT_EQ(rest.status, 201) << rest.body;
  EXPECT_EQ(downloaded(rest.json().at("data").at("id").as_int64(), p.member.auth()), "halfdone");

  // New rows get ids above every copied one, and above the deleted task's.
  const std::int64_t project = create_project_id({{"title", "After the move"}}, admin());
  EXPECT_GT(project, p.private_project);
  EXPECT_GT(create_task_id(project, {{"title", "Fresh"}}, admin()), p.deleted_task);
  EXPECT_GT(create_text_id("@common", "fresh", "new", admin()), p.files.back());
  stop_server();
}

// Row counts of every table, as text, to prove a refused copy changed nothing.
std::vector<std::string> table_counts(const std::string& store_url) {
  auto db = connect_store(store_url);
  std::vector<std::string> counts;
  for (const char* table : {"users", "folders", "projects", "tasks", "auth_tokens"}) {
    counts.push_back(table +
                     (":" + first_column(*db, std::string("SELECT count(*) FROM ") + table).at(0)));
  }
  return counts;
}

TEST_F(StoreCopyTest, RefusesATargetThatAlreadyHoldsAPortal) {
  TempDir source_dir, target_dir;
  const std::string source = sqlite_url(source_dir.path());
  ASSERT_EQ(run_projectd({"migrate", "--store", source}).exit_code, 0);
  // A PostgreSQL target with a portal: it has a person.
  const std::string target = test_store_url(target_dir.path());
  ASSERT_EQ(run_projectd({"user", "add", "--store", target, "--email", kAdminEmail, "--password",
                          kAdminPassword, "--first-name", "A", "--last-name", "Admin", "--admin"})
                .exit_code,
            0);
  const auto before = table_counts(target);
  const ProcessResult refused = copy(source, target);
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.output.find("the target already holds a portal"), std::string::npos)
      << refused.output;
  EXPECT_EQ(refused.output.find("postgresql://"), std::string::npos) << refused.output;
  EXPECT_EQ(table_counts(target), before);
}

TEST_F(StoreCopyTest, RefusesASourceBehindTheSchema) {
  TempDir source_dir, target_dir;
  const std::string source = sqlite_url(source_dir.path());
  ASSERT_EQ(run_projectd({"migrate", "--store", source}).exit_code, 0);
  connect_store(source)->execute(
      "DELETE FROM schema_migrations WHERE number = (SELECT max(number) FROM schema_migrations)");
  const std::string target = test_store_url(target_dir.path());
  const ProcessResult refused = copy(source, target);
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.output.find("the source"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("projectd migrate"), std::string::npos) << refused.output;
  // The target was not touched: not even migrated.
  auto db = connect_store(target);
  EXPECT_EQ(first_column(*db,
                         "SELECT count(*) FROM information_schema.tables "
                         "WHERE table_schema = current_schema()"),
            std::vector<std::string>{"0"});
}

}  // namespace
}  // namespace projectd::test
