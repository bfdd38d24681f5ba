#include "http/byte_range.h"

#include "base/ascii.h"

#include <limits>
#include <optional>

namespace projectd {
namespace {

// A run of digits that fits in 64 bits; nullopt for anything else, an empty run included.
std::optional<std::uint64_t> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (!ascii::is_digit(c)) return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

}  // namespace

RangeDecision decide_range(std::string_view header, std::uint64_t size) {
  const RangeDecision full;
  header = ascii::trim(header);
  const std::size_t equals = header.find('=');
  if (equals == std::string_view::npos ||
      !ascii::iequals(ascii::trim(header.substr(0, equals)), "bytes"))
    return full;
  std::string_view set = header.substr(equals + 1);

  // The list may carry empty elements (RFC 9110 §5.6.1); more than one real range: see the header.
  std::string_view spec;
  while (!set.empty()) {
    const std::size_t comma = set.find(',');
    const std::string_view element = ascii::trim(set.substr(0, comma));
    set.remove_prefix(comma == std::string_view::npos ? set.size() : comma + 1);
    if (element.empty()) continue;
    if (!spec.empty()) return full;
    spec = element;
  }
  const std::size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return full;
  const std::string_view first_text = spec.substr(0, dash);
  const std::string_view last_text = spec.substr(dash + 1);

  if (first_text.empty()) {  // suffix range: the last n bytes
    const auto suffix = parse_number(last_text);
    if (!suffix) return full;
    if (*suffix == 0) return {RangeOutcome::kUnsatisfiable, {}};
    if (size == 0) return full;
    const std::uint64_t length = std::min(*suffix, size);
    return {RangeOutcome::kPartial, {size - length, length}};
  }
  const auto first = parse_number(first_text);
  if (!first) return full;
  std::uint64_t last = size == 0 ? 0 : size - 1;
  if (!last_text.empty()) {
    const auto parsed = parse_number(last_text);
    if (!parsed || *parsed < *first) return full;
    last = std::min(*parsed, last);
  }
  if (*first >= size) return {RangeOutcome::kUnsatisfiable, {}};
  return {RangeOutcome::kPartial, {*first, last - *first + 1}};
}

}  // namespace projectd
