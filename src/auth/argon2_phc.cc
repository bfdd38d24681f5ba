#include "auth/argon2_phc.h"

#include <argon2.h>
#include <boost/beast/core/detail/base64.hpp>

#include <charconv>

namespace projectd {

namespace {

namespace b64 = boost::beast::detail::base64;

constexpr std::string_view kPrefix = "$argon2id$v=19$";
// Far above projectd's own costs (19 MiB, 2 passes, 1 lane), far below what would hurt.
constexpr unsigned kMaxMemoryKib = 1024 * 1024;
constexpr unsigned kMaxIterations = 64;
constexpr unsigned kMaxParallelism = 16;
constexpr std::size_t kMaxBytes = 64;  // of salt or hash

std::string base64_unpadded(const std::string& bytes) {
  std::string out(b64::encoded_size(bytes.size()), '\0');
  out.resize(b64::encode(out.data(), bytes.data(), bytes.size()));
  while (!out.empty() && out.back() == '=')
    out.pop_back();
  return out;
}

// Only the canonical spelling: what base64_unpadded would write for the decoded bytes.
std::optional<std::string> bytes_of_unpadded(std::string_view text) {
  if (text.empty() || text.size() % 4 == 1) return std::nullopt;
  std::string bytes(text.size() / 4 * 3 + 3, '\0');
  const auto [written, read] = b64::decode(bytes.data(), text.data(), text.size());
  if (read != text.size()) return std::nullopt;
  bytes.resize(written);
  if (base64_unpadded(bytes) != text) return std::nullopt;
  return bytes;
}

// Reads "<name><decimal>" at the front of `rest`, a decimal without sign or leading zero.
std::optional<unsigned> take_number(std::string_view& rest, std::string_view name) {
  if (rest.substr(0, name.size()) != name) return std::nullopt;
  rest.remove_prefix(name.size());
  if (rest.empty() || rest.front() == '0') return std::nullopt;
  unsigned value = 0;
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
  if (error != std::errc()) return std::nullopt;
  rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
  return value;
}

}  // namespace

std::string to_phc_string(const Argon2idPhc& phc) {
  std::string out(kPrefix);
  out += "m=" + std::to_string(phc.memory_kib);
  out += ",t=" + std::to_string(phc.iterations);
  out += ",p=" + std::to_string(phc.parallelism);
  out += '$' + base64_unpadded(phc.salt);
  out += '$' + base64_unpadded(phc.hash);
  return out;
}

std::optional<Argon2idPhc> parse_phc_string(std::string_view text) {
  if (text.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view rest = text.substr(kPrefix.size());
  const auto memory = take_number(rest, "m=");
  const auto iterations = take_number(rest, ",t=");
  const auto parallelism = take_number(rest, ",p=");
  if (!memory || !iterations || !parallelism || rest.empty() || rest.front() != '$') {
    return std::nullopt;
  }
  rest.remove_prefix(1);
  const std::size_t split = rest.find('$');
  if (split == std::string_view::npos) return std::nullopt;
  auto salt = bytes_of_unpadded(rest.substr(0, split));
  auto hash = bytes_of_unpadded(rest.substr(split + 1));
  if (!salt || !hash) return std::nullopt;

  const bool in_bounds = *iterations >= ARGON2_MIN_TIME && *iterations <= kMaxIterations &&
                         *parallelism >= ARGON2_MIN_LANES && *parallelism <= kMaxParallelism &&
                         *memory >= 8 * *parallelism && *memory <= kMaxMemoryKib &&
                         salt->size() >= ARGON2_MIN_SALT_LENGTH && salt->size() <= kMaxBytes &&
                         hash->size() >= ARGON2_MIN_OUTLEN && hash->size() <= kMaxBytes;
  if (!in_bounds) return std::nullopt;
  return Argon2idPhc{*memory, *iterations, *parallelism, std::move(*salt), std::move(*hash)};
}

}  // namespace projectd
