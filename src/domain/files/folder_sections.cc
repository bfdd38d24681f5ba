// The virtual sections of the Documents (kFolderSections with is_virtual): folders that have no row
// of their own and whose content is computed for the caller (docs/wire-compatibility.md,
// "Folders").
//   @projects  the documents folder of every project whose files the caller may read, as one list
//              of folders (the original's "Projects Documents" section);
//   @share     what others shared with the caller (shared_with_me.h): folders, then files, each
//              with the access its share gives.
// (@trash is the caller's own stored trash folder, trash.h, not a virtual section.)
// A section's `current` is a folder of id 0 made by the system (the all-zero GUID) at the Unix
// epoch, with the section's FolderType as its rootFolderType and `pathParts` [0]; a client names
// the section by its word, never by that id.
#include "base/ascii.h"
#include "domain/files/file_service.h"
#include "domain/files/file_types.h"
#include "domain/files/shared_with_me.h"
#include "domain/projects/project_access.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>

namespace projectd {
namespace {

constexpr const char* kSectionCreator = "00000000-0000-0000-0000-000000000000";

// A folder of a section's list with the access the viewer has to it.
struct SectionFolder {
  FolderRecord folder;
  int access = 2;
};

// The documents folders of the projects the viewer may read files of: one project query with the
// visibility in SQL, one membership read, one folder read, whatever the number of projects.
std::vector<SectionFolder> readable_project_folders(StoreTx& tx, const Viewer& viewer) {
  ProjectQuery query;
  query.viewer = viewer;
  query.limit = std::numeric_limits<std::int32_t>::max();
  std::map<std::int64_t, int> access_of_folder;
  std::vector<std::int64_t> folder_ids;
  for (const AccessibleProject& p : with_security(tx, viewer, tx.projects().page(query))) {
    if (!p.project.folder_id || !p.security.can_read_files()) continue;
    folder_ids.push_back(*p.project.folder_id);
    access_of_folder[*p.project.folder_id] = p.security.can_edit_files() ? 0 : 2;
  }
  std::vector<SectionFolder> out;
  for (FolderRecord& folder : tx.folders().by_ids(folder_ids)) {
    const int access = access_of_folder[folder.id];
    out.push_back(SectionFolder{std::move(folder), access});
  }
  return out;
}

// The files of a section by title ignoring ASCII case, then id, as a folder's files, with the
// query's filter: none when it asks for folders only.
std::vector<FileRecord> section_files(std::vector<FileRecord> files,
                                      const FolderContentQuery& query) {
  const std::vector<std::string> extensions = filter_extensions(query);
  std::erase_if(files, [&](const FileRecord& f) {
    const bool type_ok = extensions.empty() || std::find(extensions.begin(), extensions.end(),
                                                         extension_of(f.title)) != extensions.end();
    return query.filter_type == 2 || !type_ok ||
           (!query.text.empty() &&
            ascii::to_lower(f.title).find(ascii::to_lower(query.text)) == std::string::npos);
  });
  std::sort(files.begin(), files.end(), [](const FileRecord& a, const FileRecord& b) {
    const std::string ta = ascii::to_lower(a.title), tb = ascii::to_lower(b.title);
    return ta != tb ? ta < tb : a.id < b.id;
  });
  return files;
}

bool section_title_matches(const std::string& title, const std::string& text) {
  return text.empty() || ascii::to_lower(title).find(ascii::to_lower(text)) != std::string::npos;
}

}  // namespace

FolderContent section_content_in_tx(StoreTx& tx, const Viewer& viewer, const FolderSection& section,
                                    const FolderContentQuery& query) {
  std::vector<SectionFolder> folders;
  std::vector<FileRecord> files;
  if (section.kind == FolderRef::Kind::kProjects) folders = readable_project_folders(tx, viewer);
  if (section.kind == FolderRef::Kind::kShare) {
    SharedWithMe shared = shared_with_viewer(tx, viewer);
    for (auto& [folder, access] : shared.folders)
      folders.push_back(SectionFolder{std::move(folder), access.wrapper_access()});
    files = std::move(shared.files);
  }

  FolderRecord current;
  current.title = std::string(section.title);
  current.created = current.updated = from_ticks(0);
  current.created_by = current.updated_by = kSectionCreator;
  FolderContent out;
  out.path = {current};
  out.current = FolderView{current,
                           FolderCounts{0, static_cast<std::int64_t>(files.size()),
                                        static_cast<std::int64_t>(folders.size())},
                           2, section.type};

  // Folders by title ignoring ASCII case, then id, as a folder's subfolders; filters that ask for
  // files only leave none.
  std::erase_if(folders, [&](const SectionFolder& f) {
    return (query.filter_type != 0 && query.filter_type != 2) ||
           !section_title_matches(f.folder.title, query.text);
  });
  std::sort(folders.begin(), folders.end(), [](const SectionFolder& a, const SectionFolder& b) {
    const std::string ta = ascii::to_lower(a.folder.title), tb = ascii::to_lower(b.folder.title);
    return ta != tb ? ta < tb : a.folder.id < b.folder.id;
  });
  files = section_files(std::move(files), query);
  out.total = static_cast<std::int64_t>(folders.size() + files.size());
  const auto first = std::min<std::size_t>(folders.size(), static_cast<std::size_t>(query.offset));
  const auto last =
      std::min<std::size_t>(folders.size(), first + static_cast<std::size_t>(query.limit));
  // Files follow the folders on the same pages.
  const auto file_first =
      std::min<std::size_t>(files.size(), static_cast<std::size_t>(query.offset) - first);
  const auto file_last = std::min<std::size_t>(
      files.size(), file_first + static_cast<std::size_t>(query.limit) - (last - first));

  std::vector<std::int64_t> ids;
  for (std::size_t i = first; i < last; ++i)
    ids.push_back(folders[i].folder.id);
  const std::vector<FolderCounts> counts = tx.folders().counts(ids);
  std::vector<std::string> people{kSectionCreator};
  for (std::size_t i = first; i < last; ++i) {
    FolderView view{folders[i].folder, counts_of_folder(counts, folders[i].folder.id),
                    folders[i].access, 0};
    people.push_back(view.folder.created_by);
    people.push_back(view.folder.updated_by);
    out.folders.push_back(std::move(view));
  }
  mark_shared_folders(tx, out.folders);
  out.files = file_views(tx, viewer,
                         {std::make_move_iterator(files.begin() + file_first),
                          std::make_move_iterator(files.begin() + file_last)},
                         people);
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

}  // namespace projectd
