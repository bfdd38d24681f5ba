// Unicode-aware case folding for matching titles (the Documents search): "ÄRGER" finds "ärger.txt",
// "ΣΟΦΙΑ" finds "σοφια.odt", "ПРОЕКТ" finds "проект.docx".
// Text is brought to NFKC first, so a precomposed and a decomposed "ä" match each other, then
// case-folded by Unicode's full folding (GLib's g_utf8_casefold: "ß" folds to "ss", final "ς" to
// "σ"). Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace projectd::text_fold {

// The folded form of UTF-8 text; invalid UTF-8 is folded byte by byte as ASCII (never throws).
std::string fold(std::string_view text);
// Whether `haystack` contains `needle` ignoring case as fold() does; `folded_needle` is
// fold(needle). An empty needle is contained in everything.
bool contains_folded(std::string_view haystack, std::string_view folded_needle);

}  // namespace projectd::text_fold
