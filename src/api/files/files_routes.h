// The Documents routes (files_api.cc), the download handler (download_api.cc) and the task and
// discussion attachments (attachments_api.cc), with what they share.
#pragma once

#include "api/api_env.h"
#include "http/route.h"

namespace projectd {

void add_files_routes(RouteTable& table, ApiEnv& env);
void add_download_routes(RouteTable& table, ApiEnv& env);
void add_attachment_routes(RouteTable& table, ApiEnv& env);

// The `folderid` route parameter: @my, @common or an id; 404 for anything else.
FolderRef route_folder(const Params& params);
// createNewIfExist (default true; docs/wire-compatibility.md, "Uploads with a taken name").
UploadOptions upload_options(const Params& params);
// An upload's answer: one file as an object, several as an array (docs/wire-compatibility.md,
// "Uploads").
HandlerResult one_or_many_files(ApiEnv& env, const RequestContext& request, const FileViews& views);
// GET files/{folder}: the FolderContentWrapper of one folder, paged and filtered by the request
// (the parameters folder_content_docs() documents).
HandlerResult folder_content_answer(ApiEnv& env, RequestContext& request, FolderRef ref);
std::vector<ParamDoc> folder_content_docs();

}  // namespace projectd
