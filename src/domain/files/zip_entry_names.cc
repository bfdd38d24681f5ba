#include "domain/files/zip_entry_names.h"

#include "base/ascii.h"
#include "base/text_fold.h"
#include "domain/files/file_types.h"

#include <array>
#include <cstdint>

namespace projectd {
namespace {

constexpr std::size_t kMaxZipComponentBytes = 255;

bool zip_unsafe_char(unsigned char c) {
  return c < 0x20 || c == 0x7f ||
         std::string_view(R"(\/:*?"<>|)").find(static_cast<char>(c)) != std::string_view::npos;
}

// The length of the UTF-8 sequence starting at text[i], or 0 when it is not a valid one.
std::size_t zip_utf8_sequence(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  std::size_t n = 0;
  std::uint32_t min = 0;
  if (c < 0x80) return 1;
  if ((c & 0xe0) == 0xc0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xf0) == 0xe0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xf8) == 0xf0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  std::uint32_t code = c & (0x7f >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(text[i + k]);
    if ((d & 0xc0) != 0x80) return 0;
    code = (code << 6) | (d & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return n;
}

// Windows refuses these as a name, with or without an extension.
bool zip_reserved_name(std::string_view name) {
  const std::string stem = ascii::to_lower(name.substr(0, name.find('.')));
  static constexpr std::array<std::string_view, 4> kPlain{"con", "prn", "aux", "nul"};
  for (std::string_view word : kPlain)
    if (stem == word) return true;
  return stem.size() == 4 && (stem.starts_with("com") || stem.starts_with("lpt")) &&
         stem[3] >= '1' && stem[3] <= '9';
}

// Cuts `name` to `limit` bytes at a character boundary, keeping a short extension.
std::string zip_cut_to_limit(const std::string& name, std::size_t limit) {
  if (name.size() <= limit) return name;
  std::string extension = extension_of(name);
  if (extension.size() > 16) extension.clear();
  std::size_t keep = limit - extension.size();
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xc0) == 0x80)
    --keep;
  return name.substr(0, keep) + std::string(extension);
}

}  // namespace

std::string safe_zip_component(std::string_view title) {
  std::string out;
  for (std::size_t i = 0; i < title.size();) {
    const std::size_t n = zip_utf8_sequence(title, i);
    if (n == 0 || (n == 1 && zip_unsafe_char(static_cast<unsigned char>(title[i])))) {
      out += '_';
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(title.substr(i, n));
    i += n;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' '))
    out.pop_back();
  if (out.empty()) return "_";
  if (zip_reserved_name(out)) out.insert(0, "_");
  return zip_cut_to_limit(out, kMaxZipComponentBytes);
}

std::string ZipDirectoryNames::take(std::string_view title) {
  const std::string safe = safe_zip_component(title);
  std::string name = safe;
  for (int n = 1; taken_.contains(text_fold::fold(name)); ++n)
    // Room for the number: " (n)" never pushes the name past the limit.
    name = numbered_title(zip_cut_to_limit(safe, kMaxZipComponentBytes - 16), n);
  taken_.insert(text_fold::fold(name));
  return name;
}

}  // namespace projectd
