// File downloads at the original's address (docs/wire-compatibility.md, "Downloads"): the
// FileWrapper's viewUrl, and a bulk download's archive (action=bulk, the operation's url),
// authenticated by any token form. The HTTP layer adds ETag, Range and If-None-Match handling and
// streams the content from disk.
#include "api/binding.h"
#include "api/files/files_routes.h"
#include "api/route_group.h"
#include "base/ascii.h"
#include "domain/files/file_types.h"

namespace projectd {

namespace http = boost::beast::http;

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
       {"operationid", ParamIn::kQuery, "string", false,
        "bulk: the operation (default: the caller's newest finished bulk download)"}},
      [&env](RequestContext& r) -> HandlerResult {
        const std::string action = r.params.get_string("action").value_or("");
        if (ascii::iequals(action, "bulk")) {
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
        const Download file = env.files.download(*r.caller, *id, version);
        env.file_extras.marks.opened(*r.caller, *id);  // the caller's @recent
        return FileResponse{file.path,  file.size, file.sha256, content_type_of(file.title),
                            file.title, {}};
      });
  download.answers_head = true;
}

}  // namespace projectd
