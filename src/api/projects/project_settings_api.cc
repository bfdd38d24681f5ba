// api/2.0/project/settings: ProjectsCommonSettings, members in the original's order
// (everebodyCanCreate, sic, hideEntitiesInPausedProjects, startModuleType, folderId).
#include "api/binding.h"
#include "api/projects/project_routes.h"
#include "api/route_group.h"
#include "base/errors.h"

#include <charconv>

namespace projectd {

namespace http = boost::beast::http;

namespace {

const EnumNames kStartModuleNames = {
    {"projects", 0}, {"tasks", 1}, {"discussions", 2}, {"timetracking", 3}};

HandlerResult settings_answer(const ProjectSettingsView& view) {
  boost::json::object out;
  out["everebodyCanCreate"] = view.portal.everybody_can_create;
  out["hideEntitiesInPausedProjects"] = view.portal.hide_paused;
  out["startModuleType"] = static_cast<int>(view.start_module);
  // The original's FolderId is an object: a numeric id is a number, @my a string.
  std::int64_t numeric = 0;
  const auto [end, error] = std::from_chars(view.folder_id.data(),
                                            view.folder_id.data() + view.folder_id.size(), numeric);
  if (error == std::errc() && end == view.folder_id.data() + view.folder_id.size() &&
      !view.folder_id.empty()) {
    out["folderId"] = numeric;
  } else {
    out["folderId"] = view.folder_id;
  }
  return ok(std::move(out));
}

ProjectSettingsChanges settings_changes(const Params& p) {
  ProjectSettingsChanges changes;
  changes.everybody_can_create = p.get_bool("everebodyCanCreate");  // sic: the original's name
  changes.hide_paused = p.get_bool("hideEntitiesInPausedProjects");
  if (auto module = p.get_enum("startModule", kStartModuleNames))
    changes.start_module = static_cast<StartModule>(*module);
  if (auto folder = p.get_string("folderId"); folder && !folder->empty())
    changes.folder_id = *folder;
  return changes;
}

}  // namespace

void add_project_settings_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/settings", "projects");
  ProjectSettingsService& settings = env.project_extras.settings;
  routes.add(http::verb::get, "", "The Projects module's settings, the portal's and yours", {},
             [&settings](RequestContext& r) { return settings_answer(settings.get(*r.caller)); });
  routes.add(http::verb::put, "", "Change the Projects settings; absent ones are kept",
             {{"everebodyCanCreate", ParamIn::kBody, "boolean", false,
               "non-guests may create projects (admins only)"},
              {"hideEntitiesInPausedProjects", ParamIn::kBody, "boolean", false,
               "filters leave out what paused projects hold (admins only)"},
              {"startModule", ParamIn::kBody, "string", false,
               "yours: projects (0), tasks (1), discussions (2) or timetracking (3)"},
              {"folderId", ParamIn::kBody, "string", false, "yours: the folder to save files to"}},
             [&settings](RequestContext& r) {
               return settings_answer(settings.update(*r.caller, settings_changes(r.params)));
             });
}

}  // namespace projectd
