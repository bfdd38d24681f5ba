#include "wire/api_writer.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>

namespace projectd {

std::string joined(std::span<const std::string_view> parts) {
  std::size_t size = 0;
  for (const std::string_view part : parts)
    size += part.size();
  std::string out;
  out.reserve(size);
  for (const std::string_view part : parts)
    out += part;
  return out;
}

void ApiWriter::value(const boost::json::value& tree) {
  namespace json = boost::json;
  switch (tree.kind()) {
    case json::kind::object:
      begin_object();
      for (const json::key_value_pair& member : tree.get_object()) {
        key(member.key());
        value(member.value());
      }
      end_object();
      return;
    case json::kind::array:
      begin_array();
      for (const json::value& item : tree.get_array())
        value(item);
      end_array();
      return;
    case json::kind::string:
      string(tree.get_string());
      return;
    case json::kind::int64:
      integer(tree.get_int64());
      return;
    case json::kind::uint64:
      unsigned_integer(tree.get_uint64());
      return;
    case json::kind::double_:
      floating(tree.get_double());
      return;
    case json::kind::bool_:
      boolean(tree.get_bool());
      return;
    case json::kind::null:
      null();
      return;
  }
}

}  // namespace projectd
