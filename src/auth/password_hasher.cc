#include "auth/password_hasher.h"

#include "auth/argon2_phc.h"
#include "auth/random.h"

#include <argon2.h>

#include <cstdint>
#include <stdexcept>

namespace projectd {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

// An Argon2id context writing to `out`; its working memory comes from the Argon2Memory of the
// calling thread's Scope.
argon2_context context_for(const Argon2Params& p, std::string_view password, std::string& salt,
                           std::string& out) {
  argon2_context ctx{};
  ctx.out = reinterpret_cast<std::uint8_t*>(out.data());
  ctx.outlen = static_cast<std::uint32_t>(out.size());
  // argon2 never writes the password or the salt (no ARGON2_FLAG_CLEAR_PASSWORD).
  ctx.pwd = reinterpret_cast<std::uint8_t*>(const_cast<char*>(password.data()));
  ctx.pwdlen = static_cast<std::uint32_t>(password.size());
  ctx.salt = reinterpret_cast<std::uint8_t*>(salt.data());
  ctx.saltlen = static_cast<std::uint32_t>(salt.size());
  ctx.t_cost = p.iterations;
  ctx.m_cost = p.memory_kib;
  ctx.lanes = p.parallelism;
  ctx.threads = p.parallelism;
  ctx.version = ARGON2_VERSION_13;
  ctx.allocate_cbk = &Argon2Memory::allocate;
  ctx.free_cbk = &Argon2Memory::deallocate;
  ctx.flags = ARGON2_DEFAULT_FLAGS;
  return ctx;
}

std::string hash_now(const Argon2Params& p, Argon2Memory& memory, std::string_view password) {
  Argon2idPhc phc{p.memory_kib, p.iterations, p.parallelism, random_bytes(kSaltBytes),
                  std::string(kHashBytes, '\0')};
  argon2_context ctx = context_for(p, password, phc.salt, phc.hash);
  const Argon2Memory::Scope scope(memory);
  const int rc = argon2id_ctx(&ctx);
  if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
  return to_phc_string(phc);
}

bool verify_now(Argon2idPhc& phc, Argon2Memory& memory, std::string_view password) {
  std::string out(phc.hash.size(), '\0');
  argon2_context ctx =
      context_for({phc.memory_kib, phc.iterations, phc.parallelism}, password, phc.salt, out);
  const Argon2Memory::Scope scope(memory);
  // Computes into ctx.out and compares with the stored hash in constant time.
  return argon2id_verify_ctx(&ctx, phc.hash.data()) == ARGON2_OK;
}

}  // namespace

PasswordHasher::PasswordHasher(std::size_t pool_size, Argon2Params params, std::size_t queue_bound)
    : params_(params),
      pool_(pool_size, queue_bound != 0 ? queue_bound : kQueuePerThread * pool_size) {
  dummy_hash_ = hash_now(params_, memory_, random_bytes(16));
}

std::string PasswordHasher::hash(std::string_view password) {
  return pool_.run([&] { return hash_now(params_, memory_, password); });
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) {
  return verify(pool_.admit(), encoded, password);
}

bool PasswordHasher::verify(const Place& place, std::string_view encoded,
                            std::string_view password) {
  std::optional<Argon2idPhc> stored = parse_phc_string(encoded);
  const bool usable = stored.has_value();
  if (!usable) stored = parse_phc_string(dummy_hash_);
  const bool ok = pool_.run(place, [&] { return verify_now(*stored, memory_, password); });
  return usable && ok;
}

}  // namespace projectd
