// api/2.0/project/task/{taskid}/...: subtasks (docs/wire-compatibility.md, "Endpoints"), answered
// as SubtaskWrapper.
#include "api/binding.h"
#include "api/projects/task_params.h"
#include "api/projects/task_routes.h"
#include "base/errors.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

std::int64_t path_task_id(const RequestContext& request) {
  return route_id(request.params, "taskid");
}

std::int64_t subtask_id(const RequestContext& request) {
  return route_id(request.params, "subtaskid");
}

// Absent: keep; "", null or the all-zero GUID: nobody; else a GUID.
std::optional<std::optional<std::string>> clearable_responsible(const Params& params) {
  const ParamValue* value = params.find("responsible");
  if (!value) return std::nullopt;
  if (value->is_null || value->text.empty()) return std::optional<std::string>();
  return optional_person(params, "responsible");
}

HandlerResult create_subtask(ApiEnv& env, RequestContext& request) {
  const Params& p = request.params;
  return subtask_answer(env, request,
                        env.tasks.subtasks.create(*request.caller, path_task_id(request),
                                                  p.get_string("title").value_or(""),
                                                  optional_person(p, "responsible")));
}

HandlerResult update_subtask(ApiEnv& env, RequestContext& request) {
  SubtaskChanges changes;
  changes.title = request.params.get_string("title");
  changes.responsible = clearable_responsible(request.params);
  return subtask_answer(env, request,
                        env.tasks.subtasks.update(*request.caller, path_task_id(request),
                                                  subtask_id(request), changes));
}

HandlerResult set_status(ApiEnv& env, RequestContext& request) {
  const auto status = task_status(request.params);
  if (!status) throw_bad_request("Parameter 'status' is required: open or closed");
  return subtask_answer(env, request,
                        env.tasks.subtasks.set_status(*request.caller, path_task_id(request),
                                                      subtask_id(request), *status));
}

}  // namespace

void add_subtask_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes = task_route_group(table);
  const ParamDoc responsible = body_doc("responsible", "guid", "a team member; empty: nobody");
  routes.add(http::verb::post, "task/{taskid:int}", "Add a subtask to an open task",
             {body_doc("title", "string", "", true), responsible},
             [&env](RequestContext& r) { return create_subtask(env, r); });
  routes.add(http::verb::put, "task/{taskid:int}/{subtaskid:int}",
             "Change a subtask; what is not sent is kept",
             {body_doc("title", "string", "never empty"), responsible},
             [&env](RequestContext& r) { return update_subtask(env, r); });
  routes.add(http::verb::put, "task/{taskid:int}/{subtaskid:int}/status", "Open or close a subtask",
             {body_doc("status", "string", "open or closed", true)},
             [&env](RequestContext& r) { return set_status(env, r); });
  routes.add(http::verb::delete_, "task/{taskid:int}/{subtaskid:int}",
             "Delete a subtask; answers it as it was", {}, [&env](RequestContext& r) {
               return subtask_answer(
                   env, r, env.tasks.subtasks.remove(*r.caller, path_task_id(r), subtask_id(r)));
             });
  routes.add(http::verb::post, "task/{taskid:int}/{subtaskid:int}/copy",
             "Copy a subtask within its task", {}, [&env](RequestContext& r) {
               return subtask_answer(
                   env, r, env.tasks.subtasks.copy(*r.caller, path_task_id(r), subtask_id(r)));
             });
  routes.add(http::verb::put, "task/{taskid:int}/{subtaskid:int}/move",
             "Move a subtask (of any task) to the task of the path", {}, [&env](RequestContext& r) {
               return subtask_answer(
                   env, r, env.tasks.subtasks.move(*r.caller, path_task_id(r), subtask_id(r)));
             });
}

}  // namespace projectd
