// parse_content_disposition and multipart_boundary: the two structured header values the upload
// path reads. Both share one `; name=value` parameter reader that is lenient where real clients
// are sloppy (unquoted values with spaces, Windows paths in quoted filenames) and strict where a
// wrong guess would change meaning (percent-escapes of `filename*`).
#include "base/ascii.h"
#include "base/utf8.h"
#include "http/multipart.h"

#include <cstdint>
#include <string>
#include <vector>

namespace projectd {
namespace {

struct HeaderParam {
  std::string name;  // lowercase
  std::string value;
};

// RFC 9110 tchar.
bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || ascii::is_digit(c)) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_token_char(c)) return false;
  }
  return true;
}

// A quoted-string starting after its opening quote; `text` is advanced past the closing quote.
// A backslash escapes only `"` and `\`: old browsers send `filename="C:\dir\a.txt"` unescaped,
// and keeping those backslashes lets the path be stripped instead of glued into one name.
std::string read_quoted(std::string_view& text) {
  std::string out;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) {
      ++i;
    }
    out += text[i];
  }
  // An unterminated quote takes the rest of the value rather than losing the parameter.
  text.remove_prefix(i < text.size() ? i + 1 : i);
  return out;
}

// `; a=b; c="d"`. A parameter without `=` is skipped; the first of a repeated name is kept by the
// callers, which search front to back.
std::vector<HeaderParam> read_params(std::string_view text) {
  std::vector<HeaderParam> params;
  while (true) {
    while (!text.empty() && (ascii::is_space(text.front()) || text.front() == ';')) {
      text.remove_prefix(1);
    }
    if (text.empty()) break;
    std::size_t stop = text.find_first_of("=;");
    std::string name = ascii::to_lower(ascii::trim(text.substr(0, stop)));
    if (stop == std::string_view::npos || text[stop] == ';') {
      text.remove_prefix(stop == std::string_view::npos ? text.size() : stop);
      continue;
    }
    text.remove_prefix(stop + 1);
    while (!text.empty() && ascii::is_space(text.front()))
      text.remove_prefix(1);
    std::string value;
    if (!text.empty() && text.front() == '"') {
      text.remove_prefix(1);
      value = read_quoted(text);
      std::size_t next = text.find(';');
      text.remove_prefix(next == std::string_view::npos ? text.size() : next);
    } else {
      std::size_t next = text.find(';');
      value = ascii::trim(text.substr(0, next));
      text.remove_prefix(next == std::string_view::npos ? text.size() : next);
    }
    if (!name.empty()) params.push_back(HeaderParam{std::move(name), std::move(value)});
  }
  return params;
}

const HeaderParam* find_param(const std::vector<HeaderParam>& params, std::string_view name) {
  for (const HeaderParam& param : params) {
    if (param.name == name) return &param;
  }
  return nullptr;
}

// Each ISO-8859-1 byte as its UTF-8 character (the code points coincide).
std::string latin1_to_utf8(std::string_view bytes) {
  std::string utf8;
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      utf8 += c;
    } else {
      utf8 += static_cast<char>(0xC0 | (byte >> 6));
      utf8 += static_cast<char>(0x80 | (byte & 0x3F));
    }
  }
  return utf8;
}

// RFC 8187 ext-value `charset'language'pct-encoded`, as UTF-8; nullopt when it cannot be read
// faithfully, so that the plain `filename` is used instead.
std::optional<std::string> decode_ext_value(std::string_view text) {
  std::size_t first = text.find('\'');
  if (first == std::string_view::npos) return std::nullopt;
  std::size_t second = text.find('\'', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::string_view charset = text.substr(0, first);
  std::string_view encoded = text.substr(second + 1);
  std::string bytes;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      bytes += encoded[i];
      continue;
    }
    if (encoded.size() - i < 3) return std::nullopt;
    int high = ascii::hex_value(encoded[i + 1]);
    int low = ascii::hex_value(encoded[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes += static_cast<char>(high * 16 + low);
    i += 2;
  }
  if (ascii::iequals(charset, "utf-8")) {
    if (!utf8::is_valid(bytes)) return std::nullopt;
    return bytes;
  }
  if (ascii::iequals(charset, "iso-8859-1")) return latin1_to_utf8(bytes);
  return std::nullopt;
}

// A plain `filename` is whatever bytes the client sent: browsers send UTF-8, older clients
// ISO-8859-1 (the historical charset of header values). Bytes that are not UTF-8 are read as
// ISO-8859-1, so the name stored, rendered as JSON and written back in `filename*=UTF-8''` is
// always valid UTF-8 (found by fuzz/fuzz_headers.cc).
std::string plain_filename(std::string_view value) {
  return utf8::is_valid(value) ? std::string(value) : latin1_to_utf8(value);
}

// The file name without any directory a client leaked; `.` and `..` name no file.
std::string strip_path(std::string_view name) {
  std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name == "." || name == "..") return std::string();
  return std::string(name);
}

bool is_boundary_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || ascii::is_digit(c)) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

}  // namespace

std::optional<ContentDisposition> parse_content_disposition(std::string_view header_value) {
  std::size_t semicolon = header_value.find(';');
  std::string_view type = ascii::trim(header_value.substr(0, semicolon));
  if (!is_token(type)) return std::nullopt;

  ContentDisposition disposition;
  disposition.type = ascii::to_lower(type);
  if (semicolon == std::string_view::npos) return disposition;

  std::vector<HeaderParam> params = read_params(header_value.substr(semicolon + 1));
  if (const HeaderParam* name = find_param(params, "name")) disposition.name = name->value;
  std::optional<std::string> filename;
  if (const HeaderParam* extended = find_param(params, "filename*")) {
    filename = decode_ext_value(extended->value);
  }
  if (!filename) {
    if (const HeaderParam* plain = find_param(params, "filename"))
      filename = plain_filename(plain->value);
  }
  if (filename) disposition.filename = strip_path(*filename);
  return disposition;
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  std::size_t semicolon = content_type.find(';');
  std::string media_type = ascii::to_lower(ascii::trim(content_type.substr(0, semicolon)));
  constexpr std::string_view kMultipart = "multipart/";
  if (media_type.size() <= kMultipart.size() ||
      media_type.substr(0, kMultipart.size()) != kMultipart ||
      semicolon == std::string_view::npos) {
    return std::nullopt;
  }
  std::vector<HeaderParam> params = read_params(content_type.substr(semicolon + 1));
  const HeaderParam* boundary = find_param(params, "boundary");
  if (boundary == nullptr) return std::nullopt;
  const std::string& value = boundary->value;
  // RFC 2046: 1-70 bchars, not ending in a space.
  if (value.empty() || value.size() > 70 || value.back() == ' ') return std::nullopt;
  for (char c : value) {
    if (!is_boundary_char(c)) return std::nullopt;
  }
  return value;
}

}  // namespace projectd
