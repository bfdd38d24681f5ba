#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace projectd {
namespace {

TEST(Utf8Test, AcceptsWellFormedTextOfEveryLength) {
  EXPECT_TRUE(utf8::is_valid(""));
  EXPECT_TRUE(utf8::is_valid("plain ASCII"));
  EXPECT_TRUE(utf8::is_valid("Отчёт"));             // 2-byte sequences
  EXPECT_TRUE(utf8::is_valid("日本語"));            // 3-byte sequences
  EXPECT_TRUE(utf8::is_valid("\xF0\x9F\x98\x80"));  // U+1F600, 4 bytes
  EXPECT_TRUE(utf8::is_valid("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  EXPECT_TRUE(utf8::is_valid(std::string("a\0b", 3)));
}

TEST(Utf8Test, RefusesWhatIsNotUtf8) {
  EXPECT_FALSE(utf8::is_valid("bad\xFF\xFE"));          // never valid bytes
  EXPECT_FALSE(utf8::is_valid("\x80"));                 // a lone continuation byte
  EXPECT_FALSE(utf8::is_valid("\xC3"));                 // truncated at the end
  EXPECT_FALSE(utf8::is_valid("\xE6\x97x"));            // truncated in the middle
  EXPECT_FALSE(utf8::is_valid("\xC0\xAF"));             // overlong '/'
  EXPECT_FALSE(utf8::is_valid("\xE0\x80\xAF"));         // overlong, 3 bytes
  EXPECT_FALSE(utf8::is_valid("\xED\xA0\x80"));         // a UTF-16 surrogate
  EXPECT_FALSE(utf8::is_valid("\xF4\x90\x80\x80"));     // past U+10FFFF
  EXPECT_FALSE(utf8::is_valid("latin1 caf\xE9 menu"));  // ISO-8859-1 é
}

}  // namespace
}  // namespace projectd
