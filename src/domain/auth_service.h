// Signing in and recognising callers: password logins issue tokens (only their SHA-256 is stored),
// tokens and HTTP Basic credentials become Callers, logout revokes. Failed logins are throttled per
// account and client address, so nobody can lock the admin out from elsewhere (DESIGN §4).
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "auth/password_hasher.h"
#include "base/generation_cache.h"
#include "domain/authenticator.h"
#include "domain/caller.h"
#include "store/store.h"

#include <chrono>
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

  std::optional<Caller> authenticate(const std::vector<Credential>& credentials,
                                     const std::string& client_address) override;
  // A token (first credential only) whose caller was read at the current store generation and
  // has not expired: logout, a password change or disabling a user are writes, so they move the
  // generation. Basic credentials are never answered here.
  std::optional<Caller> cached_caller(const std::vector<Credential>& credentials) override;

 private:
  std::optional<Caller> caller_for_token(std::string_view token);
  std::optional<Caller> caller_for_basic(const Credential& credential, std::string_view client);
  // Verifies a password with throttling; the user on success, nullopt on a wrong password.
  std::optional<UserRecord> check_password(std::string_view login, std::string_view password,
                                           std::string_view client);

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
  GenerationCache<CachedToken> token_cache_;                  // key: SHA-256 of the token
};

}  // namespace projectd
