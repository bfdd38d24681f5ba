// Files attached to tasks and discussions (docs/wire-compatibility.md, "Attachments", "Attach is
// atomic and checked"): the API clients' paths (project/task/{id}/files,
// project/message/{id}/files) answer the task or discussion; the web front end's generic paths
// (project/{id}/entityfiles?entityType=...) answer the files.
#include "api/binding.h"
#include "api/files/file_wrappers.h"
#include "api/files/files_routes.h"
#include "api/projects/message_wrappers.h"
#include "api/projects/task_routes.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

const EnumNames kEntityTypes = {{"task", 2}, {"message", 6}};

const ParamDoc kEntityType{"entityType", ParamIn::kQuery, "string", true,
                           "task (2) or message (6)"};
const ParamDoc kFiles{"files", ParamIn::kBody, "array", false,
                      "file ids, in any list form; empty changes nothing"};
const ParamDoc kFileId{"fileid", ParamIn::kBody, "integer", true, "the file to detach"};

std::vector<std::int64_t> file_list(const Params& p, std::string_view key) {
  return p.get_int_list(key).value_or(std::vector<std::int64_t>{});
}

std::vector<std::int64_t> one_file(const Params& p) {
  const auto id = p.get_int("fileid");
  if (!id) throw_bad_request("Parameter 'fileid' is required");
  return {*id};
}

// The entityType of the generic paths; nullopt for a type that has no files (Milestone,
// Project...).
std::optional<EntityKind> entity_kind(const Params& p) {
  if (!p.get_string("entityType"))
    throw_bad_request("Parameter 'entityType' is required: task or message");
  try {
    if (const auto type = p.get_enum("entityType", kEntityTypes))
      return static_cast<EntityKind>(*type);
  } catch (const ApiError&) {
    // Another entity type: the original answers it with no files.
  }
  return std::nullopt;
}

EntityKind required_kind(const Params& p) {
  const auto kind = entity_kind(p);
  if (!kind) throw_bad_request("Parameter 'entityType': only task and message have files");
  return *kind;
}

HandlerResult files_answer(ApiEnv& env, const RequestContext& r, const FileViews& views) {
  return ok(file_wrappers(views, wrap_context(env, r)));
}

// The API clients' paths answer the entity, as the change's own write transaction loaded it.
HandlerResult entity_answer(ApiEnv& env, const RequestContext& r, EntityKind kind, std::int64_t id,
                            AttachmentAction action, const std::vector<std::int64_t>& files) {
  if (kind == EntityKind::kTask)
    return task_answer(env, r, env.attachments.change_task_files(*r.caller, id, action, files));
  return ok(message_wrapper_full(env.attachments.change_message_files(*r.caller, id, action, files),
                                 wrap_context(env, r), simple_mode(r.params)));
}

// The entity paths of one kind: `<noun>/{<key>}/files` (GET, POST, DELETE) and its history.
void add_entity_paths(RouteTable& table, ApiEnv& env, EntityKind kind, const std::string& noun,
                      const std::string& key) {
  const std::string base = "api/2.0/project/" + noun + "/{" + key + ":int}/files";
  const std::string tag = kind == EntityKind::kTask ? "task files" : "discussion files";
  const std::string what = kind == EntityKind::kTask ? "task" : "discussion";
  RouteGroup routes(table, base, tag);
  routes.add(http::verb::get, "", "The files attached to a " + what, {},
             [&env, kind, key](RequestContext& r) {
               return files_answer(env, r,
                                   env.attachments.list(*r.caller, kind, route_id(r.params, key)));
             });
  routes.add(http::verb::post, "",
             "Attach project files to a " + what + ": all or none; answers the " + what, {kFiles},
             [&env, kind, key](RequestContext& r) {
               return entity_answer(env, r, kind, route_id(r.params, key),
                                    AttachmentAction::kAttach, file_list(r.params, "files"));
             });
  routes.add(http::verb::delete_, "",
             "Detach a file (a file that is not attached is a no-op); answers the " + what,
             {kFileId}, [&env, kind, key](RequestContext& r) {
               return entity_answer(env, r, kind, route_id(r.params, key),
                                    AttachmentAction::kDetach, one_file(r.params));
             });
  routes.add(
      http::verb::get, "/history", "Who attached and detached which file when (outlives the files)",
      {}, [&env, kind, key](RequestContext& r) {
        const AuditViews audit = env.attachments.history(*r.caller, kind, route_id(r.params, key));
        return ok(audit_entries(audit, wrap_context(env, r)));
      });
}

void add_generic_paths(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/{entityid:int}/", "task files", {kEntityType});
  routes.add(http::verb::get, "entityfiles", "The files of a task or discussion (other types: [])",
             {}, [&env](RequestContext& r) -> HandlerResult {
               const auto kind = entity_kind(r.params);
               if (!kind) return ok(boost::json::array());
               return files_answer(
                   env, r, env.attachments.list(*r.caller, *kind, route_id(r.params, "entityid")));
             });
  routes.add(http::verb::post, "entityfiles", "Attach files; answers them", {kFiles},
             [&env](RequestContext& r) {
               return files_answer(env, r,
                                   env.attachments.attach(*r.caller, required_kind(r.params),
                                                          route_id(r.params, "entityid"),
                                                          file_list(r.params, "files")));
             });
  routes.add(http::verb::delete_, "entityfiles", "Detach a file; answers it", {kFileId},
             [&env](RequestContext& r) {
               const FileViews views =
                   env.attachments.detach(*r.caller, required_kind(r.params),
                                          route_id(r.params, "entityid"), one_file(r.params));
               return ok(file_wrapper(views.files.front(), views.people, wrap_context(env, r)));
             });
  routes.add(http::verb::delete_, "entityfilesmany", "Detach files; answers them", {kFiles},
             [&env](RequestContext& r) {
               return files_answer(env, r,
                                   env.attachments.detach(*r.caller, required_kind(r.params),
                                                          route_id(r.params, "entityid"),
                                                          file_list(r.params, "files")));
             });
  Route& upload = routes.add(
      http::verb::post, "entityfiles/upload",
      "Upload files (multipart, field `userfile`) into the project folder (or `folderid` in its "
      "tree) and attach them in one call; one file answers an object",
      {{"folderid", ParamIn::kBody, "integer", false, "default: the project folder"},
       {"userfile", ParamIn::kBody, "file", true, "the files"},
       {"createNewIfExist", ParamIn::kBody, "boolean", false, "default true"}},
      [&env](RequestContext& r) -> HandlerResult {
        std::optional<std::int64_t> folder;
        if (auto id = r.params.get_int("folderid"); id && *id > 0) folder = id;
        const FileViews views = env.attachments.upload_and_attach(
            *r.caller, required_kind(r.params), route_id(r.params, "entityid"), folder, r.uploads,
            upload_options(r.params));
        return one_or_many_files(env, r, views);
      });
  upload.streams_body = true;
  upload.body_limit = static_cast<std::size_t>(env.files.max_upload_bytes());
}

}  // namespace

void add_attachment_routes(RouteTable& table, ApiEnv& env) {
  add_entity_paths(table, env, EntityKind::kTask, "task", "taskid");
  RouteGroup task_files_routes(table, "", "task files");
  task_files_routes.add(
      http::verb::delete_, "api/2.0/project/task/{taskid:int}/filesmany",
      "Detach several files (the original attached them: a bug); answers the task", {kFiles},
      [&env](RequestContext& r) {
        return entity_answer(env, r, EntityKind::kTask, route_id(r.params, "taskid"),
                             AttachmentAction::kDetach, file_list(r.params, "files"));
      });
  add_entity_paths(table, env, EntityKind::kMessage, "message", "messageid");
  RouteGroup message_files_routes(table, "", "discussion files");
  message_files_routes.add(
      http::verb::delete_, "api/2.0/project/message/{messageid:int}/filesmany",
      "Detach several files; answers the discussion (MessageWrapper, as the original)", {kFiles},
      [&env](RequestContext& r) {
        const MessageFullView changed = env.attachments.change_message_files(
            *r.caller, route_id(r.params, "messageid"), AttachmentAction::kDetach,
            file_list(r.params, "files"));
        return ok(message_wrapper(changed.message, changed.people, wrap_context(env, r),
                                  simple_mode(r.params)));
      });
  add_generic_paths(table, env);
  RouteGroup file_routes(table, "", "files");
  file_routes.add(http::verb::get, "api/2.0/project/{projectid:int}/files",
                  "A project's documents folder (FolderContentWrapper)", folder_content_docs(),
                  [&env](RequestContext& r) {
                    const ProjectDetails project =
                        env.projects.get(*r.caller, route_id(r.params, "projectid"));
                    if (!project.view.project.folder_id) throw_not_found();
                    return folder_content_answer(
                        env, r, FolderRef{FolderRef::Kind::kId, *project.view.project.folder_id});
                  });
}

}  // namespace projectd
