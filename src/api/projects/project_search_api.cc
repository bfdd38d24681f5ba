// GET api/2.0/project/@search/{query} and project/{id}/@search/{query}: SearchWrapper[] as the
// original writes it, {item: {id, entityType, title, description, created}, owner: item or null}.
// What is searched: see domain/projects/project_search.cc.
#include "api/binding.h"
#include "api/projects/project_routes.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

boost::json::object search_item(const SearchItem& item, const PortalTimeZone& zone) {
  boost::json::object out;
  out["id"] = std::to_string(item.id);  // SearchItemWrapper's id is a string
  out["entityType"] = static_cast<int>(item.entity);
  out["title"] = item.title;
  if (item.description) {
    out["description"] = *item.description;
  } else {
    out["description"] = nullptr;
  }
  out["created"] = format_api_date(item.created, zone);
  return out;
}

HandlerResult search(ApiEnv& env, RequestContext& request, std::optional<std::int64_t> project) {
  const std::string text = request.params.get_string("query").value_or("");
  boost::json::array out;
  for (const SearchHit& hit : env.projects.search(*request.caller, text, project)) {
    boost::json::object wrapper;
    wrapper["item"] = search_item(hit.item, env.zone);
    if (hit.owner) {
      wrapper["owner"] = search_item(*hit.owner, env.zone);
    } else {
      wrapper["owner"] = nullptr;
    }
    out.push_back(std::move(wrapper));
  }
  return ok(std::move(out));
}

}  // namespace

void add_project_search_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup projects_routes(table, "", "projects");
  projects_routes.add(
      http::verb::get, "api/2.0/project/@search/{query}",
      "Projects and tasks you can read whose title or description contains the text", {},
      [&env](RequestContext& r) { return search(env, r, std::nullopt); });
  projects_routes.add(
      http::verb::get, "api/2.0/project/{projectid:int}/@search/{query}",
      "Milestones and tasks of one project whose title or description contains the text", {},
      [&env](RequestContext& r) { return search(env, r, route_id(r.params, "projectid")); });
}

}  // namespace projectd
