// UTF-8 validity (RFC 3629), shared by every layer that takes text from outside: parameter binding
// refuses a value that is not UTF-8 (docs/security.md, "Text is UTF-8"), header values fall back to
// ISO-8859-1. Thread safety: a pure function.
#pragma once

#include <string_view>

namespace projectd::utf8 {

// False for truncated sequences, overlong forms, UTF-16 surrogates and code points past U+10FFFF.
bool is_valid(std::string_view text);

}  // namespace projectd::utf8
