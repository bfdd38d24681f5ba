// Cross-site request forgery (docs/web-app.md, "Security"): the sign-in cookie is sent by the
// browser with every request to this server, whichever page made it. A request that may change
// something (any method but GET, HEAD, OPTIONS) and carries the cookie is refused when the browser
// says it came from another origin: its Origin names another host, or `null`, or (without Origin)
// Sec-Fetch-Site says cross-site or same-site. A request with neither header is not a browser's
// and is judged by its credentials alone. Thread safety: pure functions.
#pragma once

#include "http/handler.h"

#include <boost/beast/http/verb.hpp>

#include <string_view>

namespace projectd {

// `headers` have lowercase names. `own_authority` is this server's host[:port] as clients reach
// it (the Host header, or --public-url's).
bool is_cross_site_cookie_request(boost::beast::http::verb method, const HeaderList& headers,
                                  std::string_view own_authority);

// host[:port] of an absolute URL such as `https://example.org:8443/x`, lowercase; empty if none.
std::string authority_of(std::string_view url);

}  // namespace projectd
