// FileOperationService: the operation list, the conflict check, move, copy and mark as read.
#include "domain/files/file_operations.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "domain/files/file_types.h"
#include "domain/files/operation_log.h"
#include "domain/files/trash.h"
#include "domain/notify/event_publishers.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace projectd {
namespace {

constexpr const char* kMovedOutOfProject = "file moved out of the project";
constexpr const char* kMovedOntoAnother = "file moved onto another";

std::vector<std::int64_t> distinct_operation_ids(const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  for (std::int64_t id : ids)
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  return out;
}

// The selected files and folders in the order sent: one statement each; 404 when any is missing.
std::vector<FileRecord> selected_files(StoreTx& tx, const std::vector<std::int64_t>& ids) {
  std::vector<FileRecord> files = files_in_order(tx, ids);
  if (files.size() != ids.size()) throw_not_found();
  return files;
}

std::vector<FolderRecord> selected_folders(StoreTx& tx, const std::vector<std::int64_t>& ids) {
  std::vector<FolderRecord> found = tx.folders().by_ids(ids);
  std::vector<FolderRecord> ordered;
  for (std::int64_t id : ids) {
    auto it =
        std::find_if(found.begin(), found.end(), [&](const FolderRecord& f) { return f.id == id; });
    if (it == found.end()) throw_not_found();
    ordered.push_back(std::move(*it));
  }
  return ordered;
}

// The destination's files by title, ASCII case ignored (as the store compares titles): one
// statement, whatever the number of items moved.
using TitleIndex = std::map<std::string, FileRecord>;

TitleIndex destination_titles(StoreTx& tx, std::int64_t folder_id) {
  TitleIndex titles;
  const FileListQuery query{folder_id, "", {}, 0, std::numeric_limits<std::int64_t>::max()};
  for (FileRecord& file : tx.files().in_folder(query)) {
    std::string key = ascii::to_lower(file.title);
    titles.emplace(std::move(key), std::move(file));
  }
  return titles;
}

// `name (1).ext`, `name (2).ext`...: the first the destination does not have.
std::string duplicate_title(const TitleIndex& titles, const std::string& title) {
  for (int n = 1;; ++n) {
    std::string candidate = numbered_title(title, n);
    if (!titles.contains(ascii::to_lower(candidate))) return candidate;
  }
}

FileRecord new_file_record(std::int64_t folder_id, const std::string& title,
                           const FileVersionRecord& content, Timestamp now,
                           const std::string& user_id) {
  FileRecord file;
  file.folder_id = folder_id;
  file.title = title;
  file.version = FileVersionRecord{1, content.sha256, content.size, std::nullopt, now, user_id};
  file.created = file.updated = now;
  file.created_by = file.updated_by = user_id;
  return file;
}

// Copies the folder with its subtree into `dest`: one insert per folder, two per file (the file
// and its one version, naming the same content: no byte is read or written) and its file.created
// event. Answers the copy's id.
std::int64_t copy_folder_in_tx(StoreTx& tx, const FolderRecord& source, const FolderRecord& dest,
                               Timestamp now, const std::string& user_id) {
  const std::int64_t parent_id = dest.id;
  std::map<std::int64_t, std::int64_t> copies;  // source folder -> its copy
  for (const FolderRecord& folder : tx.folders().subtree(source.id)) {
    FolderRecord copy;
    copy.parent_id = folder.id == source.id ? parent_id : copies.at(*folder.parent_id);
    copy.kind = static_cast<int>(FolderKind::kSubfolder);
    copy.title = folder.title;
    copy.created = copy.updated = now;
    copy.created_by = copy.updated_by = user_id;
    copies[folder.id] = tx.folders().insert(copy);
  }
  for (const FileRecord& file : tx.files().by_ids(tx.files().ids_under(source.id))) {
    FileRecord copy =
        new_file_record(copies.at(file.folder_id), file.title, file.version, now, user_id);
    copy.id = tx.files().insert(copy);
    copy.project_id = dest.project_id;
    publish_file_event(tx, event::kFileCreated, user_id, copy);
  }
  return copies.at(source.id);
}

// Detaches these files from every task and discussion, with audit records giving `reason`: a file
// that leaves its project's tree can no longer be attached to that project's tasks, and a file
// moved onto another is gone. Three statements, then two per attachment.
void detach_moved_files(StoreTx& tx, const std::vector<std::int64_t>& file_ids,
                        const std::string& user_id, Timestamp now, const std::string& reason) {
  if (file_ids.empty()) return;
  const std::vector<AttachmentRecord> attachments = tx.attachments().of_files(file_ids);
  if (attachments.empty()) return;
  std::vector<std::int64_t> attached;
  for (const AttachmentRecord& a : attachments)
    attached.push_back(a.file_id);
  std::map<std::int64_t, FileRecord> moved;
  for (FileRecord& file : tx.files().by_ids(attached)) {
    // Read after the move: the project the attachment was made in is no longer the file's.
    file.project_id.reset();
    moved[file.id] = std::move(file);
  }
  for (const AttachmentRecord& a : attachments) {
    FileRecord& file = moved[a.file_id];  // a file already gone keeps its id, with no title
    file.id = a.file_id;
    detach_in_tx(tx, a, file, user_id, reason, now);
  }
}

// The destination of a move, copy or conflict check: resolve_folder's, except that an id naming
// no folder the viewer can read but a file they can read answers 400 saying so (a client mixed up
// the ids). Whether a hidden folder has the id does not change the answer, so it tells nothing.
FolderRecord destination_in_tx(StoreTx& tx, const Viewer& viewer, FolderRef ref,
                               FileAccessResolver& access) {
  if (ref.kind == FolderRef::Kind::kId) {
    const auto folder = tx.folders().by_id(ref.id);
    if (!folder || !access.of_folder(*folder).read) {
      if (auto file = tx.files().by_id(ref.id); file && access.of_file(*file).read)
        throw_bad_request("destFolderId " + std::to_string(ref.id) + " is a file, not a folder");
    }
  }
  return resolve_folder(tx, viewer, ref, access);
}

// 404 for any item the viewer cannot read (all of them checked before anything else), then, for a
// change, 409 and 403 item by item.
void check_operation_items(FileAccessResolver& access, const Viewer& viewer,
                           const std::vector<FileRecord>& files,
                           const std::vector<FolderRecord>& folders, bool change) {
  for (const FileRecord& f : files)
    access.require_read(access.of_file(f));
  for (const FolderRecord& f : folders)
    access.require_read(access.of_folder(f));
  if (!change) return;
  for (const FileRecord& f : files) {
    access.require_edit(access.of_file(f));
    require_removable(viewer, f);
  }
  for (const FolderRecord& f : folders) {
    access.require_edit(access.of_folder(f));
    if (!f.parent_id) throw_forbidden("A section or project folder cannot be moved");
    require_removable(viewer, f);
  }
}

}  // namespace

// The operations as the viewer sees them now: the files and folders each produced that still exist
// and are readable (a Delete lists none, as the original), in a fixed number of statements.
OperationViews operation_views_in_tx(StoreTx& tx, const Viewer& viewer,
                                     std::vector<FileOperationRecord> operations) {
  std::set<std::int64_t> file_ids, folder_ids;
  for (const FileOperationRecord& o : operations) {
    if (o.type == FileOperationType::kDelete) continue;
    file_ids.insert(o.file_ids.begin(), o.file_ids.end());
    folder_ids.insert(o.folder_ids.begin(), o.folder_ids.end());
  }
  FileAccessResolver access(tx, viewer);
  std::vector<std::string> people;
  std::vector<FileRecord> readable_files;
  for (FileRecord& file : tx.files().by_ids({file_ids.begin(), file_ids.end()}))
    if (access.of_file(file).read) readable_files.push_back(std::move(file));
  std::vector<FolderRecord> readable_folders;
  for (FolderRecord& folder : tx.folders().by_ids({folder_ids.begin(), folder_ids.end()}))
    if (access.of_folder(folder).read) readable_folders.push_back(std::move(folder));
  const std::vector<FileView> files = file_views(tx, viewer, std::move(readable_files), people);
  const std::vector<FolderView> folders = folder_views(tx, access, readable_folders);

  OperationViews out;
  for (FileOperationRecord& o : operations) {
    OperationView view{std::move(o), {}, {}};
    if (view.operation.type != FileOperationType::kDelete) {
      for (std::int64_t id : view.operation.file_ids)
        for (const FileView& f : files)
          if (f.file.id == id) view.files.push_back(f);
      for (std::int64_t id : view.operation.folder_ids)
        for (const FolderView& f : folders)
          if (f.folder.id == id) view.folders.push_back(f);
    }
    out.operations.push_back(std::move(view));
  }
  for (const FolderView& f : folders) {
    people.push_back(f.folder.created_by);
    people.push_back(f.folder.updated_by);
  }
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

FileOperationService::FileOperationService(Store& store, BlobStore& blobs)
    : store_(store), blobs_(blobs) {}

OperationViews FileOperationService::list(const Caller& caller) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    return operation_views_in_tx(tx, viewer, listed_operations_in_tx(tx, viewer.user_id));
  });
}

FileViews FileOperationService::conflicts(const Caller& caller, FolderRef destination,
                                          const std::vector<std::int64_t>& file_ids,
                                          const std::vector<std::int64_t>& folder_ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    const FolderRecord dest = destination_in_tx(tx, viewer, destination, access);
    std::vector<FileRecord> files = selected_files(tx, distinct_operation_ids(file_ids));
    check_operation_items(access, viewer, files,
                          selected_folders(tx, distinct_operation_ids(folder_ids)), false);
    const TitleIndex titles = destination_titles(tx, dest.id);
    std::erase_if(files,
                  [&](const FileRecord& f) { return !titles.contains(ascii::to_lower(f.title)); });
    return load_file_views(tx, viewer, std::move(files));
  });
}

OperationViews FileOperationService::move_or_copy(const Caller& caller,
                                                  const MoveRequest& request) {
  const Viewer viewer = viewer_of(caller);
  const std::vector<std::int64_t> file_ids = distinct_operation_ids(request.file_ids);
  const std::vector<std::int64_t> folder_ids = distinct_operation_ids(request.folder_ids);
  const bool copy = request.copy;
  std::vector<std::string> released;
  OperationViews out = store_.write_value([&](StoreTx& tx) {
    released.clear();
    const Timestamp now = now_utc();
    FileAccessResolver access(tx, viewer);
    const FolderRecord dest = destination_in_tx(tx, viewer, request.destination, access);
    access.require_edit(access.of_folder(dest));
    refuse_trash_destination(dest);
    const std::vector<FileRecord> files = selected_files(tx, file_ids);
    const std::vector<FolderRecord> folders = selected_folders(tx, folder_ids);
    check_operation_items(access, viewer, files, folders, !copy);
    if (files.empty() && folders.empty())
      throw_bad_request("Nothing to move or copy: send fileIds or folderIds");
    // The destination's own path, root first: a selected folder on it would go into itself.
    for (const FolderRecord& above : tx.folders().path(dest.id))
      for (const FolderRecord& f : folders)
        if (f.id == above.id)
          throw_bad_request("A folder cannot be moved or copied into itself or its subfolders");

    TitleIndex titles = destination_titles(tx, dest.id);
    FinishedOperation done{
        copy ? FileOperationType::kCopy : FileOperationType::kMove, 0, {}, {}, std::nullopt};
    std::vector<std::int64_t> leaving;      // moved files that change project tree
    std::vector<std::int64_t> overwritten;  // moved files that became a version of another
    std::vector<std::int64_t> restored_files, restored_folders;  // moved out of a trash
    for (const FileRecord& f : files) {
      ++done.processed;
      if (!copy && f.folder_id == dest.id) {  // already there
        done.file_ids.push_back(f.id);
        continue;
      }
      std::string title = f.title;
      if (auto taken = titles.find(ascii::to_lower(title)); taken != titles.end()) {
        if (request.resolve == ConflictResolve::kSkip) continue;
        if (request.resolve == ConflictResolve::kOverwrite) {
          // The file in place gets the arriving content as its next version; a moved file is then
          // gone (its other versions' contents are released once nothing uses them).
          FileRecord& target = taken->second;
          target.current_version += 1;
          tx.files().add_version(
              target.id, FileVersionRecord{target.current_version, f.version.sha256, f.version.size,
                                           std::nullopt, now, viewer.user_id});
          if (!copy) overwritten.push_back(f.id);
          done.file_ids.push_back(target.id);
          continue;
        }
        title = duplicate_title(titles, title);
      }
      FileRecord placed = new_file_record(dest.id, title, f.version, now, viewer.user_id);
      if (copy) {
        placed.id = tx.files().insert(placed);
        placed.project_id = dest.project_id;
        publish_file_event(tx, event::kFileCreated, viewer.user_id, placed);
      } else {
        if (f.project_id != dest.project_id) leaving.push_back(f.id);
        tx.files().move(f.id, dest.id, title, now, viewer.user_id);
        if (in_trash(f)) restored_files.push_back(f.id);
        placed = f;
        placed.folder_id = dest.id;
        placed.title = title;
      }
      done.file_ids.push_back(placed.id);
      titles.insert_or_assign(ascii::to_lower(title), std::move(placed));
    }
    for (const FolderRecord& f : folders) {
      ++done.processed;
      if (copy) {
        done.folder_ids.push_back(copy_folder_in_tx(tx, f, dest, now, viewer.user_id));
        continue;
      }
      if (f.parent_id != dest.id) {
        if (f.project_id != dest.project_id) {
          const std::vector<std::int64_t> below = tx.files().ids_under(f.id);
          leaving.insert(leaving.end(), below.begin(), below.end());
        }
        tx.folders().move(f.id, dest.id, now, viewer.user_id);
        if (in_trash(f)) restored_folders.push_back(f.id);
      }
      done.folder_ids.push_back(f.id);
    }
    detach_moved_files(tx, leaving, viewer.user_id, now, kMovedOutOfProject);
    restore_from_trash_in_tx(tx, viewer, restored_files, restored_folders, now);
    // The moved files that overwrote others go, with set reads: their attachments, then the
    // contents their versions used (released after the commit once nothing uses them).
    detach_moved_files(tx, overwritten, viewer.user_id, now, kMovedOntoAnother);
    if (!overwritten.empty()) released = tx.files().contents_of(overwritten);
    for (std::int64_t id : overwritten)
      tx.files().remove(id);
    return operation_views_in_tx(tx, viewer,
                                 {record_operation_in_tx(tx, viewer.user_id, std::move(done))});
  });
  release_unreferenced_contents(store_, blobs_, released);
  return out;
}

OperationViews FileOperationService::mark_as_read(const Caller& caller,
                                                  const std::vector<std::int64_t>& file_ids,
                                                  const std::vector<std::int64_t>& folder_ids) {
  const Viewer viewer = viewer_of(caller);
  const std::vector<std::int64_t> files = distinct_operation_ids(file_ids);
  const std::vector<std::int64_t> folders = distinct_operation_ids(folder_ids);
  return store_.write_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    check_operation_items(access, viewer, selected_files(tx, files), selected_folders(tx, folders),
                          false);
    FinishedOperation done{FileOperationType::kMarkAsRead,
                           static_cast<std::int64_t>(files.size() + folders.size()), files, folders,
                           std::nullopt};
    return operation_views_in_tx(tx, viewer,
                                 {record_operation_in_tx(tx, viewer.user_id, std::move(done))});
  });
}

}  // namespace projectd
