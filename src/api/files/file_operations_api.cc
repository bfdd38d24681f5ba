// api/2.0/files/fileops (docs/wire-compatibility.md, "File operations"): the caller's operations,
// the move/copy conflict check, move, copy, mark as read, bulk download and terminate. Every answer
// is an array of FileOperationWraper, as the original's.
#include "api/binding.h"
#include "api/files/file_wrappers.h"
#include "api/files/files_routes.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

const ParamDoc kOperationFileIds{"fileIds", ParamIn::kBody, "array", false, "file ids"};
const ParamDoc kOperationFolderIds{"folderIds", ParamIn::kBody, "array", false, "folder ids"};
// In the query or the body, as every parameter (the app sends a form body).
const ParamDoc kDestFolderId{"destFolderId", ParamIn::kQuery, "string", true,
                             "the destination folder: an id, @my or @common"};

// destFolderId: 400 when absent or neither an id nor a section word.
FolderRef destination_folder(const Params& params) {
  const std::string text = params.get_string("destFolderId").value_or("");
  if (text.empty()) throw_bad_request("Parameter 'destFolderId' is required");
  const auto ref = parse_folder_ref(text);
  if (!ref) throw_bad_request("Parameter 'destFolderId' must be a folder id");
  return *ref;
}

HandlerResult move_or_copy_answer(ApiEnv& env, RequestContext& r, bool copy) {
  MoveRequest request;
  request.destination = destination_folder(r.params);
  request.file_ids = selected_ids(r.params, "fileIds");
  request.folder_ids = selected_ids(r.params, "folderIds");
  request.resolve = static_cast<ConflictResolve>(
      r.params.get_enum("conflictResolveType", {{"skip", 0}, {"overwrite", 1}, {"duplicate", 2}})
          .value_or(0));
  request.copy = copy;
  // deleteAfter (finish after the editing sessions end) means nothing without an editor.
  return operations_answer(env, r, env.file_operations.move_or_copy(*r.caller, request));
}

// fileIds with the keys of fileConvertIds: the original downloads those files converted to the
// extension given; there is no converter here, so they come as they are.
std::vector<std::int64_t> bulk_file_ids(const Params& params) {
  std::vector<std::int64_t> ids = selected_ids(params, "fileIds");
  for (const Params& pair : params.objects_of("fileConvertIds", Params::kMaxListItems)) {
    const auto id = pair.get_int("key");
    if (!id) throw_bad_request("Parameter 'fileConvertIds' needs a file id as each key");
    ids.push_back(*id);
  }
  return ids;
}

}  // namespace

void add_file_operation_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/files/", "files");
  routes.add(http::verb::get, "fileops",
             "The caller's file operations (FileOperationWraper), oldest first; a finished one "
             "stays listed for ten minutes",
             {}, [&env](RequestContext& r) {
               return operations_answer(env, r, env.file_operations.list(*r.caller));
             });
  routes.add(http::verb::get, "fileops/move",
             "The conflict check before a move or copy: the selected files whose titles the "
             "destination already has (FileWrapper each)",
             {kDestFolderId,
              {"fileIds", ParamIn::kQuery, "array", false, "file ids"},
              {"folderIds", ParamIn::kQuery, "array", false, "folder ids"}},
             [&env](RequestContext& r) {
               const FileViews views = env.file_operations.conflicts(
                   *r.caller, destination_folder(r.params), selected_ids(r.params, "fileIds"),
                   selected_ids(r.params, "folderIds"));
               return ok(file_wrappers(views, wrap_context(env, r)));
             });
  const std::vector<ParamDoc> move_params{
      kDestFolderId,
      kOperationFileIds,
      kOperationFolderIds,
      {"conflictResolveType", ParamIn::kBody, "string", false,
       "a title the destination has: Skip (0, the default) leaves the file, Overwrite (1) makes "
       "it a new version of the file in place, Duplicate (2) names it `name (1).ext`"},
      {"deleteAfter", ParamIn::kBody, "boolean", false, "accepted; nothing to wait for"}};
  routes.add(http::verb::put, "fileops/move",
             "Move files and folders, all or none, in one transaction; answers the finished "
             "operation",
             move_params, [&env](RequestContext& r) { return move_or_copy_answer(env, r, false); });
  routes.add(http::verb::put, "fileops/copy",
             "Copy files and folders (contents are shared, never re-read), all or none; answers "
             "the finished operation",
             move_params, [&env](RequestContext& r) { return move_or_copy_answer(env, r, true); });
  routes.add(http::verb::put, "fileops/markasread",
             "Mark files and folders as read (projectd keeps no unread marks yet: records the "
             "finished operation)",
             {kOperationFileIds, kOperationFolderIds}, [&env](RequestContext& r) {
               return operations_answer(
                   env, r,
                   env.file_operations.mark_as_read(*r.caller, selected_ids(r.params, "fileIds"),
                                                    selected_ids(r.params, "folderIds")));
             });
  routes.add(http::verb::put, "fileops/terminate",
             "Stop the caller's running operations (bulk downloads): each ends with an error "
             "saying it was terminated, its partial archive removed; answers the caller's "
             "operations",
             {}, [&env](RequestContext& r) {
               return operations_answer(env, r, env.bulk_downloads.terminate(*r.caller));
             });
  routes.add(http::verb::put, "fileops/bulkdownload",
             "Start a zip of files and folders (structure kept, names made safe and unique), made "
             "in the background: answers the running Download operation (3); GET fileops shows "
             "its progress and, finished, its url",
             {kOperationFileIds,
              kOperationFolderIds,
              {"fileConvertIds", ParamIn::kBody, "array", false,
               "[{key: file id, value: extension}]: the files are added, never converted"}},
             [&env](RequestContext& r) {
               return operations_answer(
                   env, r,
                   env.bulk_downloads.start(*r.caller, bulk_file_ids(r.params),
                                            selected_ids(r.params, "folderIds")));
             });
}

}  // namespace projectd
