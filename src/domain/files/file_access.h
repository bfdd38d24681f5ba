// Who may read and change files (issue 4; docs/wire-compatibility.md, "Who may change a project's
// files"): a file's rights are its folder tree's.
//   @my      its owner reads and changes; nobody else sees it (not even admins);
//   @common  everyone signed in reads; admins change;
//   trash    its owner reads and changes (restores, deletes for good); nobody else sees it;
//   project  whoever may read the project and its Files module reads (canReadFiles,
//            docs/wire-compatibility.md, "Permission rules are consistent"); admin, the manager, or
//            a member whose Files module is not restricted changes, while the project is not
//            closed.
// Shares (issue 16; docs/wire-compatibility.md, "Sharing") change the @my and @common rules for
// everyone but the owner of an @my tree and, in @common, admins: the share nearest to the entry
// (the entry itself, then its folders up to the root) decides, at one depth a person's over their
// groups' over everyone's, and among equals the more restrictive (FileShare's order). ReadWrite
// reads and changes, Read/Review/Comment/FillForms/CustomFilter read, Restrict denies. Project
// trees cannot be shared.
// Refusals follow the service order: cannot read -> 404, closed project -> 409, cannot change ->
// 403. Thread safety: a resolver belongs to one transaction.
#pragma once

#include "domain/files/file_share_levels.h"
#include "domain/projects/security.h"
#include "store/store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct TreeAccess {
  bool read = false;
  bool edit = false;    // would be allowed if the project were open
  bool closed = false;  // a closed project's tree: nothing in it may change (409)
  // The level of the share that decided (nullopt: the tree's own rules did).
  std::optional<FileShare> share = std::nullopt;
  // FileWrapper.access: the deciding share's level; else 0 (None, meaning no restriction) when the
  // caller may change it, else 2 (Read).
  int wrapper_access() const {
    if (share) return static_cast<int>(*share);
    return edit && !closed ? 0 : 2;
  }
};

struct FileView {
  FileRecord file;
  int access = 2;       // FileWrapper.access (TreeAccess::wrapper_access)
  bool shared = false;  // FileWrapper.shared: it has a share or a working link
};

// Caches each project's security for the length of one transaction, so a list of files from one
// project costs one project read and one membership read.
class FileAccessResolver {
 public:
  FileAccessResolver(StoreTx& tx, Viewer viewer);

  // The viewer's security in a project the caller has already read, so the files of its folders
  // are judged without reading the project and the viewer's membership again.
  void knows_project(std::int64_t project_id, const ProjectSecurity& security);

  TreeAccess of_folder(const FolderRecord& folder);
  TreeAccess of_file(const FileRecord& file);

  // 404 unless readable.
  void require_read(const TreeAccess& access) const;
  // 404 unless readable, 409 when its project is closed, 403 unless changeable.
  void require_edit(const TreeAccess& access) const;

 private:
  TreeAccess of_tree(int root_kind, const std::optional<std::string>& owner_id,
                     const std::optional<std::int64_t>& project_id);
  // `base` as the shares naming the viewer change it for this entry, whose parent folder is
  // `parent` (file_share_access.cc).
  TreeAccess with_shares(TreeAccess base, int root_kind, const std::optional<std::string>& owner_id,
                         ShareEntry entry, std::optional<std::int64_t> parent);
  // The folder and its ancestors, nearest first (cached).
  const std::vector<std::int64_t>& folder_chain(std::int64_t folder_id);

  StoreTx& tx_;
  Viewer viewer_;
  std::map<std::int64_t, std::optional<ProjectSecurity>> projects_;  // nullopt: project gone
  // The shares naming the viewer, their groups or everyone: read once, on first need.
  std::optional<std::vector<FileShareRecord>> viewer_shares_;
  std::map<std::int64_t, std::vector<std::int64_t>> folder_chains_;
};

// The original's Delete right, which deleting and moving away need beyond the change right: in
// another person's @my a share (even ReadWrite) lets the sharee remove only what they made
// themselves (its FileSecurity: "can't delete in My other people's files"); 403 otherwise.
// Call it after require_edit.
void require_removable(const Viewer& viewer, const FileRecord& file);
void require_removable(const Viewer& viewer, const FolderRecord& folder);

// The files as `viewer` sees them, in their order, with the people their wrappers name added to
// `people` (the caller loads one PeopleIndex for the whole response).
std::vector<FileView> file_views(StoreTx& tx, const Viewer& viewer, std::vector<FileRecord> files,
                                 std::vector<std::string>& people);
// The same, judged by `access` (its viewer), which may already know some projects.
std::vector<FileView> file_views(StoreTx& tx, FileAccessResolver& access,
                                 std::vector<FileRecord> files, std::vector<std::string>& people);
// The files with these ids, in the order of `ids`; unknown ids are left out. One statement.
std::vector<FileRecord> files_in_order(StoreTx& tx, const std::vector<std::int64_t>& ids);
// The files attached to a task or discussion, in attach order: two statements.
std::vector<FileRecord> attached_files(StoreTx& tx, EntityKind kind, std::int64_t entity_id);

}  // namespace projectd
