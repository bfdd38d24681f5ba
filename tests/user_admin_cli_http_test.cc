// `projectd user list|disable|enable|set-password|revoke-tokens|make-admin` (app/user_commands.h)
// against a running server on the same store, SQLite file or PostgreSQL schema: each change is
// seen by the server's next request, through its token and response caches; an unknown email
// exits 1 with a clear message and changes nothing; a stopped portal works too.
#include "http_client.h"
#include "task_test_support.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <regex>
#include <string>
#include <vector>

namespace projectd::test {
namespace {

constexpr const char* kPersonEmail = "pat@example.com";
constexpr const char* kPersonPassword = "pat-password-1";

// `projectd user <args...> --data DIR --store URL` on the server's store.
ProcessResult user_command(const TestServer& server, std::vector<std::string> args) {
  args.insert(args.begin(), "user");
  args.insert(args.end(), {"--data", server.data_dir(), "--store", server.store_url()});
  return run_projectd(args);
}

void add_person(const TestServer& server) {
  const auto added =
      user_command(server, {"add", "--email", kPersonEmail, "--password", kPersonPassword,
                            "--first-name", "Pat", "--last-name", "Doe"});
  ASSERT_EQ(added.exit_code, 0) << added.output;
}

// GET people/@self with `token`: the status, and the person's isAdmin when it answered.
struct SelfAnswer {
  int status = 0;
  bool is_admin = false;
};
SelfAnswer get_self(HttpClient& client, const std::string& token) {
  const auto response = client.get("/api/2.0/people/@self", HttpClient::auth(token));
  SelfAnswer answer{response.status};
  if (response.status == 200)
    answer.is_admin = response.json().at("response").at("isAdmin").as_bool();
  return answer;
}

int sign_in_status(unsigned short port, const std::string& email, const std::string& password) {
  HttpClient client(port);
  return client
      .post_json("/api/2.0/authentication",
                 boost::json::object{{"userName", email}, {"password", password}})
      .status;
}

class UserAdminCli : public ::testing::Test {
 protected:
  void SetUp() override {
    add_person(server_);
    token_ = sign_in(server_.port(), kPersonEmail, kPersonPassword);
    // Twice: the second answer comes from the caches a change must get past.
    ASSERT_EQ(get_self(client_, token_).status, 200);
    ASSERT_EQ(get_self(client_, token_).status, 200);
  }

  TestServer server_;
  HttpClient client_{server_.port()};
  std::string token_;
};

TEST_F(UserAdminCli, ListPrintsEveryoneAsATable) {
  ASSERT_EQ(user_command(server_, {"disable", "--email", kPersonEmail}).exit_code, 0);
  const auto listed = user_command(server_, {"list"});
  EXPECT_EQ(listed.exit_code, 0) << listed.output;
  const std::regex header("EMAIL +NAME +TYPE +STATUS +ADMIN\n");
  EXPECT_TRUE(std::regex_search(listed.output, header)) << listed.output;
  EXPECT_TRUE(std::regex_search(listed.output,
                                std::regex("admin@example\\.com +\\S.* +user +active +yes\n")))
      << listed.output;
  EXPECT_TRUE(std::regex_search(listed.output,
                                std::regex("pat@example\\.com +Pat Doe +user +disabled +no\n")))
      << listed.output;
  EXPECT_NE(listed.output.find("2 people"), std::string::npos) << listed.output;
}

TEST_F(UserAdminCli, DisableRefusesTheNextRequestAndEnableLetsThePersonSignInAgain) {
  const auto disabled = user_command(server_, {"disable", "--email", kPersonEmail});
  EXPECT_EQ(disabled.exit_code, 0) << disabled.output;
  EXPECT_NE(disabled.output.find("Disabled pat@example.com"), std::string::npos) << disabled.output;
  EXPECT_EQ(get_self(client_, token_).status, 401);
  EXPECT_EQ(sign_in_status(server_.port(), kPersonEmail, kPersonPassword), 401);

  const auto enabled = user_command(server_, {"enable", "--email", "PAT@example.com"});
  EXPECT_EQ(enabled.exit_code, 0) << enabled.output;
  EXPECT_EQ(get_self(client_, token_).status, 401);  // its tokens went with the disabling
  const std::string again = sign_in(server_.port(), kPersonEmail, kPersonPassword);
  EXPECT_EQ(get_self(client_, again).status, 200);
}

TEST_F(UserAdminCli, SetPasswordSignsOutAndTheNewPasswordWorks) {
  const auto set = user_command(
      server_, {"set-password", "--email", kPersonEmail, "--password", "a-new-password-2"});
  EXPECT_EQ(set.exit_code, 0) << set.output;
  EXPECT_EQ(get_self(client_, token_).status, 401);
  EXPECT_EQ(sign_in_status(server_.port(), kPersonEmail, kPersonPassword), 401);
  EXPECT_EQ(sign_in_status(server_.port(), kPersonEmail, "a-new-password-2"), 201);
  // Without --password it reads stdin; an empty line is too short, and nothing changes.
  const auto empty = user_command(server_, {"set-password", "--email", kPersonEmail});
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_NE(empty.output.find("at least 8"), std::string::npos) << empty.output;
  EXPECT_EQ(sign_in_status(server_.port(), kPersonEmail, "a-new-password-2"), 201);
}

TEST_F(UserAdminCli, RevokeTokensSignsOutEverySession) {
  const std::string second = sign_in(server_.port(), kPersonEmail, kPersonPassword);
  const auto revoked = user_command(server_, {"revoke-tokens", "--email", kPersonEmail});
  EXPECT_EQ(revoked.exit_code, 0) << revoked.output;
  EXPECT_EQ(get_self(client_, token_).status, 401);
  EXPECT_EQ(get_self(client_, second).status, 401);
  EXPECT_EQ(sign_in_status(server_.port(), kPersonEmail, kPersonPassword), 201);
}

TEST_F(UserAdminCli, MakeAdminAndRevokeAreSeenByTheSameToken) {
  EXPECT_FALSE(get_self(client_, token_).is_admin);
  const auto made = user_command(server_, {"make-admin", "--email", kPersonEmail});
  EXPECT_EQ(made.exit_code, 0) << made.output;
  EXPECT_TRUE(get_self(client_, token_).is_admin);
  const auto revoked = user_command(server_, {"make-admin", "--revoke", "--email", kPersonEmail});
  EXPECT_EQ(revoked.exit_code, 0) << revoked.output;
  EXPECT_FALSE(get_self(client_, token_).is_admin);
}

TEST_F(UserAdminCli, AnUnknownEmailExitsOneAndChangesNothing) {
  const std::vector<std::vector<std::string>> commands = {
      {"disable"},       {"enable"},     {"set-password", "--password", "whatever-password"},
      {"revoke-tokens"}, {"make-admin"}, {"make-admin", "--revoke"}};
  for (std::vector<std::string> command : commands) {
    command.insert(command.end(), {"--email", "nobody@example.com"});
    const auto refused = user_command(server_, command);
    EXPECT_EQ(refused.exit_code, 1) << command.front() << refused.output;
    EXPECT_NE(refused.output.find("Nobody has the email nobody@example.com"), std::string::npos)
        << refused.output;
  }
  // A user name is no email.
  EXPECT_EQ(user_command(server_, {"disable", "--email", "pat"}).exit_code, 1);
  const auto missing = user_command(server_, {"disable"});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.output.find("--email"), std::string::npos) << missing.output;
  EXPECT_EQ(get_self(client_, token_).status, 200);
}

// The hot read GET project/task/{id} is answered from the response cache, on the socket thread,
// while the store's generation stays: a command's change must move it for the running server.
class UserAdminCliCaches : public TaskSuite {};

TEST_F(UserAdminCliCaches, ARevokedOrDisabledTokenGetsNoCachedAnswer) {
  const std::int64_t task = create_task_id(make_project(), {{"title", "Cached"}}, admin());
  const std::string url = "/api/2.0/project/" + task_path(task);
  const Person other = add_person();
  ASSERT_EQ(user_command(*server_, {"make-admin", "--email", other.email}).exit_code, 0);
  HttpClient client(port());
  for (const Headers& auth : {admin(), other.auth()})
    for (int i = 0; i < 3; ++i)
      ASSERT_EQ(client.get(url, auth).status, 200);
  ASSERT_EQ(user_command(*server_, {"revoke-tokens", "--email", admin_->email}).exit_code, 0);
  EXPECT_EQ(client.get(url, admin()).status, 401);
  EXPECT_EQ(client.get(url, other.auth()).status, 200);
  EXPECT_EQ(client.get(url, other.auth()).status, 200);
  ASSERT_EQ(user_command(*server_, {"disable", "--email", other.email}).exit_code, 0);
  EXPECT_EQ(client.get(url, other.auth()).status, 401);
}

TEST(UserAdminCliStopped, ChangesAStoppedPortal) {
  TempDir data;
  std::string store_url;
  {
    TestServer server({}, data.path());
    add_person(server);
    store_url = server.store_url();
    server.stop();
    const auto disabled = user_command(server, {"disable", "--email", kPersonEmail});
    EXPECT_EQ(disabled.exit_code, 0) << disabled.output;
  }
  TestServer restarted({"--store", store_url}, data.path());
  EXPECT_EQ(sign_in_status(restarted.port(), kPersonEmail, kPersonPassword), 401);
}

}  // namespace
}  // namespace projectd::test
