#include "http/same_origin.h"

#include "base/ascii.h"
#include "http/credentials.h"
#include "http/dispatcher.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

bool is_safe(http::verb method) {
  return method == http::verb::get || method == http::verb::head || method == http::verb::options;
}

}  // namespace

std::string authority_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  return ascii::to_lower(rest);
}

bool is_cross_site_cookie_request(http::verb method, const HeaderList& headers,
                                  std::string_view own_authority) {
  if (is_safe(method)) return false;
  if (cookie_value(header_value(headers, "cookie"), "asc_auth_key").empty()) return false;
  const std::string_view origin = ascii::trim(header_value(headers, "origin"));
  if (!origin.empty()) return authority_of(origin) != ascii::to_lower(own_authority);
  const std::string site = ascii::to_lower(ascii::trim(header_value(headers, "sec-fetch-site")));
  return site == "cross-site" || site == "same-site";
}

}  // namespace projectd
