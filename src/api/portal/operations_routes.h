// The operator's endpoints beside /healthz (system_api.cc): /readyz and /metrics (README "Health
// and metrics"). Registered by `serve` after build_route_table, from the OperationsStatus it
// builds; `operations` must outlive the routes.
#pragma once

#include "domain/portal/operations_status.h"
#include "http/route.h"

namespace projectd {

void add_operations_routes(RouteTable& table, OperationsStatus& operations);

}  // namespace projectd
