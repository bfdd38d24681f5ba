#include "wire/json_writer.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace projectd {
namespace {

TEST(JsonWriter, DoublesAsJsonNetWritesThem) {
  const auto json_of = [](double value) { return to_api_json(boost::json::array{value}); };
  EXPECT_EQ(json_of(0.0), "[0.0]");
  EXPECT_EQ(json_of(1.5), "[1.5]");
  EXPECT_EQ(json_of(2.0), "[2.0]");
  EXPECT_EQ(json_of(-12.25), "[-12.25]");
  EXPECT_EQ(json_of(0.1), "[0.1]");
  EXPECT_EQ(json_of(1e15), "[1E+15]");
  EXPECT_EQ(json_of(1e-5), "[1E-05]");
}

TEST(JsonWriter, EverythingElseAsBoostJson) {
  const boost::json::value value = boost::json::parse(
      R"({"a":1,"b":-2,"c":18446744073709551615,"d":"x\"\\/\u0001é","e":null,"f":true,)"
      R"("g":[],"h":{},"i":[{"j":[1,{}]}]})");
  EXPECT_EQ(to_api_json(value), boost::json::serialize(value));
  EXPECT_EQ(to_api_json(boost::json::object{{"t\"k", 1}}), R"({"t\"k":1})");
}

// Strings and keys longer than the writer's 512-byte chunk, and every control character.
TEST(JsonWriter, LongAndEscapedTextAsBoostJson) {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += static_cast<char>(i % 128);
  const boost::json::value value =
      boost::json::object{{text, text}, {"k", boost::json::array{text, 7}}};
  EXPECT_EQ(to_api_json(value), boost::json::serialize(value));
  EXPECT_GT(to_api_json(value).size(), 6000u);
}

// Plain text is scanned eight bytes at a time: every escaped character at every offset of a word,
// beside bytes that only look close to one (0x20, 0x21, 0x5B, 0x5D, 0x7F, UTF-8).
TEST(JsonWriter, EscapesAtEveryOffsetOfAWord) {
  const std::string specials = std::string("\"\\\n\x01\x1f", 5) + std::string(1, '\0');
  for (const char special : specials) {
    for (std::size_t offset = 0; offset < 20; ++offset) {
      std::string text(offset, 'a');
      text += special;
      text += " ![]\x7F\xC3\xA9 tail of plain text";
      const boost::json::value value = boost::json::array{text};
      EXPECT_EQ(to_api_json(value), boost::json::serialize(value)) << offset;
    }
  }
}

}  // namespace
}  // namespace projectd
