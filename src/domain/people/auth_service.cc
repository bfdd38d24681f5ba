#include "domain/people/auth_service.h"

#include "auth/random.h"
#include "base/ascii.h"
#include "base/errors.h"
#include "base/metrics.h"

#include <algorithm>
#include <atomic>

namespace projectd {

namespace {

// The sign-in throttle's writes (its rows of login_failures: reservations, releases, clean-ups)
// name no change scope (StoreTx::changes_only({})): no answer and no cached caller shows those
// rows, so a flood of sign-ins ends no cached answer (docs/architecture.md, "Caches and change
// scopes").

bool can_sign_in(const UserRecord& user) {
  return user.status == EmployeeStatus::kActive && !user.password_hash.empty();
}

Caller caller_of(const UserRecord& user, std::string token_hash) {
  return Caller{user.id, user.is_admin, user.is_visitor, std::move(token_hash)};
}

// The throttle's pseudo-account of an address's window across accounts; account keys are
// "user:..." or "login:...", so it names no real account.
constexpr std::string_view kAnyAccount = "any-account";

ApiError throttled(const std::optional<Timestamp>& oldest, Timestamp now, Ticks window) {
  const auto retry = oldest.value_or(now) + window - now;
  const auto seconds =
      std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::seconds>(retry).count());
  ApiError error(ErrorKind::kTooManyRequests, "Too many failed sign-in attempts; try again in " +
                                                  std::to_string(seconds) + " seconds");
  error.with_header("Retry-After", std::to_string(seconds));
  return error;
}

// Deletes the failures older than the window (`before`), at most once a minute in this process.
// Not in every reservation's transaction: on PostgreSQL its scan of old rows would make concurrent
// reservations of unrelated accounts conflict (and run again) for nothing.
void forget_expired_failures(Store& store, Timestamp before) {
  static std::atomic<std::int64_t> last_cleanup{0};  // steady clock ticks; 0: never
  constexpr auto kInterval = std::chrono::minutes(1);
  const std::int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
  std::int64_t last = last_cleanup.load();
  const std::int64_t interval =
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(kInterval).count();
  if (last != 0 && now - last < interval) return;
  if (!last_cleanup.compare_exchange_strong(last, now)) return;  // another thread does it
  store.write([&](StoreTx& tx) {
    tx.changes_only({});  // the throttle's rows only: see the top of this file
    tx.sessions().delete_login_failures_before(before);
  });
}

}  // namespace

AuthService::AuthService(Store& store, PasswordHasher& hasher, AuthSettings settings)
    : store_(store),
      hasher_(hasher),
      settings_(settings),
      token_cache_(settings.token_cache_entries,
                   [&store](std::uint64_t stamp, const ScopeDependencies& depends_on) {
                     return store.unchanged_since(stamp, depends_on);
                   }) {}

AuthService::Attempt AuthService::reserve_attempt(
    const std::function<std::optional<UserRecord>(StoreTx&)>& find_user, std::string_view login,
    std::string_view client) {
  const Timestamp now = now_utc();
  const Ticks window = std::chrono::duration_cast<Ticks>(settings_.failure_window);
  const Timestamp since = now - window;
  SessionRepo::AttemptReservation reservation;
  Attempt attempt = store_.write_value([&](StoreTx& tx) {
    tx.changes_only({});  // the throttle's rows only: see the top of this file
    Attempt found{find_user(tx), {}, {}, {}};
    found.key = found.user ? "user:" + found.user->id : "login:" + ascii::to_lower(login);
    if (settings_.max_failures_per_address > 0) {
      const auto address = tx.sessions().reserve_login_attempt(
          kAnyAccount, client, since, settings_.max_failures_per_address, now);
      if (!address.granted) {
        reservation = address;
        return found;
      }
      found.address_at = address.at;
    }
    reservation =
        tx.sessions().reserve_login_attempt(found.key, client, since, settings_.max_failures, now);
    // Refused by the account's window: no password is checked, so no place in the address's.
    if (!reservation.granted && found.address_at)
      tx.sessions().release_login_attempt(kAnyAccount, client, *found.address_at);
    return found;
  });
  forget_expired_failures(store_, since);
  if (!reservation.granted) {
    server_metrics().sign_in_throttled.add();
    throw throttled(reservation.window.oldest, now, window);
  }
  attempt.at = reservation.at;
  return attempt;
}

PasswordHasher::Place AuthService::admit_or_release(const Attempt& attempt,
                                                    std::string_view client) {
  try {
    return hasher_.admit();
  } catch (const ApiError&) {
    // A password that was never checked is not a failure: a flood from elsewhere filling the
    // queue must not use up this account's attempts.
    store_.write([&](StoreTx& tx) {
      tx.changes_only({});  // the throttle's rows only: see the top of this file
      tx.sessions().release_login_attempt(attempt.key, client, attempt.at);
      if (attempt.address_at)
        tx.sessions().release_login_attempt(kAnyAccount, client, *attempt.address_at);
    });
    throw;
  }
}

bool AuthService::verify_attempt(const Attempt& attempt, std::string_view password,
                                 std::string_view client) {
  bool ok = false;
  {
    const PasswordHasher::Place place = admit_or_release(attempt, client);
    // Always run the hash, also for unknown users, so timing does not reveal who exists.
    ok = hasher_.verify(place, attempt.user ? std::string_view(attempt.user->password_hash) : "",
                        password);
  }
  if (!ok || !attempt.user || !can_sign_in(*attempt.user)) return false;  // stays a failure
  store_.write([&](StoreTx& tx) {
    tx.changes_only({});  // the throttle's rows only: see the top of this file
    tx.sessions().clear_login_failures(attempt.key, client);
    if (attempt.address_at)
      tx.sessions().release_login_attempt(kAnyAccount, client, *attempt.address_at);
  });
  return true;
}

std::optional<UserRecord> AuthService::check_password(std::string_view login,
                                                      std::string_view password,
                                                      std::string_view client) {
  const Attempt attempt =
      reserve_attempt([&](StoreTx& tx) { return tx.users().by_login(login); }, login, client);
  if (!verify_attempt(attempt, password, client)) return std::nullopt;
  return attempt.user;
}

void AuthService::confirm_password(std::string_view user_id, std::string_view password,
                                   std::string_view client) {
  if (password.empty())
    throw_bad_request("Parameter 'currentPassword' is required to change your own password");
  const Attempt attempt =
      reserve_attempt([&](StoreTx& tx) { return tx.users().by_id(user_id); }, user_id, client);
  if (!verify_attempt(attempt, password, client))
    throw_forbidden("The current password is wrong; the password was not changed");
}

IssuedToken AuthService::login(std::string_view login, std::string_view password,
                               std::string_view client) {
  if (login.empty()) throw_bad_request("Parameter 'userName' is required");
  if (password.empty()) throw_bad_request("Parameter 'password' is required");
  const auto user = check_password(login, password, client);
  if (!user) {
    server_metrics().sign_in_failures.add();
    throw_unauthorized("User authentication failed");
  }

  IssuedToken issued{to_hex(random_bytes(32)), {}};
  TokenRecord record;
  record.token_hash = sha256_hex(issued.token);
  record.user_id = user->id;
  record.created = now_utc();
  record.expires =
      record.created + std::chrono::duration_cast<Ticks>(std::chrono::days(settings_.token_days));
  issued.expires = record.expires;
  store_.write([&](StoreTx& tx) {
    // No cached value shows a session that did not exist or had expired.
    tx.changes_only({});
    tx.sessions().delete_expired_tokens(record.created);
    tx.sessions().insert_token(record);
  });
  return issued;
}

void AuthService::logout(const Caller& caller) {
  if (caller.token_hash.empty()) return;
  store_.write([&](StoreTx& tx) { tx.sessions().delete_token(caller.token_hash); });
}

std::optional<Caller> AuthService::caller_for_token(std::string_view token) {
  const std::string hash = sha256_hex(token);
  if (auto cached = cached_token(hash)) return cached;
  const Timestamp now = now_utc();
  const std::uint64_t stamp = store_.generation();  // before the read, see StampedCache
  auto found = store_.read_value([&](StoreTx& tx) -> std::optional<CachedToken> {
    const auto record = tx.sessions().token(hash);
    if (!record || record->expires <= now) return std::nullopt;
    const auto user = tx.users().by_id(record->user_id);
    if (!user || user->status != EmployeeStatus::kActive) return std::nullopt;
    return CachedToken{caller_of(*user, hash), record->expires};
  });
  if (!found) return std::nullopt;
  // A caller is the token, its person and the person's rights: only broad writes change those (no
  // write naming a task or project scope touches a person or a session), so it lists no scope.
  token_cache_.insert(hash, *found, 1, stamp, std::vector<ChangeScope>{});
  return std::move(found->caller);
}

std::optional<Caller> AuthService::cached_caller(const std::vector<Credential>& credentials) {
  if (!token_cache_.enabled() || credentials.empty() ||
      credentials.front().kind != Credential::Kind::kToken)
    return std::nullopt;
  return cached_token(sha256_hex(credentials.front().token));
}

std::optional<Caller> AuthService::cached_token(const std::string& token_hash) {
  auto cached = token_cache_.find(token_hash);
  if (!cached || cached->expires <= now_utc()) return std::nullopt;
  return std::move(cached->caller);
}

std::optional<Caller> AuthService::caller_for_basic(const Credential& credential,
                                                    std::string_view client) {
  const std::string key = sha256_hex(credential.login + ":" + credential.password);
  const auto now = std::chrono::steady_clock::now();
  std::optional<CachedBasic> cached;
  {
    std::lock_guard lock(cache_mutex_);
    auto it = basic_cache_.find(key);
    if (it != basic_cache_.end() && it->second.expires > now) cached = it->second;
  }
  if (cached) {
    // The cache skips the hash, not the checks: a disabled user, a changed password and a changed
    // email or user name (the login no longer names this user) are seen at once.
    const auto user =
        store_.read_value([&](StoreTx& tx) { return tx.users().by_login(credential.login); });
    if (user && user->id == cached->user_id && can_sign_in(*user) &&
        user->password_hash == cached->password_hash)
      return caller_of(*user, "");
  }
  const auto user = check_password(credential.login, credential.password, client);
  if (!user) return std::nullopt;
  std::lock_guard lock(cache_mutex_);
  if (basic_cache_.size() >= settings_.basic_cache_entries) {
    std::erase_if(basic_cache_, [&](const auto& entry) { return entry.second.expires <= now; });
    if (basic_cache_.size() >= settings_.basic_cache_entries) basic_cache_.clear();
  }
  basic_cache_[key] = CachedBasic{user->id, user->password_hash, now + settings_.basic_cache_ttl};
  return caller_of(*user, "");
}

std::optional<Caller> AuthService::authenticate(const std::vector<Credential>& credentials,
                                                const std::string& client_address) {
  for (const Credential& credential : credentials) {
    auto caller = credential.kind == Credential::Kind::kToken
                      ? caller_for_token(credential.token)
                      : caller_for_basic(credential, client_address);
    if (caller) return caller;
  }
  return std::nullopt;
}

}  // namespace projectd
