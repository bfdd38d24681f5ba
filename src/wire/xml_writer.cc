#include "wire/xml_writer.h"

#include "wire/dotnet_double.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>

#include <charconv>
#include <cstddef>
#include <stdexcept>
#include <string_view>

namespace projectd {
namespace {

namespace json = boost::json;

constexpr char32_t kInvalidUtf8 = 0xFFFFFFFF;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct Decoded {
  char32_t code_point;
  std::size_t length;
};

// One UTF-8 sequence at `pos`. An invalid one gives kInvalidUtf8 and the length of its longest
// valid prefix (at least 1), so a truncated character is replaced once, not byte by byte.
Decoded decode_utf8(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  std::size_t continuations = 0;
  char32_t code_point = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuations = 1;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuations = 2;
    code_point = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuations = 3;
    code_point = lead & 0x07;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return {kInvalidUtf8, 1};
  }
  std::size_t length = 1;
  for (std::size_t i = 0; i < continuations; ++i) {
    if (pos + length >= text.size()) return {kInvalidUtf8, length};
    const auto byte = static_cast<unsigned char>(text[pos + length]);
    if (byte < low || byte > high) return {kInvalidUtf8, length};
    low = 0x80;
    high = 0xBF;
    code_point = (code_point << 6) | (byte & 0x3F);
    ++length;
  }
  return {code_point, length};
}

// Appends `text` as element content. Runs of ordinary bytes are copied in one append.
void append_text(std::string& out, std::string_view text) {
  std::size_t run = 0;
  std::size_t pos = 0;
  const auto flush = [&] { out.append(text.data() + run, pos - run); };
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    std::string_view substitute;
    std::size_t length = 1;
    if (byte == '&') {
      substitute = "&amp;";
    } else if (byte == '<') {
      substitute = "&lt;";
    } else if (byte == '>') {
      substitute = "&gt;";
    } else if (byte < 0x20) {
      if (byte != '\t' && byte != '\n' && byte != '\r') substitute = kReplacement;
    } else if (byte >= 0x80) {
      const Decoded decoded = decode_utf8(text, pos);
      length = decoded.length;
      if (decoded.code_point == kInvalidUtf8 || decoded.code_point == 0xFFFE ||
          decoded.code_point == 0xFFFF) {
        substitute = kReplacement;
      }
    }
    if (substitute.empty()) {
      pos += length;
      continue;
    }
    flush();
    out += substitute;
    pos += length;
    run = pos;
  }
  flush();
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// XML 1.0 (fifth edition) NameStartChar, without ':' which would need a namespace.
bool is_name_start(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || c == 0x200C || c == 0x200D ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(char32_t c) {
  return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || c == 0x203F || c == 0x2040;
}

// `_x` + 4 or 8 hex digits + `_` already reads as an escape, so EncodeName escapes its underscore.
bool looks_like_escape(std::string_view name, std::size_t pos) {
  if (pos + 1 >= name.size() || (name[pos + 1] != 'x' && name[pos + 1] != 'X')) return false;
  std::size_t digits = 0;
  std::size_t i = pos + 2;
  while (i < name.size() && is_hex_digit(name[i]) && digits < 8) {
    ++digits;
    ++i;
  }
  return (digits == 4 || digits == 8) && i < name.size() && name[i] == '_';
}

void append_escape(std::string& out, char32_t code_point) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  const int digits = code_point > 0xFFFF ? 8 : 4;
  out += "_x";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out += kHex[(code_point >> shift) & 0xF];
  out += '_';
}

// XmlConvert.EncodeName: every character that may not stand at its place in an XML name becomes
// `_xHHHH_` (`_xHHHHHHHH_` beyond the BMP).
std::string encode_name(std::string_view name) {
  std::string encoded;
  std::size_t pos = 0;
  while (pos < name.size()) {
    const Decoded decoded = decode_utf8(name, pos);
    const char32_t c = decoded.code_point;
    if (c == '_' && looks_like_escape(name, pos)) {
      append_escape(encoded, c);
    } else if (c == kInvalidUtf8) {
      append_escape(encoded, 0xFFFD);
    } else if (pos == 0 ? is_name_start(c) : is_name_char(c)) {
      encoded.append(name.substr(pos, decoded.length));
    } else {
      append_escape(encoded, c);
    }
    pos += decoded.length;
  }
  return encoded;
}

// Our own member names are camelCase ASCII, so this check spares them the encoder.
bool is_plain_name(std::string_view name) {
  if (name.empty() || !is_ascii_letter(name[0])) return false;
  for (const char c : name) {
    if (!is_ascii_letter(c) && !is_ascii_digit(c)) return false;
  }
  return true;
}

template <typename Integer>
void append_integer(std::string& out, Integer value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_element(std::string& out, std::string_view name, const json::value& value);

// A member of an object: an array spreads into one element per item.
void append_member(std::string& out, std::string_view key, const json::value& value) {
  if (key.empty()) throw std::invalid_argument("an empty member name cannot become an XML element");
  const bool plain = is_plain_name(key);
  const std::string encoded = plain ? std::string() : encode_name(key);
  const std::string_view name = plain ? key : std::string_view(encoded);
  if (const json::array* items = value.if_array()) {
    for (const json::value& item : *items)
      append_element(out, name, item);
  } else {
    append_element(out, name, value);
  }
}

void append_empty_element(std::string& out, std::string_view name) {
  out += '<';
  out += name;
  out += " />";
}

void append_element(std::string& out, std::string_view name, const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      append_empty_element(out, name);
      return;
    case json::kind::object:
      if (value.get_object().empty()) {
        append_empty_element(out, name);
        return;
      }
      break;
    case json::kind::array:
      // Only reached for an array inside an array: Json.NET wraps it in an element of its own.
      if (value.get_array().empty()) {
        append_empty_element(out, name);
        return;
      }
      break;
    default:
      break;
  }

  out += '<';
  out += name;
  out += '>';
  switch (value.kind()) {
    case json::kind::object:
      for (const auto& member : value.get_object())
        append_member(out, member.key(), member.value());
      break;
    case json::kind::array:
      for (const json::value& item : value.get_array())
        append_element(out, name, item);
      break;
    case json::kind::string:
      append_text(out, value.get_string());
      break;
    case json::kind::bool_:
      out += value.get_bool() ? "true" : "false";
      break;
    case json::kind::int64:
      append_integer(out, value.get_int64());
      break;
    case json::kind::uint64:
      append_integer(out, value.get_uint64());
      break;
    case json::kind::double_:
      append_dotnet_double(out, value.get_double());
      break;
    case json::kind::null:
      break;
  }
  out += "</";
  out += name;
  out += '>';
}

}  // namespace

std::string to_api_xml(const boost::json::value& envelope) {
  if (!envelope.is_object()) throw std::invalid_argument("the XML envelope must be a JSON object");
  std::string out;
  out.reserve(1024);
  append_element(out, "result", envelope);
  return out;
}

}  // namespace projectd
