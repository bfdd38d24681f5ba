// PasswordResetRepo (store/password_reset_repo.h) on one connection, for SQLite and PostgreSQL.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/password_reset_repo.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlPasswordResetRepo final : public PasswordResetRepo {
 public:
  explicit SqlPasswordResetRepo(SqlConnection& connection) : connection_(connection) {}
  void add(const PasswordResetRecord& reset) override;
  std::optional<PasswordResetRecord> by_hash(std::string_view token_hash) override;
  std::optional<Timestamp> newest_of(std::string_view user_id) override;
  void use_all_of(std::string_view user_id, Timestamp at) override;
  void remove_expired_before(Timestamp before) override;
  std::int64_t requests_since(std::string_view client, Timestamp since) override;
  std::optional<Timestamp> oldest_request_since(std::string_view client, Timestamp since) override;
  void add_request(std::string_view client, Timestamp at) override;
  void remove_requests_before(Timestamp before) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
