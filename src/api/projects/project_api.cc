// api/2.0/project: projects (docs/wire-compatibility.md, "Endpoints", "Deliberate differences from
// the original"). Lists answer ProjectWrapper, single projects and the filter ProjectWrapperFull.
#include "api/batch_response.h"
#include "api/paging.h"
#include "api/projects/milestone_params.h"
#include "api/projects/project_binding.h"
#include "api/projects/project_routes.h"
#include "api/projects/project_wrappers.h"
#include "api/projects/task_params.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/ascii.h"
#include "base/errors.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

const ParamDoc kSecuredParticipants{
    "participants", ParamIn::kBody, "array", false,
    "the team: objects {ID, CanReadFiles, CanReadMilestones, CanReadMessages, CanReadTasks, "
    "CanReadContacts} (a flag sent false denies that module in a private project), or user ids"};

// Milestones and tasks a POST project may carry, each list: a project plan, not a bulk import.
constexpr std::size_t kMaxEmbedded = 1000;

HandlerResult briefs_response(ApiEnv& env, RequestContext& request, const ProjectBriefs& found,
                              const PageRequest& page) {
  boost::json::array out;
  for (const ProjectBrief& brief : found.projects)
    out.push_back(project_wrapper(brief, found.people, wrap_context(env, request)));
  return ok_page(std::move(out), page, found.total);
}

// The route `project/{status}` takes one segment: known status names (any case) list, anything
// else is no endpoint (as the original's regex route). Numbers go to `project/{projectid:int}`.
HandlerResult list_by_status(ApiEnv& env, RequestContext& request) {
  const std::string name = request.params.get_string("status").value_or("");
  for (const auto& [known, number] : kProjectStatusNames) {
    if (!ascii::iequals(name, known)) continue;
    ProjectQuery query;
    query.status = static_cast<ProjectStatus>(number);
    return project_list(env, request, query);
  }
  throw ApiError(ErrorKind::kNotFound, "Method not found");
}

boost::json::array full_array(ApiEnv& env, RequestContext& request, const ProjectViews& views) {
  boost::json::array out;
  const bool simple = simple_mode(request.params);
  for (const ProjectView& view : views.projects)
    out.push_back(project_wrapper_full(view, views.people, wrap_context(env, request), simple));
  return out;
}

HandlerResult filter(ApiEnv& env, RequestContext& request) {
  const ProjectQuery query = project_filter_query(request.params, request.caller->user_id);
  const ProjectViews found = env.projects.filter(*request.caller, query);
  boost::json::array out = full_array(env, request, found);
  const PageRequest page{query.offset, query.limit};
  return ok_page(std::move(out), page, found.total);
}

HandlerResult one(ApiEnv& env, RequestContext& request, const ProjectDetails& details) {
  return ok(project_wrapper_full(details.view, details.people, wrap_context(env, request),
                                 simple_mode(request.params)));
}

// Plain `participants` (user ids), or with `secured` (withSecurity) objects with their rights.
HandlerResult create_project(ApiEnv& env, RequestContext& request, bool secured) {
  const Params& p = request.params;
  NewProject project;
  project.title = p.get_string("title").value_or("");
  project.description = p.get_string("description").value_or("");
  project.responsible_id = optional_person(p, "responsibleId");
  project.tags = p.get_list("tags").value_or(std::vector<std::string>{});
  project.is_private = p.get_bool("private").value_or(false);
  if (secured) {
    if (auto team = secured_team(p)) {
      project.participants = std::move(team->participants);
      project.team_security = std::move(team->security);
    }
  } else {
    project.participants = people_list(p, "participants").value_or(std::vector<std::string>{});
  }
  for (const Params& milestone : p.objects_of("milestones", kMaxEmbedded))
    project.milestones.push_back(new_milestone(milestone, env.zone, request.caller->user_id));
  for (const Params& task : p.objects_of("tasks", kMaxEmbedded)) {
    if (task.has("milestoneid"))
      throw_bad_request(
          "Parameter 'tasks[][milestoneid]': a task made with its project names its "
          "milestone by 'milestone', the 1-based position in 'milestones'");
    project.tasks.push_back(
        NewProjectTask{task_fields(task, env.zone), task.get_int("milestone").value_or(0)});
  }
  // notify, notifyResponsibles: projectd sends no mail.
  return one(env, request, env.projects.create(*request.caller, project));
}

HandlerResult update_project(ApiEnv& env, RequestContext& request, bool secured) {
  const Params& p = request.params;
  ProjectChanges changes;
  changes.title = p.get_string("title");
  if (const ParamValue* description = p.find("description"))
    changes.description = description->is_null ? std::string() : description->text;
  if (const ParamValue* responsible = p.find("responsibleId")) {
    // Sent empty asks to clear the manager, which the service refuses; the all-zero GUID of .NET
    // clients means "not set" and keeps it.
    if (responsible->is_null || responsible->text.empty()) {
      changes.responsible_id = std::string();
    } else {
      changes.responsible_id = optional_person(p, "responsibleId");
    }
  }
  changes.tags = p.get_list("tags");
  if (!secured) {
    changes.participants = people_list(p, "participants");
  } else if (auto team = secured_team(p)) {
    changes.participants = std::move(team->participants);
    changes.team_security = std::move(team->security);
  }
  if (auto status = p.get_enum("status", kProjectStatusNames))
    changes.status = static_cast<ProjectStatus>(*status);
  changes.is_private = p.get_bool("private");
  return one(env, request, env.projects.update(*request.caller, route_id(p, "projectid"), changes));
}

HandlerResult update_status(ApiEnv& env, RequestContext& request) {
  const Params& p = request.params;
  auto status = p.get_enum("status", kProjectStatusNames);
  if (!status) throw_bad_request("Parameter 'status' is required: open, closed or paused");
  return one(env, request,
             env.projects.set_status(*request.caller, route_id(p, "projectid"),
                                     static_cast<ProjectStatus>(*status)));
}

HandlerResult update_tags(ApiEnv& env, RequestContext& request) {
  auto tags = request.params.get_list("tags");
  if (!tags) throw_bad_request("Parameter 'tags' is required: a comma-separated list, or empty");
  return one(env, request,
             env.projects.set_tags(*request.caller, route_id(request.params, "projectid"), *tags));
}

HandlerResult update_tag_ids(ApiEnv& env, RequestContext& request) {
  auto tags = request.params.get_int_list("tags");
  if (!tags) throw_bad_request("Parameter 'tags' is required: tag ids, or empty to clear");
  return one(
      env, request,
      env.projects.set_tag_ids(*request.caller, route_id(request.params, "projectid"), *tags));
}

HandlerResult remove_many(ApiEnv& env, RequestContext& request) {
  const auto ids = request.params.get_int_list("projectids").value_or(std::vector<std::int64_t>{});
  const BatchDeleted result = env.projects.remove_many(*request.caller, ids);
  return ApiResponse{
      full_array(env, request, result.deleted), {}, std::nullopt, {}, failures_json(result.failed)};
}

HandlerResult toggle_follow(ApiEnv& env, RequestContext& request) {
  const ProjectBriefs found =
      env.projects.toggle_follow(*request.caller, route_id(request.params, "projectid"));
  return ok(project_wrapper(found.projects.front(), found.people, wrap_context(env, request)));
}

}  // namespace

HandlerResult project_list(ApiEnv& env, RequestContext& request, ProjectQuery query) {
  const PageRequest page = page_request(request.params);
  query.offset = page.start_index;
  query.limit = page.count;
  return briefs_response(env, request, env.projects.list(*request.caller, query), page);
}

void add_project_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project", "projects");
  const ParamDoc simple{"simple", ParamIn::kQuery, "boolean", false,
                        "ids instead of person objects"};
  const std::vector<ParamDoc> paging = with_paging();
  const std::vector<ParamDoc> fields = {
      {"title", ParamIn::kBody, "string", false, "required when creating"},
      {"description", ParamIn::kBody, "string", false, ""},
      {"responsibleId", ParamIn::kBody, "guid", false, "the project manager; default: you"},
      {"tags", ParamIn::kBody, "string", false, "comma-separated tag titles"},
      {"private", ParamIn::kBody, "boolean", false, "only the team sees it"},
      {"participants", ParamIn::kBody, "array", false, "user ids of the team"}};

  routes.add(http::verb::get, "", "Every project you can read", paging,
             [&env](RequestContext& r) { return project_list(env, r, ProjectQuery{}); });
  routes.add(http::verb::get, "/@self", "Projects whose team you are in", paging,
             [&env](RequestContext& r) {
               ProjectQuery query;
               query.participant = r.caller->user_id;
               return project_list(env, r, query);
             });
  routes.add(http::verb::get, "/@follow", "Projects you follow", paging, [&env](RequestContext& r) {
    ProjectQuery query;
    query.follower = r.caller->user_id;
    return project_list(env, r, query);
  });
  routes.add(http::verb::get, "/{status}", "Projects with a status", paging,
             [&env](RequestContext& r) { return list_by_status(env, r); });
  routes.add(http::verb::get, "/{projectid:int}", "One project with its figures", {simple},
             [&env](RequestContext& r) {
               return one(env, r, env.projects.get(*r.caller, route_id(r.params, "projectid")));
             });
  std::vector<ParamDoc> filter_docs = paging;
  filter_docs.insert(
      filter_docs.end(),
      {{"tag", ParamIn::kQuery, "integer", false, "tag id"},
       {"status", ParamIn::kQuery, "string", false, "open, paused or closed"},
       {"participant", ParamIn::kQuery, "guid", false, "in the team"},
       {"manager", ParamIn::kQuery, "guid", false, "the project manager"},
       {"departament", ParamIn::kQuery, "guid", false,
        "a people group: a team member (the participant, when named) is in it"},
       {"follow", ParamIn::kQuery, "boolean", false, "only projects you follow"},
       {"filterValue", ParamIn::kQuery, "string", false, "text in title or description"},
       {"sortBy", ParamIn::kQuery, "string", false, "create_on (default) or title"},
       {"sortOrder", ParamIn::kQuery, "string", false, "ascending (default) or descending"},
       simple});
  routes.add(http::verb::get, "/filter", "Projects matching a filter, paged, with total",
             filter_docs, [&env](RequestContext& r) { return filter(env, r); });
  std::vector<ParamDoc> create_docs = fields;
  create_docs.insert(create_docs.end(),
                     {{"milestones", ParamIn::kBody, "array", false,
                       "milestones made with it: title, deadline, description, isKey, isNotify, "
                       "responsible"},
                      {"tasks", ParamIn::kBody, "array", false,
                       "tasks made with it: title, description, responsibles, startDate, deadline, "
                       "priority, milestone (1-based position in milestones)"}});
  routes.add(http::verb::post, "", "Create a project with its team and documents folder",
             create_docs, [&env](RequestContext& r) { return create_project(env, r, false); });
  std::vector<ParamDoc> secured_create_docs = create_docs;
  secured_create_docs[5] = kSecuredParticipants;
  routes.add(http::verb::post, "/withSecurity",
             "Create a project whose participants carry their module rights (the mobile app)",
             secured_create_docs,
             [&env](RequestContext& r) { return create_project(env, r, true); });
  std::vector<ParamDoc> update_docs = fields;
  update_docs.push_back({"status", ParamIn::kBody, "string", false, "open, paused or closed"});
  routes.add(http::verb::put, "/{projectid:int}", "Change a project; absent fields are kept",
             update_docs, [&env](RequestContext& r) { return update_project(env, r, false); });
  std::vector<ParamDoc> secured_update_docs = update_docs;
  secured_update_docs[5] = kSecuredParticipants;
  routes.add(http::verb::put, "/{projectid:int}/withSecurityInfo",
             "Change a project and its participants' module rights; absent fields are kept",
             secured_update_docs,
             [&env](RequestContext& r) { return update_project(env, r, true); });
  routes.add(http::verb::put, "/{projectid:int}/status", "Open, pause, close or reopen a project",
             {{"status", ParamIn::kBody, "string", true, "open, paused or closed"}},
             [&env](RequestContext& r) { return update_status(env, r); });
  routes.add(http::verb::put, "/{projectid:int}/tag", "Replace a project's tags",
             {{"tags", ParamIn::kBody, "string", true, "comma-separated; empty clears"}},
             [&env](RequestContext& r) { return update_tags(env, r); });
  routes.add(http::verb::put, "/{projectid:int}/tags", "Replace a project's tags by tag id",
             {{"tags", ParamIn::kBody, "array", true, "tag ids; empty clears"}},
             [&env](RequestContext& r) { return update_tag_ids(env, r); });
  routes.add(http::verb::delete_, "/{projectid:int}",
             "Delete a project and its folder; answers it as it was", {},
             [&env](RequestContext& r) {
               return one(env, r, env.projects.remove(*r.caller, route_id(r.params, "projectid")));
             });
  routes.add(http::verb::delete_, "",
             "Delete several projects; the refused ones are listed in `failed`",
             {{"projectids", ParamIn::kBody, "array", true, "project ids"}},
             [&env](RequestContext& r) { return remove_many(env, r); });
  routes.add(http::verb::put, "/{projectid:int}/follow", "Follow or stop following a project", {},
             [&env](RequestContext& r) { return toggle_follow(env, r); });
  add_team_routes(table, env);
  add_project_search_routes(table, env);
  add_tag_routes(table, env);
  add_template_routes(table, env);
  add_project_settings_routes(table, env);
  add_gantt_order_routes(table, env);
}

}  // namespace projectd
