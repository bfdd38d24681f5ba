#include "auth/argon2_phc.h"

#include <charconv>
#include <utility>

namespace projectd {

namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void append_base64(std::string& out, std::string_view bytes) {
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : bytes) {
    acc = (acc << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3f];
}

// Unpadded base64; rejects foreign characters, an impossible length and non-zero spare bits.
std::optional<std::string> decode_base64(std::string_view text) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    const auto pos = kAlphabet.find(c);
    if (pos == std::string_view::npos) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  if (bits >= 6 || (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

// Consumes `prefix` followed by a decimal number from the front of `text`.
bool take_number(std::string_view& text, std::string_view prefix, std::uint32_t& value) {
  if (!text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data() || (text[0] == '0' && end - text.data() > 1)) {
    return false;
  }
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return true;
}

}  // namespace

std::string encode_argon2id_phc(const Argon2Phc& phc) {
  std::string out =
      "$argon2id$v=" + std::to_string(phc.version) + "$m=" + std::to_string(phc.memory_kib) +
      ",t=" + std::to_string(phc.iterations) + ",p=" + std::to_string(phc.parallelism) + "$";
  append_base64(out, phc.salt);
  out += '$';
  append_base64(out, phc.hash);
  return out;
}

std::optional<Argon2Phc> decode_argon2id_phc(std::string_view text) {
  constexpr std::string_view kType = "$argon2id";
  if (!text.starts_with(kType)) return std::nullopt;
  text.remove_prefix(kType.size());
  Argon2Phc phc;
  phc.version = 0x10;  // libargon2 reads a string without "v=" as version 1.0
  if (text.starts_with("$v=") && !take_number(text, "$v=", phc.version)) return std::nullopt;
  if (!take_number(text, "$m=", phc.memory_kib) || !take_number(text, ",t=", phc.iterations) ||
      !take_number(text, ",p=", phc.parallelism) || !text.starts_with('$')) {
    return std::nullopt;
  }
  text.remove_prefix(1);
  const auto dollar = text.find('$');
  if (dollar == std::string_view::npos) return std::nullopt;
  auto salt = decode_base64(text.substr(0, dollar));
  auto hash = decode_base64(text.substr(dollar + 1));
  if (!salt || !hash) return std::nullopt;
  phc.salt = std::move(*salt);
  phc.hash = std::move(*hash);
  return phc;
}

}  // namespace projectd
