// Argon2id password hashes (OWASP: m=19 MiB, t=2, p=1) computed on a small pool of their own, so a
// burst of logins can neither take more than pool_size × 19 MiB nor starve request workers: at most
// queue_bound hashes are admitted at once (queued or running), and a caller beyond that is refused
// at once with ApiError(kServiceUnavailable) and Retry-After (BoundedPool), never left waiting.
// Thread safety: all methods may be called from any thread.
#pragma once

#include "auth/argon2_memory.h"
#include "auth/bounded_pool.h"

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
  using Place = BoundedPool::Place;
  // Four queued or running hashes per hashing thread: far fewer than the request workers (four
  // per core plus 32), so most of them stay free whatever the sign-in rate, and an admitted
  // sign-in waits for at most four hashes before its own.
  static constexpr std::size_t kQueuePerThread = 4;

  explicit PasswordHasher(std::size_t pool_size = 2, Argon2Params params = {},
                          std::size_t queue_bound = 0);  // 0: kQueuePerThread × pool_size

  // The PHC-encoded Argon2id hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash) of a fresh salt.
  // Throws ApiError(kServiceUnavailable) with Retry-After when the queue is full.
  std::string hash(std::string_view password);
  // Constant-time comparison against an encoded hash. An empty or malformed hash never verifies,
  // but costs the same time as a real one, so unknown users take as long as known ones. Throws
  // like hash() when the queue is full.
  bool verify(std::string_view encoded, std::string_view password);
  // A place in the queue taken ahead (ApiError(kServiceUnavailable) when it is full), and verify()
  // on it: for callers that must know there is room before they commit to anything else.
  Place admit() { return pool_.admit(); }
  bool verify(const Place& place, std::string_view encoded, std::string_view password);

 private:
  Argon2Params params_;
  Argon2Memory memory_;     // before dummy_hash_, which is hashed with it
  std::string dummy_hash_;  // verified against when there is no real hash
  BoundedPool pool_;
};

}  // namespace projectd
