// What others shared with a viewer: the content of the @share section (folder_sections.cc). An
// entry is listed when it is in someone else's @my tree, the viewer may read it through a share,
// and they cannot read its folder (else it is reached through that folder, as in the original's
// "Shared with Me"). Thread safety: runs inside the caller's transaction.
#pragma once

#include "domain/files/file_access.h"

#include <utility>
#include <vector>

namespace projectd {

struct SharedWithMe {
  std::vector<std::pair<FolderRecord, TreeAccess>> folders;
  std::vector<FileRecord> files;
};

// The shares naming the viewer, their groups or everyone (two statements).
std::vector<FileShareRecord> shares_naming_viewer(StoreTx& tx, const Viewer& viewer);

// A fixed number of statements: the viewer's shares and groups, the entries they name, their
// parent folders, and each distinct parent's folder chain once.
SharedWithMe shared_with_viewer(StoreTx& tx, const Viewer& viewer);

}  // namespace projectd
