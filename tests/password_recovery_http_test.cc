// Password recovery through serve (domain/people/password_recovery.h): POST people/password mails
// a reset link through the outbox and the SMTP channel to a real SMTP server
// (smtp_server_support.h); POST people/password/reset spends the link's token once. Also the
// outbox's crash behaviour on this path: a crash between sending and marking resends under the
// same Message-ID, a crash before the first send loses nothing and sends once.
#include "auth/random.h"
#include "project_test_support.h"
#include "smtp_server_support.h"
#include "store_sql.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <thread>

namespace projectd::test {
namespace {

constexpr const char* kAnnEmail = "ann@example.com";
constexpr const char* kAnnPassword = "ann-password-1";
constexpr const char* kResetPath = "/api/2.0/people/password/reset";

// Polls `done` every 50 ms for up to 20 s.
bool recovery_eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

class PasswordRecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!SmtpServer::available()) GTEST_SKIP() << "python3-aiosmtpd is not installed";
    smtp_ = std::make_unique<SmtpServer>();
  }

  // serve on the test's data directory, mailing through the fixture.
  void start_server(std::map<std::string, std::string> env = TestServer::admin_env(),
                    std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--smtp-url",
                                  smtp_->url(),
                                  "--mail-from",
                                  "projectd@example.com",
                                  "--public-url",
                                  "https://projects.example.com/",
                                  "--delivery-retry-base-ms",
                                  "200"};
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<TestServer>(args, data_.path(), std::move(env));
  }

  unsigned short port() const { return server_->port(); }

  // Ann, an active person, made by the admin.
  std::string add_ann() {
    const std::string admin = sign_in(port(), kAdminEmail, kAdminPassword);
    const auto res = json_request(port(), "POST", "/api/2.0/people",
                                  {{"email", kAnnEmail},
                                   {"firstName", "Ann"},
                                   {"lastName", "Lee"},
                                   {"password", kAnnPassword}},
                                  HttpClient::auth(admin));
    EXPECT_EQ(res.status, 201) << res.body;
    return std::string(res.json().at("response").at("id").as_string());
  }

  HttpResponse ask(const std::string& email) {
    return json_request(port(), "POST", "/api/2.0/people/password", {{"email", email}}, {});
  }

  HttpResponse reset(const std::string& token, const std::string& password) {
    return json_request(port(), "POST", kResetPath, {{"token", token}, {"password", password}}, {});
  }

  int sign_in_status(const std::string& password) {
    return json_request(port(), "POST", "/api/2.0/authentication",
                        {{"userName", kAnnEmail}, {"password", password}}, {})
        .status;
  }

  // The token of the reset link in a mail's text part.
  static std::string token_of(const ReceivedMail& mail) {
    const std::string text = mail.part("text/plain; charset=utf-8");
    const std::string link = "https://projects.example.com/reset-password?token=";
    const auto at = text.find(link);
    EXPECT_NE(at, std::string::npos) << text;
    return at == std::string::npos ? "" : text.substr(at + link.size(), 64);
  }

  std::vector<std::string> stored(const std::string& sql) {
    auto db = connect_store(server_->store_url());
    return first_column(*db, sql);
  }

  bool delivered_all() {
    return stored("SELECT COUNT(*) FROM deliveries WHERE state <> 1") ==
           std::vector<std::string>{"0"};
  }

  TempDir data_;
  std::unique_ptr<SmtpServer> smtp_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(PasswordRecoveryTest, TheMailedLinkSetsANewPasswordOnceAndSignsEverySessionOut) {
  start_server();
  add_ann();
  const std::string old_session = sign_in(port(), kAnnEmail, kAnnPassword);

  const auto asked = ask(kAnnEmail);
  ASSERT_EQ(asked.status, 201) << asked.body;
  const auto mails = smtp_->wait_for_messages(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{kAnnEmail});
  EXPECT_EQ(mails[0].header("To"), "\"Ann Lee\" <ann@example.com>");
  EXPECT_EQ(mails[0].header("Subject"), "Reset your projectd password");
  EXPECT_EQ(mails[0].header("List-Unsubscribe"), "");
  const std::string token = token_of(mails[0]);
  ASSERT_EQ(token.size(), 64u);
  // Only the token's SHA-256 is stored.
  EXPECT_EQ(stored("SELECT token_hash FROM password_resets"),
            std::vector<std::string>{sha256_hex(token)});

  // A password the rules refuse: 400, and the token stays good.
  const auto short_password = reset(token, "x");
  EXPECT_EQ(short_password.status, 400) << short_password.body;

  const auto changed = reset(token, "ann-new-password-2");
  ASSERT_EQ(changed.status, 201) << changed.body;
  EXPECT_TRUE(response_of(changed, 201).is_string());
  EXPECT_EQ(sign_in_status(kAnnPassword), 401);
  EXPECT_EQ(sign_in_status("ann-new-password-2"), 201);
  EXPECT_EQ(HttpClient(port()).get("/api/2.0/people/@self", HttpClient::auth(old_session)).status,
            401);

  // Once only.
  const auto again = reset(token, "ann-new-password-3");
  EXPECT_EQ(again.status, 400);
  EXPECT_NE(again.body.find("not valid"), std::string::npos) << again.body;
  EXPECT_EQ(sign_in_status("ann-new-password-2"), 201);
}

TEST_F(PasswordRecoveryTest, WrongExpiredAndMissingTokensGetOneAnswer) {
  start_server();
  add_ann();
  ASSERT_EQ(ask(kAnnEmail).status, 201);
  const auto mails = smtp_->wait_for_messages(1);
  ASSERT_EQ(mails.size(), 1u);
  const std::string token = token_of(mails[0]);

  const auto wrong = reset(std::string(64, 'a'), "ann-new-password-2");
  const auto missing = json_request(port(), "POST", kResetPath, {{"password", "abcdefgh1"}}, {});
  auto db = connect_store(server_->store_url());
  db->prepare("UPDATE password_resets SET expires = 1").run();
  const auto expired = reset(token, "ann-new-password-2");
  for (const HttpResponse* res : {&wrong, &missing, &expired}) {
    EXPECT_EQ(res->status, 400) << res->body;
    EXPECT_EQ(res->json().at("error").at("message"), expired.json().at("error").at("message"));
  }
  EXPECT_EQ(sign_in_status(kAnnPassword), 201);  // unchanged
}

TEST_F(PasswordRecoveryTest, UnknownAddressesGetTheSameAnswerAndNoMail) {
  start_server();
  add_ann();
  const auto unknown = ask("nobody@example.com");
  const auto known = ask(kAnnEmail);
  ASSERT_EQ(unknown.status, 201);
  ASSERT_EQ(known.status, 201);
  std::string a(response_of(unknown, 201).as_string());
  std::string b(response_of(known, 201).as_string());
  a.replace(a.find("nobody@example.com"), 18, "X");
  b.replace(b.find(kAnnEmail), std::string(kAnnEmail).size(), "X");
  EXPECT_EQ(a, b);
  // The known address's mail was asked for last; when it was sent, everything was.
  ASSERT_TRUE(recovery_eventually([&] { return delivered_all(); }));
  const auto mails = smtp_->messages();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{kAnnEmail});
  EXPECT_EQ(stored("SELECT COUNT(*) FROM deliveries"), std::vector<std::string>{"1"});
}

TEST_F(PasswordRecoveryTest, OneMailPerPersonPer5MinutesAnd20RequestsPerAddress) {
  start_server();
  add_ann();
  ASSERT_EQ(ask(kAnnEmail).status, 201);
  ASSERT_EQ(ask(kAnnEmail).status, 201);  // answered alike, no second mail
  EXPECT_EQ(stored("SELECT COUNT(*) FROM deliveries"), std::vector<std::string>{"1"});
  for (int i = 2; i < 20; ++i)
    ASSERT_EQ(ask("nobody" + std::to_string(i) + "@example.com").status, 201) << i;
  for (const std::string email : {"nobody@example.com", kAnnEmail}) {
    const auto throttled = ask(email);
    EXPECT_EQ(throttled.status, 429) << throttled.body;
    const int wait = std::stoi(throttled.header("retry-after"));
    EXPECT_GT(wait, 0);
    EXPECT_LE(wait, 900);
  }
  ASSERT_TRUE(recovery_eventually([&] { return delivered_all(); }));
  EXPECT_EQ(smtp_->messages().size(), 1u);
  EXPECT_EQ(ask("no-at").status, 400);
}

// The crash test (a): the server dies after the SMTP server accepted the mail and before
// the delivery is marked. Restarted, it sends it again once, with the same Message-ID.
TEST_F(PasswordRecoveryTest, ACrashAfterSendingResendsUnderTheSameMessageId) {
  auto env = TestServer::admin_env();
  env["PROJECTD_TEST_EXIT_AFTER_SEND"] = "1";
  start_server(env, {"--delivery-lease-ms", "1000"});
  add_ann();
  ASSERT_EQ(ask(kAnnEmail).status, 201);
  ASSERT_EQ(smtp_->wait_for_messages(1).size(), 1u);
  server_->kill_hard();  // it has exited by itself, or is about to
  EXPECT_EQ(stored("SELECT state FROM deliveries"), std::vector<std::string>{"0"});

  start_server(TestServer::admin_env(), {"--delivery-lease-ms", "1000"});
  const auto mails = smtp_->wait_for_messages(2);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[1].header("Message-ID"), mails[0].header("Message-ID"));
  ASSERT_TRUE(recovery_eventually([&] { return delivered_all(); }));
  EXPECT_EQ(smtp_->messages().size(), 2u);  // marked now: never a third time
}

// The crash test (b): the request committed, the first send failed (the SMTP server is
// away), and the server is killed. Restarted with the SMTP server back, it sends exactly once.
TEST_F(PasswordRecoveryTest, ACrashBeforeTheFirstSendLosesNothingAndSendsOnce) {
  start_server();
  add_ann();
  smtp_->stop();
  ASSERT_EQ(ask(kAnnEmail).status, 201);
  ASSERT_TRUE(recovery_eventually(
      [&] { return stored("SELECT attempts FROM deliveries") != std::vector<std::string>{"0"}; }));
  server_->kill_hard();
  const auto error = stored("SELECT last_error FROM deliveries");
  ASSERT_EQ(error.size(), 1u);
  EXPECT_EQ(error[0], "could not connect to 127.0.0.1:" + std::to_string(smtp_->port()));

  smtp_->start();
  start_server();
  ASSERT_EQ(smtp_->wait_for_messages(1).size(), 1u);
  ASSERT_TRUE(recovery_eventually([&] { return delivered_all(); }));
  EXPECT_EQ(smtp_->messages().size(), 1u);
}

}  // namespace
}  // namespace projectd::test
