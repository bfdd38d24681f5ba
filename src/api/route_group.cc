#include "api/route_group.h"

namespace projectd {

RouteGroup::RouteGroup(RouteTable& table, std::string prefix, std::string tag,
                       std::vector<ParamDoc> shared_params)
    : table_(table),
      prefix_(std::move(prefix)),
      tag_(std::move(tag)),
      shared_params_(std::move(shared_params)) {}

Route& RouteGroup::add(boost::beast::http::verb method, const std::string& pattern,
                       std::string summary, std::vector<ParamDoc> params, Handler handler) {
  params.insert(params.begin(), shared_params_.begin(), shared_params_.end());
  Route route;
  route.method = method;
  route.pattern = prefix_ + pattern;
  route.summary = std::move(summary);
  route.tag = tag_;
  route.params = std::move(params);
  route.handler = std::move(handler);
  return table_.add(std::move(route));
}

}  // namespace projectd
