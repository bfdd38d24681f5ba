// The parts of add_project_routes (routes.h), one file each.
#pragma once

#include "api/api_env.h"
#include "http/handler.h"
#include "http/route.h"

namespace projectd {

void add_team_routes(RouteTable& table, ApiEnv& env);              // team_api.cc
void add_project_search_routes(RouteTable& table, ApiEnv& env);    // project_search_api.cc
void add_tag_routes(RouteTable& table, ApiEnv& env);               // tag_api.cc
void add_template_routes(RouteTable& table, ApiEnv& env);          // template_api.cc
void add_project_settings_routes(RouteTable& table, ApiEnv& env);  // project_settings_api.cc
void add_gantt_order_routes(RouteTable& table, ApiEnv& env);       // gantt_order_api.cc

// The readable projects narrowed by `query`, paged by count and startIndex, as ProjectWrapper
// (project_api.cc).
HandlerResult project_list(ApiEnv& env, RequestContext& request, ProjectQuery query);

}  // namespace projectd
