// api/2.0/files (the original's DocumentsApi; docs/wire-compatibility.md, "Folders", "Uploads"):
// folders, uploads and files made in code, file info, versions, renames and deletes, and the upload
// limit.
#include "api/binding.h"
#include "api/files/file_wrappers.h"
#include "api/files/files_routes.h"
#include "api/paging.h"
#include "api/route_group.h"
#include "domain/files/file_types.h"
#include "domain/files/office_templates.h"

#include <limits>

namespace projectd {

namespace http = boost::beast::http;

namespace {

const ParamDoc kTitle{"title", ParamIn::kBody, "string", true, "name with its extension"};
const ParamDoc kCreateNew{"createNewIfExist", ParamIn::kBody, "boolean", false,
                          "true: a title in use makes `name (1).ext`; false adds a version to "
                          "the existing file; not sent: the caller's `updateifexist` setting"};

HandlerResult first_file(ApiEnv& env, const RequestContext& request, const FileViews& views) {
  return ok(file_wrapper(views.files.front(), views.people, wrap_context(env, request)));
}

// `title` with `extension` unless it already ends with it (the original's text and html rule).
std::string with_extension(std::string title, std::string_view extension) {
  if (extension_of(title) != extension) title += extension;
  return title;
}

bool looks_like_html(std::string_view content) {
  const auto open = content.find('<');
  return open != std::string_view::npos && content.find('>', open) != std::string_view::npos;
}

HandlerResult create_text(ApiEnv& env, RequestContext& r, bool html) {
  const FolderRef ref = route_folder(r.params);
  const std::string content = r.params.get_string("content").value_or("");
  const std::string title = r.params.get_string("title").value_or("");
  if (clean_file_title(title).empty()) throw_bad_request("Parameter 'title' is required");
  const bool as_html = html || looks_like_html(content);
  return first_file(
      env, r,
      env.files.create(*r.caller, ref, with_extension(title, as_html ? ".html" : ".txt"), content,
                       upload_options(r.params)));
}

// POST {folder}/file: an empty office document; an unknown extension becomes .docx.
HandlerResult create_document(ApiEnv& env, RequestContext& r) {
  const FolderRef ref = route_folder(r.params);
  std::string title = r.params.get_string("title").value_or("");
  if (clean_file_title(title).empty()) throw_bad_request("Parameter 'title' is required");
  std::string extension = extension_of(title);
  std::optional<std::string> document = blank_office_document(extension);
  if (!document) {
    extension = ".docx";
    title += extension;
    document = blank_office_document(extension);
  }
  UploadOptions options = upload_options(r.params);
  options.comment = "Created";
  return first_file(env, r, env.files.create(*r.caller, ref, title, *document, options));
}

HandlerResult upload(ApiEnv& env, RequestContext& r) {
  return one_or_many_files(
      env, r,
      env.files.upload(*r.caller, route_folder(r.params), r.uploads, upload_options(r.params)));
}

// POST {folder}/insert: one file as the raw body (or a multipart part named `file`), named by
// `title`.
HandlerResult insert(ApiEnv& env, RequestContext& r) {
  std::vector<SpooledFile> files;
  for (SpooledFile& file : r.uploads)
    if (r.raw_upload || files.empty()) files.push_back(std::move(file));
  if (auto title = r.params.get_string("title"); title && !files.empty())
    files.front().filename = *title;
  return first_file(
      env, r, env.files.upload(*r.caller, route_folder(r.params), files, upload_options(r.params)));
}

// The parameters of the deletes (DocumentsApi's DeleteFile, DeleteFolder, DeleteBatchItems).
std::vector<ParamDoc> delete_param_docs(ParamIn in) {
  return {
      {"deleteAfter", in, "boolean", false, "accepted: there are no editing sessions to wait for"},
      {"immediately", in, "boolean", false,
       "true: delete for good; otherwise into the caller's trash (what is already in the "
       "trash is deleted for good)"}};
}

bool delete_immediately(const Params& params) {
  return params.get_bool("immediately").value_or(false);
}

HandlerResult delete_answer(ApiEnv& env, RequestContext& r, const DeleteOutcome& outcome) {
  ApiResponse response{
      operation_wrappers(outcome.operation, wrap_context(env, r)), {}, std::nullopt, {}};
  response.failed = failed_entries(outcome.failed_files, outcome.failed_folders);
  return response;
}

// The caller's FilesSettings, by the names DocSpace's FilesSettingsDto gives them.
void add_user_settings(boost::json::object& out, const FilesUserSettings& settings) {
  out["storeOriginalFiles"] = settings.store_original;
  out["updateIfExist"] = settings.update_if_exist;
  out["hideConfirmConvertSave"] = settings.hide_confirm_convert_save;
  out["hideConfirmConvertOpen"] = settings.hide_confirm_convert_open;
  out["recentSection"] = settings.recent_section;
  out["favoritesSection"] = settings.favorites_section;
  out["templatesSection"] = settings.templates_section;
  boost::json::object cleanup;
  cleanup["isAutoCleanUp"] = settings.auto_cleanup;
  cleanup["gap"] = static_cast<int>(settings.auto_cleanup_gap);
  out["automaticallyCleanUp"] = std::move(cleanup);
}

HandlerResult folder_answer(ApiEnv& env, const RequestContext& request,
                            const FolderAnswer& answer) {
  return ok(folder_wrapper(answer.folder, answer.people, wrap_context(env, request)));
}

}  // namespace

HandlerResult one_or_many_files(ApiEnv& env, const RequestContext& request,
                                const FileViews& views) {
  boost::json::array files = file_wrappers(views, wrap_context(env, request));
  // One file answers an object, several an array (docs/wire-compatibility.md, "Uploads").
  if (files.size() == 1) return ok(std::move(files.front()));
  return ok(std::move(files));
}

UploadOptions upload_options(const Params& p) {
  UploadOptions options;
  options.create_new_if_exist = p.get_bool("createNewIfExist");
  return options;
}

FolderContentQuery folder_content_query(const Params& params) {
  const PageRequest page = page_request(params);
  FolderContentQuery query;
  query.filter_type = static_cast<int>(params.get_int("filterType").value_or(0));
  query.extension = params.get_string("extension").value_or("");
  query.text = params.get_string("filterValue").value_or("");
  query.offset = page.start_index;
  query.limit = page.count;
  return query;
}

HandlerResult folder_content_answer(ApiEnv& env, RequestContext& request, FolderRef ref) {
  const FolderContentQuery query = folder_content_query(request.params);
  const FolderContent content = env.files.folder(*request.caller, ref, query);
  return ok(folder_content_wrapper(content, query.offset, wrap_context(env, request)));
}

std::vector<std::int64_t> selected_ids(const Params& params, std::string_view key) {
  return params.get_int_list(key).value_or(std::vector<std::int64_t>{});
}

HandlerResult operations_answer(ApiEnv& env, const RequestContext& request,
                                const OperationViews& views) {
  return ok(operation_wrappers(views, wrap_context(env, request)));
}

std::vector<ParamDoc> folder_content_docs() {
  return with_paging({{"filterType", ParamIn::kQuery, "integer", false,
                       "0 all, 1 files, 2 folders, 3 documents, 4 presentations, 5 spreadsheets, "
                       "7 images, 10 archives, 11 by extension, 12 media"},
                      {"extension", ParamIn::kQuery, "string", false, "for filterType 11: .txt"},
                      {"filterValue", ParamIn::kQuery, "string", false, "title contains"}});
}

FolderRef route_folder(const Params& params) {
  const auto ref = parse_folder_ref(params.get_string("folderid").value_or(""));
  if (!ref) throw_not_found();
  return *ref;
}

void add_files_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/files/", "files");
  // Upload routes stream their body to the spool, up to the upload limit.
  auto uploads = [&env](Route& route) {
    route.body_limit = static_cast<std::size_t>(env.files.max_upload_bytes());
    route.streams_body = true;
  };
  routes.add(http::verb::get, "settings",
             "The Documents settings: maxUploadSize in bytes, then the caller's own settings", {},
             [&env](RequestContext& r) -> HandlerResult {
               boost::json::object out;
               out["maxUploadSize"] = env.files.max_upload_bytes();
               add_user_settings(out, env.file_extras.settings.get(*r.caller));
               return ok(std::move(out));
             });
  routes.add(http::verb::get, "{folderid}",
             "A folder's subfolders and files (FolderContentWrapper), subfolders first",
             folder_content_docs(), [&env](RequestContext& r) {
               return folder_content_answer(env, r, route_folder(r.params));
             });
  routes.add(http::verb::post, "folder/{folderid}", "Create a subfolder", {kTitle},
             [&env](RequestContext& r) {
               const FolderAnswer view = env.files.create_folder(
                   *r.caller, route_folder(r.params), r.params.get_string("title").value_or(""));
               return folder_answer(env, r, view);
             });
  routes.add(http::verb::put, "folder/{folderid:int}", "Rename a subfolder", {kTitle},
             [&env](RequestContext& r) {
               const FolderAnswer view =
                   env.files.rename_folder(*r.caller, route_id(r.params, "folderid"),
                                           r.params.get_string("title").value_or(""));
               return folder_answer(env, r, view);
             });
  routes.add(http::verb::delete_, "folder/{folderid:int}",
             "Move a subfolder with everything in it into the caller's trash (or delete it for "
             "good); answers the finished operation",
             delete_param_docs(ParamIn::kQuery), [&env](RequestContext& r) {
               return delete_answer(
                   env, r,
                   env.files.delete_folder(*r.caller, route_id(r.params, "folderid"),
                                           delete_immediately(r.params)));
             });
  uploads(routes.add(
      http::verb::post, "{folderid}/upload",
      "Upload files: multipart (any part names) or a raw body named by Content-Disposition; "
      "one file answers an object, several an array",
      {kCreateNew}, [&env](RequestContext& r) { return upload(env, r); }));
  uploads(routes.add(http::verb::post, "{folderid}/insert",
                     "Upload one file as the raw body (or a multipart part), named by `title`",
                     {{"title", ParamIn::kQuery, "string", false, "the file name"}, kCreateNew},
                     [&env](RequestContext& r) { return insert(env, r); }));
  const ParamDoc content{"content", ParamIn::kBody, "string", false, "the text, UTF-8"};
  routes.add(http::verb::post, "{folderid}/text",
             "Create a text file (.txt, or .html when the content looks like HTML)",
             {kTitle, content, kCreateNew},
             [&env](RequestContext& r) { return create_text(env, r, false); });
  routes.add(http::verb::post, "{folderid}/html", "Create an HTML file",
             {kTitle, content, kCreateNew},
             [&env](RequestContext& r) { return create_text(env, r, true); });
  routes.add(http::verb::post, "{folderid}/file",
             "Create an empty .docx, .xlsx or .pptx (another extension becomes .docx)",
             {kTitle, kCreateNew}, [&env](RequestContext& r) { return create_document(env, r); });
  routes.add(
      http::verb::get, "file/{fileid:int}", "A file (FileWrapper); `version` picks a version",
      {{"version", ParamIn::kQuery, "integer", false, "default: the current one"}},
      [&env](RequestContext& r) {
        std::optional<int> version;
        if (auto v = r.params.get_int("version"); v && *v > 0) version = static_cast<int>(*v);
        return first_file(env, r, env.files.get(*r.caller, route_id(r.params, "fileid"), version));
      });
  routes.add(http::verb::get, "file/{fileid:int}/history", "Every version of a file, newest first",
             {}, [&env](RequestContext& r) {
               const FileViews views = env.files.history(*r.caller, route_id(r.params, "fileid"));
               return ok(file_wrappers(views, wrap_context(env, r)));
             });
  routes.add(http::verb::put, "file/{fileid:int}/history",
             "Mark a version as a version (end its group) or as a revision of the one before "
             "(`continueVersion`); answers every version, newest first",
             {{"version", ParamIn::kBody, "integer", false, "default 0: the current version"},
              {"continueVersion", ParamIn::kBody, "boolean", false,
               "true: the group after `version` joins it; default false"}},
             [&env](RequestContext& r) {
               const auto version = r.params.get_int("version").value_or(0);
               if (version < 0 || version > std::numeric_limits<int>::max())
                 throw_bad_request("Parameter 'version' must be a version number, or 0");
               const FileViews views = env.files.change_history(
                   *r.caller, route_id(r.params, "fileid"), static_cast<int>(version),
                   r.params.get_bool("continueVersion").value_or(false));
               return ok(file_wrappers(views, wrap_context(env, r)));
             });
  routes.add(http::verb::put, "file/{fileid:int}", "Rename a file (it keeps its extension)",
             {kTitle}, [&env](RequestContext& r) {
               return first_file(env, r,
                                 env.files.rename(*r.caller, route_id(r.params, "fileid"),
                                                  r.params.get_string("title").value_or("")));
             });
  routes.add(http::verb::delete_, "file/{fileid:int}",
             "Move a file into the caller's trash, detached from its tasks and discussions (or "
             "delete it for good); answers the finished operation",
             delete_param_docs(ParamIn::kQuery), [&env](RequestContext& r) {
               return delete_answer(env, r,
                                    env.files.remove(*r.caller, route_id(r.params, "fileid"),
                                                     delete_immediately(r.params)));
             });
  std::vector<ParamDoc> batch_docs{{"fileIds", ParamIn::kBody, "array", false, "file ids"},
                                   {"folderIds", ParamIn::kBody, "array", false, "folder ids"}};
  for (ParamDoc& doc : delete_param_docs(ParamIn::kBody))
    batch_docs.push_back(std::move(doc));
  routes.add(http::verb::put, "fileops/delete",
             "Move files and folders into the caller's trash (or delete them for good); refused "
             "ids are listed in `failed`",
             batch_docs, [&env](RequestContext& r) {
               return delete_answer(
                   env, r,
                   env.files.remove_many(*r.caller, selected_ids(r.params, "fileIds"),
                                         selected_ids(r.params, "folderIds"),
                                         delete_immediately(r.params)));
             });
}

}  // namespace projectd
