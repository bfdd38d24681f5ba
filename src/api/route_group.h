// The one way to declare a route (docs/adding-an-endpoint.md): a group names the path prefix and
// the OpenAPI tag its routes share, and parameters documented on every one of them (an entity id
// in a query string, say); add() declares one route and returns it, so flags are set by name
// (`routes.add(...).streams_body = true`). Every route requires a signed-in caller and takes the
// API body limit unless its flags say otherwise.
// Thread safety: used while the route table is built, on one thread.
#pragma once

#include "http/route.h"

#include <string>
#include <vector>

namespace projectd {

class RouteGroup {
 public:
  RouteGroup(RouteTable& table, std::string prefix, std::string tag,
             std::vector<ParamDoc> shared_params = {});

  // `prefix + pattern`. Its path parameters are documented from the pattern (api/path_params.h),
  // then the group's shared parameters, then `params`; a path parameter among these is a
  // std::logic_error (it is declared once, by the pattern).
  Route& add(boost::beast::http::verb method, const std::string& pattern, std::string summary,
             std::vector<ParamDoc> params, Handler handler);

 private:
  RouteTable& table_;
  std::string prefix_;
  std::string tag_;
  std::vector<ParamDoc> shared_params_;
};

}  // namespace projectd
