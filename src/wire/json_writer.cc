#include "wire/json_writer.h"

#include "wire/dotnet_double.h"

#include <boost/json/serializer.hpp>

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

// Walks the tree itself (for the doubles) and hands every key and every other scalar to one
// Boost.JSON serializer, reset for each: its escaping and number formatting, without the string
// that json::serialize allocates per call (that was a third of a task's rendering).
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void value(const json::value& value) {
    switch (value.kind()) {
      case json::kind::object:
        object(value.get_object());
        break;
      case json::kind::array:
        array(value.get_array());
        break;
      case json::kind::double_:
        append_double(out_, value.get_double());
        break;
      default:
        serializer_.reset(&value);
        drain();
        break;
    }
  }

 private:
  void object(const json::object& object) {
    out_ += '{';
    bool first = true;
    for (const json::key_value_pair& member : object) {
      if (!first) out_ += ',';
      first = false;
      serializer_.reset(member.key());
      drain();
      out_ += ':';
      value(member.value());
    }
    out_ += '}';
  }

  void array(const json::array& array) {
    out_ += '[';
    bool first = true;
    for (const json::value& item : array) {
      if (!first) out_ += ',';
      first = false;
      value(item);
    }
    out_ += ']';
  }

  void drain() {
    char chunk[512];
    while (!serializer_.done()) {
      const json::string_view text = serializer_.read(chunk);
      out_.append(text.data(), text.size());
    }
  }

  std::string& out_;
  json::serializer serializer_;
};

}  // namespace

std::string to_api_json(const boost::json::value& value) {
  std::string out;
  out.reserve(1024);
  Writer(out).value(value);
  return out;
}

}  // namespace projectd
