// Service endpoints: liveness (/healthz), readiness (/readyz), the metrics (/metrics, rendered by
// api/portal/metrics_exposition.h) and the OpenAPI document. What each means for an operator, and
// the metric list: README "Health and metrics".
#include "api/openapi.h"
#include "api/portal/metrics_exposition.h"
#include "api/portal/operations_routes.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "http/credentials.h"
#include "http/dispatcher.h"

#include <boost/json/serialize.hpp>

#include <string>

namespace projectd {

namespace http = boost::beast::http;

namespace {

// 200 while the store can be read and written with this binary's schema; else 503 naming the
// check that failed ("store", "writes", "schema"), its detail only in the log.
RawResponse readiness_answer(OperationsStatus& operations) {
  const Readiness readiness = operations.readiness();
  if (readiness.ready) return RawResponse{200, "application/json", R"({"status":"ready"})", {}};
  return RawResponse{503,
                     "application/json",
                     R"({"status":"unavailable","failed":")" + readiness.failed_check + R"("})",
                     {{"Retry-After", "1"}}};
}

// The route authenticates itself (requires_auth is off): the metrics token must be looked at
// before the Authorization header is taken for an API token.
RawResponse metrics_answer(OperationsStatus& operations, RequestContext& context) {
  const std::string_view authorization = header_value(context.headers, "authorization");
  operations.check_metrics_reader(
      authorization,
      extract_credentials(context.params, authorization, header_value(context.headers, "cookie")),
      context.client_address);
  return RawResponse{200,
                     std::string(kMetricsContentType),
                     render_metrics(operations.blob_usage(), operations.outbox_depth()),
                     {}};
}

}  // namespace

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

void add_operations_routes(RouteTable& table, OperationsStatus& operations) {
  RouteGroup routes(table, "", "system");
  routes
      .add(http::verb::get, "readyz",
           "Readiness: 200 when the store can be read and written with this binary's schema, "
           "else 503 naming the failed check (store, writes, schema)",
           {},
           [&operations](RequestContext&) -> HandlerResult { return readiness_answer(operations); })
      .requires_auth = false;
  routes
      .add(http::verb::get, "metrics",
           "Prometheus metrics (text format 0.0.4): for `Authorization: Bearer <--metrics-token>` "
           "or a signed-in portal administrator (401 without credentials, 403 for others)",
           {},
           [&operations](RequestContext& context) -> HandlerResult {
             return metrics_answer(operations, context);
           })
      .requires_auth = false;
}

}  // namespace projectd
