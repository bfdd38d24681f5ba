#include "domain/files/file_access.h"

#include "base/errors.h"
#include "domain/projects/project_access.h"

#include <algorithm>

namespace projectd {

FileAccessResolver::FileAccessResolver(StoreTx& tx, Viewer viewer)
    : tx_(tx), viewer_(std::move(viewer)) {}

void FileAccessResolver::knows_project(std::int64_t project_id, const ProjectSecurity& security) {
  projects_.insert_or_assign(project_id, security);
}

TreeAccess FileAccessResolver::of_folder(const FolderRecord& folder) {
  return with_shares(of_tree(folder.root_kind, folder.owner_id, folder.project_id),
                     folder.root_kind, folder.owner_id,
                     ShareEntry{ShareEntryKind::kFolder, folder.id}, folder.parent_id);
}

TreeAccess FileAccessResolver::of_file(const FileRecord& file) {
  return with_shares(of_tree(file.root_kind, file.owner_id, file.project_id), file.root_kind,
                     file.owner_id, ShareEntry{ShareEntryKind::kFile, file.id}, file.folder_id);
}

TreeAccess FileAccessResolver::of_tree(int root_kind, const std::optional<std::string>& owner_id,
                                       const std::optional<std::int64_t>& project_id) {
  switch (static_cast<FolderKind>(root_kind)) {
    case FolderKind::kMy: {
      // Nobody else sees a person's own documents, admins included, as in the original.
      const bool own = owner_id && *owner_id == viewer_.user_id && !viewer_.is_visitor;
      return TreeAccess{own, own, false};
    }
    case FolderKind::kTrash: {
      // A trash and what it holds are its owner's only, admins and guests alike (trash.h).
      const bool own = owner_id && *owner_id == viewer_.user_id;
      return TreeAccess{own, own, false};
    }
    case FolderKind::kCommon:
      return TreeAccess{true, viewer_.is_admin, false};
    case FolderKind::kProject: {
      if (!project_id) return {};
      auto cached = projects_.find(*project_id);
      if (cached == projects_.end()) {
        std::optional<ProjectSecurity> security;
        if (auto project = tx_.projects().by_id(*project_id))
          security.emplace(security_in(tx_, viewer_, *project));
        cached = projects_.emplace(*project_id, std::move(security)).first;
      }
      if (!cached->second) return {};
      const ProjectSecurity& security = *cached->second;
      return TreeAccess{security.can_read_files(), security.files_editor(), security.is_closed()};
    }
    case FolderKind::kSubfolder:
      break;  // a root is never a subfolder
  }
  return {};
}

void FileAccessResolver::require_read(const TreeAccess& access) const {
  if (!access.read) throw_not_found();
}

void FileAccessResolver::require_edit(const TreeAccess& access) const {
  require_read(access);
  if (access.closed) throw_conflict("The project is closed: reopen it to change its files");
  if (!access.edit) throw_forbidden();
}

namespace {

void require_removable_entry(const Viewer& viewer, int root_kind,
                             const std::optional<std::string>& owner_id,
                             const std::string& created_by) {
  if (root_kind != static_cast<int>(FolderKind::kMy)) return;
  if (owner_id == viewer.user_id || created_by == viewer.user_id) return;
  throw_forbidden(
      "Only the owner of these My Documents may delete or move away what others made in them");
}

}  // namespace

void require_removable(const Viewer& viewer, const FileRecord& file) {
  require_removable_entry(viewer, file.root_kind, file.owner_id, file.created_by);
}

void require_removable(const Viewer& viewer, const FolderRecord& folder) {
  require_removable_entry(viewer, folder.root_kind, folder.owner_id, folder.created_by);
}

std::vector<FileView> file_views(StoreTx& tx, const Viewer& viewer, std::vector<FileRecord> files,
                                 std::vector<std::string>& people) {
  FileAccessResolver access(tx, viewer);
  return file_views(tx, access, std::move(files), people);
}

std::vector<FileView> file_views(StoreTx& tx, FileAccessResolver& access,
                                 std::vector<FileRecord> files, std::vector<std::string>& people) {
  std::vector<std::int64_t> ids;
  for (const FileRecord& file : files)
    ids.push_back(file.id);
  const std::vector<std::int64_t> shared = tx.file_shares().shared_files(ids);
  std::vector<FileView> out;
  for (FileRecord& file : files) {
    people.push_back(file.created_by);
    people.push_back(file.updated_by);
    people.push_back(file.version.created_by);
    const int wrapper_access = access.of_file(file).wrapper_access();
    const bool is_shared = std::find(shared.begin(), shared.end(), file.id) != shared.end();
    out.push_back(FileView{std::move(file), wrapper_access, is_shared});
  }
  return out;
}

std::vector<FileRecord> attached_files(StoreTx& tx, EntityKind kind, std::int64_t entity_id) {
  std::vector<std::int64_t> ids;
  for (const AttachmentRecord& a : tx.attachments().of_entities(kind, {entity_id}))
    ids.push_back(a.file_id);
  return files_in_order(tx, ids);
}

std::vector<FileRecord> files_in_order(StoreTx& tx, const std::vector<std::int64_t>& ids) {
  std::vector<FileRecord> found = tx.files().by_ids(ids);
  std::vector<FileRecord> ordered;
  for (std::int64_t id : ids) {
    auto it =
        std::find_if(found.begin(), found.end(), [&](const FileRecord& f) { return f.id == id; });
    if (it != found.end()) ordered.push_back(std::move(*it));
  }
  return ordered;
}

}  // namespace projectd
