// The Documents surface (docs/wire-compatibility.md, "Folders" to "Downloads", with "Uploads with a
// taken name"): folders (@my, @common, project folders and their subfolders), files with versions,
// uploads, and downloads. Contents go to the blob store before the database commits the version
// that names them; deleting a file moves it into the deleter's trash (trash.h) and detaches it
// (with audit records); deleting for good removes it and, once nothing references them, its
// contents. Checks run 404 -> 409 -> 403 -> 400 (file_access.h); a refused
// call changes nothing. Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "blob/blob_store.h"
#include "domain/batch.h"
#include "domain/caller.h"
#include "domain/files/file_access.h"
#include "domain/people/people_index.h"
#include "store/store.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

// A folder as routes name it: a section word (kFolderSections) or a numeric id. `@favorites`,
// `@recent` and `@templates` are the caller's own sections (file_marks.h): they list marked
// entries and hold none.
struct FolderRef {
  enum class Kind {
    kMy,
    kCommon,
    kProjects,
    kShare,
    kTrash,
    kFavorites,
    kRecent,
    kTemplates,
    kId
  } kind = Kind::kId;
  std::int64_t id = 0;
};

// The section words of the original's Documents (docs/wire-compatibility.md, "Folders"), one row
// each: `word` is what a route accepts in any case (`@my`); `type` is the original's FolderType,
// the rootFolderType of a virtual section's `current` (0 for a section that is a stored folder).
// A virtual section has no folder of its own: its content is computed (folder_sections.cc).
struct FolderSection {
  std::string_view word;
  FolderRef::Kind kind;
  bool is_virtual;
  int type;
  std::string_view title;
};
inline constexpr FolderSection kFolderSections[] = {
    {"@my", FolderRef::Kind::kMy, false, 0, ""},
    {"@common", FolderRef::Kind::kCommon, false, 0, ""},
    {"@projects", FolderRef::Kind::kProjects, true, 8, "Projects Documents"},
    {"@share", FolderRef::Kind::kShare, true, 6, "Shared with Me"},
    // The caller's own trash, a stored folder made on first need (trash.h).
    {"@trash", FolderRef::Kind::kTrash, false, 0, ""},
    // The caller's marks (file_marks.h): computed like the others, by FileMarkService.
    {"@favorites", FolderRef::Kind::kFavorites, true, 10, "Favorites"},
    {"@recent", FolderRef::Kind::kRecent, true, 11, "Recent"},
    {"@templates", FolderRef::Kind::kTemplates, true, 12, "Templates"},
};
// The row of a section kind; nullptr for kId.
const FolderSection* folder_section(FolderRef::Kind kind);
// nullopt when the text is neither a section word nor a positive id.
std::optional<FolderRef> parse_folder_ref(std::string_view text);

struct FolderView {
  FolderRecord folder;
  FolderCounts counts;
  int access = 2;
  int section_type = 0;  // a virtual section's FolderType (its rootFolderType); 0 otherwise
  bool shared = false;   // FolderWrapper.shared: it has a share
};

// One folder with the people its wrapper names.
struct FolderAnswer {
  FolderView folder;
  PeopleIndex people;
};

struct FileViews {
  std::vector<FileView> files;
  PeopleIndex people;  // creators and last editors
};

// GET files/{folder}: subfolders first, then files, paged over both.
struct FolderContent {
  FolderView current;
  std::vector<FolderRecord> path;  // root first, ending with current
  std::vector<FolderView> folders;
  std::vector<FileView> files;
  std::int64_t total = 0;  // folders and files matching, not only this page
  PeopleIndex people;
};

struct FolderContentQuery {
  // 0 None, 1 FilesOnly, 2 FoldersOnly, 3 Documents, 4 Presentations, 5 Spreadsheets, 7 Images,
  // 10 Archive, 12 Media (sets of extensions, domain/files/file_types.h), 11 ByExtension
  // (`extension`); others: None.
  int filter_type = 0;
  std::string extension;  // filter 11: ".txt" or "txt"
  std::string text;
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

// The extensions the query's filter admits (empty: any): its type's set, or for ByExtension (11)
// the `extension` asked for.
std::vector<std::string> filter_extensions(const FolderContentQuery& query);

struct UploadOptions {
  // docs/wire-compatibility.md, "Uploads with a taken name": a title that exists in the folder
  // makes a new file `name (1).ext` unless this is false, which adds a version to the existing
  // file. Not sent: the caller's `updateifexist` setting decides (FilesUserSettings), as in the
  // original.
  std::optional<bool> create_new_if_exist;
  std::optional<std::string> comment;  // the version comment; null otherwise
  // Runs inside the write that stores the files, after them: a chunked upload ends its session in
  // the same transaction that makes its file. May run more than once (a retried write); throwing
  // rolls the files back too.
  std::function<void(StoreTx&)> in_same_write;
};

struct Download {
  std::filesystem::path path;
  std::uint64_t size = 0;
  std::string sha256;
  std::string title;
};

// One recorded file operation with the files and folders its wrapper shows.
struct OperationView {
  FileOperationRecord operation;
  std::vector<FileView> files;
  std::vector<FolderView> folders;
};
// Operations with the people their files and folders name.
struct OperationViews {
  std::vector<OperationView> operations;
  PeopleIndex people;
};

// PUT fileops/delete: each id handled as its single call would be (domain/batch.h).
struct DeleteOutcome {
  // The one Delete operation, recorded in the delete's transaction, with the deleted files and
  // folders as they were.
  OperationViews operation;
  std::vector<BatchFailure> failed_files;
  std::vector<BatchFailure> failed_folders;
};

class FileService {
 public:
  FileService(Store& store, BlobStore& blobs, std::uint64_t max_upload_bytes);

  FolderContent folder(const Caller& caller, FolderRef ref, const FolderContentQuery& query);
  // GET files/@root: the caller's sections in the original's order (@my unless a guest, @share,
  // @common, @projects, @trash), each as `folder` answers it, from one snapshot.
  std::vector<FolderContent> roots(const Caller& caller, const FolderContentQuery& query);
  // GET files/folder/{id}: one folder; 404 unless readable.
  FolderAnswer folder_info(const Caller& caller, std::int64_t id);
  // GET files/folder/{id}/path: the folder and its ancestors, root first; 404 unless readable.
  std::vector<FolderView> folder_path(const Caller& caller, std::int64_t id, PeopleIndex& people);
  FolderAnswer create_folder(const Caller& caller, FolderRef parent, const std::string& title);
  FolderAnswer rename_folder(const Caller& caller, std::int64_t id, const std::string& title);
  // Section roots and project roots cannot be deleted (403); moves the subtree with its files into
  // the caller's trash, or removes it for good when `immediately` or already in a trash
  // (trash.h). Answers the folder as it was (and no failures: a refusal throws).
  DeleteOutcome delete_folder(const Caller& caller, std::int64_t id, bool immediately);

  // Stores the uploads in the folder, in order; 400 "No input files" when there are none. A file
  // without a name is called `file` plus an extension for its content type.
  FileViews upload(const Caller& caller, FolderRef folder, std::vector<SpooledFile>& files,
                   const UploadOptions& options);
  // A file made in code (text, html, blank documents).
  FileViews create(const Caller& caller, FolderRef folder, const std::string& title,
                   std::string_view content, const UploadOptions& options);

  FileViews get(const Caller& caller, std::int64_t id, std::optional<int> version);
  FileViews history(const Caller& caller, std::int64_t id);
  // PUT files/file/{id}/history (docs/wire-compatibility.md, "Version history"), as the original's
  // CompleteVersionFile: `version` (0: the current one) ends its version group, or with
  // `continue_version` the group after it joins it. Ending the current version's group stores its
  // content again as a new version in a group of its own. Answers the history. 404 for a hidden
  // file or a version it does not have; 409 closed project; 403 unless changeable.
  FileViews change_history(const Caller& caller, std::int64_t id, int version,
                           bool continue_version);
  FileViews rename(const Caller& caller, std::int64_t id, const std::string& title);
  // Into the caller's trash, or for good when `immediately` or already in a trash (trash.h).
  // Answers the file as it was (and no failures: a refusal throws).
  DeleteOutcome remove(const Caller& caller, std::int64_t id, bool immediately);
  DeleteOutcome remove_many(const Caller& caller, const std::vector<std::int64_t>& file_ids,
                            const std::vector<std::int64_t>& folder_ids, bool immediately);

  Download download(const Caller& caller, std::int64_t id, std::optional<int> version);

  std::uint64_t max_upload_bytes() const { return max_upload_bytes_; }

 private:
  DeleteOutcome remove_many(const Caller& caller, const std::vector<std::int64_t>& file_ids,
                            const std::vector<std::int64_t>& folder_ids, bool immediately,
                            bool single);
  std::vector<std::int64_t> store_files(const Caller& caller, FolderRef folder,
                                        std::vector<std::pair<std::string, BlobRef>> contents,
                                        const UploadOptions& options);

  Store& store_;
  BlobStore& blobs_;
  std::uint64_t max_upload_bytes_;
};

// The folder a reference names: 404 when it does not exist or the viewer may not read it, 403 for a
// virtual section (it holds nothing of its own). @trash is the viewer's trash folder.
FolderRecord resolve_folder(StoreTx& tx, const Viewer& viewer, FolderRef ref,
                            FileAccessResolver& access);
// Inside a transaction: the folder a reference names when the viewer may add files to it (404 when
// hidden or missing, 403 when only readable).
FolderRecord writable_folder_in_tx(StoreTx& tx, const Viewer& viewer, FolderRef ref);
// A new root folder of one person (@my, their trash), made by them now, to insert.
FolderRecord personal_root(FolderKind kind, const std::string& user_id, std::string title);
// Makes the viewer's @my folder when they have none yet (before a write that names @my).
void ensure_my_folder_exists(Store& store, const Viewer& viewer);

// The files as the viewer sees them, with the people their wrappers name.
FileViews load_file_views(StoreTx& tx, const Viewer& viewer, std::vector<FileRecord> files);

// The content of one folder, or of a section, as FileService::folder answers it, inside the
// caller's read transaction (@my must exist already: FileService makes it first).
FolderContent folder_content_in_tx(StoreTx& tx, const Viewer& viewer, FolderRef ref,
                                   const FolderContentQuery& query);
// The content of a virtual section (@projects, @share; folder_sections.cc).
FolderContent section_content_in_tx(StoreTx& tx, const Viewer& viewer, const FolderSection& section,
                                    const FolderContentQuery& query);
// The counts of folder `id` among `counts` (zeros when it is not there).
FolderCounts counts_of_folder(const std::vector<FolderCounts>& counts, std::int64_t id);
// Views of these folders (counts and the viewer's access) in their order: one statement.
std::vector<FolderView> folder_views(StoreTx& tx, FileAccessResolver& access,
                                     const std::vector<FolderRecord>& folders);

// Sets `shared` on the views of folders that have a share: one statement.
void mark_shared_folders(StoreTx& tx, std::vector<FolderView>& views);

// Removes the contents nothing references any more, after the commit that dropped them.
void release_unreferenced_contents(Store& store, BlobStore& blobs,
                                   const std::vector<std::string>& sha256s);

// Inside a write transaction: detaches the file from every task and discussion, with audit records
// saying why, then deletes it; returns the contents its versions used (to sweep after commit).
std::vector<std::string> delete_file_in_tx(StoreTx& tx, const FileRecord& file,
                                           const std::string& user_id, const std::string& reason);
// Inside a write transaction: removes one attachment of `file` (as it was before the change), with
// an audit record saying why, and publishes its files.detached event with the file's project.
void detach_in_tx(StoreTx& tx, const AttachmentRecord& attachment, const FileRecord& file,
                  const std::string& user_id, const std::string& reason, Timestamp at);

}  // namespace projectd
