// The JSON text of a response, as compact as Boost.JSON's serializer and the same for everything
// but doubles: Boost.JSON writes 0.0 as `0E0` and 1.5 as `1.5E0`, while the original (Json.NET)
// writes `0.0` and `1.5`, and clients that read `timeSpend` or `hours` with a pattern expect that.
// Strings are escaped as Boost.JSON's serializer escapes them: `"`, `\` and the control characters
// (`\b \t \n \f \r`, else `\u00xx`); every other byte, non-ASCII included, passes through.
// Thread safety: reentrant; a JsonWriter belongs to one thread.
#pragma once

#include "wire/api_writer.h"

#include <boost/json/value.hpp>

#include <string>

namespace projectd {

// Appends the events' JSON text to `out` (wire/api_writer.h).
class JsonWriter final : public ApiWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

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
  void string_parts(std::span<const std::string_view> parts) override;

 private:
  // A value other than the first of its array or object needs a comma before it; a member's value
  // follows its key directly.
  void separate();

  std::string& out_;
  bool comma_ = false;
};

std::string to_api_json(const boost::json::value& value);

}  // namespace projectd
