// The credentials a request carries, in the order the original tries them
// (docs/wire-compatibility.md, "Credentials"): `asc_auth_key` query or form parameter,
// `asc_auth_key` cookie, then the Authorization header as Basic, Bearer or a raw token. The domain
// decides whether any of them is good.
#pragma once

#include "domain/caller.h"

#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct Credential {
  enum class Kind { kToken, kBasic } kind = Kind::kToken;
  std::string token;     // kToken
  std::string login;     // kBasic
  std::string password;  // kBasic
};

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The caller of the first credential that is valid; nullopt when none is. May throw
  // ApiError(kTooManyRequests) when Basic credentials hit login throttling, and
  // ApiError(kServiceUnavailable) when the password hashing queue is full.
  virtual std::optional<Caller> authenticate(const std::vector<Credential>& credentials,
                                             const std::string& client_address) = 0;
  // The caller authenticate() would return, when it is known without the store: cheap and never
  // blocking, so an I/O thread may ask. nullopt when it is not known (authenticate() decides).
  virtual std::optional<Caller> cached_caller(const std::vector<Credential>& credentials) {
    (void)credentials;
    return std::nullopt;
  }
};

}  // namespace projectd
