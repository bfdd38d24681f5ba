// Sharing of Documents (docs/wire-compatibility.md, "Sharing"): GET/PUT files/file/{fileid}/share
// and files/folder/{folderid}/share answer the entry's sharing as an array of FileShareWrapper
// (access, sharedTo, isLocked, isOwner); DELETE files/share hides entries shared with the caller;
// PUT files/{fileid}/sharedlink answers the file's external link URL. `notify` and
// `sharingMessage` are accepted and not acted on: notifications are another issue.
#include "api/binding.h"
#include "api/files/files_routes.h"
#include "api/people/group_wrappers.h"
#include "api/route_group.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

const EnumNames& file_share_enum() {
  static const EnumNames names = [] {
    EnumNames out;
    for (const FileShareName& level : kFileShareNames)
      out.emplace_back(level.name, static_cast<int>(level.share));
    return out;
  }();
  return names;
}

std::vector<ParamDoc> share_change_docs() {
  return {{"share", ParamIn::kBody, "array", false,
           "the changes: {shareTo (a person, a group, the everyone group "
           "c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e, or the link 11111111-1111-1111-1111-111111111111 "
           "for a file), access (None removes; ReadWrite, Read, Restrict, Review, Comment, "
           "FillForms, CustomFilter by name or number)}"},
          {"notify", ParamIn::kBody, "boolean", false, "accepted; no notification is sent"},
          {"sharingMessage", ParamIn::kBody, "string", false, "accepted; no notification is sent"}};
}

// The file's download address with the link's key, as the original's FileShareLink.GetLink gives
// a file that has no web viewer.
std::string shared_link_url(const std::string& base_url, std::int64_t file_id,
                            const std::string& token) {
  return base_url + "/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" +
         std::to_string(file_id) + "&doc=" + token;
}

// FileShareWrapper of each line, members in the original's order.
boost::json::array share_wrappers(const ShareList& list, const WrapContext& context) {
  boost::json::array out;
  for (const ShareLine& line : list.lines) {
    boost::json::object share;
    share["access"] = static_cast<int>(line.access);
    switch (line.kind) {
      case ShareLine::Kind::kPerson:
        share["sharedTo"] = employee_full(list.people.get(line.subject), context);
        break;
      case ShareLine::Kind::kGroup: {
        GroupView view{line.group, std::nullopt, {}};
        if (line.group.manager_id) view.manager = list.people.get(*line.group.manager_id);
        share["sharedTo"] = group_summary(view);
        break;
      }
      case ShareLine::Kind::kLink:
        share["sharedTo"] = boost::json::object{
            {"id", line.subject},
            {"shareLink", shared_link_url(context.base_url, line.file_id, line.link_token)}};
        break;
    }
    share["isLocked"] = line.locked;
    share["isOwner"] = line.owner;
    out.push_back(std::move(share));
  }
  return out;
}

// `share`: each object's shareTo (a GUID) and access (a level); 400 naming the item otherwise.
std::vector<ShareChange> share_changes(const Params& params) {
  std::vector<ShareChange> out;
  const std::vector<Params> items = params.objects_of("share", Params::kMaxListItems);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item = "share[" + std::to_string(i) + "]";
    ShareChange change;
    const auto share_to = items[i].get_guid("shareTo");
    if (!share_to) throw_bad_request("Parameter '" + item + "[shareTo]' is required");
    change.share_to = *share_to;
    const auto access = items[i].get_enum("access", file_share_enum());
    if (!access) throw_bad_request("Parameter '" + item + "[access]' is required");
    change.access = static_cast<FileShare>(*access);
    out.push_back(std::move(change));
  }
  return out;
}

void add_entry_share_routes(RouteGroup& routes, ApiEnv& env, const std::string& pattern,
                            ShareEntryKind kind, const std::string& what) {
  const std::string key = kind == ShareEntryKind::kFile ? "fileid" : "folderid";
  routes.add(
      http::verb::get, pattern,
      "The " + what + "'s sharing (FileShareWrapper each): its owner or, in @common, an admin", {},
      [&env, kind, key](RequestContext& r) {
        return ok(
            share_wrappers(env.shares.shares(*r.caller, ShareEntry{kind, route_id(r.params, key)}),
                           wrap_context(env, r)));
      });
  routes.add(
      http::verb::put, pattern,
      "Share the " + what + " (each change in `share`); answers its sharing", share_change_docs(),
      [&env, kind, key](RequestContext& r) {
        const std::vector<ShareChange> changes = share_changes(r.params);
        return ok(share_wrappers(
            env.shares.set_shares(*r.caller, ShareEntry{kind, route_id(r.params, key)}, changes),
            wrap_context(env, r)));
      });
}

}  // namespace

void add_share_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/files/", "files");
  add_entry_share_routes(routes, env, "file/{fileid:int}/share", ShareEntryKind::kFile, "file");
  add_entry_share_routes(routes, env, "folder/{folderid:int}/share", ShareEntryKind::kFolder,
                         "folder");
  routes.add(http::verb::delete_, "share",
             "Hide files and folders others shared with the caller from their @share (a Restrict "
             "share for the caller alone); answers true",
             {{"fileIds", ParamIn::kBody, "array", false, "file ids"},
              {"folderIds", ParamIn::kBody, "array", false, "folder ids"}},
             [&env](RequestContext& r) {
               env.shares.hide_shared(*r.caller, selected_ids(r.params, "fileIds"),
                                      selected_ids(r.params, "folderIds"));
               return ok(true);
             });
  routes.add(
      http::verb::put, "{fileid:int}/sharedlink",
      "Set the file's external link (its access: Read or better lets anyone with the URL "
      "download it; None or Restrict revokes it); answers the link's URL",
      {{"share", ParamIn::kBody, "string", true, "the link's access: a FileShare name or number"}},
      [&env](RequestContext& r) {
        const auto access = r.params.get_enum("share", file_share_enum());
        if (!access) throw_bad_request("Parameter 'share' is required");
        const std::int64_t id = route_id(r.params, "fileid");
        const std::string token =
            env.shares.set_link(*r.caller, id, static_cast<FileShare>(*access));
        return ok(boost::json::string(shared_link_url(r.base_url, id, token)));
      });
}

}  // namespace projectd
