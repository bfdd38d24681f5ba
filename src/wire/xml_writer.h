// The XML form of a response (docs/wire-compatibility.md, "JSON and XML"): what Json.NET's
// XmlNodeConverter makes of `{"result": <envelope>}`, serialized as the original's XmlDocument is:
// root `<result>`, no XML declaration, one line, no indentation.
//
// - A member becomes an element of the same name. An array member becomes one sibling element per
//   item and no element at all when empty. An array directly inside an array becomes a wrapper
//   element of the member's name holding its items, again named after the member, as Json.NET does:
//   `"a":[[1,2],[]]` gives `<a><a>1</a><a>2</a></a><a />`.
// - null, `{}` and an empty inner array give `<name />`; an empty string gives `<name></name>`.
// - Booleans `true`/`false`. Integers in full. Doubles as .NET's round-trip format does:
//   the shortest digits that read back exactly, plain for 1e-5 < |x| < 1e15 (`0.5`, `12.25`, and
//   whole numbers without `.0`: 0.0 gives `0`), `1E+15`/`1E-05` style outside that, `NaN`, `INF`.
// - Text escapes `&`, `<`, `>`; other characters, non-ASCII included, pass through raw. Characters
//   XML 1.0 forbids (controls other than tab, LF, CR; U+FFFE, U+FFFF) and invalid UTF-8 are
//   replaced by U+FFFD, so the output is always well-formed (the original wrote `&#x1;`, which no
//   XML parser accepts).
// - A member name that is not an XML name is encoded as XmlConvert.EncodeName does (`a b` gives
//   `a_x0020_b`). Unlike Json.NET, names starting with `@`, `$`, `#` or `?` and names with `:`
//   are not attributes, namespaces or instructions, just encoded characters.
// Thread safety: reentrant.
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace projectd {

// Throws std::invalid_argument when `envelope` is not an object or a member name is empty (neither
// can be turned into one XML document).
std::string to_api_xml(const boost::json::value& envelope);

}  // namespace projectd
