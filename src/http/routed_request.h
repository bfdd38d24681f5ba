// A request's target matched against the route table, once per request: the server matches it as
// soon as the head is in (to know the body's limit and whether to authenticate before reading
// the body), and the dispatcher binds and invokes from the same match (docs/architecture.md,
// "A request's way through the edge").
// Thread safety: pure functions over an immutable Router.
#pragma once

#include "http/params.h"
#include "http/router.h"

#include <boost/beast/http/verb.hpp>

#include <string>
#include <string_view>

namespace projectd {

struct RoutedRequest {
  std::string path;   // percent-decoded, empty segments dropped, without the query
  std::string query;  // still encoded, without the `?`
  RouteMatch match;   // match.route is null for 404 and 405
};

// Throws ApiError(kBadRequest) for a target that is not an origin-form path or has a NUL in a
// segment.
RoutedRequest route_request(const Router& router, boost::beast::http::verb method,
                            std::string_view target);

// The route's path parameters and the query string, into `params` (ApiError on bad input).
void bind_route_and_query(Params& params, const RoutedRequest& routed);

}  // namespace projectd
