#include "auth/password_hasher.h"

#include "auth/argon2_phc.h"
#include "auth/random.h"

#include <argon2.h>
#include <sys/mman.h>
#include <boost/asio/post.hpp>

#include <cstdint>
#include <future>
#include <stdexcept>

namespace projectd {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

// Argon2's working memory (19 MiB per hash) comes straight from mmap and goes back with munmap.
// Through malloc, glibc would raise its dynamic mmap threshold after the first such block is freed
// and serve the next ones from the heap, where they stay resident after every sign-in.
int map_memory(std::uint8_t** memory, std::size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return ARGON2_MEMORY_ALLOCATION_ERROR;
  *memory = static_cast<std::uint8_t*>(p);
  return ARGON2_OK;
}

void unmap_memory(std::uint8_t* memory, std::size_t bytes) {
  munmap(memory, bytes);
}

// The password and salt are only read; libargon2 takes them through non-const pointers.
argon2_context make_context(std::uint32_t version, std::uint32_t memory_kib,
                            std::uint32_t iterations, std::uint32_t parallelism,
                            std::string_view password, std::string_view salt, std::string& out) {
  argon2_context ctx{};
  ctx.out = reinterpret_cast<std::uint8_t*>(out.data());
  ctx.outlen = static_cast<std::uint32_t>(out.size());
  ctx.pwd = reinterpret_cast<std::uint8_t*>(const_cast<char*>(password.data()));
  ctx.pwdlen = static_cast<std::uint32_t>(password.size());
  ctx.salt = reinterpret_cast<std::uint8_t*>(const_cast<char*>(salt.data()));
  ctx.saltlen = static_cast<std::uint32_t>(salt.size());
  ctx.t_cost = iterations;
  ctx.m_cost = memory_kib;
  ctx.lanes = parallelism;
  ctx.threads = parallelism;
  ctx.version = version;
  ctx.allocate_cbk = map_memory;
  ctx.free_cbk = unmap_memory;
  ctx.flags = ARGON2_DEFAULT_FLAGS;
  return ctx;
}

}  // namespace

std::string argon2id_hash_phc(const Argon2Params& p, std::string_view password,
                              std::string_view salt) {
  Argon2Phc phc{ARGON2_VERSION_13, p.memory_kib,      p.iterations,
                p.parallelism,     std::string(salt), std::string(kHashBytes, '\0')};
  argon2_context ctx = make_context(phc.version, phc.memory_kib, phc.iterations, phc.parallelism,
                                    password, phc.salt, phc.hash);
  const int rc = argon2id_ctx(&ctx);
  if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
  return encode_argon2id_phc(phc);
}

bool argon2id_verify_phc(std::string_view encoded, std::string_view password) {
  const auto phc = decode_argon2id_phc(encoded);
  if (!phc) return false;
  std::string out(phc->hash.size(), '\0');
  argon2_context ctx = make_context(phc->version, phc->memory_kib, phc->iterations,
                                    phc->parallelism, password, phc->salt, out);
  return argon2id_verify_ctx(&ctx, phc->hash.data()) == ARGON2_OK;
}

PasswordHasher::PasswordHasher(std::size_t pool_size, Argon2Params params)
    : params_(params), pool_(pool_size) {
  dummy_hash_ = argon2id_hash_phc(params_, random_bytes(16), random_bytes(kSaltBytes));
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
  return run([&] { return argon2id_hash_phc(params_, password, random_bytes(kSaltBytes)); });
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) {
  const bool usable = decode_argon2id_phc(encoded).has_value();
  const std::string target(usable ? encoded : std::string_view(dummy_hash_));
  const bool ok = run([&] { return argon2id_verify_phc(target, password); });
  return usable && ok;
}

}  // namespace projectd
