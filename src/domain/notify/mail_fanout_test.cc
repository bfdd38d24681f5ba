// The mail fan-out (mail_fanout.h) on a real SQLite store, the way the outbox worker runs it: an
// event published with publish_in_tx in one write, fanned out in the next. Each test asserts who
// gets a mail and what it says: the actor, terminated people, people without an address, people
// who may no longer read the project, and people who turned the kind off are never told, and
// nobody is told twice.
#include "domain/notify/mail_fanout.h"

#include "domain/notify/change_events.h"
#include "domain/notify/mail_payload.h"
#include "domain/notify/unsubscribe_token.h"
#include "store/sqlite/sqlite_project_test_support.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <map>

namespace projectd {
namespace {

using testing::make_milestone;
using testing::make_project;
using testing::make_task;
using testing::make_user;
using testing::TempDir;

constexpr const char* kPublic = "https://pm.example.org";

class MailFanoutTest : public ::testing::Test {
 protected:
  // Website, a private project managed by Anna (the actor of every event). Its team: Bob, Carl,
  // Dora (terminated), Erin (no e-mail address). Fred was removed from the team. The task
  // "Fix login" has the responsibles Anna, Bob, Dora, Erin and Fred, and the subscribers Anna,
  // Bob and Carl. The discussion "Launch" has the participants Anna, Bob, Carl and Fred.
  MailFanoutTest() {
    store_->write([&](StoreTx& tx) {
      tx.users().insert(make_user("anna", "Anna", "Smith"));
      tx.users().insert(make_user("bob", "Bob", "Brown"));
      tx.users().insert(make_user("carl", "Carl", "Clark"));
      UserRecord dora = make_user("dora", "Dora", "Day");
      dora.status = EmployeeStatus::kTerminated;
      tx.users().insert(dora);
      UserRecord erin = make_user("erin", "Erin", "Eve");
      erin.email = "";
      tx.users().insert(erin);
      tx.users().insert(make_user("fred", "Fred", "Fox"));
      ProjectRecord project = make_project("Website", "id-anna");
      project.is_private = true;
      project_ = tx.projects().insert(project);
      for (const char* member : {"id-bob", "id-carl", "id-dora", "id-erin"})
        tx.projects().put_member(project_, TeamMember{member, 0});
      TaskRecord task = make_task(project_, "Fix login", "id-anna");
      task.responsibles = {"id-anna", "id-bob", "id-dora", "id-erin", "id-fred"};
      task_ = tx.tasks().insert(task);
      for (const char* subscriber : {"id-anna", "id-bob", "id-carl"})
        tx.tasks().set_subscribed(task_, subscriber, true);
      message_ = tx.messages().insert(MessageRecord{.project_id = project_,
                                                    .title = "Launch",
                                                    .content = "<p>When do we <b>ship</b>?</p>",
                                                    .created = now_utc(),
                                                    .created_by = "id-anna",
                                                    .updated = now_utc(),
                                                    .updated_by = "id-anna"});
      tx.messages().set_participants(message_, {"id-anna", "id-bob", "id-carl", "id-fred"});
      milestone_ = tx.milestones().insert(make_milestone(project_, "Beta", "id-bob"));
    });
  }

  // Publishes the event, fans it out as the worker does, and answers the mails by recipient id
  // (each recipient at most once: a second mail fails the test).
  std::map<std::string, DeliveryRecord> fan_out(std::string_view type, std::int64_t entity,
                                                boost::json::object data = {},
                                                std::string actor = "id-anna") {
    store_->write([&](StoreTx& tx) {
      publish_in_tx(tx, ChangeEvent{.type = type,
                                    .actor_id = std::move(actor),
                                    .project_id = project_,
                                    .entity_id = entity,
                                    .data = std::move(data)});
    });
    std::map<std::string, DeliveryRecord> mails;
    store_->write([&](StoreTx& tx) {
      for (const ChangeEventRecord& event : tx.outbox().oldest_events(10)) {
        fanout_.fan_out(tx, event);
        tx.outbox().remove_events({event.id});
      }
      const Timestamp later = now_utc() + std::chrono::hours(1);
      for (DeliveryRecord& d : tx.outbox().claim_due("mail", later, later, 100, false)) {
        EXPECT_FALSE(mails.contains(d.target)) << "two mails to " << d.target;
        tx.outbox().mark_delivered(d.id, later);  // so the next fan_out sees only its own
        mails[d.target] = std::move(d);
      }
    });
    return mails;
  }

  static std::vector<std::string> recipients(const std::map<std::string, DeliveryRecord>& mails) {
    std::vector<std::string> ids;
    for (const auto& [id, mail] : mails)
      ids.push_back(id);
    return ids;
  }

  std::string task_url() const { return std::string(kPublic) + "/tasks/" + std::to_string(task_); }

  void add_comment(const std::string& id, CommentTarget target, std::int64_t entity,
                   const std::string& html) {
    store_->write([&](StoreTx& tx) {
      tx.comments().insert(CommentRecord{.id = id,
                                         .target = target,
                                         .entity_id = entity,
                                         .parent_id = "",
                                         .content = html,
                                         .created = now_utc(),
                                         .created_by = "id-anna",
                                         .updated = now_utc()});
    });
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, true);
  MailFanout fanout_{std::string(kPublic) + "/"};
  std::int64_t project_ = 0;
  std::int64_t task_ = 0;
  std::int64_t message_ = 0;
  std::int64_t milestone_ = 0;
};

using MailRecipientIds = std::vector<std::string>;

TEST_F(MailFanoutTest, TaskCreatedWithNotifyMailsTheResponsiblesWhoMayReadIt) {
  const auto mails = fan_out(event::kTaskCreated, task_, {{"notify", true}});
  // Not Anna (the actor), Dora (terminated), Erin (no address), Fred (out of the private team).
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob"}));
  const DeliveryRecord& mail = mails.at("id-bob");
  EXPECT_EQ(mail.channel, "mail");
  EXPECT_EQ(mail.event_type, "task.created");
  EXPECT_TRUE(mail.event_id.has_value());
  EXPECT_EQ(mail.key.size(), 36u);
  const MailPayload p = parse_mail_payload(mail.payload);
  EXPECT_EQ(p.to_address, "bob@example.com");
  EXPECT_EQ(p.to_name, "Bob Brown");
  EXPECT_EQ(p.subject, "Anna Smith assigned you to \"Fix login\" in Website");
  EXPECT_EQ(p.heading, "Anna Smith assigned you to \"Fix login\" in Website.");
  EXPECT_EQ(p.link_text, "Open the task");
  EXPECT_EQ(p.link_url, task_url());
  EXPECT_EQ(p.reason, "You get this because you are a responsible of this task.");
  const std::string prefix = std::string(kPublic) + "/api/2.0/notifications/unsubscribe?token=";
  ASSERT_TRUE(p.unsubscribe_url.starts_with(prefix)) << p.unsubscribe_url;
  std::optional<std::string> secret;
  store_->read([&](StoreTx& tx) { secret = existing_unsubscribe_secret(tx); });
  ASSERT_TRUE(secret.has_value());
  const auto target = read_unsubscribe_token(*secret, p.unsubscribe_url.substr(prefix.size()));
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->user_id, "id-bob");
  EXPECT_EQ(target->kind, "assigned");
}

TEST_F(MailFanoutTest, TaskCreatedWithoutNotifyMailsNobody) {
  EXPECT_TRUE(fan_out(event::kTaskCreated, task_, {{"notify", false}}).empty());
  EXPECT_TRUE(fan_out(event::kTaskCreated, task_).empty());
}

TEST_F(MailFanoutTest, TaskUpdatedMailsOnlyTheNewResponsiblesWhenAskedTo) {
  EXPECT_TRUE(fan_out(event::kTaskUpdated, task_,
                      {{"notify", false}, {"responsibles_added", boost::json::array{"id-bob"}}})
                  .empty());
  const auto mails =
      fan_out(event::kTaskUpdated, task_,
              {{"notify", true}, {"responsibles_added", boost::json::array{"id-bob"}}});
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob"}));
  EXPECT_EQ(parse_mail_payload(mails.at("id-bob").payload).subject,
            "Anna Smith assigned you to \"Fix login\" in Website");
  EXPECT_TRUE(fan_out(event::kTaskUpdated, task_,
                      {{"notify", true}, {"responsibles_added", boost::json::array{}}})
                  .empty());
}

TEST_F(MailFanoutTest, TaskNotifyRemindsTheResponsibles) {
  const auto mails = fan_out(event::kTaskNotify, task_);
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob"}));
  EXPECT_EQ(parse_mail_payload(mails.at("id-bob").payload).subject,
            "Anna Smith reminds you of \"Fix login\" in Website");
}

TEST_F(MailFanoutTest, StatusMailsResponsiblesAndSubscribersOnceEach) {
  const auto mails =
      fan_out(event::kTaskStatus, task_,
              {{"from", 1}, {"to", 2}, {"custom_from", nullptr}, {"custom_to", nullptr}});
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob", "id-carl"}));
  const MailPayload bob = parse_mail_payload(mails.at("id-bob").payload);
  const MailPayload carl = parse_mail_payload(mails.at("id-carl").payload);
  EXPECT_EQ(bob.subject, "Anna Smith changed the status of \"Fix login\" in Website");
  EXPECT_EQ(bob.lines, (std::vector<std::string>{"Status: Open -> Closed"}));
  EXPECT_EQ(bob.reason, "You get this because you are a responsible of this task.");
  EXPECT_EQ(carl.reason, "You get this because you follow this task.");
  EXPECT_EQ(carl.link_url, task_url());
}

TEST_F(MailFanoutTest, CommentOnTaskQuotesItsTextToSubscribersAndResponsibles) {
  add_comment("c1", CommentTarget::kTask, task_,
              "<p>Looks <b>good</b> &amp; done &lt;3</p><ul><li>one</li><li>two</li></ul>");
  const auto mails = fan_out(event::kCommentCreated, task_, {{"comment_id", "c1"}, {"on", "task"}});
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob", "id-carl"}));
  const MailPayload p = parse_mail_payload(mails.at("id-carl").payload);
  EXPECT_EQ(p.subject, "Anna Smith commented on \"Fix login\" in Website");
  EXPECT_EQ(p.lines, (std::vector<std::string>{"Looks good & done <3\none\ntwo"}));
  EXPECT_EQ(p.link_url, task_url());
}

TEST_F(MailFanoutTest, TaskFilesNameTheFiles) {
  const boost::json::array files = {boost::json::object{{"id", 7}, {"title", "spec.docx"}},
                                    boost::json::object{{"id", 8}, {"title", "plan.xlsx"}}};
  auto mails = fan_out(event::kTaskFilesAttached, task_, {{"files", files}});
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob", "id-carl"}));
  MailPayload p = parse_mail_payload(mails.at("id-bob").payload);
  EXPECT_EQ(p.subject, "Anna Smith attached files to \"Fix login\" in Website");
  EXPECT_EQ(p.lines, (std::vector<std::string>{"spec.docx", "plan.xlsx"}));
  mails = fan_out(event::kTaskFilesDetached, task_, {{"files", files}});
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob", "id-carl"}));
  EXPECT_EQ(parse_mail_payload(mails.at("id-carl").payload).subject,
            "Anna Smith detached files from \"Fix login\" in Website");
}

TEST_F(MailFanoutTest, DiscussionCreatedMailsParticipantsWhenAskedTo) {
  EXPECT_TRUE(fan_out(event::kDiscussionCreated, message_, {{"notify", false}}).empty());
  const auto mails = fan_out(event::kDiscussionCreated, message_, {{"notify", true}});
  // Not Anna (the actor), not Fred (out of the private team).
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob", "id-carl"}));
  const MailPayload p = parse_mail_payload(mails.at("id-bob").payload);
  EXPECT_EQ(p.subject, "Anna Smith started the discussion \"Launch\" in Website");
  EXPECT_EQ(p.lines, (std::vector<std::string>{"When do we ship?"}));
  EXPECT_EQ(p.link_url, std::string(kPublic) + "/projects/" + std::to_string(project_) +
                            "?view=discussions&message=" + std::to_string(message_));
  EXPECT_EQ(p.reason, "You get this because you take part in this discussion.");
}

TEST_F(MailFanoutTest, DiscussionCommentsAndFilesMailParticipants) {
  add_comment("c2", CommentTarget::kMessage, message_, "<p>Friday</p>");
  auto mails =
      fan_out(event::kCommentCreated, message_, {{"comment_id", "c2"}, {"on", "discussion"}});
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob", "id-carl"}));
  EXPECT_EQ(parse_mail_payload(mails.at("id-bob").payload).subject,
            "Anna Smith commented on \"Launch\" in Website");
  mails =
      fan_out(event::kDiscussionFilesAttached, message_,
              {{"files", boost::json::array{boost::json::object{{"id", 1}, {"title", "a.txt"}}}}});
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob", "id-carl"}));
  EXPECT_EQ(parse_mail_payload(mails.at("id-carl").payload).lines,
            (std::vector<std::string>{"a.txt"}));
}

TEST_F(MailFanoutTest, MilestoneDeadlineMailsItsResponsible) {
  const auto mails = fan_out(event::kMilestoneDeadline, milestone_, {}, "");
  ASSERT_EQ(recipients(mails), (MailRecipientIds{"id-bob"}));
  const MailPayload p = parse_mail_payload(mails.at("id-bob").payload);
  EXPECT_EQ(p.subject, "The milestone \"Beta\" in Website is due on 1970-01-01");
  EXPECT_EQ(p.reason, "You get this because you are responsible for this milestone.");
  EXPECT_EQ(p.link_url,
            std::string(kPublic) + "/projects/" + std::to_string(project_) + "?view=milestones");
}

TEST_F(MailFanoutTest, APersonWhoTurnedAKindOffIsNotMailedThatKind) {
  store_->write([&](StoreTx& tx) { tx.notification_settings().set("id-bob", "status", false); });
  EXPECT_EQ(recipients(fan_out(event::kTaskStatus, task_, {{"from", 1}, {"to", 2}})),
            (MailRecipientIds{"id-carl"}));
  EXPECT_EQ(recipients(fan_out(event::kTaskNotify, task_)), (MailRecipientIds{"id-bob"}));
}

TEST_F(MailFanoutTest, ARemovedPersonOrAHiddenModuleIsNotMailed) {
  store_->write([&](StoreTx& tx) {
    tx.users().remove("id-bob");
    // Carl may not see the private project's tasks any more.
    tx.projects().put_member(project_, TeamMember{"id-carl", team_security::kTasks});
  });
  EXPECT_TRUE(fan_out(event::kTaskStatus, task_, {{"from", 1}, {"to", 2}}).empty());
}

TEST_F(MailFanoutTest, AnEventWhoseSubjectIsGoneMailsNobody) {
  store_->write([&](StoreTx& tx) { tx.tasks().remove(task_); });
  EXPECT_TRUE(fan_out(event::kTaskNotify, task_).empty());
  EXPECT_TRUE(
      fan_out(event::kCommentCreated, message_, {{"comment_id", "none"}, {"on", "discussion"}})
          .empty());
  EXPECT_TRUE(fan_out(event::kProjectCreated, project_).empty());
}

}  // namespace
}  // namespace projectd
