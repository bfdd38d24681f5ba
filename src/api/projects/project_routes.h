// The parts of add_project_routes (routes.h), one file each.
#pragma once

#include "api/api_env.h"
#include "http/route.h"

namespace projectd {

void add_team_routes(RouteTable& table, ApiEnv& env);            // team_api.cc
void add_project_search_routes(RouteTable& table, ApiEnv& env);  // project_search_api.cc

}  // namespace projectd
