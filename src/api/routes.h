// Every resource registers its routes here; the table built from them is the single source of
// truth for the router, the OpenAPI document and the authorization matrix test.
#pragma once

#include "api/api_env.h"
#include "http/route.h"

namespace projectd {

void add_authentication_routes(RouteTable& table, ApiEnv& env);
void add_people_routes(RouteTable& table, ApiEnv& env);
void add_people_account_routes(RouteTable& table, ApiEnv& env);  // status, type, deletion
void add_group_routes(RouteTable& table, ApiEnv& env);           // people groups
void add_photo_routes(RouteTable& table, ApiEnv& env);           // photos and avatars
void add_project_routes(RouteTable& table, ApiEnv& env);  // projects, teams, search, securityinfo
void add_milestone_routes(RouteTable& table, ApiEnv& env);
void add_task_routes(RouteTable& table, ApiEnv& env);     // tasks, subtasks, task links
void add_status_routes(RouteTable& table, ApiEnv& env);   // custom task statuses
void add_message_routes(RouteTable& table, ApiEnv& env);  // discussions
void add_comment_routes(RouteTable& table, ApiEnv& env);  // on tasks and discussions
void add_time_routes(RouteTable& table, ApiEnv& env);     // time tracking (time_api.cc)
// People hear about their work (issue 18): notification settings and unsubscribe links.
void add_notification_settings_routes(RouteTable& table, ApiEnv& env);
// capabilities, the mobile app's registration, the versions
void add_portal_routes(RouteTable& table);
// The web app's pages and bundles (docs/web-app.md).
void add_webhook_routes(RouteTable& table, ApiEnv& env);  // issue 18: api/2.0/webhooks
void add_web_app_routes(RouteTable& table);
// /healthz and the OpenAPI document of `table` (which must outlive the routes).
void add_system_routes(RouteTable& table);

// All of the above, in the order they are documented. The table must stay where it is for as long
// as the routes serve (the OpenAPI route and the router keep references into it).
void build_route_table(RouteTable& table, ApiEnv& env);

}  // namespace projectd
