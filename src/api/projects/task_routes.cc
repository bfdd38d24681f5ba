#include "api/projects/task_routes.h"

#include "api/binding.h"
#include "api/projects/task_wrappers.h"
#include "api/routes.h"

#include <memory>

namespace projectd {

void add_task_routes(RouteTable& table, ApiEnv& env) {
  add_task_read_routes(table, env);
  add_task_change_routes(table, env);
  add_subtask_routes(table, env);
  add_task_link_routes(table, env);
}

RouteGroup task_route_group(RouteTable& table) {
  return RouteGroup(table, "api/2.0/project/", "tasks");
}

ParamDoc body_doc(std::string name, std::string type, std::string description, bool required) {
  return ParamDoc{std::move(name), ParamIn::kBody, std::move(type), required,
                  std::move(description)};
}

std::vector<ParamDoc> task_field_docs() {
  return {body_doc("title", "string", "required when creating; never empty"),
          body_doc("description", "string", ""),
          body_doc("deadline", "date", ""),
          body_doc("startDate", "date", ""),
          body_doc("priority", "string", "high, normal or low (1, 0, -1)"),
          body_doc("milestoneid", "integer", "a milestone of the project; 0 detaches"),
          body_doc("responsibles", "array", "user ids of team members"),
          body_doc("progress", "integer", "0 to 100 (PUT)"),
          body_doc("status", "string", "open or closed (PUT)"),
          body_doc("notify", "boolean",
                   "mail the responsibles (new ones when updating); docs/notifications.md")};
}

ApiResponse task_answer(ApiEnv& env, const RequestContext& request, const TaskViews& views) {
  return ok(task_wrapper(views.tasks.front(), views.people, wrap_context(env, request),
                         simple_mode(request.params)));
}

// Written after the handler has returned, while `request` still lives (http/handler.h).
ApiResponse task_full_answer(ApiEnv& env, const RequestContext& request, TaskDetail detail) {
  auto shown = std::make_shared<const TaskDetail>(std::move(detail));
  return ok_written([shown, context = wrap_context(env, request),
                     simple = simple_mode(request.params)](ApiWriter& out) {
    write_task_wrapper_full(out, *shown, context, simple);
  });
}

ApiResponse task_list_answer(ApiEnv& env, const RequestContext& request, TaskViews views,
                             const PageRequest& page) {
  const auto returned = static_cast<std::int64_t>(views.tasks.size());
  const std::int64_t total = views.total;
  auto shown = std::make_shared<const TaskViews>(std::move(views));
  return ok_page_written(
      [shown, context = wrap_context(env, request), simple = simple_mode(request.params)](
          ApiWriter& out) { write_task_wrappers(out, *shown, context, simple); },
      returned, page, total);
}

ApiResponse subtask_answer(ApiEnv& env, const RequestContext& request,
                           const SubtaskResult& result) {
  return ok(subtask_wrapper(result.view, result.people, wrap_context(env, request)));
}

}  // namespace projectd
