// SqlPasswordResetRepo (sql_password_reset_repo.h).
#include "store/sql/sql_password_reset_repo.h"

namespace projectd {

void SqlPasswordResetRepo::add(const PasswordResetRecord& r) {
  connection_
      .prepare(
          "INSERT INTO password_resets (token_hash, user_id, created, expires, used) "
          "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind_all(r.token_hash, r.user_id, r.created, r.expires, r.used)
      .run();
}

std::optional<PasswordResetRecord> SqlPasswordResetRepo::by_hash(std::string_view token_hash) {
  SqlStatement row = connection_.prepare(
      "SELECT token_hash, user_id, created, expires, used FROM password_resets "
      "WHERE token_hash = ?1");
  row.bind_all(token_hash);
  if (!row.step()) return std::nullopt;
  return PasswordResetRecord{.token_hash = row.text(0),
                             .user_id = row.text(1),
                             .created = row.timestamp(2),
                             .expires = row.timestamp(3),
                             .used = row.optional_timestamp(4)};
}

std::optional<Timestamp> SqlPasswordResetRepo::newest_of(std::string_view user_id) {
  SqlStatement row =
      connection_.prepare("SELECT MAX(created) FROM password_resets WHERE user_id = ?1");
  row.bind_all(user_id);
  return row.step() ? row.optional_timestamp(0) : std::nullopt;
}

void SqlPasswordResetRepo::use_all_of(std::string_view user_id, Timestamp at) {
  connection_.prepare("UPDATE password_resets SET used = ?2 WHERE user_id = ?1 AND used IS NULL")
      .bind_all(user_id, at)
      .run();
}

void SqlPasswordResetRepo::remove_expired_before(Timestamp before) {
  connection_.prepare("DELETE FROM password_resets WHERE expires < ?1").bind_all(before).run();
}

std::int64_t SqlPasswordResetRepo::requests_since(std::string_view client, Timestamp since) {
  SqlStatement row = connection_.prepare(
      "SELECT COUNT(*) FROM password_reset_requests WHERE client = ?1 AND created >= ?2");
  row.bind_all(client, since);
  return row.step() ? row.int64(0) : 0;
}

std::optional<Timestamp> SqlPasswordResetRepo::oldest_request_since(std::string_view client,
                                                                    Timestamp since) {
  SqlStatement row = connection_.prepare(
      "SELECT MIN(created) FROM password_reset_requests WHERE client = ?1 AND created >= ?2");
  row.bind_all(client, since);
  return row.step() ? row.optional_timestamp(0) : std::nullopt;
}

void SqlPasswordResetRepo::add_request(std::string_view client, Timestamp at) {
  connection_.prepare("INSERT INTO password_reset_requests (client, created) VALUES (?1, ?2)")
      .bind_all(client, at)
      .run();
}

void SqlPasswordResetRepo::remove_requests_before(Timestamp before) {
  connection_.prepare("DELETE FROM password_reset_requests WHERE created < ?1")
      .bind_all(before)
      .run();
}

}  // namespace projectd
