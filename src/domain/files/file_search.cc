#include "domain/files/file_search.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "base/text_fold.h"
#include "domain/files/shared_with_me.h"
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

// The roots of the other people's @my trees that hold what they shared with the viewer: their
// entries are candidates, each checked against the viewer's access (shares reach into them).
std::vector<std::int64_t> shared_roots(StoreTx& tx, const Viewer& viewer) {
  const SharedWithMe shared = shared_with_viewer(tx, viewer);
  std::vector<std::int64_t> roots;
  std::vector<std::int64_t> parents;
  for (const auto& [folder, access] : shared.folders)
    roots.push_back(folder.root_id);
  for (const FileRecord& file : shared.files)
    parents.push_back(file.folder_id);
  for (const FolderRecord& parent : tx.file_search().folders_by_ids(parents))
    roots.push_back(parent.root_id);
  return roots;
}

template <typename Entry>
std::vector<Entry> page_of(std::vector<Entry> entries, std::int64_t begin, std::int64_t end) {
  return std::vector<Entry>(std::make_move_iterator(entries.begin() + begin),
                            std::make_move_iterator(entries.begin() + end));
}

}  // namespace

EntrySearch FileSearchService::search(const Caller& caller, std::string_view query,
                                      std::int64_t offset, std::int64_t limit) {
  const std::string needle = text_fold::fold(ascii::trim(query));
  if (needle.empty()) throw_bad_request("Parameter 'query' must not be empty");
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    std::vector<std::int64_t> roots = readable_roots(tx, viewer);
    for (std::int64_t root : shared_roots(tx, viewer))
      if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
    std::vector<std::int64_t> file_ids;
    std::vector<std::int64_t> folder_ids;
    for (const TitleEntry& entry : tx.file_search().entries_under(roots)) {
      if (!text_fold::contains_folded(entry.title, needle)) continue;
      (entry.is_folder ? folder_ids : file_ids).push_back(entry.id);
    }
    // Only what the viewer may read: a Restrict share hides an entry of @common, and only the
    // shared parts of another person's @my are theirs to find.
    FileAccessResolver access(tx, viewer);
    std::vector<FileRecord> files = tx.files().by_ids(file_ids);
    std::erase_if(files, [&](const FileRecord& f) { return !access.of_file(f).read; });
    std::sort(files.begin(), files.end(),
              [](const FileRecord& a, const FileRecord& b) { return a.id < b.id; });
    std::vector<FolderRecord> folders = tx.file_search().folders_by_ids(folder_ids);
    std::erase_if(folders, [&](const FolderRecord& f) { return !access.of_folder(f).read; });

    EntrySearch out;
    const auto file_count = static_cast<std::int64_t>(files.size());
    const auto folder_count = static_cast<std::int64_t>(folders.size());
    out.total = file_count + folder_count;
    // Files first, then folders (the original's order), cut to the page.
    const std::int64_t file_begin = std::min(offset, file_count);
    const std::int64_t file_end = std::min(file_count, offset + limit);
    const std::int64_t room = limit - (file_end - file_begin);
    const std::int64_t folder_begin =
        std::min(folder_count, std::max<std::int64_t>(0, offset - file_count));
    const std::int64_t folder_end =
        std::min(folder_count, folder_begin + std::max<std::int64_t>(0, room));
    std::vector<FolderRecord> page_folders = page_of(std::move(folders), folder_begin, folder_end);

    std::vector<std::string> people;
    out.files = file_views(tx, viewer, page_of(std::move(files), file_begin, file_end), people);
    std::vector<std::int64_t> page_folder_ids;
    for (const FolderRecord& folder : page_folders)
      page_folder_ids.push_back(folder.id);
    const std::vector<FolderCounts> counts = tx.folders().counts(page_folder_ids);
    for (FolderRecord& folder : page_folders) {
      people.push_back(folder.created_by);
      people.push_back(folder.updated_by);
      const int wrapper_access = access.of_folder(folder).wrapper_access();
      out.folders.push_back(FolderView{std::move(folder), FolderCounts{}, wrapper_access});
      out.folders.back().counts = counts_of_folder(counts, out.folders.back().folder.id);
    }
    out.people = PeopleIndex::load(tx.users(), people);
    return out;
  });
}

}  // namespace projectd
