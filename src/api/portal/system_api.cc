// Unauthenticated service endpoints: the health check and the OpenAPI document.
#include "api/openapi.h"
#include "api/route_group.h"
#include "api/routes.h"

#include <boost/json/serialize.hpp>

namespace projectd {

namespace http = boost::beast::http;

void add_system_routes(RouteTable& table) {
  RouteGroup system_routes(table, "", "system");
  system_routes
      .add(http::verb::get, "healthz", "Liveness: 200 while the server runs", {},
           [](RequestContext&) -> HandlerResult {
             return RawResponse{200, "application/json", R"({"status":"ok"})", {}};
           })
      .requires_auth = false;
  system_routes
      .add(http::verb::get, "api/2.0/openapi.json",
           "This API as an OpenAPI 3 document, generated from the route table", {},
           [&table](RequestContext&) -> HandlerResult {
             return RawResponse{
                 200, "application/json", boost::json::serialize(openapi_document(table)), {}};
           })
      .requires_auth = false;
}

}  // namespace projectd
