// Notifications end to end (docs/notifications.md): real routes publish their change events, a
// real SMTP server (aiosmtpd) receives the mail and a real HTTP receiver the signed webhook
// calls, each exactly once per change, in order, and never a mail to the person who made it.
#include "files_test_support.h"
#include "smtp_server_support.h"
#include "webhook_receiver.h"

#include <set>

namespace projectd::test {
namespace {

class NotificationsTest : public FilesSuite {
 protected:
  static void SetUpTestSuite() {
    if (!SmtpServer::available()) return;
    smtp_ = new SmtpServer();
    receiver_ = new WebhookReceiver("ok");
    start_server("", {"--smtp-url", smtp_->url(), "--mail-from", "projectd@example.com",
                      "--public-url", "http://projectd.example", "--webhook-allow-network",
                      "127.0.0.0/8", "--delivery-retry-base-ms", "100"});
    const auto hook = response_of(
        json_request(port(), "POST", "/api/2.0/webhooks",
                     {{"url", receiver_->url()}, {"events", boost::json::array{"*"}}}, admin()),
        201);
    secret_ = new std::string(hook.at("secret").as_string());
  }
  static void TearDownTestSuite() {
    if (server_ != nullptr) stop_server();
    delete receiver_;
    delete smtp_;
    delete secret_;
    secret_ = nullptr;
    receiver_ = nullptr;
    smtp_ = nullptr;
  }
  void SetUp() override {
    if (smtp_ == nullptr) GTEST_SKIP() << "python3-aiosmtpd is not installed";
  }

  // The events of the webhook calls after the first `skip`, once `count` more arrived, each call
  // checked for its signature.
  static std::vector<std::string> webhook_events_after(std::size_t skip, std::size_t count) {
    const auto calls = receiver_->wait_for(skip + count);
    std::vector<std::string> events;
    for (std::size_t i = skip; i < calls.size(); ++i) {
      const ReceivedWebhook& call = calls[i];
      events.push_back(call.headers.at("x-projectd-event"));
      EXPECT_EQ(
          call.headers.at("x-projectd-signature"),
          expected_webhook_signature(*secret_, call.headers.at("x-projectd-timestamp"), call.body));
    }
    return events;
  }
  // The envelope recipients of the mails after the first `skip`, once `count` more arrived.
  static std::multiset<std::string> mailed_after(std::size_t skip, std::size_t count) {
    const auto mails = smtp_->wait_for_messages(skip + count);
    std::multiset<std::string> to;
    for (std::size_t i = skip; i < mails.size(); ++i)
      to.insert(mails[i].to.begin(), mails[i].to.end());
    return to;
  }

  static SmtpServer* smtp_;
  static WebhookReceiver* receiver_;
  static std::string* secret_;
};

SmtpServer* NotificationsTest::smtp_ = nullptr;
WebhookReceiver* NotificationsTest::receiver_ = nullptr;
std::string* NotificationsTest::secret_ = nullptr;

TEST_F(NotificationsTest, EachChangeMailsItsPeopleAndCallsTheEndpointOnceInOrder) {
  const std::size_t mails_before = smtp_->messages().size();
  const std::size_t calls_before = receiver_->requests().size();
  const std::string& secret = *secret_;
  const Person anna = add_person();
  const std::int64_t project = make_project({anna.id}, "Website");

  // Assigned with notify: Anna hears of it; the admin (who made it) does not.
  const std::int64_t task = create_task_id(project,
                                           {{"title", "Fix <b>login</b>"},
                                            {"responsibles", boost::json::array{anna.id.c_str()}},
                                            {"notify", true}},
                                           admin());
  auto mails = smtp_->wait_for_messages(mails_before + 1);
  mails.erase(mails.begin(), mails.begin() + static_cast<std::ptrdiff_t>(mails_before));
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
  mails = smtp_->wait_for_messages(mails_before + 4);
  mails.erase(mails.begin(), mails.begin() + static_cast<std::ptrdiff_t>(mails_before));
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
  auto calls = receiver_->wait_for(calls_before + expected.size());
  calls.erase(calls.begin(), calls.begin() + static_cast<std::ptrdiff_t>(calls_before));
  std::vector<std::string> events;
  std::set<std::string> delivery_ids;
  for (const ReceivedWebhook& call : calls) {
    events.push_back(call.headers.at("x-projectd-event"));
    delivery_ids.insert(call.headers.at("x-projectd-delivery"));
    EXPECT_EQ(
        call.headers.at("x-projectd-signature"),
        expected_webhook_signature(secret, call.headers.at("x-projectd-timestamp"), call.body));
  }
  EXPECT_EQ(events, expected);
  EXPECT_EQ(delivery_ids.size(), expected.size());
  const auto attached = boost::json::parse(calls.at(4).body).as_object();
  EXPECT_EQ(attached.at("actor").at("id"), admin_id().c_str());
  EXPECT_EQ(attached.at("data").at("id"), task);
  EXPECT_NE(boost::json::serialize(attached.at("data")).find("\"spec.txt\""), std::string::npos);

  // Nothing more arrives: no second mail or call for any of these changes.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(smtp_->messages().size(), mails_before + 4);
  EXPECT_EQ(receiver_->requests().size(), calls_before + expected.size());
}

// The rest of the events over their real routes: new responsibles, the reminder, a detach, a
// discussion and its comment (mail); updates and deletions of tasks, files and projects (webhooks).
TEST_F(NotificationsTest, EveryOtherEventReachesItsReceiversOnce) {
  const std::size_t mails_before = smtp_->messages().size();
  const std::size_t calls_before = receiver_->requests().size();
  const Person anna = add_person();
  const Person bob = add_person();
  const std::int64_t project = make_project({anna.id, bob.id}, "Intranet");
  const std::int64_t task = create_task_id(
      project, {{"title", "Backup"}, {"responsibles", boost::json::array{anna.id.c_str()}}},
      admin());  // no notify: nobody is mailed
  ASSERT_EQ(call("PUT", task_path(task),
                 {{"title", "Backup"},
                  {"responsibles", boost::json::array{anna.id.c_str(), bob.id.c_str()}},
                  {"notify", true}},
                 admin())
                .status,
            200);  // Bob, newly responsible
  ASSERT_EQ(call("GET", task_path(task, "/notify"), nullptr, admin()).status, 200);  // both
  const std::int64_t file =
      create_text_id(std::to_string(project_folder(project)), "plan.txt", "p", admin());
  ASSERT_EQ(call("POST", task_path(task, "/files"), {{"files", {file}}}, admin()).status, 201);
  ASSERT_EQ(
      call("DELETE", task_path(task, "/files?fileid=" + std::to_string(file)), nullptr, admin())
          .status,
      200);  // attach and detach: both, each
  const auto message = response_of(call("POST", std::to_string(project) + "/message",
                                        {{"title", "Kick-off"},
                                         {"content", "<p>Monday</p>"},
                                         {"participants", boost::json::array{anna.id.c_str()}},
                                         {"notify", true}},
                                        admin()),
                                   201);
  const std::string message_path = "message/" + std::to_string(message.at("id").as_int64());
  ASSERT_EQ(call("POST", message_path + "/comment", {{"content", "Agenda?"}}, admin()).status,
            201);  // Anna, a participant, twice (the discussion and its comment)
  EXPECT_EQ(mailed_after(mails_before, 9),
            (std::multiset<std::string>{bob.email, anna.email, bob.email, anna.email, bob.email,
                                        anna.email, bob.email, anna.email, anna.email}));

  ASSERT_EQ(call("DELETE", task_path(task), nullptr, admin()).status, 200);
  ASSERT_EQ(files_call("DELETE", "file/" + std::to_string(file), nullptr, admin()).status, 200);
  ASSERT_EQ(call("PUT", std::to_string(project), {{"title", "Intranet 2"}}, admin()).status, 200);
  ASSERT_EQ(call("DELETE", std::to_string(project), nullptr, admin()).status, 200);
  EXPECT_EQ(webhook_events_after(calls_before, 11),
            (std::vector<std::string>{"project.created", "task.created", "task.updated",
                                      "file.created", "task.files.attached", "task.files.detached",
                                      "comment.created", "task.deleted", "file.deleted",
                                      "project.updated", "project.deleted"}));
  // Told although the project was deleted before the worker fanned them out: with `gone`.
  const auto calls = receiver_->requests();
  ASSERT_GE(calls.size(), calls_before + 11);
  const auto updated = boost::json::parse(calls[calls_before + 9].body).as_object();
  EXPECT_EQ(updated.at("event"), "project.updated");
  EXPECT_EQ(updated.at("data").at("id"), project);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(smtp_->messages().size(), mails_before + 9);
  EXPECT_EQ(receiver_->requests().size(), calls_before + 11);
}

}  // namespace
}  // namespace projectd::test
