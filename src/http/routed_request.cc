#include "http/routed_request.h"

#include "base/errors.h"

#include <boost/url/parse.hpp>

#include <vector>

namespace projectd {

RoutedRequest route_request(const Router& router, boost::beast::http::verb method,
                            std::string_view target) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) throw_bad_request("The request target is not a valid path");
  RoutedRequest routed;
  std::vector<std::string> segments;
  for (std::string segment : parsed->segments()) {
    if (segment.find('\0') != std::string::npos) throw_bad_request("The path contains a NUL");
    if (segment.empty()) continue;
    routed.path += "/" + segment;
    segments.push_back(std::move(segment));
  }
  if (parsed->has_query()) routed.query = std::string(parsed->encoded_query());
  routed.match = router.match(method, segments);
  return routed;
}

void bind_route_and_query(Params& params, const RoutedRequest& routed) {
  for (const auto& [name, value] : routed.match.path_params)
    params.add(name, value, ParamSource::kRoute);
  add_urlencoded_params(params, routed.query, ParamSource::kQuery);
}

}  // namespace projectd
