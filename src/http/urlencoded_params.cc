// add_urlencoded_params: query strings and application/x-www-form-urlencoded bodies.
#include "base/ascii.h"
#include "base/errors.h"
#include "base/utf8.h"
#include "http/params.h"

#include <string>
#include <utility>
#include <vector>

namespace projectd {
namespace {

// Percent-decoding with `+` as a space (the form encoding, which browsers also use in queries).
// nullopt on a `%` that is not followed by two hex digits: guessing what was meant would bind a
// value the client never sent.
std::optional<std::string> form_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (text.size() - i < 3) return std::nullopt;
      int high = ascii::hex_value(text[i + 1]);
      int low = ascii::hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string where(ParamSource source) {
  return source == ParamSource::kQuery ? "The query string" : "The form body";
}

}  // namespace

void add_urlencoded_params(Params& params, std::string_view encoded, ParamSource source) {
  // A bare `?` (or `?` kept by a caller that did not strip it) starts nothing.
  if (!encoded.empty() && encoded.front() == '?') encoded.remove_prefix(1);
  // Added as decoded, within the binding budget; a rejected string is taken out again.
  const std::size_t before = params.size();
  try {
    while (!encoded.empty()) {
      std::size_t amp = encoded.find('&');
      std::string_view pair = encoded.substr(0, amp);
      encoded = amp == std::string_view::npos ? std::string_view() : encoded.substr(amp + 1);
      // `?&Count=25` and `a=1&&b=2` carry empty pairs; clients send them, they mean nothing.
      if (pair.empty()) continue;
      std::size_t eq = pair.find('=');
      auto key = form_decode(pair.substr(0, eq));
      if (!key) {
        throw ApiError(ErrorKind::kBadRequest,
                       where(source) + " has a parameter name with an invalid percent-encoding");
      }
      if (!utf8::is_valid(*key))  // before it is quoted in a message
        throw ApiError(ErrorKind::kBadRequest, "A parameter name is not valid UTF-8 text");
      std::optional<std::string> value =
          eq == std::string_view::npos ? std::string() : form_decode(pair.substr(eq + 1));
      if (!value) {
        throw ApiError(ErrorKind::kBadRequest,
                       "Parameter '" + *key + "' has an invalid percent-encoding");
      }
      // `=5` names nothing a handler could ask for.
      if (key->empty()) continue;
      params.add(*key, ParamValue{std::move(*value), false}, source);
    }
  } catch (...) {
    params.truncate(before);
    throw;
  }
}

std::optional<std::string> find_urlencoded_field(std::string_view encoded, std::string_view key) {
  while (!encoded.empty()) {
    const std::size_t amp = encoded.find('&');
    const std::string_view pair = encoded.substr(0, amp);
    encoded = amp == std::string_view::npos ? std::string_view() : encoded.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    const auto name = form_decode(pair.substr(0, eq));
    if (!name || !ascii::iequals(*name, key)) continue;
    return eq == std::string_view::npos ? std::string() : form_decode(pair.substr(eq + 1));
  }
  return std::nullopt;
}

}  // namespace projectd
