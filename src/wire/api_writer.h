// What a response's payload is written to, event by event: the JSON text (wire/json_writer.h), the
// XML text (wire/xml_writer.h) or a Boost.JSON tree (wire/tree_writer.h). A wrapper that writes
// itself here costs no intermediate tree on the hot answers (GET a task: docs/architecture.md,
// "Rendering"), and the same code still gives a tree where one is needed (webhook payloads, a
// wrapper that embeds it). value() writes a whole tree, so the two kinds of wrapper mix.
//
// The calls must nest as JSON does: inside an object, key() before each member's value; inside an
// array, values only. A writer may throw std::invalid_argument on a sequence it cannot express
// (XML: an empty member name, a document that is not an object); it never checks more than that.
// Thread safety: one writer per thread; writers share nothing.
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace projectd {

std::string joined(std::span<const std::string_view> parts);

class ApiWriter {
 public:
  virtual ~ApiWriter() = default;

  virtual void begin_object() = 0;
  virtual void end_object() = 0;
  virtual void begin_array() = 0;
  virtual void end_array() = 0;
  virtual void key(std::string_view name) = 0;
  virtual void string(std::string_view text) = 0;
  virtual void integer(std::int64_t number) = 0;
  virtual void unsigned_integer(std::uint64_t number) = 0;
  virtual void floating(double number) = 0;
  virtual void boolean(bool flag) = 0;
  virtual void null() = 0;
  // One string made of `parts` in a row (an address from its pieces), which a writer may write
  // without joining them first.
  virtual void string_parts(std::span<const std::string_view> parts) { string(joined(parts)); }

  // A whole tree, as the events it stands for.
  void value(const boost::json::value& tree);

  // key() then the value. One overload per JSON kind the wrappers write: a `const char*` is text,
  // never a bool; an integer of any width is a JSON integer.
  void member(std::string_view name, std::string_view text) {
    key(name);
    string(text);
  }
  void member(std::string_view name, const char* text) { member(name, std::string_view(text)); }
  void member(std::string_view name, const std::string& text) {
    member(name, std::string_view(text));
  }
  // Absent text is written null.
  void member(std::string_view name, const std::optional<std::string>& text) {
    if (text) {
      member(name, *text);
    } else {
      member(name, nullptr);
    }
  }
  void member(std::string_view name, bool flag) {
    key(name);
    boolean(flag);
  }
  void member(std::string_view name, std::int64_t number) {
    key(name);
    integer(number);
  }
  void member(std::string_view name, int number) { member(name, std::int64_t{number}); }
  void member(std::string_view name, std::nullptr_t) {
    key(name);
    null();
  }
  void member(std::string_view name, const boost::json::value& tree) {
    key(name);
    value(tree);
  }
};

}  // namespace projectd
