// PUT api/2.0/files/fileops/emptytrash (DocumentsApi.EmptyTrash; docs/wire-compatibility.md,
// "Trash"): deletes everything in the caller's trash for good and answers the finished Delete
// operation as an array of FileOperationWraper, as the original. Deleting into the trash and
// restoring out of it are the existing delete and move routes (domain/files/trash.h).
#include "api/files/files_routes.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

void add_trash_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/files/", "files");
  routes.add(http::verb::put, "fileops/emptytrash",
             "Delete everything in the caller's trash for good (contents nothing else uses are "
             "freed); answers the finished Delete operation",
             {}, [&env](RequestContext& r) {
               return operations_answer(env, r, env.trash.empty(*r.caller));
             });
}

}  // namespace projectd
