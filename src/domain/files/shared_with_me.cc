#include "domain/files/shared_with_me.h"

#include <algorithm>
#include <set>

namespace projectd {

std::vector<FileShareRecord> shares_naming_viewer(StoreTx& tx, const Viewer& viewer) {
  std::vector<std::string> subjects{viewer.user_id, std::string(kEveryoneGroupId)};
  for (const GroupRecord& group : tx.groups().of_user(viewer.user_id))
    subjects.push_back(group.id);
  return tx.file_shares().naming(subjects);
}

SharedWithMe shared_with_viewer(StoreTx& tx, const Viewer& viewer) {
  std::set<std::int64_t> file_ids, folder_ids;
  for (const FileShareRecord& share : shares_naming_viewer(tx, viewer)) {
    if (!share_reads(static_cast<FileShare>(share.access))) continue;
    (share.entry.kind == ShareEntryKind::kFile ? file_ids : folder_ids).insert(share.entry.id);
  }
  SharedWithMe out;
  if (file_ids.empty() && folder_ids.empty()) return out;

  auto others_my = [&](int root_kind, const std::optional<std::string>& owner) {
    return root_kind == static_cast<int>(FolderKind::kMy) && owner != viewer.user_id;
  };
  std::vector<FileRecord> files;
  for (FileRecord& file : tx.files().by_ids({file_ids.begin(), file_ids.end()}))
    if (others_my(file.root_kind, file.owner_id)) files.push_back(std::move(file));
  std::vector<FolderRecord> folders;
  for (FolderRecord& folder : tx.folders().by_ids({folder_ids.begin(), folder_ids.end()}))
    if (others_my(folder.root_kind, folder.owner_id)) folders.push_back(std::move(folder));

  std::vector<std::int64_t> parent_ids;
  for (const FileRecord& file : files)
    parent_ids.push_back(file.folder_id);
  for (const FolderRecord& folder : folders)
    if (folder.parent_id) parent_ids.push_back(*folder.parent_id);
  const std::vector<FolderRecord> parents = tx.folders().by_ids(parent_ids);

  FileAccessResolver access(tx, viewer);
  auto parent_readable = [&](std::optional<std::int64_t> parent_id) {
    if (!parent_id) return false;
    auto parent = std::find_if(parents.begin(), parents.end(),
                               [&](const FolderRecord& f) { return f.id == *parent_id; });
    return parent != parents.end() && access.of_folder(*parent).read;
  };
  for (FileRecord& file : files)
    if (access.of_file(file).read && !parent_readable(file.folder_id))
      out.files.push_back(std::move(file));
  for (FolderRecord& folder : folders) {
    const TreeAccess folder_access = access.of_folder(folder);
    if (folder_access.read && !parent_readable(folder.parent_id))
      out.folders.emplace_back(std::move(folder), folder_access);
  }
  return out;
}

}  // namespace projectd
