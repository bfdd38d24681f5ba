// api/2.0/project: reading tasks and creating them (docs/wire-compatibility.md, "Endpoints"). Lists
// answer TaskWrapper pages with their total, one task TaskWrapperFull.
#include "api/binding.h"
#include "api/projects/task_params.h"
#include "api/projects/task_routes.h"
#include "api/projects/task_wrappers.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

// A list narrowed by `query` and paged by the request.
HandlerResult list(ApiEnv& env, RequestContext& request, TaskQuery query) {
  const PageRequest page = page_request(request.params);
  query.offset = page.start_index;
  query.limit = page.count;
  return task_list_answer(env, request, env.tasks.tasks.list(*request.caller, query), page);
}

// The {status} of a route's path; a route without one takes none (a `status` in its query is
// ignored, docs/wire-compatibility.md, "Unknown parameters").
std::optional<TaskStatus> path_status(const RequestContext& request, bool status_in_path) {
  return status_in_path ? task_status(request.params) : std::nullopt;
}

// {projectid}/task[/{status}] and {projectid}/task/@self/{status}: 404 for a project the caller
// cannot read; open tasks unless a status is named.
HandlerResult project_list(ApiEnv& env, RequestContext& request, bool mine, bool status_in_path) {
  TaskQuery query;
  query.status = path_status(request, status_in_path).value_or(TaskStatus::kOpen);
  if (mine) query.responsible = request.caller->user_id;
  const PageRequest page = page_request(request.params);
  query.offset = page.start_index;
  query.limit = page.count;
  const std::int64_t project_id = route_id(request.params, "projectid");
  return task_list_answer(env, request,
                          env.tasks.tasks.list_project(*request.caller, project_id, query), page);
}

// milestone/{milestoneid}/task: the readable tasks of a milestone the caller may read (404 for a
// missing or hidden milestone, like every other read).
HandlerResult milestone_tasks(ApiEnv& env, RequestContext& request) {
  const std::int64_t id = route_id(request.params, "milestoneid");
  env.milestones.get(*request.caller, id);
  TaskQuery query;
  query.milestone_id = id;
  return list(env, request, query);
}

HandlerResult my_tasks(ApiEnv& env, RequestContext& request, bool status_in_path) {
  TaskQuery query;
  query.responsible = request.caller->user_id;
  query.status = path_status(request, status_in_path);
  return list(env, request, query);
}

// GET task?taskid=1&taskid=2: the readable ones of these tasks; no ids, no tasks.
HandlerResult by_ids(ApiEnv& env, RequestContext& request) {
  TaskQuery query;
  query.ids = request.params.get_int_list("taskid").value_or(std::vector<std::int64_t>{});
  if (query.ids.empty()) return ok(boost::json::array());
  return list(env, request, query);
}

HandlerResult filter(ApiEnv& env, RequestContext& request, bool simple_wrappers) {
  const TaskQuery query = task_filter(request.params, env.zone);
  const PageRequest page{query.offset, query.limit};
  TaskViews found = env.tasks.tasks.list(*request.caller, query);
  if (!simple_wrappers) return task_list_answer(env, request, std::move(found), page);
  boost::json::array out;
  for (const TaskView& view : found.tasks)
    out.push_back(simple_task_wrapper(view, wrap_context(env, request)));
  return ok_page(std::move(out), page, found.total);
}

HandlerResult create_task(ApiEnv& env, RequestContext& request) {
  // notify: carried by the task.created event (task_fields); the mail fan-out decides.
  const TaskChanges fields = task_fields(request.params, env.zone);
  const std::int64_t project_id = route_id(request.params, "projectid");
  return task_answer(env, request, env.tasks.tasks.create(*request.caller, project_id, fields));
}

ParamDoc query_doc(std::string name, std::string type, std::string description) {
  return ParamDoc{std::move(name), ParamIn::kQuery, std::move(type), false, std::move(description)};
}

std::vector<ParamDoc> filter_docs() {
  return with_paging(
      {query_doc("projectid", "integer", ""), query_doc("myProjects", "boolean", ""),
       query_doc("milestone", "integer", ""), query_doc("myMilestones", "boolean", ""),
       query_doc("nomilestone", "boolean", ""), query_doc("tag", "integer", ""),
       query_doc("status", "string", "open or closed"),
       query_doc("substatus", "integer", "custom status id"),
       query_doc("follow", "boolean", "tasks the caller follows"),
       query_doc("participant", "guid", "a responsible"), query_doc("creator", "guid", ""),
       query_doc("departament", "guid", "a people group: a responsible is in it"),
       query_doc("deadlineStart", "date", ""), query_doc("deadlineStop", "date", ""),
       query_doc("lastId", "integer", "only tasks with a larger id"),
       query_doc("filterValue", "string", "text in title or description"),
       query_doc("sortBy", "string",
                 "deadline, priority, create_on, start_date, title or sort_order"),
       query_doc("sortOrder", "string", "ascending or descending")});
}

}  // namespace

void add_task_read_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes = task_route_group(table);
  routes.add(http::verb::get, "{projectid:int}/task", "Open tasks of a project", with_paging(),
             [&env](RequestContext& r) { return project_list(env, r, false, false); });
  routes.add(http::verb::get, "milestone/{milestoneid:int}/task", "Tasks of a milestone",
             with_paging(), [&env](RequestContext& r) { return milestone_tasks(env, r); });
  routes.add(http::verb::get, "{projectid:int}/task/{status}", "Tasks of a project with a status",
             with_paging(),
             [&env](RequestContext& r) { return project_list(env, r, false, true); });
  routes.add(http::verb::get, "{projectid:int}/task/@self/{status}",
             "The caller's tasks of a project with a status", with_paging(),
             [&env](RequestContext& r) { return project_list(env, r, true, true); });
  routes.add(http::verb::post, "{projectid:int}/task", "Add a task to a project", task_field_docs(),
             [&env](RequestContext& r) { return create_task(env, r); });
  routes.add(http::verb::post, "{projectid:int}/task/{messageid:int}",
             "Make a task of a discussion: its title, its text and comments as comments, its "
             "files and subscribers",
             {}, [&env](RequestContext& r) {
               return task_answer(
                   env, r,
                   env.tasks.tasks.create_from_message(*r.caller, route_id(r.params, "projectid"),
                                                       route_id(r.params, "messageid")));
             });
  routes
      .add(http::verb::get, "task/{taskid:int}", "One task (TaskWrapperFull)", {},
           [&env](RequestContext& r) {
             TaskDetail detail = env.tasks.tasks.get(*r.caller, route_id(r.params, "taskid"));
             r.depends_on = scopes_shown(detail);
             r.fresh_until = ago_words_change(detail.comments, now_utc());
             return task_full_answer(env, r, std::move(detail));
           })
      .caches_response = true;
  routes.add(http::verb::get, "task/@self", "Tasks the caller is responsible for", with_paging(),
             [&env](RequestContext& r) { return my_tasks(env, r, false); });
  routes.add(http::verb::get, "task/@self/{status}",
             "Tasks the caller is responsible for, with a status", with_paging(),
             [&env](RequestContext& r) { return my_tasks(env, r, true); });
  routes.add(http::verb::get, "task", "Several tasks by id",
             with_paging({query_doc("taskid", "array", "task ids")}),
             [&env](RequestContext& r) { return by_ids(env, r); });
  routes.add(http::verb::get, "task/filter", "Tasks matching a filter, with total", filter_docs(),
             [&env](RequestContext& r) { return filter(env, r, false); });
  routes.add(http::verb::get, "task/filter/simple",
             "Tasks matching a filter as SimpleTaskWrapper, with total", filter_docs(),
             [&env](RequestContext& r) { return filter(env, r, true); });
  routes.add(http::verb::get, "task/{taskid:int}/subscribe", "Whether the caller follows the task",
             {}, [&env](RequestContext& r) {
               return ok(env.tasks.tasks.is_subscribed(*r.caller, route_id(r.params, "taskid")));
             });
  routes.add(http::verb::get, "task/{taskid:int}/notify", "Remind the task's responsibles", {},
             [&env](RequestContext& r) {
               return task_answer(env, r,
                                  env.tasks.tasks.remind(*r.caller, route_id(r.params, "taskid")));
             });
}

}  // namespace projectd
