// api/2.0/project/task/{id}/link: Gantt dependencies (docs/wire-compatibility.md, "Endpoints"),
// answered as the dependent task's TaskWrapper.
#include "api/binding.h"
#include "api/projects/task_params.h"
#include "api/projects/task_routes.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

HandlerResult add(ApiEnv& env, RequestContext& request) {
  const Params& p = request.params;
  // The original binds an absent linkType as its first value, Start.
  const int type = p.get_enum("linkType", kTaskLinkTypeNames).value_or(0);
  return task_answer(
      env, request,
      env.tasks.links.add(*request.caller, route_id(p, "parentid"),
                          required_int(p, "dependenceTaskId"), static_cast<TaskLinkType>(type)));
}

HandlerResult remove(ApiEnv& env, RequestContext& request) {
  const Params& p = request.params;
  return task_answer(
      env, request,
      env.tasks.links.remove(*request.caller, route_id(p, "taskid"),
                             required_int(p, "parentTaskId"), required_int(p, "dependenceTaskId")));
}

}  // namespace

void add_task_link_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes = task_route_group(table);
  routes.add(http::verb::post, "task/{parentid:int}/link",
             "Make a task depend on the task of the path",
             {body_doc("dependenceTaskId", "integer", "the dependent task", true),
              body_doc("linkType", "string", "start, end or endstart (0, 1, 2); default start")},
             [&env](RequestContext& r) { return add(env, r); });
  routes.add(http::verb::delete_, "task/{taskid:int}/link",
             "Remove a link; the task of the path (taskid) must be its parent or its dependent",
             {body_doc("parentTaskId", "integer", "", true),
              body_doc("dependenceTaskId", "integer", "", true)},
             [&env](RequestContext& r) { return remove(env, r); });
}

}  // namespace projectd
