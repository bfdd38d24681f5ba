// Notification settings (notification_settings_service.h).
#include "domain/notify/notification_settings_service.h"

#include "base/errors.h"
#include "domain/notify/notification_kinds.h"

namespace projectd {
namespace {

NotificationStates notification_states_of(StoreTx& tx, const std::string& user_id) {
  const std::map<std::string, bool> set = tx.notification_settings().of_user(user_id);
  NotificationStates states;
  for (std::string_view kind : kNotificationKinds) {
    const auto it = set.find(std::string(kind));
    states.emplace_back(std::string(kind), it == set.end() || it->second);
  }
  return states;
}

// The token's target, or 400. A person removed since has no settings to change.
UnsubscribeTarget valid_unsubscribe_target(StoreTx& tx, const std::string& token) {
  const std::optional<std::string> secret = existing_unsubscribe_secret(tx);
  std::optional<UnsubscribeTarget> target;
  if (secret) target = read_unsubscribe_token(*secret, token);
  if (!target || !tx.users().by_id(target->user_id))
    throw_bad_request("The unsubscribe link is not valid");
  return *target;
}

}  // namespace

NotificationStates NotificationSettingsService::get(const Caller& caller) {
  NotificationStates states;
  store_.read([&](StoreTx& tx) { states = notification_states_of(tx, caller.user_id); });
  return states;
}

NotificationStates NotificationSettingsService::update(const Caller& caller,
                                                       const std::map<std::string, bool>& kinds) {
  std::string unknown;
  for (const auto& [kind, enabled] : kinds)
    if (!is_notification_kind(kind)) unknown += (unknown.empty() ? "" : ", ") + kind;
  if (!unknown.empty())
    throw_bad_request("Unknown notification kinds: " + unknown +
                      " (known: assigned, status, comments, files, discussions, milestones)");
  NotificationStates states;
  store_.write([&](StoreTx& tx) {
    for (const auto& [kind, enabled] : kinds)
      tx.notification_settings().set(caller.user_id, kind, enabled);
    states = notification_states_of(tx, caller.user_id);
  });
  return states;
}

UnsubscribeTarget NotificationSettingsService::check_token(const std::string& token) {
  UnsubscribeTarget target;
  store_.read([&](StoreTx& tx) { target = valid_unsubscribe_target(tx, token); });
  return target;
}

UnsubscribeTarget NotificationSettingsService::unsubscribe(const std::string& token) {
  UnsubscribeTarget target;
  store_.write([&](StoreTx& tx) {
    target = valid_unsubscribe_target(tx, token);
    tx.notification_settings().set(target.user_id, target.kind, false);
  });
  return target;
}

}  // namespace projectd
