// Sanitised HTML (html_sanitizer.h) as plain text, for what a mail quotes of a comment or a
// discussion (docs/notifications.md, "Who is told"): tags removed, character references decoded,
// a line break for <br> and after each block (paragraph, list item, heading, row...), runs of blank
// lines and surrounding whitespace trimmed. Images and rules leave nothing.
// Thread safety: a pure function.
#pragma once

#include <string>
#include <string_view>

namespace projectd {

std::string html_to_text(std::string_view html);

}  // namespace projectd
