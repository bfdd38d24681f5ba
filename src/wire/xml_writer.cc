#include "wire/xml_writer.h"

#include "wire/decimal_text.h"
#include "wire/dotnet_double.h"

#include <cstddef>
#include <stdexcept>
#include <string_view>

namespace projectd {
namespace {

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

}  // namespace

// The element a value gets: its member's name in an object, its array's name in an array,
// `result` for the document.
std::string_view XmlWriter::name_of_next() const {
  if (frames_.empty()) return "result";
  const Frame& top = frames_.back();
  return top.kind == Frame::kObject ? std::string_view(key_) : std::string_view(top.name);
}

// The start tag of the element that holds the next child, closed once it has one: an element
// with no child at all is written `<name />`. A spread array has no element of its own.
void XmlWriter::open_holder() {
  for (auto frame = frames_.rbegin(); frame != frames_.rend(); ++frame) {
    if (frame->kind == Frame::kSpread) continue;
    if (!frame->open) {
      out_ += '>';
      frame->open = true;
    }
    return;
  }
}

void XmlWriter::begin_element(Frame::Kind kind) {
  if (frames_.empty() && kind != Frame::kObject)
    throw std::invalid_argument("the XML envelope must be a JSON object");
  open_holder();
  std::string name(name_of_next());
  out_ += '<';
  out_ += name;
  frames_.push_back(Frame{kind, std::move(name), false});
}

void XmlWriter::end_element() {
  Frame& frame = frames_.back();
  if (frame.open) {
    out_ += "</";
    out_ += frame.name;
    out_ += '>';
  } else {
    out_ += " />";
  }
  frames_.pop_back();
}

void XmlWriter::begin_object() {
  begin_element(Frame::kObject);
}

void XmlWriter::end_object() {
  end_element();
}

// A member's array spreads into one element per item; an array inside an array is an element.
void XmlWriter::begin_array() {
  if (!frames_.empty() && frames_.back().kind == Frame::kObject) {
    frames_.push_back(Frame{Frame::kSpread, key_, true});
    return;
  }
  begin_element(Frame::kArray);
}

void XmlWriter::end_array() {
  if (frames_.back().kind == Frame::kSpread) {
    frames_.pop_back();
    return;
  }
  end_element();
}

// Having a member makes an object non-empty even when the member writes nothing (an empty array).
void XmlWriter::key(std::string_view name) {
  if (name.empty())
    throw std::invalid_argument("an empty member name cannot become an XML element");
  open_holder();
  if (is_plain_name(name)) {
    key_.assign(name);
  } else {
    key_ = encode_name(name);
  }
}

void XmlWriter::scalar(std::string_view text, bool escape) {
  if (frames_.empty()) throw std::invalid_argument("the XML envelope must be a JSON object");
  open_holder();
  const std::string_view name = name_of_next();
  out_ += '<';
  out_ += name;
  out_ += '>';
  if (escape) {
    append_text(out_, text);
  } else {
    out_ += text;
  }
  out_ += "</";
  out_ += name;
  out_ += '>';
}

void XmlWriter::string(std::string_view text) {
  scalar(text, true);
}

void XmlWriter::integer(std::int64_t number) {
  std::string digits;
  append_decimal(digits, number);
  scalar(digits, false);
}

void XmlWriter::unsigned_integer(std::uint64_t number) {
  std::string digits;
  append_decimal(digits, number);
  scalar(digits, false);
}

void XmlWriter::floating(double number) {
  std::string digits;
  append_dotnet_double(digits, number);
  scalar(digits, false);
}

void XmlWriter::boolean(bool flag) {
  scalar(flag ? "true" : "false", false);
}

void XmlWriter::null() {
  if (frames_.empty()) throw std::invalid_argument("the XML envelope must be a JSON object");
  open_holder();
  out_ += '<';
  out_ += name_of_next();
  out_ += " />";
}

std::string to_api_xml(const boost::json::value& envelope) {
  std::string out;
  out.reserve(1024);
  XmlWriter(out).value(envelope);
  return out;
}

}  // namespace projectd
