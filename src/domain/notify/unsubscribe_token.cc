// Unsubscribe tokens (unsubscribe_token.h).
#include "domain/notify/unsubscribe_token.h"

#include "auth/random.h"
#include "domain/notify/notification_kinds.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

namespace projectd {
namespace {

constexpr std::string_view kUnsubscribeSecretName = "unsubscribe";
constexpr std::string_view kBase64UrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string unsubscribe_base64url_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kBase64UrlAlphabet[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += kBase64UrlAlphabet[(buffer << (6 - bits)) & 0x3f];
  return out;
}

// Without padding, as encoded above; none for any other character or a dangling sextet.
std::optional<std::string> unsubscribe_base64url_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const std::size_t value = kBase64UrlAlphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  if (bits >= 6) return std::nullopt;
  return out;
}

std::string unsubscribe_mac(std::string_view secret, std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(text.data()), text.size(), mac.data(), &length);
  return std::string(reinterpret_cast<const char*>(mac.data()), length);
}

}  // namespace

std::string unsubscribe_secret(StoreTx& tx) {
  if (auto existing = existing_unsubscribe_secret(tx)) return *existing;
  return tx.notification_settings().keep_secret(kUnsubscribeSecretName, to_hex(random_bytes(32)));
}

std::optional<std::string> existing_unsubscribe_secret(StoreTx& tx) {
  return tx.notification_settings().secret(kUnsubscribeSecretName);
}

std::string make_unsubscribe_token(std::string_view secret, std::string_view user_id,
                                   std::string_view kind) {
  const std::string text = std::string(user_id) + ":" + std::string(kind);
  return unsubscribe_base64url_encode(text) + "." +
         unsubscribe_base64url_encode(unsubscribe_mac(secret, text));
}

std::optional<UnsubscribeTarget> read_unsubscribe_token(std::string_view secret,
                                                        std::string_view token) {
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::optional<std::string> text = unsubscribe_base64url_decode(token.substr(0, dot));
  const std::optional<std::string> mac = unsubscribe_base64url_decode(token.substr(dot + 1));
  if (!text || !mac) return std::nullopt;
  const std::string expected = unsubscribe_mac(secret, *text);
  if (mac->size() != expected.size() ||
      CRYPTO_memcmp(mac->data(), expected.data(), expected.size()) != 0)
    return std::nullopt;
  const std::size_t colon = text->rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  UnsubscribeTarget target{text->substr(0, colon), text->substr(colon + 1)};
  if (target.user_id.empty() || !is_notification_kind(target.kind)) return std::nullopt;
  return target;
}

}  // namespace projectd
