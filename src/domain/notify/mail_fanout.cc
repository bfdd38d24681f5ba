// The mail fan-out (mail_fanout.h): the story of the event (mail_stories.h), then one delivery per
// person who passes every rule.
#include "domain/notify/mail_fanout.h"

#include "auth/random.h"
#include "domain/notify/mail_payload.h"
#include "domain/notify/mail_stories.h"
#include "domain/notify/notification_kinds.h"
#include "domain/notify/unsubscribe_token.h"
#include "domain/projects/project_access.h"

#include <algorithm>
#include <map>
#include <set>

namespace projectd {
namespace {

// The candidates once each (the first reason kept), without the actor.
std::vector<MailCandidate> distinct_mail_candidates(std::vector<MailCandidate> candidates,
                                                    const std::string& actor_id) {
  std::vector<MailCandidate> out;
  std::set<std::string> seen;
  for (MailCandidate& c : candidates)
    if (!c.user_id.empty() && c.user_id != actor_id && seen.insert(c.user_id).second)
      out.push_back(std::move(c));
  return out;
}

bool mail_reachable(const UserRecord& user) {
  return user.status != EmployeeStatus::kTerminated && !user.email.empty();
}

}  // namespace

MailFanout::MailFanout(std::string public_url) : public_url_(std::move(public_url)) {
  while (!public_url_.empty() && public_url_.back() == '/')
    public_url_.pop_back();
}

std::string unsubscribe_url(std::string_view public_url, std::string_view token) {
  return std::string(public_url) + "/api/2.0/notifications/unsubscribe?token=" + std::string(token);
}

void MailFanout::fan_out(StoreTx& tx, const ChangeEventRecord& event) {
  const std::optional<std::string_view> kind = notification_kind_of(event.type);
  if (!kind) return;
  std::optional<MailStory> story = mail_story_of(tx, event, public_url_);
  if (!story) return;
  const std::vector<MailCandidate> candidates =
      distinct_mail_candidates(std::move(story->candidates), event.actor_id);
  if (candidates.empty()) return;

  std::vector<std::string> ids;
  for (const MailCandidate& c : candidates)
    ids.push_back(c.user_id);
  std::map<std::string, UserRecord> users;
  for (UserRecord& user : tx.users().by_ids(ids))
    users.emplace(user.id, std::move(user));
  const std::vector<std::string> off = tx.notification_settings().turned_off(*kind, ids);
  const std::set<std::string> turned_off(off.begin(), off.end());

  std::optional<std::string> secret;
  const Timestamp now = now_utc();
  for (const MailCandidate& candidate : candidates) {
    const auto user = users.find(candidate.user_id);
    if (user == users.end() || !mail_reachable(user->second) ||
        turned_off.contains(candidate.user_id))
      continue;
    const UserRecord& person = user->second;
    const Viewer viewer{person.id, person.is_admin, person.is_visitor};
    if (!story->readable(security_in(tx, viewer, story->project))) continue;
    if (!secret) secret = unsubscribe_secret(tx);
    std::string to_name = person.first_name;
    if (!person.last_name.empty()) to_name += (to_name.empty() ? "" : " ") + person.last_name;
    const MailPayload payload{.to_address = person.email,
                              .to_name = std::move(to_name),
                              .subject = story->subject,
                              .heading = story->subject + ".",
                              .lines = story->lines,
                              .link_text = story->link_text,
                              .link_url = story->link_url,
                              .reason = candidate.reason,
                              .unsubscribe_url = unsubscribe_url(
                                  public_url_, make_unsubscribe_token(*secret, person.id, *kind))};
    DeliveryRecord delivery;
    delivery.channel = "mail";
    delivery.target = person.id;
    delivery.event_id = event.id;
    delivery.event_type = event.type;
    delivery.key = random_guid();
    delivery.payload = mail_payload_json(payload);
    delivery.created = now;
    delivery.next_attempt = now;
    tx.outbox().add_delivery(delivery);
  }
}

}  // namespace projectd
