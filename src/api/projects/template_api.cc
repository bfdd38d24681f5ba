// api/2.0/project/template: project templates. The list answers {id, title, description, canEdit}
// as the original's anonymous object; one template, and every change, answers ObjectWrapperBase.
#include "api/binding.h"
#include "api/projects/object_wrappers.h"
#include "api/projects/project_routes.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

HandlerResult template_answer(const TemplateView& view) {
  return ok(object_wrapper_base(view.record.id, view.record.title, view.record.description));
}

}  // namespace

void add_template_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/template", "templates");
  TemplateService& templates = env.project_extras.templates;
  routes.add(http::verb::get, "", "Every project template", {}, [&templates](RequestContext& r) {
    boost::json::array out;
    for (const TemplateView& view : templates.list(*r.caller)) {
      out.push_back({{"id", view.record.id},
                     {"title", view.record.title},
                     {"description", view.record.description},
                     {"canEdit", view.can_edit}});
    }
    return ok(std::move(out));
  });
  routes.add(http::verb::get, "/{templateid:int}", "One project template", {},
             [&templates](RequestContext& r) {
               return template_answer(templates.get(*r.caller, route_id(r.params, "templateid")));
             });
  const std::vector<ParamDoc> fields = {
      {"title", ParamIn::kBody, "string", false, "required when creating"},
      {"description", ParamIn::kBody, "string", false,
       "the plan as JSON, e.g. {\"tasks\":[{\"title\":\"...\"}],\"milestones\":[...]}"}};
  routes.add(http::verb::post, "", "Create a project template (who may create projects)", fields,
             [&templates](RequestContext& r) {
               return template_answer(
                   templates.create(*r.caller, r.params.get_string("title").value_or(""),
                                    r.params.get_string("description").value_or("")));
             });
  routes.add(http::verb::put, "/{templateid:int}",
             "Change a template (its author or an admin); absent fields are kept", fields,
             [&templates](RequestContext& r) {
               TemplateChanges changes;
               changes.title = r.params.get_string("title");
               changes.description = r.params.get_string("description");
               return template_answer(
                   templates.update(*r.caller, route_id(r.params, "templateid"), changes));
             });
  routes.add(
      http::verb::delete_, "/{templateid:int}",
      "Delete a template (its author or an admin); answers it as it was", {},
      [&templates](RequestContext& r) {
        return template_answer(templates.remove(*r.caller, route_id(r.params, "templateid")));
      });
}

}  // namespace projectd
