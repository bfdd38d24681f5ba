// NotificationSettingsRepo (store/notification_settings_repo.h) on one connection, for SQLite and
// PostgreSQL.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/notification_settings_repo.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlNotificationSettingsRepo final : public NotificationSettingsRepo {
 public:
  explicit SqlNotificationSettingsRepo(SqlConnection& connection) : connection_(connection) {}
  std::map<std::string, bool> of_user(std::string_view user_id) override;
  void set(std::string_view user_id, std::string_view kind, bool enabled) override;
  std::vector<std::string> turned_off(std::string_view kind,
                                      const std::vector<std::string>& user_ids) override;
  std::optional<std::string> secret(std::string_view name) override;
  std::string keep_secret(std::string_view name, std::string_view value) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
