#include "wire/json_writer.h"

#include "wire/decimal_text.h"
#include "wire/dotnet_double.h"

#include <cstdint>
#include <cstring>

namespace projectd {

namespace {

// Boost.JSON's serializer table: 0 copies the byte, 'u' writes \u00xx, any other is the letter
// after a backslash.
constexpr char kEscapes[128] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f',  'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',  'u', 'u', 'u',
    0,   0,   '"', 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,    0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,    0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,    0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   '\\', 0,   0,   0,
};

// Whether any of the 8 bytes in `word` needs an escape: below 0x20, `"` or `\` (the classic
// "has a zero byte" test on the word and on its differences from the two characters).
bool needs_escape(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighs = 0x8080808080808080;
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  return (below_space | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'))) != 0;
}

// Runs of bytes that need no escape are appended whole; most text has none, and is checked eight
// bytes at a time.
void append_escaped(std::string& out, std::string_view text) {
  constexpr std::string_view kHex = "0123456789abcdef";
  std::size_t run = 0;
  std::size_t pos = 0;
  while (pos + 8 <= text.size()) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + pos, sizeof word);
    if (needs_escape(word)) break;
    pos += 8;
  }
  for (; pos < text.size(); ++pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    const char escape = byte < 128 ? kEscapes[byte] : 0;
    if (escape == 0) continue;
    out.append(text.data() + run, pos - run);
    run = pos + 1;
    out += '\\';
    if (escape != 'u') {
      out += escape;
      continue;
    }
    out += "u00";
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  out.append(text.data() + run, text.size() - run);
}

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  append_escaped(out, text);
  out += '"';
}

}  // namespace

void JsonWriter::separate() {
  if (comma_) out_ += ',';
}

void JsonWriter::begin_object() {
  separate();
  out_ += '{';
  comma_ = false;
}

void JsonWriter::end_object() {
  out_ += '}';
  comma_ = true;
}

void JsonWriter::begin_array() {
  separate();
  out_ += '[';
  comma_ = false;
}

void JsonWriter::end_array() {
  out_ += ']';
  comma_ = true;
}

void JsonWriter::key(std::string_view name) {
  separate();
  append_quoted(out_, name);
  out_ += ':';
  comma_ = false;
}

void JsonWriter::string(std::string_view text) {
  separate();
  append_quoted(out_, text);
  comma_ = true;
}

void JsonWriter::string_parts(std::span<const std::string_view> parts) {
  separate();
  out_ += '"';
  for (const std::string_view part : parts)
    append_escaped(out_, part);
  out_ += '"';
  comma_ = true;
}

void JsonWriter::integer(std::int64_t number) {
  separate();
  append_decimal(out_, number);
  comma_ = true;
}

void JsonWriter::unsigned_integer(std::uint64_t number) {
  separate();
  append_decimal(out_, number);
  comma_ = true;
}

// Json.NET's JsonConvert.ToString(double): .NET's round-trip digits, `.0` added to whole numbers.
void JsonWriter::floating(double number) {
  separate();
  const std::size_t start = out_.size();
  append_dotnet_double(out_, number);
  const std::string_view digits = std::string_view(out_).substr(start);
  if (digits.find_first_of(".EIN") == std::string_view::npos) out_ += ".0";
  comma_ = true;
}

void JsonWriter::boolean(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  comma_ = true;
}

void JsonWriter::null() {
  separate();
  out_ += "null";
  comma_ = true;
}

std::string to_api_json(const boost::json::value& value) {
  std::string out;
  out.reserve(1024);
  JsonWriter(out).value(value);
  return out;
}

}  // namespace projectd
