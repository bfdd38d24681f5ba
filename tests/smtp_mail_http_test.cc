// The SMTP mail channel (src/app/mail/smtp_mail_channel.h) against a real SMTP server
// (tests/smtp_server_support.h): what arrives, TLS, AUTH, and which failures are permanent; and
// serve's --smtp-url and --mail-from checks. The worker path through serve is tested with
// password recovery (password_recovery_http_test.cc).
#include "app/mail/smtp_mail_channel.h"
#include "domain/notify/mail_payload.h"
#include "nginx_balancer.h"  // free_loopback_port
#include "smtp_server_support.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace projectd::test {
namespace {

class SmtpMailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!SmtpServer::available()) GTEST_SKIP() << "python3-aiosmtpd is not installed";
  }

  static SmtpSettings settings_for(const std::string& url, const std::string& ca_file = "") {
    ServeConfig config;
    config.smtp_url = url;
    config.mail_from = "projectd@example.com";
    config.smtp_ca_file = ca_file;
    config.public_url = "https://projects.example.com/portal";
    return *smtp_settings(config);
  }

  static DeliveryRecord sample_delivery(const std::string& to = "ann@example.com") {
    MailPayload p;
    p.to_address = to;
    p.to_name = "Ann Lee";
    p.subject = "Задача \"Fix login\" was assigned to you";
    p.heading = "Bob assigned you <img src=x onerror=alert(1)>";
    p.lines = {"Fix the login page"};
    p.link_text = "Open the task";
    p.link_url = "https://projects.example.com/portal/tasks/7";
    p.reason = "You are a member of the project";
    p.unsubscribe_url = "https://projects.example.com/portal/unsubscribe?token=t1";
    DeliveryRecord d;
    d.id = 1;
    d.channel = "mail";
    d.target = "user-1";
    d.key = "5d0c2a8e-8f0e-4a7b-9b5c-0c1d2e3f4a5b";
    d.payload = mail_payload_json(p);
    return d;
  }
};

TEST_F(SmtpMailTest, DeliversTheComposedMessageToTheRecipient) {
  SmtpServer smtp;
  SmtpMailChannel channel(settings_for(smtp.url()));
  const DeliveryOutcome outcome = channel.deliver(sample_delivery());
  ASSERT_TRUE(outcome.delivered) << outcome.error;

  const auto mails = smtp.wait_for_messages(1);
  ASSERT_EQ(mails.size(), 1u);
  const ReceivedMail& mail = mails[0];
  EXPECT_EQ(mail.from, "projectd@example.com");
  EXPECT_EQ(mail.to, std::vector<std::string>{"ann@example.com"});
  EXPECT_EQ(mail.header("From"), "\"projectd\" <projectd@example.com>");
  EXPECT_EQ(mail.header("To"), "\"Ann Lee\" <ann@example.com>");
  // The UTF-8 subject as encoded words (RFC 2047).
  EXPECT_TRUE(mail.header("Subject").starts_with("=?UTF-8?B?")) << mail.header("Subject");
  EXPECT_EQ(mail.header("Message-ID"),
            "<5d0c2a8e-8f0e-4a7b-9b5c-0c1d2e3f4a5b@projects.example.com>");
  EXPECT_EQ(mail.header("List-Unsubscribe"),
            "<https://projects.example.com/portal/unsubscribe?token=t1>");
  EXPECT_EQ(mail.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_FALSE(mail.header("Date").empty());
  EXPECT_EQ(mail.header("MIME-Version"), "1.0");
  EXPECT_TRUE(mail.header("Content-Type").starts_with("multipart/alternative;"));

  const std::string text = mail.part("text/plain; charset=utf-8");
  EXPECT_NE(text.find("Bob assigned you <img src=x onerror=alert(1)>"), std::string::npos) << text;
  EXPECT_NE(text.find("Open the task: https://projects.example.com/portal/tasks/7"),
            std::string::npos);
  const std::string html = mail.part("text/html; charset=utf-8");
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("Bob assigned you &lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://projects.example.com/portal/tasks/7\""), std::string::npos);

  // A resend of the same delivery carries the same Message-ID: a detectable duplicate.
  ASSERT_TRUE(channel.deliver(sample_delivery()).delivered);
  const auto both = smtp.wait_for_messages(2);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1].header("Message-ID"), mail.header("Message-ID"));
}

TEST_F(SmtpMailTest, MessageIdHostIsTheMailFromDomainWithoutPublicUrl) {
  SmtpServer smtp;
  ServeConfig config;
  config.smtp_url = smtp.url();
  config.mail_from = "notify@mail.example.org";
  SmtpMailChannel channel(*smtp_settings(config));
  ASSERT_TRUE(channel.deliver(sample_delivery()).delivered);
  const auto mails = smtp.wait_for_messages(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].header("Message-ID"),
            "<5d0c2a8e-8f0e-4a7b-9b5c-0c1d2e3f4a5b@mail.example.org>");
}

TEST_F(SmtpMailTest, StartTlsVerifiesTheServerAgainstTheCaFile) {
  SmtpServerOptions options;
  options.starttls = true;
  SmtpServer smtp(options);
  SmtpMailChannel trusting(settings_for(smtp.url(), smtp.ca_file()));
  const DeliveryOutcome outcome = trusting.deliver(sample_delivery());
  ASSERT_TRUE(outcome.delivered) << outcome.error;
  EXPECT_EQ(smtp.wait_for_messages(1).size(), 1u);

  // Without the CA file the self-signed certificate is not trusted: nothing is sent in clear
  // instead, and the failure is retried.
  SmtpMailChannel system_cas(settings_for(smtp.url()));
  const DeliveryOutcome refused = system_cas.deliver(sample_delivery());
  EXPECT_FALSE(refused.delivered);
  EXPECT_FALSE(refused.permanent);
  EXPECT_EQ(refused.error, "could not set up TLS with 127.0.0.1:" + std::to_string(smtp.port()));
  EXPECT_EQ(smtp.messages().size(), 1u);
}

TEST_F(SmtpMailTest, AuthenticatesWithTheUrlsUserAndPassword) {
  SmtpServerOptions options;
  options.user = "mailer";
  options.password = "s3cret-pass";
  SmtpServer smtp(options);
  const std::string port = std::to_string(smtp.port());
  SmtpMailChannel channel(settings_for("smtp://mailer:s3cret-pass@127.0.0.1:" + port));
  const DeliveryOutcome outcome = channel.deliver(sample_delivery());
  ASSERT_TRUE(outcome.delivered) << outcome.error;
  EXPECT_EQ(smtp.wait_for_messages(1).size(), 1u);

  SmtpMailChannel wrong(settings_for("smtp://mailer:wrong-pass@127.0.0.1:" + port));
  const DeliveryOutcome refused = wrong.deliver(sample_delivery());
  EXPECT_FALSE(refused.delivered);
  EXPECT_FALSE(refused.permanent);
  EXPECT_EQ(refused.error.find("wrong-pass"), std::string::npos) << refused.error;
  // aiosmtpd keeps a refused AUTH waiting, so libcurl reports the connect phase's timeout here
  // rather than the 535 (a server that answers 535 gives "refused the user name or password").
  EXPECT_FALSE(refused.error.empty());
  EXPECT_EQ(smtp.messages().size(), 1u);
}

TEST_F(SmtpMailTest, ARefusedRecipientIsPermanent) {
  SmtpServerOptions options;
  options.refuse = "gone@example.com";
  SmtpServer smtp(options);
  SmtpMailChannel channel(settings_for(smtp.url()));
  const DeliveryOutcome outcome = channel.deliver(sample_delivery("gone@example.com"));
  EXPECT_FALSE(outcome.delivered);
  EXPECT_TRUE(outcome.permanent);
  EXPECT_EQ(outcome.error, "SMTP server refused the recipient (550)");
  EXPECT_TRUE(smtp.messages().empty());
}

TEST_F(SmtpMailTest, AServerThatIsDownIsRetried) {
  const unsigned short port = free_loopback_port();
  SmtpMailChannel channel(settings_for("smtp://127.0.0.1:" + std::to_string(port)));
  const DeliveryOutcome outcome = channel.deliver(sample_delivery());
  EXPECT_FALSE(outcome.delivered);
  EXPECT_FALSE(outcome.permanent);
  EXPECT_EQ(outcome.error, "could not connect to 127.0.0.1:" + std::to_string(port));
}

TEST_F(SmtpMailTest, APayloadThatIsNotAMailIsPermanent) {
  SmtpServer smtp;
  SmtpMailChannel channel(settings_for(smtp.url()));
  DeliveryRecord d = sample_delivery();
  d.payload = "[1,2]";
  const DeliveryOutcome outcome = channel.deliver(d);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_TRUE(outcome.permanent);
}

TEST(SmtpSettingsTest, RefusesBadUrlsAndAMissingSenderWithoutShowingThePassword) {
  ServeConfig config;
  EXPECT_FALSE(smtp_settings(config).has_value());
  config.mail_from = "projectd@example.com";
  for (const std::string url : {"http://mail.example.com", "smtp://", "mail.example.com:25",
                                "smtp://u:topsecret@mail.example.com/x?y=1"}) {
    config.smtp_url = url;
    try {
      smtp_settings(config);
      ADD_FAILURE() << url << " was accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("--smtp-url must be"), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find("topsecret"), std::string::npos) << e.what();
    }
  }
  config.smtp_url = "smtps://u:topsecret@mail.example.com";
  const SmtpSettings s = *smtp_settings(config);
  EXPECT_EQ(s.url, "smtps://mail.example.com");
  EXPECT_EQ(s.shown, "mail.example.com:465");
  EXPECT_EQ(s.user, "u");
  EXPECT_EQ(s.password, "topsecret");
  config.mail_from.clear();
  EXPECT_THROW(smtp_settings(config), std::invalid_argument);
  config.mail_from = "not an address";
  EXPECT_THROW(smtp_settings(config), std::invalid_argument);
}

TEST(SmtpServeTest, ServeRefusesToStartWithABadSmtpUrlOrWithoutMailFrom) {
  TempDir data;
  const ProcessResult bad =
      run_projectd({"serve", "--data", data.path(), "--listen", "127.0.0.1:0", "--smtp-url",
                    "ftp://u:topsecret@mail.example.com", "--mail-from", "projectd@example.com"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("--smtp-url must be"), std::string::npos) << bad.output;
  EXPECT_EQ(bad.output.find("topsecret"), std::string::npos) << bad.output;

  const ProcessResult no_from =
      run_projectd({"serve", "--data", data.path(), "--listen", "127.0.0.1:0", "--smtp-url",
                    "smtp://127.0.0.1:2525"});
  EXPECT_NE(no_from.exit_code, 0);
  EXPECT_NE(no_from.output.find("--smtp-url needs --mail-from"), std::string::npos)
      << no_from.output;
}

TEST(SmtpServeTest, ServeWithoutSmtpUrlSaysNoMailIsSent) {
  TestServer server;
  const auto said = [&] {
    return server.output().find("notifications: no --smtp-url, no mail is sent") !=
           std::string::npos;
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!said() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_TRUE(said()) << server.output();
}

}  // namespace
}  // namespace projectd::test
