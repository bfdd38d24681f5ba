// Values built for binding: LIKE patterns, and id lists as one parameter. A list of any length
// binds as one JSON text, read by SqlDialect::json_values, so a query stays one cached statement
// whatever the length of its list.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace projectd {

// '%text%' with %, _ and the escape character '\' escaped; use with LIKE ... ESCAPE '\'.
std::string like_pattern(std::string_view text);

// [1,2,3]
std::string json_array(const std::vector<std::int64_t>& ids);
// ["a","b"], each string JSON-escaped.
std::string json_array(const std::vector<std::string>& texts);

// What to bind at a parameter of SqlDialect::in_ids: the id itself when there is one, else the JSON
// array.
std::variant<std::int64_t, std::string> ids_value(const std::vector<std::int64_t>& ids);
std::string ids_value(const std::vector<std::string>& ids);

}  // namespace projectd
