// api/2.0/files, the per-person part (issue 16; docs/wire-compatibility.md, "Search", "Documents
// settings", "Favourites, templates and recent", "File properties", "Third-party storage and the
// document service"): title search, each person's settings, favourites and templates, entry
// properties, and the stubs of what projectd does not connect (third-party storage, a document
// service).
#include "api/binding.h"
#include "api/files/file_wrappers.h"
#include "api/files/files_routes.h"
#include "api/paging.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

const ParamDoc kSetParam{"set", ParamIn::kBody, "boolean", true, "the new value"};
const ParamDoc kFileIdsParam{"fileIds", ParamIn::kBody, "array", false, "file ids"};
const ParamDoc kFolderIdsParam{"folderIds", ParamIn::kBody, "array", false, "folder ids"};

// DateToAutoCleanUp by name or number.
const EnumNames kAutoCleanUpGaps = {
    {"OneWeek", 1}, {"TwoWeeks", 2}, {"OneMonth", 3}, {"TwoMonths", 4}, {"ThreeMonths", 5}};

bool required_bool(const Params& params, std::string_view name) {
  const auto value = params.get_bool(name);
  if (!value) throw_bad_request("Parameter '" + std::string(name) + "' is required");
  return *value;
}

std::vector<std::int64_t> id_list(const Params& params, std::string_view name) {
  return params.get_int_list(name).value_or(std::vector<std::int64_t>{});
}

boost::json::object auto_cleanup_object(const FilesUserSettings& settings) {
  boost::json::object out;
  out["isAutoCleanUp"] = settings.auto_cleanup;
  out["gap"] = static_cast<int>(settings.auto_cleanup_gap);
  return out;
}

// `true`, with the refused ids in `failed` (docs/wire-compatibility.md, "Batches report what they
// refused").
HandlerResult marks_answer(const MarkOutcome& outcome) {
  ApiResponse response{true, {}, std::nullopt, {}};
  response.failed = failed_entries(outcome.failed_files, outcome.failed_folders);
  return response;
}

HandlerResult search_answer(ApiEnv& env, RequestContext& r) {
  const PageRequest page = page_request(r.params);
  const EntrySearch found = env.file_extras.search.search(
      *r.caller, r.params.get_string("query").value_or(""), page.start_index, page.count);
  const WrapContext context = wrap_context(env, r);
  boost::json::array out;
  for (const FileView& view : found.files)
    out.push_back(file_wrapper(view, found.people, context));
  for (const FolderView& view : found.folders)
    out.push_back(folder_wrapper(view, found.people, context));
  return ok_page(std::move(out), page, found.total);
}

// A PUT of one boolean setting: answers the value as stored.
void add_bool_setting(RouteGroup& routes, ApiEnv& env, const char* pattern, const char* summary,
                      const char* param, void (*apply)(FilesUserSettings&, bool),
                      bool (*answer)(const FilesUserSettings&)) {
  routes.add(http::verb::put, pattern, summary,
             {{param, ParamIn::kBody, "boolean", true, "the new value"}},
             [&env, param, apply, answer](RequestContext& r) -> HandlerResult {
               const bool value = required_bool(r.params, param);
               const FilesUserSettings stored = env.file_extras.settings.update(
                   *r.caller, [&](FilesUserSettings& s) { apply(s, value); });
               return ok(answer(stored));
             });
}

void add_settings_routes(RouteGroup& routes, ApiEnv& env) {
  add_bool_setting(
      routes, env, "updateifexist",
      "Whether an upload whose title is taken adds a version (the default of createNewIfExist)",
      "set", [](FilesUserSettings& s, bool v) { s.update_if_exist = v; },
      [](const FilesUserSettings& s) { return s.update_if_exist; });
  add_bool_setting(
      routes, env, "storeoriginal", "Whether converted uploads keep their original (stored only)",
      "set", [](FilesUserSettings& s, bool v) { s.store_original = v; },
      [](const FilesUserSettings& s) { return s.store_original; });
  // The original: `save` true hides the confirmation when saving, false when opening; answers true.
  add_bool_setting(
      routes, env, "hideconfirmconvert",
      "Hide the conversion confirmation: when saving (save=true) or when opening", "save",
      [](FilesUserSettings& s, bool save) {
        (save ? s.hide_confirm_convert_save : s.hide_confirm_convert_open) = true;
      },
      [](const FilesUserSettings&) { return true; });
  add_bool_setting(
      routes, env, "displayRecent", "Whether the Recent section shows", "set",
      [](FilesUserSettings& s, bool v) { s.recent_section = v; },
      [](const FilesUserSettings& s) { return s.recent_section; });
  add_bool_setting(
      routes, env, "settings/favorites", "Whether the Favorites section shows", "set",
      [](FilesUserSettings& s, bool v) { s.favorites_section = v; },
      [](const FilesUserSettings& s) { return s.favorites_section; });
  add_bool_setting(
      routes, env, "settings/templates", "Whether the Templates section shows", "set",
      [](FilesUserSettings& s, bool v) { s.templates_section = v; },
      [](const FilesUserSettings& s) { return s.templates_section; });
  routes.add(http::verb::get, "settings/autocleanup",
             "The trash's automatic clean-up (AutoCleanUpData): isAutoCleanUp, gap", {},
             [&env](RequestContext& r) {
               return ok(auto_cleanup_object(env.file_extras.settings.get(*r.caller)));
             });
  routes.add(http::verb::put, "settings/autocleanup",
             "Set the trash's automatic clean-up; answers AutoCleanUpData",
             {kSetParam,
              {"gap", ParamIn::kBody, "string", false,
               "OneWeek, TwoWeeks, OneMonth, TwoMonths, ThreeMonths or 1..5; not sent: kept"}},
             [&env](RequestContext& r) -> HandlerResult {
               const bool set = required_bool(r.params, "set");
               const std::optional<int> gap = r.params.get_enum("gap", kAutoCleanUpGaps);
               const FilesUserSettings stored =
                   env.file_extras.settings.update(*r.caller, [&](FilesUserSettings& s) {
                     s.auto_cleanup = set;
                     if (gap) s.auto_cleanup_gap = static_cast<AutoCleanUpGap>(*gap);
                   });
               return ok(auto_cleanup_object(stored));
             });
}

void add_marks_routes(RouteGroup& routes, ApiEnv& env) {
  routes.add(http::verb::post, "favorites",
             "Add files and folders to the caller's favourites; refused ids are in `failed`",
             {kFileIdsParam, kFolderIdsParam}, [&env](RequestContext& r) {
               return marks_answer(env.file_extras.marks.add_favorites(
                   *r.caller, id_list(r.params, "fileIds"), id_list(r.params, "folderIds")));
             });
  routes.add(http::verb::delete_, "favorites",
             "Remove files and folders from the caller's favourites",
             {kFileIdsParam, kFolderIdsParam}, [&env](RequestContext& r) {
               return marks_answer(env.file_extras.marks.remove_favorites(
                   *r.caller, id_list(r.params, "fileIds"), id_list(r.params, "folderIds")));
             });
  routes.add(http::verb::post, "templates",
             "Add documents, spreadsheets or presentations to the caller's templates; refused "
             "ids are in `failed`",
             {kFileIdsParam}, [&env](RequestContext& r) {
               return marks_answer(
                   env.file_extras.marks.add_templates(*r.caller, id_list(r.params, "fileIds")));
             });
  routes.add(http::verb::delete_, "templates", "Remove files from the caller's templates",
             {kFileIdsParam}, [&env](RequestContext& r) {
               return marks_answer(
                   env.file_extras.marks.remove_templates(*r.caller, id_list(r.params, "fileIds")));
             });
}

// What projectd does not connect: third-party storage and a document (editing) service.
void add_stub_routes(RouteGroup& routes) {
  routes.add(http::verb::get, "thirdparty",
             "Connected third-party storage accounts: none (projectd connects none)", {},
             [](RequestContext&) { return ok(boost::json::array{}); });
  routes.add(http::verb::get, "thirdparty/capabilities",
             "Third-party storage providers that may be connected: none", {},
             [](RequestContext&) { return ok(boost::json::array{}); });
  routes.add(http::verb::get, "docservice",
             "The document service's API address: empty, none is configured; with version=true "
             "the object {version, docServiceUrlApi}",
             {{"version", ParamIn::kQuery, "boolean", false, "answer the object with the version"}},
             [](RequestContext& r) -> HandlerResult {
               if (!r.params.get_bool("version").value_or(false)) return ok("");
               boost::json::object out;
               out["version"] = nullptr;
               out["docServiceUrlApi"] = "";
               return ok(std::move(out));
             });
}

void add_properties_routes(RouteGroup& routes, ApiEnv& env) {
  // EntryProperties: projectd keeps no form-filling properties (domain/files/file_properties.h).
  auto empty_properties = [] {
    boost::json::object out;
    out["formFilling"] = nullptr;
    return out;
  };
  routes.add(http::verb::get, "{fileid:int}/properties",
             "A file's EntryProperties: formFilling is always null (projectd has no forms)", {},
             [&env, empty_properties](RequestContext& r) {
               env.file_extras.properties.check_read(*r.caller, route_id(r.params, "fileid"));
               return ok(empty_properties());
             });
  routes.add(http::verb::put, "{fileid:int}/properties",
             "Set a file's EntryProperties: checked as a change of the file, nothing is kept",
             {{"formFilling", ParamIn::kBody, "object", false, "ignored"}},
             [&env, empty_properties](RequestContext& r) {
               env.file_extras.properties.check_write(*r.caller, route_id(r.params, "fileid"));
               return ok(empty_properties());
             });
}

}  // namespace

void add_files_extra_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/files/", "files");
  routes.add(http::verb::get, "@search/{query}",
             "Files, then folders, whose titles contain the query (Unicode case ignored) in "
             "everything the caller may read; paged",
             {{"startIndex", ParamIn::kQuery, "integer", false, ""},
              {"count", ParamIn::kQuery, "integer", false, "at most 1000"}},
             [&env](RequestContext& r) { return search_answer(env, r); });
  add_settings_routes(routes, env);
  add_marks_routes(routes, env);
  add_stub_routes(routes);
  add_properties_routes(routes, env);
}

}  // namespace projectd
