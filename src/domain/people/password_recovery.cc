// Password recovery (password_recovery.h).
#include "domain/people/password_recovery.h"

#include "auth/random.h"
#include "base/ascii.h"
#include "base/errors.h"
#include "domain/notify/mail_payload.h"
#include "domain/people/people_service.h"

#include <algorithm>

namespace projectd {
namespace {

constexpr const char* kResetRefused =
    "This password reset link is not valid: it is wrong, was used already or has expired. Ask "
    "for a new one";

MailPayload password_reset_mail(const UserRecord& user, const std::string& link,
                                std::chrono::minutes lifetime) {
  MailPayload p;
  p.to_address = user.email;
  p.to_name = user.first_name + (user.last_name.empty() ? "" : " " + user.last_name);
  p.subject = "Reset your projectd password";
  p.heading = "Somebody asked to reset the password of your account " + user.email + ".";
  p.lines = {"Choose a new password with the link below. It works once, for " +
                 std::to_string(lifetime.count()) +
                 " minutes; afterwards every session of yours "
                 "is signed out.",
             "If it was not you, ignore this mail: your password stays as it is."};
  p.link_text = "Choose a new password";
  p.link_url = link;
  p.reason = "You get this mail because a password reset was asked for your account.";
  return p;  // no unsubscribe: a reset is only ever sent when asked for
}

[[noreturn]] void throw_recovery_throttled(std::chrono::seconds wait) {
  const auto seconds = std::max<std::int64_t>(1, wait.count());
  ApiError error(ErrorKind::kTooManyRequests,
                 "Too many password reset requests from this address; try again in " +
                     std::to_string(seconds) + " seconds");
  error.with_header("Retry-After", std::to_string(seconds));
  throw error;
}

}  // namespace

PasswordRecoveryService::PasswordRecoveryService(Store& store, PasswordHasher& hasher,
                                                 std::string link_base,
                                                 PasswordRecoveryLimits limits)
    : store_(store), hasher_(hasher), link_base_(std::move(link_base)), limits_(limits) {}

void PasswordRecoveryService::request(std::string_view email, std::string_view client) {
  const Timestamp now = now_utc();
  const Timestamp window_start = now - limits_.address_window;
  store_.write([&](StoreTx& tx) {
    PasswordResetRepo& resets = tx.password_resets();
    resets.remove_requests_before(window_start);
    if (resets.requests_since(client, window_start) >= limits_.per_address) {
      const Timestamp oldest = resets.oldest_request_since(client, window_start).value_or(now);
      throw_recovery_throttled(
          std::chrono::ceil<std::chrono::seconds>(oldest + limits_.address_window - now));
    }
    resets.add_request(client, now);

    const auto user = tx.users().by_login(email);
    if (!user || user->email != ascii::to_lower(email) || user->status != EmployeeStatus::kActive)
      return;
    const auto newest = resets.newest_of(user->id);
    if (newest && *newest > now - limits_.per_person_interval) return;

    resets.remove_expired_before(now);
    const std::string token = to_hex(random_bytes(32));
    resets.add(PasswordResetRecord{.token_hash = sha256_hex(token),
                                   .user_id = user->id,
                                   .created = now,
                                   .expires = now + limits_.token_lifetime,
                                   .used = std::nullopt});
    DeliveryRecord mail;
    mail.channel = "mail";
    mail.target = user->id;
    mail.event_type = "password.reset";
    mail.key = random_guid();
    mail.payload = mail_payload_json(password_reset_mail(
        *user, link_base_ + "/reset-password?token=" + token, limits_.token_lifetime));
    mail.created = now;
    mail.next_attempt = now;
    tx.outbox().add_delivery(mail);
  });
}

void PasswordRecoveryService::reset(std::string_view token, std::string_view password) {
  const std::string token_hash = sha256_hex(token);
  const auto usable = [&](StoreTx& tx, Timestamp now) -> std::optional<UserRecord> {
    const auto reset = tx.password_resets().by_hash(token_hash);
    if (token.empty() || !reset || reset->used || reset->expires <= now) return std::nullopt;
    auto user = tx.users().by_id(reset->user_id);
    if (!user || user->status != EmployeeStatus::kActive) return std::nullopt;
    return user;
  };
  // A cheap look first, so a wrong token never costs an Argon2 hash; the write checks again.
  const bool looks_usable =
      store_.read_value([&](StoreTx& tx) { return usable(tx, now_utc()).has_value(); });
  if (!looks_usable) throw_bad_request(kResetRefused);
  validate_password(password);
  const std::string hash = hasher_.hash(password);
  store_.write([&](StoreTx& tx) {
    const Timestamp now = now_utc();
    auto user = usable(tx, now);
    if (!user) throw_bad_request(kResetRefused);
    store_new_password(tx, *user, hash);
    tx.password_resets().use_all_of(user->id, now);
  });
}

}  // namespace projectd
