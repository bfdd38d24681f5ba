#include "http/credentials.h"

#include <boost/beast/core/detail/base64.hpp>

#include "base/ascii.h"

namespace projectd {

namespace {

using ascii::trim;

bool starts_with_scheme(std::string_view value, std::string_view scheme) {
  return value.size() > scheme.size() && value[scheme.size()] == ' ' &&
         ascii::iequals(value.substr(0, scheme.size()), scheme);
}

std::optional<Credential> basic_credential(std::string_view encoded) {
  namespace b64 = boost::beast::detail::base64;
  encoded = trim(encoded);
  // decoded_size(n) is exact only for a multiple of 4; Beast also decodes an unpadded tail of 2 or
  // 3 characters (1 or 2 more bytes), which overran the buffer (found by fuzz/fuzz_headers.cc).
  std::string decoded(b64::decoded_size(encoded.size() + 3), '\0');
  const auto [written, read] = b64::decode(decoded.data(), encoded.data(), encoded.size());
  // Beast stops at the padding; anything but `=` after that point is not base64.
  if (encoded.substr(read).find_first_not_of('=') != std::string_view::npos) return std::nullopt;
  decoded.resize(written);
  const std::size_t colon = decoded.find(':');
  if (colon == std::string::npos) return std::nullopt;
  Credential c;
  c.kind = Credential::Kind::kBasic;
  c.login = decoded.substr(0, colon);
  c.password = decoded.substr(colon + 1);
  return c;
}

void add_token(std::vector<Credential>& out, std::string_view token) {
  token = trim(token);
  if (token.empty()) return;
  Credential c;
  c.token = std::string(token);
  out.push_back(std::move(c));
}

}  // namespace

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t semicolon = header.find(';');
    std::string_view pair = trim(header.substr(0, semicolon));
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) {
      std::string_view value = trim(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      return std::string(value);
    }
  }
  return {};
}

std::vector<Credential> extract_credentials(const Params& params, std::string_view authorization,
                                            std::string_view cookie) {
  std::vector<Credential> out;
  if (const ParamValue* key = params.find("asc_auth_key"); key && !key->is_null)
    add_token(out, key->text);
  add_token(out, cookie_value(cookie, "asc_auth_key"));
  authorization = trim(authorization);
  // A scheme word with nothing after it is no credential at all.
  if (ascii::iequals(authorization, "basic") || ascii::iequals(authorization, "bearer")) return out;
  if (starts_with_scheme(authorization, "basic")) {
    if (auto basic = basic_credential(authorization.substr(6))) out.push_back(std::move(*basic));
  } else if (starts_with_scheme(authorization, "bearer")) {
    add_token(out, authorization.substr(7));
  } else {
    add_token(out, authorization);
  }
  return out;
}

}  // namespace projectd
