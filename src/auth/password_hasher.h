// Argon2id password hashes (OWASP: m=19 MiB, t=2, p=1) computed on a small pool of their own, so a
// burst of logins can neither starve request workers nor take more than pool_size × 19 MiB.
// Thread safety: all methods may be called from any thread.
#pragma once

#include "auth/argon2_memory.h"

#include <boost/asio/thread_pool.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace projectd {

struct Argon2Params {
  unsigned memory_kib = 19 * 1024;
  unsigned iterations = 2;
  unsigned parallelism = 1;
};

class PasswordHasher {
 public:
  explicit PasswordHasher(std::size_t pool_size = 2, Argon2Params params = {});
  ~PasswordHasher();

  // The PHC-encoded Argon2id hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash) of a fresh salt.
  std::string hash(std::string_view password);
  // Constant-time comparison against an encoded hash. An empty or malformed hash never verifies,
  // but costs the same time as a real one, so unknown users take as long as known ones.
  bool verify(std::string_view encoded, std::string_view password);

 private:
  template <class F>
  auto run(F&& fn) -> decltype(fn());

  Argon2Params params_;
  Argon2Memory memory_;     // before dummy_hash_, which is hashed with it
  std::string dummy_hash_;  // verified against when there is no real hash
  boost::asio::thread_pool pool_;
};

}  // namespace projectd
