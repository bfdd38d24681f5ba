// Comments and discussions arrive as HTML and are shown to other people as HTML
// (docs/wire-compatibility.md, "Sanitised HTML"), so they are cleaned once, on write: parsed with a
// real HTML5 parser (gumbo) as a fragment, then re-serialised keeping only an allowlist of harmless
// tags and attributes.
//
// What survives:
// - tags p br b strong i em u s strike sub sup blockquote pre code ul ol li a span div h1-h6
//   table thead tbody tr td th img hr, with `class` on any of them;
// - a: href (http, https, mailto or a relative URL) and title; img: src (http, https or
//   data:image/...), alt, width, height; td/th: colspan, rowspan.
// What goes:
// - script, style, iframe, object, embed, form and the like, svg and math, with everything inside;
// - HTML comments, every other attribute (on*, style, ...), URLs with any other scheme however it
//   is spelt (case, entities, embedded whitespace or control characters);
// - any other tag, whose content is kept (unwrapped).
// Text and attribute values are escaped again, so the output parses to the same tree everywhere.
// Input with more than 5000 tags is not parsed: it comes back as escaped plain text.
// Thread safety: a pure function.
#pragma once

#include <string>
#include <string_view>

namespace projectd {

std::string sanitize_html(std::string_view html);

// True when sanitised HTML shows nothing: no text but whitespace and no image or rule.
bool html_is_blank(std::string_view sanitized);

// Appends `text` escaped for HTML text and double-quoted attribute values (& < > "); the mail
// channel renders notification text with it too.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace projectd
