// Values built for binding: LIKE patterns and JSON arrays for json_each(). A list of any length
// binds as one JSON text, so `x IN (SELECT value FROM json_each(?))` stays one cached statement.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// '%text%' with %, _ and the escape character '\' escaped; use with LIKE ... ESCAPE '\'.
std::string like_pattern(std::string_view text);

// [1,2,3]
std::string json_array(const std::vector<std::int64_t>& ids);
// ["a","b"], each string JSON-escaped.
std::string json_array(const std::vector<std::string>& texts);

}  // namespace projectd
