#include "http/same_origin.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

namespace http = boost::beast::http;

const HeaderList kCookie = {{"cookie", "a=1; asc_auth_key=TOKEN"}};

HeaderList with(HeaderList headers, std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return headers;
}

TEST(SameOrigin, AForeignOriginWithTheCookieIsRefusedForChangesOnly) {
  const auto foreign = with(kCookie, "origin", "http://evil.example");
  EXPECT_TRUE(is_cross_site_cookie_request(http::verb::post, foreign, "portal:8080"));
  EXPECT_TRUE(is_cross_site_cookie_request(http::verb::delete_, foreign, "portal:8080"));
  EXPECT_TRUE(is_cross_site_cookie_request(http::verb::put, foreign, "portal:8080"));
  EXPECT_FALSE(is_cross_site_cookie_request(http::verb::get, foreign, "portal:8080"));
  EXPECT_FALSE(is_cross_site_cookie_request(http::verb::head, foreign, "portal:8080"));
}

TEST(SameOrigin, TheServersOwnOriginPassesWhateverItsCase) {
  EXPECT_FALSE(is_cross_site_cookie_request(
      http::verb::post, with(kCookie, "origin", "http://Portal:8080"), "portal:8080"));
  EXPECT_FALSE(is_cross_site_cookie_request(
      http::verb::post, with(kCookie, "origin", "https://portal:8080"), "PORTAL:8080"));
}

TEST(SameOrigin, AnotherPortOrANullOriginIsAnotherOrigin) {
  EXPECT_TRUE(is_cross_site_cookie_request(
      http::verb::post, with(kCookie, "origin", "http://portal:9999"), "portal:8080"));
  EXPECT_TRUE(is_cross_site_cookie_request(http::verb::post, with(kCookie, "origin", "null"),
                                           "portal:8080"));
}

TEST(SameOrigin, WithoutOriginSecFetchSiteDecides) {
  EXPECT_TRUE(is_cross_site_cookie_request(
      http::verb::post, with(kCookie, "sec-fetch-site", "cross-site"), "portal"));
  EXPECT_TRUE(is_cross_site_cookie_request(http::verb::post,
                                           with(kCookie, "sec-fetch-site", "same-site"), "portal"));
  EXPECT_FALSE(is_cross_site_cookie_request(
      http::verb::post, with(kCookie, "sec-fetch-site", "same-origin"), "portal"));
  // Neither header: not a browser, so no forgery; its credentials decide.
  EXPECT_FALSE(is_cross_site_cookie_request(http::verb::post, kCookie, "portal"));
}

TEST(SameOrigin, WithoutTheCookieThereIsNothingToForge) {
  const HeaderList headers = {
      {"origin", "http://evil.example"}, {"authorization", "Bearer T"}, {"cookie", "other=1"}};
  EXPECT_FALSE(is_cross_site_cookie_request(http::verb::post, headers, "portal"));
}

TEST(SameOrigin, AuthorityOfAUrl) {
  EXPECT_EQ(authority_of("https://Example.org:8443/x?y"), "example.org:8443");
  EXPECT_EQ(authority_of("http://h"), "h");
  EXPECT_EQ(authority_of("null"), "");
}

}  // namespace
}  // namespace projectd
