#include "api/route_group.h"

#include "api/path_params.h"

#include <stdexcept>

namespace projectd {

RouteGroup::RouteGroup(RouteTable& table, std::string prefix, std::string tag,
                       std::vector<ParamDoc> shared_params)
    : table_(table),
      prefix_(std::move(prefix)),
      tag_(std::move(tag)),
      shared_params_(std::move(shared_params)) {}

Route& RouteGroup::add(boost::beast::http::verb method, const std::string& pattern,
                       std::string summary, std::vector<ParamDoc> params, Handler handler) {
  Route route;
  route.method = method;
  route.pattern = prefix_ + pattern;
  for (const auto* docs : {&shared_params_, &params})
    for (const ParamDoc& doc : *docs)
      if (doc.in == ParamIn::kPath)
        throw std::logic_error(
            "route " + route.pattern + ": '" + doc.name +
            "' is a path parameter: the pattern declares it (api/path_params.h)");
  params.insert(params.begin(), shared_params_.begin(), shared_params_.end());
  std::vector<ParamDoc> path = path_param_docs(route.pattern);
  params.insert(params.begin(), path.begin(), path.end());
  route.summary = std::move(summary);
  route.tag = tag_;
  route.params = std::move(params);
  route.handler = std::move(handler);
  return table_.add(std::move(route));
}

}  // namespace projectd
