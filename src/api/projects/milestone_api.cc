// api/2.0/project milestones (docs/wire-compatibility.md, "Endpoints"): MilestoneWrapper
// everywhere.
#include "api/batch_response.h"
#include "api/binding.h"
#include "api/paging.h"
#include "api/projects/milestone_params.h"
#include "api/projects/milestone_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/errors.h"

#include <chrono>

namespace projectd {

namespace http = boost::beast::http;

namespace {

const EnumNames kMilestoneStatusNames = {{"open", 0}, {"closed", 1}};

HandlerResult views_response(ApiEnv& env, RequestContext& request, const MilestoneViews& found,
                             const PageRequest& page) {
  boost::json::array out;
  const bool simple = simple_mode(request.params);
  for (const MilestoneView& view : found.milestones)
    out.push_back(milestone_wrapper(view, found.people, wrap_context(env, request), simple));
  ApiResponse response = ok_page(std::move(out), page, found.total);
  if (!found.failed.empty()) response.failed = failures_json(found.failed);
  return response;
}

HandlerResult one_response(ApiEnv& env, RequestContext& request, const MilestoneViews& found) {
  return ok(milestone_wrapper(found.milestones.front(), found.people, wrap_context(env, request),
                              simple_mode(request.params)));
}

// With `project`, that project's own list, which answers 404 when the project is missing or
// hidden from the caller (as its tasks' list does).
HandlerResult list(ApiEnv& env, RequestContext& request, MilestoneQuery query,
                   std::optional<std::int64_t> project = std::nullopt) {
  const PageRequest page = page_request(request.params);
  query.offset = page.start_index;
  query.limit = page.count;
  const MilestoneViews found = project
                                   ? env.milestones.list_project(*request.caller, *project, query)
                                   : env.milestones.list(*request.caller, query);
  return views_response(env, request, found, page);
}

std::optional<MilestoneStatus> status_param(const Params& params) {
  if (auto status = params.get_enum("status", kMilestoneStatusNames))
    return static_cast<MilestoneStatus>(*status);
  return std::nullopt;
}

// GET milestone/{year}/{month}[/{day}]: the milestones whose deadline falls in that month or on
// that day of the portal's calendar; 400 for a date that does not exist.
MilestoneQuery deadline_query(const Params& p, const PortalTimeZone& zone, bool with_day) {
  using namespace std::chrono;
  const auto number = [&](std::string_view key) {
    const std::int64_t value = p.get_int(key).value_or(0);
    if (value < 1 || value > 9999)
      throw_bad_request("Parameter '" + std::string(key) + "' is out of range");
    return static_cast<int>(value);
  };
  const year_month month{year{number("year")},
                         std::chrono::month{static_cast<unsigned>(number("month"))}};
  if (!month.ok()) throw_bad_request("Parameter 'month' must be 1 to 12");
  year_month_day first = month / 1;
  year_month_day after = (month + months{1}) / 1;
  if (with_day) {
    first = month / std::chrono::day{static_cast<unsigned>(number("day"))};
    if (!first.ok()) throw_bad_request("Parameter 'day': that month has no such day");
    after = year_month_day{sys_days{first} + days{1}};
  }
  const auto local = [&](year_month_day date) {
    return zone.from_local(local_time<Ticks>{local_days{date}.time_since_epoch()});
  };
  MilestoneQuery q;
  q.deadline_start = local(first);
  q.deadline_stop = local(after) - Ticks(1);
  return q;
}

MilestoneQuery filter_query(const Params& p, const PortalTimeZone& zone) {
  MilestoneQuery q;
  if (auto id = p.get_int("projectid"); id && *id > 0) q.project_id = *id;
  q.tag_id = p.get_int("tag");
  q.status = status_param(p);
  q.deadline_start = p.get_date("deadlineStart", zone);
  q.deadline_stop = p.get_date("deadlineStop", zone);
  q.task_responsible = optional_person(p, "taskResponsible");
  q.responsible = optional_person(p, "milestoneResponsible");
  q.last_id = p.get_int("lastId");
  q.my_projects = p.get_bool("myProjects").value_or(false);
  q.text = p.get_string("filterValue").value_or("");
  const std::string sort = p.get_string("sortBy").value_or("");
  if (sort == "create_on") q.sort = MilestoneSort::kCreated;
  if (sort == "title") q.sort = MilestoneSort::kTitle;
  q.descending = p.get_string("sortOrder").value_or("") == "descending";
  return q;
}

MilestoneChanges changes_of(const Params& p, const PortalTimeZone& zone) {
  MilestoneChanges c;
  c.title = p.get_string("title");
  c.description = p.get_string("description");
  c.deadline = p.get_date("deadline", zone);
  c.is_key = p.get_bool("isKey");
  c.is_notify = p.get_bool("isNotify");
  c.responsible_id = optional_person(p, "responsible");
  c.status = status_param(p);
  return c;
}

const std::vector<ParamDoc> kMilestoneFields = {
    {"title", ParamIn::kBody, "string", false, "required when creating"},
    {"deadline", ParamIn::kBody, "date", false, "required when creating"},
    {"description", ParamIn::kBody, "string", false, ""},
    {"isKey", ParamIn::kBody, "boolean", false, ""},
    {"isNotify", ParamIn::kBody, "boolean", false, ""},
    {"responsible", ParamIn::kBody, "guid", false, "a team member; default: the caller"},
};

}  // namespace

void add_milestone_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/", "milestones");
  routes.add(http::verb::post, "{projectid:int}/milestone", "Add a milestone to a project",
             kMilestoneFields, [&env](RequestContext& r) {
               const auto id = route_id(r.params, "projectid");
               return one_response(
                   env, r,
                   env.milestones.create(*r.caller, id,
                                         new_milestone(r.params, env.zone, r.caller->user_id)));
             });
  routes.add(http::verb::get, "{projectid:int}/milestone", "A project's milestones", with_paging(),
             [&env](RequestContext& r) {
               return list(env, r, MilestoneQuery{}, route_id(r.params, "projectid"));
             });
  routes.add(http::verb::get, "{projectid:int}/milestone/{status}",
             "A project's milestones with a status (open, closed)", with_paging(),
             [&env](RequestContext& r) {
               MilestoneQuery q;
               q.status = status_param(r.params);
               return list(env, r, q, route_id(r.params, "projectid"));
             });
  routes.add(http::verb::get, "milestone", "Milestones of every readable project, newest first",
             with_paging(), [&env](RequestContext& r) {
               MilestoneQuery q;
               q.sort = MilestoneSort::kCreated;
               q.descending = true;
               return list(env, r, q);
             });
  routes.add(http::verb::get, "milestone/filter", "Milestones matching a filter, paged, with total",
             with_paging(
                 {{"projectid", ParamIn::kQuery, "integer", false, ""},
                  {"tag", ParamIn::kQuery, "integer", false, ""},
                  {"status", ParamIn::kQuery, "string", false, "open or closed"},
                  {"deadlineStart", ParamIn::kQuery, "date", false, ""},
                  {"deadlineStop", ParamIn::kQuery, "date", false, ""},
                  {"taskResponsible", ParamIn::kQuery, "guid", false, ""},
                  {"milestoneResponsible", ParamIn::kQuery, "guid", false, ""},
                  {"lastId", ParamIn::kQuery, "integer", false, ""},
                  {"myProjects", ParamIn::kQuery, "boolean", false, ""},
                  {"filterValue", ParamIn::kQuery, "string", false, "text in title or description"},
                  {"sortBy", ParamIn::kQuery, "string", false, "deadline, create_on or title"},
                  {"sortOrder", ParamIn::kQuery, "string", false, "ascending or descending"}}),
             [&env](RequestContext& r) { return list(env, r, filter_query(r.params, env.zone)); });
  routes.add(http::verb::get, "milestone/late", "Open milestones whose deadline has passed",
             with_paging(), [&env](RequestContext& r) {
               MilestoneQuery q;
               q.status = MilestoneStatus::kOpen;
               q.deadline_stop = now_utc() - Ticks(1);
               return list(env, r, q);
             });
  routes.add(http::verb::get, "milestone/upcoming", "Open milestones whose deadline is ahead",
             with_paging(), [&env](RequestContext& r) {
               MilestoneQuery q;
               q.status = MilestoneStatus::kOpen;
               q.deadline_start = now_utc();
               return list(env, r, q);
             });
  routes.add(http::verb::get, "milestone/{year:int}/{month:int}",
             "Milestones due in a month of the portal's calendar", with_paging(),
             [&env](RequestContext& r) {
               return list(env, r, deadline_query(r.params, env.zone, false));
             });
  routes.add(
      http::verb::get, "milestone/{year:int}/{month:int}/{day:int}",
      "Milestones due on a day of the portal's calendar", with_paging(),
      [&env](RequestContext& r) { return list(env, r, deadline_query(r.params, env.zone, true)); });
  routes.add(http::verb::get, "milestone/{milestoneid:int}", "One milestone", {},
             [&env](RequestContext& r) {
               return one_response(
                   env, r, env.milestones.get(*r.caller, route_id(r.params, "milestoneid")));
             });
  std::vector<ParamDoc> update_docs = kMilestoneFields;
  update_docs.push_back({"status", ParamIn::kBody, "string", false, "open or closed"});
  routes.add(http::verb::put, "milestone/{milestoneid:int}",
             "Change a milestone; absent fields are kept, status too", update_docs,
             [&env](RequestContext& r) {
               return one_response(
                   env, r,
                   env.milestones.update(*r.caller, route_id(r.params, "milestoneid"),
                                         changes_of(r.params, env.zone)));
             });
  routes.add(
      http::verb::put, "milestone/{milestoneid:int}/status",
      "Open or close a milestone; closing needs its tasks closed",
      {{"status", ParamIn::kBody, "string", true, "open or closed"}}, [&env](RequestContext& r) {
        const auto status = status_param(r.params);
        if (!status) throw_bad_request("Parameter 'status' is required: open or closed");
        return one_response(
            env, r,
            env.milestones.set_status(*r.caller, route_id(r.params, "milestoneid"), *status));
      });
  routes.add(http::verb::delete_, "milestone/{milestoneid:int}",
             "Delete a milestone; its tasks stay", {}, [&env](RequestContext& r) {
               return one_response(
                   env, r, env.milestones.remove(*r.caller, route_id(r.params, "milestoneid")));
             });
  routes.add(http::verb::delete_, "milestone",
             "Delete several milestones; the refused ones are listed in `failed`",
             {{"ids", ParamIn::kBody, "array", true, "milestone ids"}}, [&env](RequestContext& r) {
               const auto ids = r.params.get_int_list("ids").value_or(std::vector<std::int64_t>{});
               return views_response(env, r, env.milestones.remove_many(*r.caller, ids),
                                     PageRequest{});
             });
}

}  // namespace projectd
