// Password recovery (docs/notifications.md, "Password recovery"): a person who forgot their
// password asks for a link by email (POST api/2.0/people/password) and sets a new password with
// the link's token (POST api/2.0/people/password/reset).
//
// A request for an active person's address stores a single-use token (32 random bytes; only their
// SHA-256 is kept; valid for an hour) and, in the same transaction, a "mail" delivery of the link
// to the outbox (store/outbox_repos.h), so the mail goes exactly when the token exists. Whether
// the address belongs to anybody never shows: the answer is the same, and so is the throttle (at
// most 20 requests per client address per 15 minutes, then 429 with Retry-After). At most one
// mail per person per 5 minutes; further requests answer the same and send nothing.
//
// The link is `link_base` + "/reset-password?token=...", where link_base is --public-url, else
// http://<listen address>: never the request's Host header, which a stranger could set to their
// own site to receive somebody's token.
//
// A reset with a valid token sets the password (the rules of PUT people/{id}/password), spends
// every token of the person and revokes all their sessions. A token unknown, used or expired gets
// one 400 that does not say which.
// Thread safety: thread-safe; each call runs its changes in one write transaction.
#pragma once

#include "auth/password_hasher.h"
#include "store/store.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace projectd {

struct PasswordRecoveryLimits {
  std::chrono::minutes token_lifetime{60};
  std::chrono::minutes per_person_interval{5};
  std::chrono::minutes address_window{15};
  std::int64_t per_address = 20;
};

class PasswordRecoveryService {
 public:
  PasswordRecoveryService(Store& store, PasswordHasher& hasher, std::string link_base,
                          PasswordRecoveryLimits limits = {});

  // 429 (Retry-After) past the client address's throttle; otherwise nothing to tell.
  void request(std::string_view email, std::string_view client_address);
  // 400 for a password the rules refuse, or for a token that is unknown, used or expired.
  void reset(std::string_view token, std::string_view password);

  const std::string& link_base() const { return link_base_; }

 private:
  Store& store_;
  PasswordHasher& hasher_;
  std::string link_base_;
  PasswordRecoveryLimits limits_;
};

}  // namespace projectd
