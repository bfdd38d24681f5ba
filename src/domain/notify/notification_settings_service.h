// Turning notification mail off (issue 18; docs/notifications.md, "Turning notifications off"):
// each person's state of every kind (notification_kinds.h), changed by themself through
// `people/@self/notifications`, or through the List-Unsubscribe link of a mail, whose token
// (unsubscribe_token.h) is the only authority needed: no sign-in.
// Thread safety: any number of threads; each call is one store transaction.
#pragma once

#include "domain/caller.h"
#include "domain/notify/unsubscribe_token.h"
#include "store/store.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace projectd {

// Every kind, in kNotificationKinds order, with whether it is on.
using NotificationStates = std::vector<std::pair<std::string, bool>>;

class NotificationSettingsService {
 public:
  explicit NotificationSettingsService(Store& store) : store_(store) {}

  NotificationStates get(const Caller& caller);
  // Sets the kinds named; 400 naming every unknown kind (and nothing changes). Answers the states
  // after the change, from the same transaction.
  NotificationStates update(const Caller& caller, const std::map<std::string, bool>& kinds);

  // The person and kind of a valid token, for the confirmation page; 400 for a bad token.
  UnsubscribeTarget check_token(const std::string& token);
  // Turns the token's kind off for its person; 400 for a bad token (nothing changes).
  UnsubscribeTarget unsubscribe(const std::string& token);

 private:
  Store& store_;
};

}  // namespace projectd
