// Which kinds of notification mail each person turned off, and the portal's shared secrets
// (migration 0020; docs/notifications.md, "Turning notifications off"). A kind nobody set is on.
// Thread safety: as every repository: inside one transaction, one thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

class NotificationSettingsRepo {
 public:
  virtual ~NotificationSettingsRepo() = default;
  // The kinds this person set, with their state (kinds never set are left out).
  virtual std::map<std::string, bool> of_user(std::string_view user_id) = 0;
  virtual void set(std::string_view user_id, std::string_view kind, bool enabled) = 0;
  // Those of `user_ids` who turned `kind` off, in one statement.
  virtual std::vector<std::string> turned_off(std::string_view kind,
                                              const std::vector<std::string>& user_ids) = 0;

  virtual std::optional<std::string> secret(std::string_view name) = 0;
  // Stores the secret unless one of that name exists (another node's wins); returns the one kept.
  virtual std::string keep_secret(std::string_view name, std::string_view value) = 0;
};

}  // namespace projectd
