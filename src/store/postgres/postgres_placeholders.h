// Our SQL writes parameters SQLite's way, ?1 ?2 ... ?N; PostgreSQL wants $1 $2 ... $N. This unit
// rewrites one into the other, leaving alone what only looks like a parameter: text inside string
// literals ('...', E'...' with backslash escapes), quoted identifiers ("..."), comments, and a
// bare ? not followed by a digit (PostgreSQL's jsonb operators ?, ?| and ?&).
//
// Thread safety: a pure function; any thread.
#pragma once

#include <string>
#include <string_view>

namespace projectd {

// The protocol counts parameters in 16 bits.
inline constexpr int kMaxParameterNumber = 65535;

struct PostgresSql {
  std::string text;         // the SQL with $N parameters
  int parameter_count = 0;  // the highest N used, as SQLite counts them (at most
                            // kMaxParameterNumber + 1 for any larger N)
};

PostgresSql translate_placeholders(std::string_view sql);

}  // namespace projectd
