// The checks and views FileService's files share (file_service.cc, file_deletes.cc): an entry the
// viewer may change, found in the caller's transaction, 404 -> 409 -> 403 as file_access.h orders
// the refusals. Internal to domain/files. Thread safety: each runs inside one transaction.
#pragma once

#include "domain/files/file_service.h"

#include <cstdint>
#include <string>
#include <vector>

namespace projectd {

// The folder a reference names, when the viewer may change it.
FolderRecord editable_folder(StoreTx& tx, const Viewer& viewer, FolderRef ref);
// The file's current version, when the viewer may change it.
FileRecord editable_file(StoreTx& tx, const Viewer& viewer, std::int64_t id);
// The folder's view with its counts (from `counts`) and the viewer's access.
FolderView folder_view(const FolderRecord& folder, const std::vector<FolderCounts>& counts,
                       FileAccessResolver& access);
// The people the folders' wrappers name (creator and last editor), added to `people`.
void add_folder_people(const std::vector<FolderView>& views, std::vector<std::string>& people);

}  // namespace projectd
