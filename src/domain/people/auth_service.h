// Signing in and recognising callers: password logins issue tokens (only their SHA-256 is stored),
// tokens and HTTP Basic credentials become Callers, logout revokes.
// Password checks (sign-in, Basic, confirming one's own password) are throttled per account and
// client address, so nobody can lock the admin out from elsewhere (docs/wire-compatibility.md,
// "Logins and throttling"). The account is the user the login names (email and user name share one
// window), else the login as normalized. Each check first reserves its attempt in the store, in the
// transaction that counts the window, so at most max_failures passwords are checked per window
// whatever the concurrency and on every node; a verified password clears the window, a refused
// hashing place (503) releases the reservation. Each check also reserves a place in its client
// address's window across all accounts (max_failures_per_address), so one address guessing the
// passwords of many accounts is slowed too, while an account is never locked for everyone: every
// window is an address's. A right password releases only its own place in the address's window
// (clearing it would let a guesser who knows one password reset its count). Thread safety: every
// method may be called from any worker thread at once.
#pragma once

#include "auth/password_hasher.h"
#include "base/stamped_cache.h"
#include "domain/authenticator.h"
#include "domain/caller.h"
#include "store/store.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace projectd {

struct AuthSettings {
  int token_days = 30;
  int max_failures = 5;  // failures allowed in the window; the next attempt answers 429
  std::chrono::minutes failure_window{15};
  // Failures allowed in the window from one client address across all accounts (0: no limit).
  int max_failures_per_address = 20;
  std::chrono::seconds basic_cache_ttl{60};
  std::size_t basic_cache_entries = 10000;
  std::size_t token_cache_entries = 10000;
};

struct IssuedToken {
  std::string token;
  Timestamp expires;
};

class AuthService : public Authenticator {
 public:
  AuthService(Store& store, PasswordHasher& hasher, AuthSettings settings);

  // 400 without a user name or password, 429 when throttled (with Retry-After), 401 for wrong
  // credentials or a disabled user: the same answer and the same cost whether or not the user
  // exists.
  IssuedToken login(std::string_view login, std::string_view password, std::string_view client);
  // Revokes the token the caller authenticated with (no-op for Basic).
  void logout(const Caller& caller);
  // Checks the current password of user `user_id` (a person changing their own password), counted
  // by the same throttle as signing in: 400 when it is empty, 429 when throttled, 403 when wrong,
  // 503 when the hashing queue is full.
  void confirm_password(std::string_view user_id, std::string_view password,
                        std::string_view client);

  std::optional<Caller> authenticate(const std::vector<Credential>& credentials,
                                     const std::string& client_address) override;
  // A token (first credential only) whose caller no write changed since it was read, and that has
  // not expired: logout, a password change or disabling a user are broad writes, which make every
  // cached caller stale; writes naming tasks or projects do not. Basic credentials are never
  // answered here.
  std::optional<Caller> cached_caller(const std::vector<Credential>& credentials) override;

 private:
  // The cached caller of a token first (cached_token), the store only for one not known yet: a
  // known token costs no statement on the request's worker either.
  std::optional<Caller> caller_for_token(std::string_view token);
  std::optional<Caller> cached_token(const std::string& token_hash);
  std::optional<Caller> caller_for_basic(const Credential& credential, std::string_view client);
  // Verifies a password with throttling; the user on success, nullopt on a wrong password.
  std::optional<UserRecord> check_password(std::string_view login, std::string_view password,
                                           std::string_view client);

  // One password check reserved in the store.
  struct Attempt {
    std::optional<UserRecord> user;  // read in the reserving transaction
    std::string key;                 // the throttle's account: "user:<id>" or "login:<login>"
    Timestamp at;                    // the reservation's own time
    // Its place in the address's window across accounts (none when that limit is off).
    std::optional<Timestamp> address_at;
  };
  // Reserves an attempt for the user `find_user` reads (nullopt: keyed by `login` lower-cased),
  // after forgetting expired failures; 429 with Retry-After when the window is full.
  Attempt reserve_attempt(const std::function<std::optional<UserRecord>(StoreTx&)>& find_user,
                          std::string_view login, std::string_view client);
  // A place in the hashing queue, or the attempt released and the 503 rethrown.
  PasswordHasher::Place admit_or_release(const Attempt& attempt, std::string_view client);
  // Hashes `password` for a reserved attempt; true when it is the password of a user who may sign
  // in, and the window is cleared. A wrong password leaves the reservation as its failure.
  bool verify_attempt(const Attempt& attempt, std::string_view password, std::string_view client);

  struct CachedBasic {
    std::string user_id;
    std::string password_hash;  // the hash that verified: a password change invalidates the entry
    std::chrono::steady_clock::time_point expires;
  };

  struct CachedToken {
    Caller caller;
    Timestamp expires;
  };

  Store& store_;
  PasswordHasher& hasher_;
  AuthSettings settings_;
  std::mutex cache_mutex_;
  std::unordered_map<std::string, CachedBasic> basic_cache_;  // key: SHA-256 of login:password
  StampedCache<CachedToken> token_cache_;                     // key: SHA-256 of the token
};

}  // namespace projectd
