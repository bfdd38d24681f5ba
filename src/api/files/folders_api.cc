// api/2.0/files sections and folder info (docs/wire-compatibility.md, "Folders"): @root (every
// section of the caller), one route per section word of kFolderSections (so a word is never read as
// a folder id by files/{folderid}), GET folder/{folderid} and its path.
#include "api/binding.h"
#include "api/files/file_wrappers.h"
#include "api/files/files_routes.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

void add_folder_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/files/", "files");
  routes.add(http::verb::get, "@root",
             "The caller's sections, each a FolderContentWrapper: @my (not for guests), @share, "
             "@common, @projects, @trash",
             folder_content_docs(), [&env](RequestContext& r) {
               const FolderContentQuery query = folder_content_query(r.params);
               const WrapContext context = wrap_context(env, r);
               boost::json::array out;
               for (const FolderContent& content : env.files.roots(*r.caller, query))
                 out.push_back(folder_content_wrapper(content, query.offset, context));
               return ok(std::move(out));
             });
  for (const FolderSection& section : kFolderSections) {
    const FolderRef ref{section.kind, 0};
    routes.add(http::verb::get, std::string(section.word),
               "The section " + std::string(section.word) +
                   " (FolderContentWrapper); a virtual section's `current` has id 0",
               folder_content_docs(),
               [&env, ref](RequestContext& r) { return folder_content_answer(env, r, ref); });
  }
  routes.add(http::verb::get, "folder/{folderid:int}", "A folder (FolderWrapper)", {},
             [&env](RequestContext& r) {
               const FolderAnswer answer =
                   env.files.folder_info(*r.caller, route_id(r.params, "folderid"));
               return ok(folder_wrapper(answer.folder, answer.people, wrap_context(env, r)));
             });
  routes.add(http::verb::get, "folder/{folderid:int}/path",
             "The folder's breadcrumb: its root first, the folder last (FolderWrapper each)", {},
             [&env](RequestContext& r) {
               PeopleIndex people;
               const std::vector<FolderView> path =
                   env.files.folder_path(*r.caller, route_id(r.params, "folderid"), people);
               const WrapContext context = wrap_context(env, r);
               boost::json::array out;
               for (const FolderView& view : path)
                 out.push_back(folder_wrapper(view, people, context));
               return ok(std::move(out));
             });
}

}  // namespace projectd
