// api/2.0/project: time tracking (the original's ProjectApi.TimeSpend.cs and the project's
// {projectid}/time, {projectid}/time/total). Lists answer TimeWrapper pages with their total, the
// filter's total the original's float of hours, a project's total its "H:MM" text; the batches
// report the ids they refused in `failed` (docs/wire-compatibility.md, "Batches report what they
// refused", "Time is kept in whole seconds").
#include "api/batch_response.h"
#include "api/binding.h"
#include "api/paging.h"
#include "api/projects/task_params.h"
#include "api/projects/time_params.h"
#include "api/projects/time_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

ApiResponse time_list_answer(ApiEnv& env, const RequestContext& request, const TimeEntries& entries,
                             const PageRequest& page) {
  boost::json::array out =
      time_wrappers(entries, wrap_context(env, request), simple_mode(request.params));
  return ok_page(std::move(out), page, entries.total);
}

ApiResponse time_one_answer(ApiEnv& env, const RequestContext& request,
                            const TimeEntries& entries) {
  return ok(time_wrapper(entries.entries.front(), entries, wrap_context(env, request),
                         simple_mode(request.params)));
}

ApiResponse time_batch_answer(ApiEnv& env, const RequestContext& request,
                              const TimeEntries& entries) {
  return ApiResponse{
      time_wrappers(entries, wrap_context(env, request), simple_mode(request.params)),
      {},
      std::nullopt,
      {},
      failures_json(entries.failed)};
}

HandlerResult time_filter_list(ApiEnv& env, RequestContext& request) {
  TimeQuery query = time_filter(request.params, env.zone);
  const PageRequest page = page_request(request.params);
  query.offset = page.start_index;
  query.limit = page.count;
  return time_list_answer(env, request, env.tasks.time.filter(*request.caller, query), page);
}

// The original answers a float of hours.
HandlerResult time_filter_total(ApiEnv& env, RequestContext& request) {
  const TimeQuery query = time_filter(request.params, env.zone);
  return ok(time_hours_json(env.tasks.time.filter_seconds(*request.caller, query)));
}

HandlerResult time_of_task(ApiEnv& env, RequestContext& request) {
  const PageRequest page = page_request(request.params);
  return time_list_answer(
      env, request,
      env.tasks.time.of_task(*request.caller, route_id(request.params, "taskid"), page.start_index,
                             page.count),
      page);
}

HandlerResult time_of_project(ApiEnv& env, RequestContext& request) {
  const PageRequest page = page_request(request.params);
  return time_list_answer(
      env, request,
      env.tasks.time.of_project(*request.caller, route_id(request.params, "projectid"),
                                page.start_index, page.count),
      page);
}

HandlerResult time_add(ApiEnv& env, RequestContext& request) {
  TimeEntryChanges changes = time_entry_changes(request.params, env.zone);
  changes.project_id = positive_id(request.params, "projectId");  // only POST takes it
  return time_one_answer(
      env, request,
      env.tasks.time.add(*request.caller, route_id(request.params, "taskid"), changes));
}

HandlerResult time_update(ApiEnv& env, RequestContext& request) {
  const TimeEntryChanges changes = time_entry_changes(request.params, env.zone);
  return time_one_answer(
      env, request,
      env.tasks.time.update(*request.caller, route_id(request.params, "timeid"), changes));
}

HandlerResult time_set_status(ApiEnv& env, RequestContext& request) {
  const std::vector<std::int64_t> ids = required_int_list(request.params, "timeids");
  const std::optional<PaymentStatus> status = payment_status(request.params);
  if (!status) throw_bad_request("Parameter 'status' is required");
  return time_batch_answer(env, request,
                           env.tasks.time.set_payment_status(*request.caller, ids, *status));
}

HandlerResult time_remove(ApiEnv& env, RequestContext& request) {
  const std::vector<std::int64_t> ids = required_int_list(request.params, "timeids");
  return time_batch_answer(env, request, env.tasks.time.remove(*request.caller, ids));
}

ParamDoc time_query_doc(std::string name, std::string type, std::string description) {
  return ParamDoc{std::move(name), ParamIn::kQuery, std::move(type), false, std::move(description)};
}

ParamDoc time_body_doc(std::string name, std::string type, std::string description,
                       bool required = false) {
  return ParamDoc{std::move(name), ParamIn::kBody, std::move(type), required,
                  std::move(description)};
}

std::vector<ParamDoc> time_filter_docs(bool paged) {
  std::vector<ParamDoc> docs = {
      time_query_doc("projectid", "integer", ""),
      time_query_doc("myProjects", "boolean", "projects the caller is in the team of"),
      time_query_doc("milestone", "integer", "the task's milestone"),
      time_query_doc("myMilestones", "boolean",
                     "tasks in milestones the caller is responsible for"),
      time_query_doc("tag", "integer", "a tag of the project"),
      time_query_doc("departament", "guid",
                     "a people group: the person who spent the time is in it"),
      time_query_doc("participant", "guid", "who spent the time"),
      time_query_doc("createdStart", "date", "the entry's day, from"),
      time_query_doc("createdStop", "date", "the entry's day, to"),
      time_query_doc("lastId", "integer", "only entries with a larger id"),
      time_query_doc("status", "string", "payment status: notChargeable, notBilled or billed"),
      time_query_doc("filterValue", "string", "text in the note or the task's title"),
      time_query_doc("sortBy", "string", "date, create_on, hours or note"),
      time_query_doc("sortOrder", "string", "ascending or descending")};
  return paged ? with_paging(std::move(docs)) : docs;
}

std::vector<ParamDoc> time_entry_docs(bool create) {
  std::vector<ParamDoc> docs = {
      time_body_doc("date", "date", "the day the time was spent", create),
      time_body_doc("personId", "guid", "who spent it; not a guest", create),
      time_body_doc("hours", "number", "more than 0, at most 24; kept to the second", create),
      time_body_doc("note", "string", "")};
  if (create) docs.push_back(time_body_doc("projectId", "integer", "the task's project, if sent"));
  return docs;
}

}  // namespace

void add_time_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/", "time");
  routes.add(http::verb::get, "task/{taskid:int}/time", "A task's time entries, with total",
             with_paging(), [&env](RequestContext& r) { return time_of_task(env, r); });
  routes.add(http::verb::post, "task/{taskid:int}/time", "Log time spent on a task",
             time_entry_docs(true), [&env](RequestContext& r) { return time_add(env, r); });
  routes.add(http::verb::put, "time/{timeid:int}", "Change a time entry", time_entry_docs(false),
             [&env](RequestContext& r) { return time_update(env, r); });
  routes.add(
      http::verb::put, "time/times/status",
      "Set the payment status of several entries; refused ids are listed in `failed`",
      {time_body_doc("timeids", "array", "time entry ids", true),
       time_body_doc("status", "string", "notChargeable, notBilled or billed (0, 1, 2)", true)},
      [&env](RequestContext& r) { return time_set_status(env, r); });
  routes.add(http::verb::delete_, "time/times/remove",
             "Delete several time entries; refused ids are listed in `failed`",
             {time_body_doc("timeids", "array", "time entry ids", true)},
             [&env](RequestContext& r) { return time_remove(env, r); });
  routes.add(http::verb::get, "time/filter", "Time entries matching a filter, with total",
             time_filter_docs(true),
             [&env](RequestContext& r) { return time_filter_list(env, r); });
  routes.add(http::verb::get, "time/filter/total",
             "The hours of the entries matching a filter (a number)", time_filter_docs(false),
             [&env](RequestContext& r) { return time_filter_total(env, r); });
  routes.add(http::verb::get, "{projectid:int}/time", "A project's time entries, with total",
             with_paging(), [&env](RequestContext& r) { return time_of_project(env, r); });
  routes.add(http::verb::get, "{projectid:int}/time/total",
             "A project's total time as H:MM (empty when none)", {}, [&env](RequestContext& r) {
               return ok(boost::json::value(time_total_text(
                   env.tasks.time.project_seconds(*r.caller, route_id(r.params, "projectid")))));
             });
}

}  // namespace projectd
