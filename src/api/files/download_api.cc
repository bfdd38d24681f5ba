// File downloads at the original's address (docs/wire-compatibility.md, "Downloads"): the
// FileWrapper's viewUrl, authenticated by any token form, or by a shared link's `doc` key alone
// (docs/wire-compatibility.md, "Sharing"): a link opens only its own file, only while its access
// reads; and a bulk download's archive (action=bulk, the operation's url). The HTTP layer adds
// ETag, Range and If-None-Match handling and streams the content from disk.
#include "api/binding.h"
#include "api/files/files_routes.h"
#include "api/route_group.h"
#include "base/ascii.h"
#include "domain/files/file_types.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

FileResponse download_answer(const Download& file) {
  return FileResponse{file.path,  file.size, file.sha256, content_type_of(file.title),
                      file.title, {}};
}

}  // namespace

void add_download_routes(RouteTable& table, ApiEnv& env) {
  // HEAD answers what GET would, without the content: clients size and validate a download first.
  RouteGroup file_routes(table, "", "files");
  Route& download = file_routes.add(
      http::verb::get, "Products/Files/HttpHandlers/filehandler.ashx",
      "Download a file (the FileWrapper's viewUrl): Range, ETag and If-None-Match are "
      "honoured",
      {{"action", ParamIn::kQuery, "string", true,
        "download (or stream); bulk: the caller's bulk download archive"},
       {"fileid", ParamIn::kQuery, "integer", false, "file id (download, stream)"},
       {"version", ParamIn::kQuery, "integer", false, "default: the current version"},
       {"doc", ParamIn::kQuery, "string", false,
        "a shared link's key (PUT files/{fileId}/sharedlink): downloads without signing in"},
       {"operationid", ParamIn::kQuery, "string", false,
        "bulk: the operation (default: the caller's newest finished bulk download)"}},
      [&env](RequestContext& r) -> HandlerResult {
        const std::string action = r.params.get_string("action").value_or("");
        if (ascii::iequals(action, "bulk")) {
          // A shared link's key opens its one file, never an archive: sign in for this.
          if (!r.caller) throw_unauthorized("Sign in to download a bulk download's archive");
          const BulkArchive zip =
              env.bulk_downloads.archive(*r.caller, r.params.get_string("operationid"));
          return FileResponse{zip.path,          zip.size,       zip.operation_id,
                              "application/zip", "download.zip", {}};
        }
        if (!ascii::iequals(action, "download") && !ascii::iequals(action, "stream"))
          throw_bad_request("Parameter 'action': only download, stream and bulk are served");
        const auto id = r.params.get_int("fileid");
        if (!id) throw_bad_request("Parameter 'fileid' is required");
        std::optional<int> version;
        if (auto v = r.params.get_int("version"); v && *v > 0) version = static_cast<int>(*v);
        // A link's request runs without a caller (Route::anonymous_with): the key alone decides.
        if (r.params.has("doc")) {
          return download_answer(
              env.shares.download_by_link(*id, r.params.get_string("doc").value_or(""), version));
        }
        const Download file = env.files.download(*r.caller, *id, version);
        env.file_extras.marks.opened(*r.caller, *id);  // the caller's @recent
        return download_answer(file);
      });
  download.answers_head = true;
  download.anonymous_with = "doc";
}

}  // namespace projectd
