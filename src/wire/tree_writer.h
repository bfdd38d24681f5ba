// A Boost.JSON tree from the events of wire/api_writer.h: what a wrapper that writes itself gives
// where a tree is needed (a webhook's payload, a wrapper still built as a tree around it).
// Thread safety: one thread.
#pragma once

#include "wire/api_writer.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <utility>
#include <vector>

namespace projectd {

class TreeWriter final : public ApiWriter {
 public:
  TreeWriter() = default;
  // Writes the members of an object into `into` (appended, or replacing a member of the same
  // name), as if its begin_object() had been written: the next call is a key().
  explicit TreeWriter(boost::json::object& into) : into_(&into) {}

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

  // The value written; null before one was.
  boost::json::value take() { return std::move(root_); }

 private:
  // Adds `value` where the events are (the innermost open object or array, or the root) and
  // returns where it now lives.
  boost::json::value* add(boost::json::value value);

  boost::json::value root_;
  boost::json::object* into_ = nullptr;
  std::vector<boost::json::value*> open_;  // the objects and arrays being written, innermost last
  std::string key_;
};

// The value that `write` (a callable taking ApiWriter&) writes.
template <class Write>
boost::json::value tree_value(Write&& write) {
  TreeWriter writer;
  write(static_cast<ApiWriter&>(writer));
  return writer.take();
}

// The same where that is an object ({} if it is not).
template <class Write>
boost::json::object tree_object(Write&& write) {
  boost::json::value tree = tree_value(std::forward<Write>(write));
  if (!tree.is_object()) return {};
  return std::move(tree.get_object());
}

// The same where that is an array ([] if it is not).
template <class Write>
boost::json::array tree_array(Write&& write) {
  boost::json::value tree = tree_value(std::forward<Write>(write));
  if (!tree.is_array()) return {};
  return std::move(tree.get_array());
}

}  // namespace projectd
