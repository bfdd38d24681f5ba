// api/2.0/project/task: changing, copying, deleting and following tasks
// (docs/wire-compatibility.md, "Endpoints"). PUT keeps what is not sent and batches report the ids
// they refused in `failed` (there: "PUT keeps what you do not send", "Batches report what they
// refused").
#include "api/batch_response.h"
#include "api/binding.h"
#include "api/projects/task_params.h"
#include "api/projects/task_routes.h"
#include "api/projects/task_wrappers.h"
#include "base/errors.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

std::int64_t changed_task_id(const RequestContext& request) {
  return route_id(request.params, "taskid");
}

// `status`, `statusId` or both; choose_task_status refuses a request with neither.
TaskStatusRequest status_request(const Params& params) {
  return TaskStatusRequest{task_status(params), params.get_int("statusId")};
}

// milestoneid for the milestone endpoints: required; 0, "" or null detach.
std::optional<std::int64_t> required_milestone(const Params& params) {
  if (!params.find("milestoneid"))
    throw_bad_request("Parameter 'milestoneid' is required: a milestone id, or 0 to detach");
  return params.get_int("milestoneid").value_or(0);
}

std::vector<std::int64_t> task_ids(const Params& params) {
  return required_int_list(params, "taskids");
}

ApiResponse full_batch(ApiEnv& env, const RequestContext& request, const TaskDetailBatch& batch) {
  boost::json::array out;
  for (const TaskDetail& detail : batch.tasks)
    out.push_back(
        task_wrapper_full(detail, wrap_context(env, request), simple_mode(request.params)));
  return ApiResponse{std::move(out), {}, std::nullopt, {}, failures_json(batch.failed)};
}

HandlerResult copy(ApiEnv& env, RequestContext& request) {
  const Params& p = request.params;
  TaskChanges fields = task_fields(p, env.zone);
  fields.progress.reset();  // a copy starts open and at 0 %
  TaskCopyOptions options;
  if (auto project = p.get_int("projectid"); project && *project > 0) options.project_id = project;
  options.copy_subtasks = p.get_bool("copySubtasks").value_or(false);
  options.copy_files = p.get_bool("copyFiles").value_or(false);
  options.remove_old = p.get_bool("removeOld").value_or(false);
  // notify: carried by the task.created event (task_fields); the mail fan-out decides.
  return task_answer(
      env, request,
      env.tasks.tasks.copy(*request.caller, changed_task_id(request), fields, options));
}

HandlerResult update_task(ApiEnv& env, RequestContext& request) {
  return task_full_answer(env, request,
                          env.tasks.tasks.update(*request.caller, changed_task_id(request),
                                                 task_changes(request.params, env.zone)));
}

}  // namespace

void add_task_change_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes = task_route_group(table);
  const ParamDoc status = body_doc("status", "string", "open or closed", false);
  const ParamDoc status_id =
      body_doc("statusId", "integer", "a custom status (GET status); its type wins", false);
  const ParamDoc milestone = body_doc("milestoneid", "integer", "0 detaches", true);
  const ParamDoc ids = body_doc("taskids", "array", "task ids", true);
  std::vector<ParamDoc> change_docs = task_field_docs();
  change_docs.push_back(status);
  change_docs.push_back(body_doc("projectID", "integer",
                                 "move the task to this project (its manager's call)", false));
  routes.add(http::verb::put, "task/{taskid:int}", "Change a task; what is not sent is kept",
             change_docs, [&env](RequestContext& r) { return update_task(env, r); });
  routes.add(http::verb::put, "task/{taskid:int}/status",
             "Open or close a task; closing closes its subtasks", {status, status_id},
             [&env](RequestContext& r) {
               return task_full_answer(env, r,
                                       env.tasks.tasks.set_status(*r.caller, changed_task_id(r),
                                                                  status_request(r.params)));
             });
  routes.add(http::verb::put, "task/status",
             "Open or close several tasks; refused ids are listed in `failed`",
             {ids, status, status_id}, [&env](RequestContext& r) {
               return full_batch(env, r,
                                 env.tasks.tasks.set_status_many(*r.caller, task_ids(r.params),
                                                                 status_request(r.params)));
             });
  routes.add(http::verb::put, "task/{taskid:int}/milestone",
             "Move a task to a milestone of its project, or out of it", {milestone},
             [&env](RequestContext& r) {
               return task_full_answer(env, r,
                                       env.tasks.tasks.set_milestone(*r.caller, changed_task_id(r),
                                                                     required_milestone(r.params)));
             });
  routes.add(http::verb::put, "task/milestone",
             "Move several tasks to a milestone; refused ids are listed in `failed`",
             {ids, milestone}, [&env](RequestContext& r) {
               return full_batch(env, r,
                                 env.tasks.tasks.set_milestone_many(*r.caller, task_ids(r.params),
                                                                    required_milestone(r.params)));
             });
  std::vector<ParamDoc> copy_docs = task_field_docs();
  copy_docs.push_back(body_doc("projectid", "integer", "target project; default the task's"));
  copy_docs.push_back(body_doc("copySubtasks", "boolean", ""));
  copy_docs.push_back(body_doc("copyFiles", "boolean", "attach the source's project files"));
  copy_docs.push_back(body_doc("removeOld", "boolean", "delete the source task afterwards"));
  routes.add(http::verb::post, "task/{taskid:int}/copy",
             "Copy a task; what is not sent comes from the source", copy_docs,
             [&env](RequestContext& r) { return copy(env, r); });
  routes.add(http::verb::delete_, "task/{taskid:int}", "Delete a task; answers it as it was", {},
             [&env](RequestContext& r) {
               return task_answer(env, r, env.tasks.tasks.remove(*r.caller, changed_task_id(r)));
             });
  routes.add(
      http::verb::delete_, "task", "Delete several tasks; refused ids are listed in `failed`",
      {ids}, [&env](RequestContext& r) {
        const TaskViewBatch batch = env.tasks.tasks.remove_many(*r.caller, task_ids(r.params));
        return ApiResponse{task_wrappers(batch.tasks, wrap_context(env, r), simple_mode(r.params)),
                           {},
                           std::nullopt,
                           {},
                           failures_json(batch.failed)};
      });
  routes.add(http::verb::put, "task/{taskid:int}/subscribe",
             "Follow the task, or stop following it", {}, [&env](RequestContext& r) {
               return task_answer(
                   env, r, env.tasks.tasks.toggle_subscription(*r.caller, changed_task_id(r)));
             });
}

}  // namespace projectd
