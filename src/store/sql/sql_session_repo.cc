#include "store/sql/sql_repos.h"

namespace projectd {

void SqlSessionRepo::insert_token(const TokenRecord& token) {
  connection_
      .prepare(
          "INSERT INTO auth_tokens (token_hash, user_id, created, expires) "
          "VALUES (?1, ?2, ?3, ?4)")
      .bind_all(token.token_hash, token.user_id, token.created, token.expires)
      .run();
}

std::optional<TokenRecord> SqlSessionRepo::token(std::string_view token_hash) {
  SqlStatement statement = connection_.prepare(
      "SELECT token_hash, user_id, created, expires FROM auth_tokens WHERE token_hash = ?1");
  statement.bind_all(token_hash);
  if (!statement.step()) return std::nullopt;
  return TokenRecord{.token_hash = statement.text(0),
                     .user_id = statement.text(1),
                     .created = statement.timestamp(2),
                     .expires = statement.timestamp(3)};
}

void SqlSessionRepo::delete_token(std::string_view token_hash) {
  connection_.prepare("DELETE FROM auth_tokens WHERE token_hash = ?1").bind_all(token_hash).run();
}

void SqlSessionRepo::delete_tokens_of(std::string_view user_id) {
  connection_.prepare("DELETE FROM auth_tokens WHERE user_id = ?1").bind_all(user_id).run();
}

void SqlSessionRepo::delete_expired_tokens(Timestamp now) {
  connection_.prepare("DELETE FROM auth_tokens WHERE expires <= ?1").bind_all(now).run();
}

void SqlSessionRepo::add_login_failure(std::string_view account, std::string_view client,
                                       Timestamp at) {
  connection_.prepare("INSERT INTO login_failures (account, client, failed_at) VALUES (?1, ?2, ?3)")
      .bind_all(account, client, at)
      .run();
}

SessionRepo::FailureWindow SqlSessionRepo::login_failures(std::string_view account,
                                                          std::string_view client,
                                                          Timestamp since) {
  SqlStatement statement = connection_.prepare(
      "SELECT count(*), min(failed_at), max(failed_at) FROM login_failures "
      "WHERE account = ?1 AND client = ?2 AND failed_at >= ?3");
  statement.bind_all(account, client, since);
  statement.step();
  return FailureWindow{.count = statement.int64(0),
                       .oldest = statement.optional_timestamp(1),
                       .newest = statement.optional_timestamp(2)};
}

SessionRepo::AttemptReservation SqlSessionRepo::reserve_login_attempt(std::string_view account,
                                                                      std::string_view client,
                                                                      Timestamp since,
                                                                      std::int64_t limit,
                                                                      Timestamp at) {
  // Atomic because it runs inside the caller's write: SQLite has one writer at a time, and
  // PostgreSQL's serializable transactions make one of two concurrent reservations that read the
  // same window run again (the read of the window conflicts with the other's insert).
  AttemptReservation reservation;
  reservation.window = login_failures(account, client, since);
  if (reservation.window.count >= limit) return reservation;
  reservation.granted = true;
  reservation.at = reservation.window.newest && *reservation.window.newest >= at
                       ? *reservation.window.newest + Ticks(1)
                       : at;
  add_login_failure(account, client, reservation.at);
  return reservation;
}

void SqlSessionRepo::release_login_attempt(std::string_view account, std::string_view client,
                                           Timestamp at) {
  connection_
      .prepare("DELETE FROM login_failures WHERE account = ?1 AND client = ?2 AND failed_at = ?3")
      .bind_all(account, client, at)
      .run();
}

void SqlSessionRepo::delete_login_failures_before(Timestamp before) {
  connection_.prepare("DELETE FROM login_failures WHERE failed_at < ?1").bind_all(before).run();
}

void SqlSessionRepo::clear_login_failures(std::string_view account, std::string_view client) {
  connection_.prepare("DELETE FROM login_failures WHERE account = ?1 AND client = ?2")
      .bind_all(account, client)
      .run();
}

}  // namespace projectd
