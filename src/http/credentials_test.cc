#include "http/credentials.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

TEST(Credentials, RawBearerBasicCookieAndQueryInTheOriginalOrder) {
  Params params;
  params.add("asc_auth_key", "from-query", ParamSource::kQuery);
  auto all = extract_credentials(params, "Bearer from-header", "a=1; asc_auth_key=from-cookie");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].token, "from-query");
  EXPECT_EQ(all[1].token, "from-cookie");
  EXPECT_EQ(all[2].token, "from-header");

  auto raw = extract_credentials(Params{}, "  raw-token ", "");
  ASSERT_EQ(raw.size(), 1u);
  EXPECT_EQ(raw[0].kind, Credential::Kind::kToken);
  EXPECT_EQ(raw[0].token, "raw-token");

  // "ada@example.com:pa:ss" — a colon may stand in the password.
  auto basic = extract_credentials(Params{}, "basic YWRhQGV4YW1wbGUuY29tOnBhOnNz", "");
  ASSERT_EQ(basic.size(), 1u);
  EXPECT_EQ(basic[0].kind, Credential::Kind::kBasic);
  EXPECT_EQ(basic[0].login, "ada@example.com");
  EXPECT_EQ(basic[0].password, "pa:ss");
}

TEST(Credentials, MalformedBasicAndEmptyValuesGiveNothing) {
  EXPECT_TRUE(extract_credentials(Params{}, "Basic %%%", "").empty());
  EXPECT_TRUE(extract_credentials(Params{}, "Basic bm9jb2xvbg==", "").empty());  // "nocolon"
  EXPECT_TRUE(extract_credentials(Params{}, "", "").empty());
  EXPECT_TRUE(extract_credentials(Params{}, "Bearer ", "asc_auth_key=").empty());
}

// Regression (fuzz/regressions/headers): base64 without its `=` padding wrote past the decode
// buffer. "ada@example.com:secret-passwd" is 29 bytes: 39 characters unpadded, two bytes in the
// tail, so the overrun reached past the string's terminator, where ASan sees it.
TEST(Credentials, UnpaddedBasicDecodesWithinItsBuffer) {
  auto basic = extract_credentials(Params{}, "Basic YWRhQGV4YW1wbGUuY29tOnNlY3JldC1wYXNzd2Q", "");
  ASSERT_EQ(basic.size(), 1u);
  EXPECT_EQ(basic[0].login, "ada@example.com");
  EXPECT_EQ(basic[0].password, "secret-passwd");
}

TEST(Credentials, CookieValues) {
  EXPECT_EQ(cookie_value("a=1; asc_auth_key=\"quoted\"; b=2", "asc_auth_key"), "quoted");
  EXPECT_EQ(cookie_value("xasc_auth_key=1", "asc_auth_key"), "");
}

}  // namespace
}  // namespace projectd
