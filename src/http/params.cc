#include "http/params.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "base/utf8.h"
#include "wire/date.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <system_error>

namespace projectd {
namespace {

// `key` itself or `key[]`: the only spellings that bind to `key`. Deeper shapes such as
// `key[][id]` or `key[0][id]` are someone else's structure and are never read as `key`.
// The id member of an object in a list: `wanted[<digits or nothing>][id]` (already folded).
bool is_object_id_of(std::string_view folded_key, std::string_view wanted) {
  if (!folded_key.starts_with(wanted) || !folded_key.ends_with("][id]")) return false;
  const std::string_view middle =
      folded_key.substr(wanted.size(), folded_key.size() - wanted.size() - 5);
  if (middle.empty() || middle.front() != '[') return false;
  return std::all_of(middle.begin() + 1, middle.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool key_matches(std::string_view folded_key, std::string_view wanted) {
  if (folded_key.size() == wanted.size()) return folded_key == wanted;
  return folded_key.size() == wanted.size() + 2 && folded_key.substr(0, wanted.size()) == wanted &&
         folded_key.substr(wanted.size()) == "[]";
}

std::string quoted_key(std::string_view key) {
  return "Parameter '" + std::string(key) + "'";
}

ApiError too_many_items(std::string_view sent_key, std::size_t max_items) {
  return ApiError(ErrorKind::kBadRequest, quoted_key(sent_key) + ": at most " +
                                              std::to_string(max_items) + " items are accepted");
}

// Decimal int64 with an optional sign; nullopt for junk, `overflow` set when the digits do not fit.
std::optional<std::int64_t> parse_int(std::string_view text, bool& overflow) {
  overflow = false;
  text = ascii::trim(text);
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    // from_chars would accept the `-` of "+-5".
    if (text.empty() || !ascii::is_digit(text.front())) return std::nullopt;
  }
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    overflow = true;
    return std::nullopt;
  }
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::int64_t int_or_throw(std::string_view text, std::string_view key) {
  bool overflow = false;
  if (auto value = parse_int(text, overflow)) return *value;
  if (overflow) {
    throw ApiError(ErrorKind::kBadRequest,
                   quoted_key(key) + " must be an integer between " +
                       std::to_string(std::numeric_limits<std::int64_t>::min()) + " and " +
                       std::to_string(std::numeric_limits<std::int64_t>::max()));
  }
  throw ApiError(ErrorKind::kBadRequest, quoted_key(key) + " must be an integer");
}

// Splits on commas, trims, drops empty items.
void append_items(std::string_view text, std::vector<std::string>& out) {
  while (true) {
    std::size_t comma = text.find(',');
    std::string_view item = ascii::trim(text.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
}

std::optional<std::string> normalize_guid(std::string_view text) {
  if (text.size() >= 2 && ((text.front() == '{' && text.back() == '}') ||
                           (text.front() == '(' && text.back() == ')'))) {
    text = text.substr(1, text.size() - 2);
  }
  std::string hex;
  if (text.size() == 36) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      bool hyphen_slot = i == 8 || i == 13 || i == 18 || i == 23;
      if (hyphen_slot != (text[i] == '-')) return std::nullopt;
      if (!hyphen_slot) hex += text[i];
    }
  } else if (text.size() == 32) {
    hex = text;
  } else {
    return std::nullopt;
  }
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < hex.size(); ++i) {
    if (ascii::hex_value(hex[i]) < 0) return std::nullopt;
    if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
    out += ascii::to_lower(hex[i]);
  }
  return out;
}

}  // namespace

std::size_t Params::budget_for(std::size_t request_bytes) {
  // Dense bodies bind to many times their size: `{"tasks":[{"title":"a",...` names every value
  // `tasks[12][title]`, and each item of `"files":[1,2,...]` costs kEntryCost for two bytes. The
  // base holds any list of the 1,000 items a list parameter may have (Params::kMaxListItems).
  constexpr std::size_t kBase = 256 * 1024;
  constexpr std::size_t kPerByte = 32;
  if (request_bytes >= kMaxBudget / kPerByte) return kMaxBudget;
  return std::min(kMaxBudget, kBase + kPerByte * request_bytes);
}

void Params::add(std::string_view key, ParamValue value, ParamSource source) {
  if (key.size() > kMaxKeySize) {
    throw ApiError(ErrorKind::kBadRequest,
                   "A parameter name is longer than " + std::to_string(kMaxKeySize) + " bytes");
  }
  if (!utf8::is_valid(key))
    throw ApiError(ErrorKind::kBadRequest, "A parameter name is not valid UTF-8 text");
  if (!utf8::is_valid(value.text))
    throw ApiError(ErrorKind::kBadRequest, quoted_key(key) + " is not valid UTF-8 text");
  const std::size_t cost = cost_of(key, value);
  if (cost > budget_ - std::min(used_, budget_)) {
    throw ApiError(ErrorKind::kPayloadTooLarge,
                   "The request has more parameters than projectd binds for a request of its "
                   "size");
  }
  index_.push_back(Entry{ascii::to_lower(key), source, entries_.size()});
  entries_.emplace_back(std::string(key), std::move(value));
  used_ += cost;
}

void Params::truncate(std::size_t size) {
  if (size >= entries_.size()) return;
  for (std::size_t i = size; i < entries_.size(); ++i)
    used_ -= cost_of(entries_[i].first, entries_[i].second);
  entries_.resize(size);
  std::erase_if(index_, [size](const Entry& entry) { return entry.index >= size; });
}

bool Params::has(std::string_view key) const {
  std::string wanted = ascii::to_lower(key);
  for (const Entry& entry : index_) {
    if (key_matches(entry.folded_key, wanted)) return true;
  }
  return false;
}

// The route is authoritative (an id in the path cannot be overridden from the body); among the
// other sources the first value added wins, so a duplicated key cannot sneak in a second value.
const Params::Entry* Params::winner(std::string_view key) const {
  std::string wanted = ascii::to_lower(key);
  const Entry* first = nullptr;
  for (const Entry& entry : index_) {
    if (!key_matches(entry.folded_key, wanted)) continue;
    if (entry.source == ParamSource::kRoute) return &entry;
    if (first == nullptr) first = &entry;
  }
  return first;
}

const ParamValue* Params::find(std::string_view key) const {
  const Entry* entry = winner(key);
  return entry == nullptr ? nullptr : &entries_[entry->index].second;
}

// The text of a scalar that converts to a number, bool, date or enum; nullopt when absent, null or
// blank. `sent_key` receives the key as the client spelled it, for error messages.
std::optional<std::string_view> Params::scalar_text(std::string_view key,
                                                    std::string_view& sent_key) const {
  const Entry* entry = winner(key);
  if (entry == nullptr) return std::nullopt;
  const auto& [name, value] = entries_[entry->index];
  sent_key = name;
  std::string_view text = ascii::trim(value.text);
  if (value.is_null || text.empty()) return std::nullopt;
  return text;
}

std::optional<std::string> Params::get_string(std::string_view key) const {
  const ParamValue* value = find(key);
  if (value == nullptr) return std::nullopt;
  return value->is_null ? std::string() : value->text;
}

std::optional<std::int64_t> Params::get_int(std::string_view key) const {
  std::string_view sent_key;
  auto text = scalar_text(key, sent_key);
  if (!text) return std::nullopt;
  return int_or_throw(*text, sent_key);
}

std::optional<bool> Params::get_bool(std::string_view key) const {
  std::string_view sent_key;
  auto text = scalar_text(key, sent_key);
  if (!text) return std::nullopt;
  for (std::string_view yes : {"true", "1", "on"}) {
    if (ascii::iequals(*text, yes)) return true;
  }
  for (std::string_view no : {"false", "0", "off"}) {
    if (ascii::iequals(*text, no)) return false;
  }
  throw ApiError(ErrorKind::kBadRequest, quoted_key(sent_key) + " must be true or false");
}

std::optional<Timestamp> Params::get_date(std::string_view key, const PortalTimeZone& zone) const {
  std::string_view sent_key;
  auto text = scalar_text(key, sent_key);
  if (!text) return std::nullopt;
  if (auto instant = parse_api_date(*text, zone)) return instant;
  throw ApiError(
      ErrorKind::kBadRequest,
      quoted_key(sent_key) + " must be a date such as 2026-01-02T15:04:05 or 2026-01-02");
}

std::optional<int> Params::get_enum(std::string_view key, const EnumNames& names) const {
  std::string_view sent_key;
  auto text = scalar_text(key, sent_key);
  if (!text) return std::nullopt;
  for (const auto& [name, number] : names) {
    if (ascii::iequals(*text, name)) return number;
  }
  bool overflow = false;
  if (auto number = parse_int(*text, overflow)) {
    for (const auto& [name, listed] : names) {
      if (listed == *number) return listed;
    }
  }
  std::string allowed;
  for (const auto& [name, number] : names) {
    if (!allowed.empty()) allowed += ", ";
    allowed += std::string(name) + " (" + std::to_string(number) + ")";
  }
  throw ApiError(ErrorKind::kBadRequest, quoted_key(sent_key) + " must be one of: " + allowed);
}

std::optional<std::string> Params::get_guid(std::string_view key) const {
  std::string_view sent_key;
  auto text = scalar_text(key, sent_key);
  if (!text) return std::nullopt;
  if (auto guid = normalize_guid(*text)) return guid;
  throw ApiError(
      ErrorKind::kBadRequest,
      quoted_key(sent_key) + " must be a GUID such as 5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c");
}

// A list comes from one source only: the route if it has the key, else the source of the first
// value added. Merging a query `files=1` with a body `files=[2]` would double-count one intent.
const Params::Entry* Params::list_winner(std::string_view key, bool& object_ids) const {
  object_ids = false;
  if (const Entry* plain = winner(key)) return plain;
  const std::string wanted = ascii::to_lower(key);
  const Entry* first = nullptr;
  for (const Entry& entry : index_) {
    if (!is_object_id_of(entry.folded_key, wanted)) continue;
    if (first == nullptr || entry.source == ParamSource::kRoute) first = &entry;
  }
  object_ids = first != nullptr;
  return first;
}

std::optional<std::vector<std::string>> Params::get_list(std::string_view key) const {
  bool object_ids = false;
  const Entry* first = list_winner(key, object_ids);
  if (first == nullptr) return std::nullopt;
  const std::string wanted = ascii::to_lower(key);
  std::vector<std::string> items;
  for (const Entry& entry : index_) {
    if (entry.source != first->source) continue;
    if (!(object_ids ? is_object_id_of(entry.folded_key, wanted)
                     : key_matches(entry.folded_key, wanted)))
      continue;
    const ParamValue& value = entries_[entry.index].second;
    if (!value.is_null) append_items(value.text, items);
  }
  if (items.size() > kMaxListItems)
    throw too_many_items(entries_[first->index].first, kMaxListItems);
  return items;
}

std::vector<Params> Params::objects_of(std::string_view key, std::size_t max_items) const {
  const std::string prefix = ascii::to_lower(key) + "[";
  std::map<std::size_t, Params> objects;
  for (const Entry& entry : index_) {
    const std::string_view folded = entry.folded_key;
    if (!folded.starts_with(prefix)) continue;
    const std::size_t close = folded.find(']', prefix.size());
    if (close == std::string_view::npos || close + 1 >= folded.size() || folded[close + 1] != '[')
      continue;  // `key[0]=x` or `key[]`: a scalar, not an object's member
    const std::string_view digits = folded.substr(prefix.size(), close - prefix.size());
    if (digits.empty() || digits.size() > 9 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    const std::size_t index = std::stoul(std::string(digits));
    const std::string& sent_key = entries_[entry.index].first;
    if (index >= max_items) throw too_many_items(sent_key, max_items);
    // `key[0][field]rest` becomes `fieldrest`, so `key[0][ids][]` still binds to `ids`.
    std::string member(folded.substr(close + 2));
    const std::size_t field_end = member.find(']');
    if (field_end == std::string::npos || field_end == 0) continue;
    member.erase(field_end, 1);
    Params& object = objects[index];
    object.index_.push_back(Entry{std::move(member), entry.source, object.entries_.size()});
    object.entries_.emplace_back(sent_key, entries_[entry.index].second);
  }
  std::vector<Params> out;
  out.reserve(objects.size());
  for (auto& [index, object] : objects)
    out.push_back(std::move(object));
  return out;
}

std::optional<std::vector<std::int64_t>> Params::get_int_list(std::string_view key) const {
  auto items = get_list(key);
  if (!items) return std::nullopt;
  std::vector<std::int64_t> numbers;
  numbers.reserve(items->size());
  for (const std::string& item : *items) {
    bool overflow = false;
    auto number = parse_int(item, overflow);
    if (!number) {
      bool object_ids = false;
      const Entry* entry = list_winner(key, object_ids);
      throw ApiError(ErrorKind::kBadRequest,
                     quoted_key(entries_[entry->index].first) + " must be a list of integers");
    }
    numbers.push_back(*number);
  }
  return numbers;
}

std::optional<std::vector<std::string>> Params::get_guid_list(std::string_view key) const {
  auto items = get_list(key);
  if (!items) return std::nullopt;
  for (std::string& item : *items) {
    auto guid = normalize_guid(item);
    if (!guid) {
      bool object_ids = false;
      const Entry* entry = list_winner(key, object_ids);
      throw ApiError(ErrorKind::kBadRequest,
                     quoted_key(entries_[entry->index].first) + " must be a list of GUIDs");
    }
    item = std::move(*guid);
  }
  return items;
}

}  // namespace projectd
