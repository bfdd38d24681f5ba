// Request parameters merged from every source (route, query, urlencoded or multipart form, JSON
// body, XML body) into one case-insensitive collection, with the tolerant binding rules of
// docs/wire-compatibility.md ("Parameter sources" to "Unknown parameters"):
//  - a repeated scalar key takes the route's value, else the first one added;
//  - a list is read from repeated keys `k=1&k=2`, `k[]=1`, a JSON array, a JSON scalar, or a
//    comma-separated string; JSON null is an empty list; shapes like `k[][id]=1` are ignored;
//  - enums by name (any case) or number; dates in every form of wire/date.h;
//  - a value that does not convert answers 400 naming the parameter;
//  - every name and value is UTF-8 (400 otherwise), and binding stays within a memory budget.
// Thread safety: none; one Params belongs to one request.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace projectd {

class PortalTimeZone;

enum class ParamSource { kRoute = 0, kQuery = 1, kBody = 2 };

// One raw value. `is_null` marks a JSON/XML null, i.e. "sent, and empty" (PUT clears the field).
struct ParamValue {
  std::string text;
  bool is_null = false;
};

// Names and numbers of one enum, for get_enum: {"open", 1}, {"closed", 2}.
using EnumNames = std::vector<std::pair<std::string_view, int>>;

class Params {
 public:
  // What binding one request may allocate (docs/security.md, "Binding budget"): add() charges
  // each parameter kEntryCost of bookkeeping, its name twice (as sent and folded) and its value,
  // and refuses with ApiError(kPayloadTooLarge) past the budget, so no body can make binding
  // allocate more than a small multiple of its own size. A new Params may take kMaxBudget; the
  // dispatcher narrows it to budget_for(the request's size) before binding.
  static constexpr std::size_t kEntryCost = 128;
  static constexpr std::size_t kMaxBudget = 4 * 1024 * 1024;
  // No client names a parameter with more bytes than this (the longest real ones, such as
  // `tasks[999][responsibles][]`, have about 30); a longer name answers 400.
  static constexpr std::size_t kMaxKeySize = 1024;
  static std::size_t budget_for(std::size_t request_bytes);
  void set_budget(std::size_t bytes) { budget_ = bytes; }

  // Throws ApiError: 400 when the key or the value is not UTF-8 or the key is longer than
  // kMaxKeySize, 413 past the budget. Nothing is added then.
  void add(std::string_view key, ParamValue value, ParamSource source);
  void add(std::string_view key, std::string_view text, ParamSource source) {
    add(key, ParamValue{std::string(text), false}, source);
  }

  // True when the key was sent in any form (also `k[]`, also as null); `k[][id]` and `k[0]` are
  // other keys, never `k`.
  bool has(std::string_view key) const;
  // The value that wins for a scalar key (route first, else the first added); nullptr when absent.
  const ParamValue* find(std::string_view key) const;

  // Scalars. nullopt when absent; a JSON null or an empty string is "absent" for numbers, bools,
  // dates and enums, but an empty string for get_string. Throw ApiError(kBadRequest) naming the key
  // when a value does not convert.
  std::optional<std::string> get_string(std::string_view key) const;
  std::optional<std::int64_t> get_int(std::string_view key) const;
  // true/false, 1/0 and on/off (an HTML checkbox), any case.
  std::optional<bool> get_bool(std::string_view key) const;
  std::optional<Timestamp> get_date(std::string_view key, const PortalTimeZone& zone) const;
  std::optional<int> get_enum(std::string_view key, const EnumNames& names) const;
  // A GUID in any standard form (hyphenated, 32 hex digits, in {} or (), any case), returned
  // lowercase with hyphens.
  std::optional<std::string> get_guid(std::string_view key) const;

  // Lists in every accepted form; nullopt when the key was never sent, an empty vector for null, []
  // or an empty string. Every value is split at commas; items are trimmed; empty items are dropped.
  // The values come from one source: the route when it has the key, else the source of the first
  // value added (a query `k=1` and a body `{"k":[2]}` are not merged). More than kMaxListItems
  // items answer 400: no client means to attach or delete more in one call, and every item costs a
  // read.
  // A list of objects that carry an `id` binds as the list of those ids, in order: a client that
  // sends whole FileWrappers (`files[][id]=12&files[][title]=a`, `{"files":[{"id":12,...}]}`) sends
  // the ids. The plain forms win when both are sent.
  static constexpr std::size_t kMaxListItems = 1000;
  std::optional<std::vector<std::string>> get_list(std::string_view key) const;
  std::optional<std::vector<std::int64_t>> get_int_list(std::string_view key) const;
  // GUIDs in any form get_guid accepts, normalized; one bad item answers 400 naming the key.
  std::optional<std::vector<std::string>> get_guid_list(std::string_view key) const;

  // The objects of an indexed list, `key[0][field]=..&key[1][field]=..` (a JSON array of objects or
  // a jQuery-style form), in index order, each as its own Params keyed by `field`; error messages
  // still name the full key (`tasks[1][deadline]`). Empty when none was sent; an index above
  // `max_items - 1` answers 400.
  std::vector<Params> objects_of(std::string_view key, std::size_t max_items) const;

  // Every (key, value) in insertion order, keys as sent; for logging and the OpenAPI tests.
  const std::vector<std::pair<std::string, ParamValue>>& entries() const { return entries_; }
  // How many entries there are, and dropping those added after that count was taken: a body that
  // fails to bind half-way adds nothing.
  std::size_t size() const { return entries_.size(); }
  void truncate(std::size_t size);

 private:
  struct Entry {
    std::string folded_key;  // lowercase ASCII
    ParamSource source;
    std::size_t index;  // into entries_
  };
  const Entry* winner(std::string_view key) const;
  // The entry a list of `key` comes from (its source, the name errors quote): the winner of the
  // plain forms, else the first id member of a list of objects; null when neither was sent.
  // `object_ids` says which of the two it is.
  const Entry* list_winner(std::string_view key, bool& object_ids) const;
  std::optional<std::string_view> scalar_text(std::string_view key,
                                              std::string_view& sent_key) const;

  static std::size_t cost_of(std::string_view key, const ParamValue& value) {
    return kEntryCost + 2 * key.size() + value.text.size();
  }

  std::vector<std::pair<std::string, ParamValue>> entries_;
  std::vector<Entry> index_;
  std::size_t budget_ = kMaxBudget;
  std::size_t used_ = 0;
};

// Body sources. Each adds to `params` with ParamSource::kBody.
// application/x-www-form-urlencoded (also used for the query string with kQuery). `+` is a space;
// empty pairs and a leading `?` are skipped; `k` alone is `k=""`; a bad `%` escape throws 400
// and adds nothing.
void add_urlencoded_params(Params& params, std::string_view encoded, ParamSource source);
// The decoded value of the first `key` (ASCII case ignored) in an urlencoded string, without
// binding the rest: the dispatcher reads a form body's `asc_auth_key` this way before it binds the
// body of an authenticated route. nullopt when absent or not decodable.
std::optional<std::string> find_urlencoded_field(std::string_view encoded, std::string_view key);
// application/json: an object's members become keys; arrays become repeated keys (an empty array
// a null); numbers and bools keep their JSON text (`1.50`, `true`); nested objects become
// `parent[child]`, arrays of objects `list[0][field]`; null becomes a null value. A body that is
// not a JSON object (or is malformed) throws ApiError(kBadRequest) and adds nothing; depth is
// capped at 32; an empty or blank body adds nothing.
void add_json_params(Params& params, std::string_view body);
// text/xml or application/xml: the root element's children are the keys; repeated children make a
// list; children with element children recurse as `parent[child]`; `<x/>` is "", xsi:nil="true"
// null. Malformed XML throws 400; an empty body adds nothing.
void add_xml_params(Params& params, std::string_view body);

}  // namespace projectd
