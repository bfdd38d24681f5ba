// Values built for binding: LIKE patterns, and id lists as one parameter. A list of any length
// binds as one JSON text, so `x IN (SELECT value FROM json_each(?))` stays one cached statement.
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

// `column` among the ids bound at ?`parameter` with ids_value(): `column = ?N` for exactly one id,
// else `column IN (SELECT value FROM json_each(?N))`. The IN form makes SQLite build a temporary
// index on every execution (a pager, its page buffers and a b-tree: several microseconds, more than
// the lookup itself), and most lists here hold one id: a task, its project, its author. Two cached
// statements per query instead of one.
std::string in_ids(std::string_view column, int parameter, std::size_t count);
// What to bind at that parameter: the id itself when there is one, else the JSON array.
std::variant<std::int64_t, std::string> ids_value(const std::vector<std::int64_t>& ids);
std::string ids_value(const std::vector<std::string>& ids);

}  // namespace projectd
