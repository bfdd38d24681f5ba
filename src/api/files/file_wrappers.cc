#include "api/files/file_wrappers.h"

#include "domain/files/file_types.h"
#include "wire/tree_writer.h"

namespace projectd {

namespace {

// FileEntryWrapper.rootFolderType: COMMON 1, BUNCH 2 (project files), TRASH 3, USER 5 (My
// documents).
int root_folder_type(int root_kind) {
  switch (static_cast<FolderKind>(root_kind)) {
    case FolderKind::kMy:
      return 5;
    case FolderKind::kCommon:
      return 1;
    case FolderKind::kProject:
      return 2;
    case FolderKind::kTrash:
      return 3;
    case FolderKind::kSubfolder:
      break;
  }
  return 0;
}

// The members every entry ends with (FileEntryWrapper), after the type's own.
void write_entry_members(ApiWriter& out, std::int64_t id, const std::string& title, int access,
                         bool shared, int type, const std::string& updated_by, Timestamp created,
                         const std::string& created_by, Timestamp updated,
                         const PeopleIndex& people, const WrapContext& context) {
  out.member("id", id);
  out.member("title", title);
  out.member("access", access);
  out.member("shared", shared);
  if (type != 0) out.member("rootFolderType", type);
  out.key("updatedBy");
  write_employee_brief(out, people.get(updated_by), context);
  out.member("created", format_api_date(created, context.zone));
  out.key("createdBy");
  write_employee_brief(out, people.get(created_by), context);
  out.member("updated", format_api_date(updated, context.zone));
}

void write_folder_wrapper(ApiWriter& out, const FolderView& view, const PeopleIndex& people,
                          const WrapContext& context) {
  const FolderRecord& folder = view.folder;
  out.begin_object();
  out.member("parentId", folder.parent_id.value_or(0));
  out.member("filesCount", view.counts.files);
  out.member("foldersCount", view.counts.folders);
  // A virtual section (@projects...) is of its own FolderType; a folder of its tree's root.
  const int type = view.section_type != 0 ? view.section_type : root_folder_type(folder.root_kind);
  write_entry_members(out, folder.id, folder.title, view.access, view.shared, type,
                      folder.updated_by, folder.created, folder.created_by, folder.updated, people,
                      context);
  out.end_object();
}

}  // namespace

std::string file_view_url(const FileRecord& file, const std::string& base_url) {
  std::string url = base_url +
                    "/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" +
                    std::to_string(file.id);
  if (file.version.version != file.current_version)
    url += "&version=" + std::to_string(file.version.version);
  return url;
}

void write_file_wrapper(ApiWriter& out, const FileView& view, const PeopleIndex& people,
                        const WrapContext& context) {
  const FileRecord& file = view.file;
  const bool current = file.version.version == file.current_version;
  out.begin_object();
  out.member("folderId", file.folder_id);
  out.member("version", file.version.version);
  out.member("versionGroup", file.version.version_group);
  out.member("contentLength", human_size(static_cast<std::uint64_t>(file.version.size)));
  if (file.version.size != 0) out.member("pureContentLength", file.version.size);
  out.member("fileStatus", 0);
  const std::string url = file_view_url(file, context.base_url);
  out.member("viewUrl", url);
  // projectd has no document editor: the web address is the download too.
  out.member("webUrl", url);
  if (const int type = file_type_of(file.title); type != 0) out.member("fileType", type);
  out.member("fileExst", extension_of(file.title));
  out.member("comment", file.version.comment);
  // A version shows who stored it and when; the current one the file's last change.
  write_entry_members(
      out, file.id, file.title, view.access, view.shared, root_folder_type(file.root_kind),
      current ? file.updated_by : file.version.created_by, file.created, file.created_by,
      current ? file.updated : file.version.created, people, context);
  out.end_object();
}

boost::json::object file_wrapper(const FileView& view, const PeopleIndex& people,
                                 const WrapContext& context) {
  return tree_object([&](ApiWriter& out) { write_file_wrapper(out, view, people, context); });
}

boost::json::array file_wrappers(const FileViews& views, const WrapContext& context) {
  boost::json::array out;
  for (const FileView& view : views.files)
    out.push_back(file_wrapper(view, views.people, context));
  return out;
}

boost::json::object folder_wrapper(const FolderView& view, const PeopleIndex& people,
                                   const WrapContext& context) {
  return tree_object([&](ApiWriter& out) { write_folder_wrapper(out, view, people, context); });
}

namespace {

// `files` then `folders`, the wrappers of these views.
void add_entry_arrays(boost::json::object& out, const std::vector<FileView>& files,
                      const std::vector<FolderView>& folders, const PeopleIndex& people,
                      const WrapContext& context) {
  boost::json::array file_array;
  for (const FileView& view : files)
    file_array.push_back(file_wrapper(view, people, context));
  boost::json::array folder_array;
  for (const FolderView& view : folders)
    folder_array.push_back(folder_wrapper(view, people, context));
  out["files"] = std::move(file_array);
  out["folders"] = std::move(folder_array);
}

}  // namespace

boost::json::object folder_content_wrapper(const FolderContent& content, std::int64_t start_index,
                                           const WrapContext& context) {
  boost::json::object out;
  out.reserve(6);
  add_entry_arrays(out, content.files, content.folders, content.people, context);
  boost::json::array path;
  for (const FolderRecord& folder : content.path)
    path.push_back(folder.id);
  out["current"] = folder_wrapper(content.current, content.people, context);
  out["pathParts"] = std::move(path);
  out["startIndex"] = start_index;
  out["count"] = static_cast<std::int64_t>(content.files.size() + content.folders.size());
  out["total"] = content.total;
  out["new"] = 0;
  return out;
}

boost::json::array operation_wrappers(const OperationViews& views, const WrapContext& context) {
  boost::json::array out;
  for (const OperationView& view : views.operations) {
    const FileOperationRecord& o = view.operation;
    boost::json::object operation;
    operation["id"] = o.id;
    operation["operation"] = static_cast<int>(o.type);
    operation["progress"] = o.progress;
    if (o.error)
      operation["error"] = *o.error;
    else
      operation["error"] = nullptr;
    operation["processed"] = std::to_string(o.processed);
    operation["finished"] = o.finished;
    if (o.url)
      operation["url"] = context.base_url + *o.url;  // stored relative to the portal
    else
      operation["url"] = nullptr;
    add_entry_arrays(operation, view.files, view.folders, views.people, context);
    out.push_back(std::move(operation));
  }
  return out;
}

std::optional<boost::json::array> failed_entries(const std::vector<BatchFailure>& files,
                                                 const std::vector<BatchFailure>& folders) {
  if (files.empty() && folders.empty()) return std::nullopt;
  boost::json::array failed;
  for (const BatchFailure& f : files)
    failed.push_back({{"fileId", f.id}, {"statusCode", f.status}, {"message", f.message}});
  for (const BatchFailure& f : folders)
    failed.push_back({{"folderId", f.id}, {"statusCode", f.status}, {"message", f.message}});
  return failed;
}

boost::json::array audit_entries(const AuditViews& audit, const WrapContext& context) {
  boost::json::array out;
  for (const AttachmentAuditRecord& r : audit.entries) {
    boost::json::object entry;
    entry["id"] = r.id;
    entry["action"] = r.action == AttachmentAction::kAttach ? "attach" : "detach";
    entry["fileId"] = r.file_id;
    entry["fileTitle"] = r.file_title;
    if (r.reason.empty())
      entry["reason"] = nullptr;
    else
      entry["reason"] = r.reason;
    entry["by"] = employee_brief(audit.people.get(r.user_id), context);
    entry["date"] = format_api_date(r.at, context.zone);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace projectd
