#include "wire/tree_writer.h"

#include <boost/json/array.hpp>

namespace projectd {

// Pointers to the open containers stay valid: values are only ever added to the innermost one,
// and what it reallocates are its own items, none of them open.
boost::json::value* TreeWriter::add(boost::json::value value) {
  boost::json::object* object = into_;
  if (!open_.empty()) {
    boost::json::value& container = *open_.back();
    if (boost::json::array* array = container.if_array()) {
      array->push_back(std::move(value));
      return &array->back();
    }
    object = &container.get_object();
  }
  if (object == nullptr) {
    root_ = std::move(value);
    return &root_;
  }
  boost::json::value& member = (*object)[key_];
  member = std::move(value);
  return &member;
}

void TreeWriter::begin_object() {
  open_.push_back(add(boost::json::object()));
}

void TreeWriter::end_object() {
  open_.pop_back();
}

void TreeWriter::begin_array() {
  open_.push_back(add(boost::json::array()));
}

void TreeWriter::end_array() {
  open_.pop_back();
}

void TreeWriter::key(std::string_view name) {
  key_.assign(name);
}

void TreeWriter::string(std::string_view text) {
  add(boost::json::string(text));
}

void TreeWriter::integer(std::int64_t number) {
  add(number);
}

void TreeWriter::unsigned_integer(std::uint64_t number) {
  add(number);
}

void TreeWriter::floating(double number) {
  add(number);
}

void TreeWriter::boolean(bool flag) {
  add(flag);
}

void TreeWriter::null() {
  add(nullptr);
}

}  // namespace projectd
