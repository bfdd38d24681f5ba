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
// Thread safety: reentrant; an XmlWriter belongs to one thread.
#pragma once

#include "wire/api_writer.h"

#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace projectd {

// Appends the events' XML text to `out` (wire/api_writer.h), the document's root being the first
// object written. Throws std::invalid_argument for a first value that is not an object or an
// empty member name; what it wrote before then is not a document.
class XmlWriter final : public ApiWriter {
 public:
  explicit XmlWriter(std::string& out) : out_(out) {}

  void begin_object() override;
  void end_object() override;
  void begin_array() override;
  void end_array() override;
  void key(std::string_view name) override;
  void string(std::string_view text) override;
  void integer(std::int64_t number) override;
  void unsigned_integer(std::uint64_t number) override;
  void floating(double number) override;
  void boolean(bool flag) override;
  void null() override;

 private:
  // An open object or inner array is an element, its start tag unclosed (`open` false) until it
  // has a child; a member's array (kSpread) only names its items.
  struct Frame {
    enum Kind { kObject, kArray, kSpread } kind;
    std::string name;
    bool open;
  };
  std::string_view name_of_next() const;
  void open_holder();
  void begin_element(Frame::Kind kind);
  void end_element();
  void scalar(std::string_view text, bool escape);

  std::string& out_;
  std::vector<Frame> frames_;
  std::string key_;  // the element name of the member being written
};

// Throws std::invalid_argument when `envelope` is not an object or a member name is empty (neither
// can be turned into one XML document).
std::string to_api_xml(const boost::json::value& envelope);

}  // namespace projectd
