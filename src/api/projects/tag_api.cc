// api/2.0/project/tag (ProjectApi.Tags): the portal's tags as ObjectWrapperBase, a title search
// answering strings, creating a tag (`data`), and the projects carrying a tag (ProjectWrapper).
#include "api/binding.h"
#include "api/paging.h"
#include "api/projects/object_wrappers.h"
#include "api/projects/project_routes.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

// The mobile app builds `tag/search?tagName=x?&Count=25`: its tagName ends in the '?' it meant
// as the query's start, which is no part of the name.
std::string searched_tag(const Params& params) {
  std::string name = params.get_string("tagName").value_or("");
  while (!name.empty() && name.back() == '?')
    name.pop_back();
  return name;
}

}  // namespace

void add_tag_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/tag", "tags");
  routes.add(http::verb::get, "", "Every tag of the portal, by title", {},
             [&env](RequestContext& r) {
               boost::json::array out;
               for (const TagRecord& tag : env.project_extras.tags.all(*r.caller))
                 out.push_back(object_wrapper_base(tag.id, tag.title, std::nullopt));
               return ok(std::move(out));
             });
  routes.add(http::verb::get, "/search", "The titles of the tags containing a text (strings)",
             {{"tagName", ParamIn::kQuery, "string", false, "the text; blank finds nothing"}},
             [&env](RequestContext& r) {
               boost::json::array out;
               for (const std::string& title :
                    env.project_extras.tags.search(*r.caller, searched_tag(r.params)))
                 out.push_back(boost::json::string(title));
               return ok(std::move(out));
             });
  routes.add(
      http::verb::post, "", "Create a tag (or answer the one of that title)",
      {{"data", ParamIn::kBody, "string", true, "the tag's title"}}, [&env](RequestContext& r) {
        const TagRecord tag =
            env.project_extras.tags.create(*r.caller, r.params.get_string("data").value_or(""));
        return ok(object_wrapper_base(tag.id, tag.title, std::nullopt));
      });
  routes.add(http::verb::get, "/{tagname}", "The projects you can read that carry a tag",
             with_paging(), [&env](RequestContext& r) {
               ProjectQuery query;
               query.tag_title = r.params.get_string("tagname").value_or("");
               return project_list(env, r, query);
             });
}

}  // namespace projectd
