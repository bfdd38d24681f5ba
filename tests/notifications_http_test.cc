// Notifications end to end (docs/notifications.md): real routes publish their change events, a
// real SMTP server (aiosmtpd) receives the mail and a real HTTP receiver the signed webhook
// calls, each exactly once per change, in order, and never a mail to the person who made it.
#include "files_test_support.h"
#include "smtp_server_support.h"
#include "webhook_receiver.h"

#include <openssl/hmac.h>

#include <set>

namespace projectd::test {
namespace {

std::string notifications_test_hmac(const std::string& secret, const std::string& message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

class NotificationsTest : public FilesSuite {
 protected:
  static void SetUpTestSuite() {
    if (!SmtpServer::available()) return;
    smtp_ = new SmtpServer();
    receiver_ = new WebhookReceiver("ok");
    start_server("", {"--smtp-url", smtp_->url(), "--mail-from", "projectd@example.com",
                      "--public-url", "http://projectd.example", "--webhook-allow-network",
                      "127.0.0.0/8", "--delivery-retry-base-ms", "100"});
  }
  static void TearDownTestSuite() {
    if (server_ != nullptr) stop_server();
    delete receiver_;
    delete smtp_;
    receiver_ = nullptr;
    smtp_ = nullptr;
  }
  void SetUp() override {
    if (smtp_ == nullptr) GTEST_SKIP() << "python3-aiosmtpd is not installed";
  }

  static SmtpServer* smtp_;
  static WebhookReceiver* receiver_;
};

SmtpServer* NotificationsTest::smtp_ = nullptr;
WebhookReceiver* NotificationsTest::receiver_ = nullptr;

TEST_F(NotificationsTest, EachChangeMailsItsPeopleAndCallsTheEndpointOnceInOrder) {
  const auto hook = response_of(
      json_request(port(), "POST", "/api/2.0/webhooks",
                   {{"url", receiver_->url()}, {"events", boost::json::array{"*"}}}, admin()),
      201);
  const std::string secret(hook.at("secret").as_string());
  const Person anna = add_person();
  const std::int64_t project = make_project({anna.id}, "Website");

  // Assigned with notify: Anna hears of it; the admin (who made it) does not.
  const std::int64_t task = create_task_id(project,
                                           {{"title", "Fix <b>login</b>"},
                                            {"responsibles", boost::json::array{anna.id.c_str()}},
                                            {"notify", true}},
                                           admin());
  auto mails = smtp_->wait_for_messages(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{anna.email});
  EXPECT_NE(mails[0].header("Subject").find("Fix <b>login</b>"), std::string::npos)
      << mails[0].header("Subject");
  const std::string html = mails[0].part("text/html");
  EXPECT_NE(html.find("Fix &lt;b&gt;login&lt;/b&gt;"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>login</b>"), std::string::npos);
  const std::string text = mails[0].part("text/plain");
  EXPECT_NE(text.find("http://projectd.example/"), std::string::npos) << text;
  EXPECT_NE(mails[0].header("List-Unsubscribe").find("http://projectd.example/"),
            std::string::npos);

  // A comment, a file attached and the task closed: one mail each, to Anna only.
  ASSERT_EQ(
      call("POST", task_path(task, "/comment"), {{"content", "<p>Looks <i>good</i></p>"}}, admin())
          .status,
      201);
  const std::int64_t file =
      create_text_id(std::to_string(project_folder(project)), "spec.txt", "s", admin());
  ASSERT_EQ(call("POST", task_path(task, "/files"), {{"files", {file}}}, admin()).status, 201);
  ASSERT_EQ(call("PUT", task_path(task, "/status"), {{"status", "closed"}}, admin()).status, 200);
  mails = smtp_->wait_for_messages(4);
  ASSERT_EQ(mails.size(), 4u);
  std::set<std::string> message_ids;
  for (const ReceivedMail& mail : mails) {
    EXPECT_EQ(mail.to, std::vector<std::string>{anna.email});
    message_ids.insert(mail.header("Message-ID"));
  }
  EXPECT_EQ(message_ids.size(), 4u);  // four changes, four distinct messages
  EXPECT_NE(mails[1].part("text/plain").find("Looks good"), std::string::npos)
      << mails[1].part("text/plain");
  EXPECT_NE(mails[2].part("text/plain").find("spec.txt"), std::string::npos)
      << mails[2].part("text/plain");

  // The endpoint got every change once, in commit order, each signed with its secret.
  const std::vector<std::string> expected = {"project.created",     "task.created",
                                             "comment.created",     "file.created",
                                             "task.files.attached", "task.status"};
  const auto calls = receiver_->wait_for(expected.size());
  std::vector<std::string> events;
  std::set<std::string> delivery_ids;
  for (const ReceivedWebhook& call : calls) {
    events.push_back(call.headers.at("x-projectd-event"));
    delivery_ids.insert(call.headers.at("x-projectd-delivery"));
    EXPECT_EQ(call.headers.at("x-projectd-signature"),
              "sha256=" + notifications_test_hmac(
                              secret, call.headers.at("x-projectd-timestamp") + "." + call.body));
  }
  EXPECT_EQ(events, expected);
  EXPECT_EQ(delivery_ids.size(), expected.size());
  const auto attached = boost::json::parse(calls.at(4).body).as_object();
  EXPECT_EQ(attached.at("actor").at("id"), admin_id().c_str());
  EXPECT_EQ(attached.at("data").at("id"), task);
  EXPECT_NE(boost::json::serialize(attached.at("data")).find("\"spec.txt\""), std::string::npos);

  // Nothing more arrives: no second mail or call for any of these changes.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(smtp_->messages().size(), 4u);
  EXPECT_EQ(receiver_->requests().size(), expected.size());
}

}  // namespace
}  // namespace projectd::test
