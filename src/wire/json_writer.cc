#include "wire/json_writer.h"

#include "wire/dotnet_double.h"

#include <boost/json/serialize.hpp>

#include <string_view>

namespace projectd {

namespace {

namespace json = boost::json;

// Json.NET's JsonConvert.ToString(double): .NET's round-trip digits, `.0` added to whole numbers.
void append_double(std::string& out, double value) {
  const std::size_t start = out.size();
  append_dotnet_double(out, value);
  const std::string_view digits = std::string_view(out).substr(start);
  if (digits.find_first_of(".EIN") == std::string_view::npos) out += ".0";
}

void append_value(std::string& out, const json::value& value) {
  switch (value.kind()) {
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const json::key_value_pair& member : value.get_object()) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(json::string_view(member.key()));
        out += ':';
        append_value(out, member.value());
      }
      out += '}';
      break;
    }
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const json::value& item : value.get_array()) {
        if (!first) out += ',';
        first = false;
        append_value(out, item);
      }
      out += ']';
      break;
    }
    case json::kind::double_:
      append_double(out, value.get_double());
      break;
    default:
      out += json::serialize(value);
      break;
  }
}

}  // namespace

std::string to_api_json(const boost::json::value& value) {
  std::string out;
  out.reserve(1024);
  append_value(out, value);
  return out;
}

}  // namespace projectd
