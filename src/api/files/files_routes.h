// The Documents routes (files_api.cc), the download handler (download_api.cc) and the task and
// discussion attachments (attachments_api.cc), with what they share.
#pragma once

#include "api/api_env.h"
#include "http/route.h"

namespace projectd {

void add_files_routes(RouteTable& table, ApiEnv& env);
// The sections (@root, @my, @common, @projects, @share, @trash) and folder info and path
// (folders_api.cc).
void add_folder_routes(RouteTable& table, ApiEnv& env);
// files/fileops: the operation list, move, copy, mark as read, terminate (file_operations_api.cc).
void add_file_operation_routes(RouteTable& table, ApiEnv& env);
// Search, settings, favourites, templates, entry properties and the third-party and document
// service stubs (files_extra_api.cc).
void add_files_extra_routes(RouteTable& table, ApiEnv& env);
void add_download_routes(RouteTable& table, ApiEnv& env);
// Sharing: files/file|folder/{id}/share, DELETE files/share, files/{fileid}/sharedlink
// (share_api.cc).
void add_share_routes(RouteTable& table, ApiEnv& env);
void add_attachment_routes(RouteTable& table, ApiEnv& env);
void add_chunked_upload_routes(RouteTable& table, ApiEnv& env);
// PUT fileops/emptytrash (trash_api.cc).
void add_trash_routes(RouteTable& table, ApiEnv& env);

// The `folderid` route parameter: a section word (kFolderSections) or an id; 404 for anything else.
FolderRef route_folder(const Params& params);
// createNewIfExist (not sent: the caller's updateifexist setting; docs/wire-compatibility.md,
// "Uploads with a taken name").
UploadOptions upload_options(const Params& params);
// An upload's answer: one file as an object, several as an array (docs/wire-compatibility.md,
// "Uploads").
HandlerResult one_or_many_files(ApiEnv& env, const RequestContext& request, const FileViews& views);
// GET files/{folder}: the FolderContentWrapper of one folder, paged and filtered by the request
// (the parameters folder_content_docs() documents).
HandlerResult folder_content_answer(ApiEnv& env, RequestContext& request, FolderRef ref);
std::vector<ParamDoc> folder_content_docs();
// The query of GET files/{folder} (filterType, extension, filterValue, startIndex, count).
FolderContentQuery folder_content_query(const Params& params);
// The ids of `fileIds` and `folderIds` (any list form; empty when not sent).
std::vector<std::int64_t> selected_ids(const Params& params, std::string_view key);
// The operations answer of files/fileops and the deletes: an array of FileOperationWraper.
HandlerResult operations_answer(ApiEnv& env, const RequestContext& request,
                                const OperationViews& views);

}  // namespace projectd
