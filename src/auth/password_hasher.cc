#include "auth/password_hasher.h"

#include "auth/random.h"

#include <argon2.h>
#include <boost/asio/post.hpp>

#include <future>
#include <stdexcept>
#include <vector>

namespace projectd {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string hash_now(const Argon2Params& p, std::string_view password) {
  const std::string salt = random_bytes(kSaltBytes);
  const std::size_t length = argon2_encodedlen(p.iterations, p.memory_kib, p.parallelism,
                                               kSaltBytes, kHashBytes, Argon2_id);
  std::vector<char> encoded(length);
  const int rc = argon2id_hash_encoded(p.iterations, p.memory_kib, p.parallelism, password.data(),
                                       password.size(), salt.data(), salt.size(), kHashBytes,
                                       encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
  return std::string(encoded.data());
}

}  // namespace

PasswordHasher::PasswordHasher(std::size_t pool_size, Argon2Params params)
    : params_(params), pool_(pool_size) {
  dummy_hash_ = hash_now(params_, random_bytes(16));
}

PasswordHasher::~PasswordHasher() {
  pool_.join();
}

template <class F>
auto PasswordHasher::run(F&& fn) -> decltype(fn()) {
  std::packaged_task<decltype(fn())()> task(std::forward<F>(fn));
  auto result = task.get_future();
  boost::asio::post(pool_, [&task] { task(); });
  return result.get();
}

std::string PasswordHasher::hash(std::string_view password) {
  return run([&] { return hash_now(params_, password); });
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) {
  const bool usable = encoded.rfind("$argon2id$", 0) == 0;
  const std::string target(usable ? encoded : std::string_view(dummy_hash_));
  const bool ok = run([&] {
    return argon2id_verify(target.c_str(), password.data(), password.size()) == ARGON2_OK;
  });
  return usable && ok;
}

}  // namespace projectd
