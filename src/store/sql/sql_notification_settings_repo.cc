// Notification settings and portal secrets (sql_notification_settings_repo.h).
#include "store/sql/sql_notification_settings_repo.h"

#include "store/sql/sql_bound_values.h"

namespace projectd {

std::map<std::string, bool> SqlNotificationSettingsRepo::of_user(std::string_view user_id) {
  SqlStatement rows =
      connection_.prepare("SELECT kind, enabled FROM notification_settings WHERE user_id = ?1");
  rows.bind_all(user_id);
  std::map<std::string, bool> kinds;
  while (rows.step())
    kinds[rows.text(0)] = rows.int64(1) != 0;
  return kinds;
}

void SqlNotificationSettingsRepo::set(std::string_view user_id, std::string_view kind,
                                      bool enabled) {
  connection_
      .prepare(
          "INSERT INTO notification_settings (user_id, kind, enabled) VALUES (?1, ?2, ?3) "
          "ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled")
      .bind_all(user_id, kind, std::int64_t{enabled ? 1 : 0})
      .run();
}

std::vector<std::string> SqlNotificationSettingsRepo::turned_off(
    std::string_view kind, const std::vector<std::string>& user_ids) {
  std::vector<std::string> off;
  if (user_ids.empty()) return off;
  SqlStatement rows = connection_.prepare(
      "SELECT user_id FROM notification_settings WHERE kind = ?1 AND enabled = 0 AND " +
      connection_.dialect().in_ids("user_id", 2, user_ids.size(), SqlType::kText));
  rows.bind_all(kind, ids_value(user_ids));
  while (rows.step())
    off.push_back(rows.text(0));
  return off;
}

std::optional<std::string> SqlNotificationSettingsRepo::secret(std::string_view name) {
  SqlStatement row = connection_.prepare("SELECT value FROM portal_secrets WHERE name = ?1");
  row.bind_all(name);
  if (!row.step()) return std::nullopt;
  return row.text(0);
}

std::string SqlNotificationSettingsRepo::keep_secret(std::string_view name,
                                                     std::string_view value) {
  connection_
      .prepare("INSERT INTO portal_secrets (name, value) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
      .bind_all(name, value)
      .run();
  return secret(name).value_or(std::string(value));
}

}  // namespace projectd
