// Password recovery as the store keeps it (migration 0019; docs/notifications.md, "Password
// recovery"): single-use reset tokens, of which only the SHA-256 is stored, and the recovery
// requests of each client address for the throttle.
// Thread safety: as every repository: inside one transaction, one thread.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace projectd {

struct PasswordResetRecord {
  std::string token_hash;  // lowercase hex SHA-256 of the token
  std::string user_id;
  Timestamp created;
  Timestamp expires;
  std::optional<Timestamp> used;
};

class PasswordResetRepo {
 public:
  virtual ~PasswordResetRepo() = default;
  virtual void add(const PasswordResetRecord& reset) = 0;
  virtual std::optional<PasswordResetRecord> by_hash(std::string_view token_hash) = 0;
  // When the person's newest token was made, if they have any.
  virtual std::optional<Timestamp> newest_of(std::string_view user_id) = 0;
  // Marks every unused token of the person used at `at` (a reset spends them all).
  virtual void use_all_of(std::string_view user_id, Timestamp at) = 0;
  // Forgets tokens that expired before `before`.
  virtual void remove_expired_before(Timestamp before) = 0;

  // The throttle per client address: requests since `since`, and the oldest of them.
  virtual std::int64_t requests_since(std::string_view client, Timestamp since) = 0;
  virtual std::optional<Timestamp> oldest_request_since(std::string_view client,
                                                        Timestamp since) = 0;
  virtual void add_request(std::string_view client, Timestamp at) = 0;
  virtual void remove_requests_before(Timestamp before) = 0;
};

}  // namespace projectd
