#include "domain/files/file_search.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "base/text_fold.h"
#include "domain/projects/project_access.h"

#include <algorithm>

namespace projectd {

namespace {

// The roots of the trees the viewer may read.
std::vector<std::int64_t> readable_roots(StoreTx& tx, const Viewer& viewer) {
  const std::vector<FolderRecord> roots = tx.file_search().roots_for(viewer.user_id);
  std::vector<std::int64_t> project_ids;
  for (const FolderRecord& root : roots)
    if (root.kind == static_cast<int>(FolderKind::kProject) && root.project_id)
      project_ids.push_back(*root.project_id);
  const auto projects = projects_with_security(tx, viewer, project_ids);
  std::vector<std::int64_t> out;
  for (const FolderRecord& root : roots) {
    switch (static_cast<FolderKind>(root.kind)) {
      case FolderKind::kMy:
        if (!viewer.is_visitor) out.push_back(root.id);
        break;
      case FolderKind::kCommon:
        out.push_back(root.id);
        break;
      case FolderKind::kProject: {
        const auto it = root.project_id ? projects.find(*root.project_id) : projects.end();
        if (it != projects.end() && it->second.security.can_read_files()) out.push_back(root.id);
        break;
      }
      case FolderKind::kSubfolder:
      case FolderKind::kTrash:  // what a trash holds is found only by listing it
        break;
    }
  }
  return out;
}

}  // namespace

EntrySearch FileSearchService::search(const Caller& caller, std::string_view query,
                                      std::int64_t offset, std::int64_t limit) {
  const std::string needle = text_fold::fold(ascii::trim(query));
  if (needle.empty()) throw_bad_request("Parameter 'query' must not be empty");
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    std::vector<std::int64_t> file_ids;
    std::vector<std::int64_t> folder_ids;
    for (const TitleEntry& entry : tx.file_search().entries_under(readable_roots(tx, viewer))) {
      if (!text_fold::contains_folded(entry.title, needle)) continue;
      (entry.is_folder ? folder_ids : file_ids).push_back(entry.id);
    }
    EntrySearch out;
    out.total = static_cast<std::int64_t>(file_ids.size() + folder_ids.size());
    // Files first, then folders (the original's order), cut to the page.
    const auto file_count = static_cast<std::int64_t>(file_ids.size());
    const std::int64_t file_begin = std::min(offset, file_count);
    const std::int64_t file_end = std::min(file_count, offset + limit);
    const std::vector<std::int64_t> page_files(file_ids.begin() + file_begin,
                                               file_ids.begin() + file_end);
    const std::int64_t room = limit - (file_end - file_begin);
    const auto folder_count = static_cast<std::int64_t>(folder_ids.size());
    const std::int64_t folder_begin =
        std::min(folder_count, std::max<std::int64_t>(0, offset - file_count));
    const std::int64_t folder_end =
        std::min(folder_count, folder_begin + std::max<std::int64_t>(0, room));
    const std::vector<std::int64_t> page_folders(folder_ids.begin() + folder_begin,
                                                 folder_ids.begin() + folder_end);

    std::vector<std::string> people;
    out.files = file_views(tx, viewer, files_in_order(tx, page_files), people);
    FileAccessResolver access(tx, viewer);
    const std::vector<FolderCounts> counts = tx.folders().counts(page_folders);
    for (FolderRecord& folder : tx.file_search().folders_by_ids(page_folders)) {
      people.push_back(folder.created_by);
      people.push_back(folder.updated_by);
      FolderView view{folder, FolderCounts{folder.id, 0, 0},
                      access.of_folder(folder).wrapper_access()};
      for (const FolderCounts& c : counts)
        if (c.folder_id == folder.id) view.counts = c;
      out.folders.push_back(std::move(view));
    }
    out.people = PeopleIndex::load(tx.users(), people);
    return out;
  });
}

}  // namespace projectd
