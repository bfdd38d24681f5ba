// api/2.0/project/{projectid}/order: the gantt chart's order of a project's milestones and tasks,
// answered as the string the web client stores, {"milestones":[ids],"tasks":[ids]} ("" when none).
#include "api/binding.h"
#include "api/projects/project_routes.h"
#include "api/route_group.h"
#include "base/errors.h"

#include <boost/json/parse.hpp>

namespace projectd {

namespace http = boost::beast::http;

namespace {

std::vector<std::int64_t> gantt_ids(const boost::json::object& order, std::string_view key) {
  std::vector<std::int64_t> ids;
  const boost::json::value* list = order.if_contains(key);
  if (!list || list->is_null()) return ids;
  if (!list->is_array())
    throw_bad_request("Parameter 'order': " + std::string(key) + " must be an array of ids");
  for (const boost::json::value& id : list->as_array()) {
    if (!id.is_int64() && !id.is_uint64())
      throw_bad_request("Parameter 'order': " + std::string(key) + " must be an array of ids");
    ids.push_back(id.to_number<std::int64_t>());
  }
  return ids;
}

// `order` as the JSON text the web client sends, or as a nested object of a JSON body
// (order[milestones], order[tasks]).
GanttOrder gantt_order_of(const Params& p) {
  if (p.has("order[milestones]") || p.has("order[tasks]")) {
    return GanttOrder{p.get_int_list("order[milestones]").value_or(std::vector<std::int64_t>{}),
                      p.get_int_list("order[tasks]").value_or(std::vector<std::int64_t>{})};
  }
  const std::string text = p.get_string("order").value_or("");
  if (text.empty())
    throw_bad_request(
        "Parameter 'order' is required: {\"milestones\":[ids],\"tasks\":[ids]} as JSON");
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(text, ec);
  if (ec || !parsed.is_object())
    throw_bad_request(
        "Parameter 'order' must be a JSON object: {\"milestones\":[...],\"tasks\":[...]}");
  return GanttOrder{gantt_ids(parsed.as_object(), "milestones"),
                    gantt_ids(parsed.as_object(), "tasks")};
}

}  // namespace

void add_gantt_order_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/{projectid:int}/order", "projects");
  GanttOrderService& gantt = env.project_extras.gantt;
  routes.add(
      http::verb::get, "", "A project's gantt order (a JSON string; empty when none)", {},
      [&gantt](RequestContext& r) {
        return ok(boost::json::string(gantt.get(*r.caller, route_id(r.params, "projectid"))));
      });
  routes.add(http::verb::put, "", "Store a project's gantt order (who may edit the project)",
             {{"order", ParamIn::kBody, "string", true,
               "{\"milestones\":[ids],\"tasks\":[ids]}: this project's, each once"}},
             [&gantt](RequestContext& r) {
               return ok(boost::json::string(gantt.set(*r.caller, route_id(r.params, "projectid"),
                                                       gantt_order_of(r.params))));
             });
}

}  // namespace projectd
