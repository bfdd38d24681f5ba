// The trash: moving entries in, restoring them, deleting for good, emptying and the auto clean-up.
#include "domain/files/trash.h"

#include "base/errors.h"
#include "domain/files/operation_log.h"
#include "domain/projects/attachment_service.h"

#include <chrono>
#include <limits>
#include <map>

namespace projectd {
namespace {

constexpr const char* kTrashedReason = "file moved to the trash";
constexpr const char* kRestoredReason = "restored from the trash";
constexpr std::int64_t kWholeTrash = std::numeric_limits<std::int64_t>::max();

// Detaches the files from every task and discussion with audit records, keeping each attachment
// so that a restore can make it again.
void detach_into_trash(StoreTx& tx, const std::vector<FileRecord>& files,
                       const std::string& user_id, Timestamp now) {
  if (files.empty()) return;
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, const FileRecord*> titles;
  for (const FileRecord& file : files) {
    ids.push_back(file.id);
    titles[file.id] = &file;
  }
  for (const AttachmentRecord& a : tx.attachments().of_files(ids)) {
    tx.trash().remember_attachment(a);
    detach_in_tx(tx, a, *titles.at(a.file_id), user_id, kTrashedReason, now);
  }
}

}  // namespace

bool in_trash(const FileRecord& file) {
  return file.root_kind == static_cast<int>(FolderKind::kTrash);
}

bool in_trash(const FolderRecord& folder) {
  return folder.root_kind == static_cast<int>(FolderKind::kTrash);
}

void throw_not_into_trash() {
  throw_forbidden(
      "Nothing can be stored or moved into the trash: delete it (fileops/delete) instead");
}

void refuse_trash_destination(const FolderRecord& folder) {
  if (in_trash(folder)) throw_not_into_trash();
}

FolderRecord own_trash_in_tx(StoreTx& tx, const Viewer& viewer) {
  if (auto trash = tx.trash().trash_folder(viewer.user_id)) return std::move(*trash);
  const std::int64_t id =
      tx.folders().insert(personal_root(FolderKind::kTrash, viewer.user_id, "Recycle Bin"));
  return *tx.folders().by_id(id);
}

void ensure_own_trash(Store& store, const Viewer& viewer) {
  if (store.read_value(
          [&](StoreTx& tx) { return tx.trash().trash_folder(viewer.user_id).has_value(); }))
    return;
  store.write([&](StoreTx& tx) { own_trash_in_tx(tx, viewer); });
}

void trash_file_in_tx(StoreTx& tx, const Viewer& viewer, const FileRecord& file, Timestamp now) {
  const FolderRecord trash = own_trash_in_tx(tx, viewer);
  detach_into_trash(tx, {file}, viewer.user_id, now);
  tx.files().move(file.id, trash.id, file.title, now, viewer.user_id);
  tx.trash().mark_file(file.id, file.folder_id, now);
}

void trash_folder_in_tx(StoreTx& tx, const Viewer& viewer, const FolderRecord& folder,
                        Timestamp now) {
  const FolderRecord trash = own_trash_in_tx(tx, viewer);
  detach_into_trash(tx, tx.files().by_ids(tx.files().ids_under(folder.id)), viewer.user_id, now);
  tx.folders().move(folder.id, trash.id, now, viewer.user_id);
  tx.trash().mark_folder(folder.id, folder.parent_id.value_or(0), now);
}

void restore_from_trash_in_tx(StoreTx& tx, const Viewer& viewer,
                              const std::vector<std::int64_t>& file_ids,
                              const std::vector<std::int64_t>& folder_ids, Timestamp now) {
  if (file_ids.empty() && folder_ids.empty()) return;
  tx.trash().unmark(file_ids, folder_ids);
  std::vector<std::int64_t> restored = file_ids;
  for (std::int64_t folder : folder_ids) {
    const std::vector<std::int64_t> below = tx.files().ids_under(folder);
    restored.insert(restored.end(), below.begin(), below.end());
  }
  const std::vector<AttachmentRecord> kept = tx.trash().take_attachments(restored);
  if (kept.empty()) return;
  std::vector<std::int64_t> attached;
  for (const AttachmentRecord& a : kept)
    attached.push_back(a.file_id);
  std::map<std::int64_t, FileRecord> files;
  for (FileRecord& file : tx.files().by_ids(attached))
    files.emplace(file.id, std::move(file));
  for (const AttachmentRecord& a : kept)
    reattach_in_tx(tx, viewer, a, files.at(a.file_id), kRestoredReason, now);
}

std::vector<std::string> purge_in_tx(StoreTx& tx, const std::vector<std::int64_t>& file_ids,
                                     const std::vector<std::int64_t>& folder_ids) {
  std::vector<std::int64_t> all = file_ids;
  for (std::int64_t folder : folder_ids) {
    const std::vector<std::int64_t> below = tx.files().ids_under(folder);
    all.insert(all.end(), below.begin(), below.end());
  }
  std::vector<std::string> released;
  if (!all.empty()) released = tx.files().contents_of(all);
  // Versions, marks and kept attachments go with each file; subtrees with each folder (cascade).
  for (std::int64_t id : file_ids)
    tx.files().remove(id);
  for (std::int64_t id : folder_ids)
    tx.folders().remove(id);
  return released;
}

int auto_cleanup_days(int gap) {
  switch (gap) {
    case 1:
      return 7;
    case 2:
      return 14;
    case 3:
      return 30;
    case 4:
      return 60;
    case 5:
      return 90;
    default:
      return 0;
  }
}

OperationViews TrashService::empty(const Caller& caller) {
  const Viewer viewer = viewer_of(caller);
  // A guest deletes nothing, so has nothing in a trash; guests change nothing in Documents.
  if (viewer.is_visitor) throw_forbidden("Guests cannot change documents");
  std::vector<std::string> released;
  OperationViews out = store_.write_value([&](StoreTx& tx) {
    released.clear();
    FinishedOperation done{FileOperationType::kDelete, 0, {}, {}, std::nullopt};
    if (const auto trash = tx.trash().trash_folder(viewer.user_id)) {
      for (const FileRecord& file :
           tx.files().in_folder(FileListQuery{trash->id, "", {}, 0, kWholeTrash}))
        done.file_ids.push_back(file.id);
      for (const FolderRecord& folder :
           tx.folders().children(FolderListQuery{trash->id, "", 0, kWholeTrash}))
        done.folder_ids.push_back(folder.id);
      done.processed = static_cast<std::int64_t>(done.file_ids.size() + done.folder_ids.size());
      released = purge_in_tx(tx, done.file_ids, done.folder_ids);
    }
    // A Delete lists no files or folders (they are gone), as GET files/fileops shows it.
    OperationViews views;
    views.operations.push_back(
        OperationView{record_operation_in_tx(tx, viewer.user_id, std::move(done)), {}, {}});
    return views;
  });
  release_unreferenced_contents(store_, blobs_, released);
  return out;
}

std::int64_t TrashService::sweep_expired(Timestamp now) {
  std::vector<Timestamp> cutoffs;
  for (int gap = 1; gap <= 5; ++gap)
    cutoffs.push_back(now -
                      std::chrono::duration_cast<Ticks>(std::chrono::days(auto_cleanup_days(gap))));
  std::vector<std::string> released;
  std::int64_t swept = 0;
  store_.write([&](StoreTx& tx) {
    std::vector<std::int64_t> files, folders;
    for (const ExpiredTrashEntry& entry : tx.trash().expired(cutoffs))
      (entry.is_folder ? folders : files).push_back(entry.id);
    swept = static_cast<std::int64_t>(files.size() + folders.size());
    released = purge_in_tx(tx, files, folders);
  });
  release_unreferenced_contents(store_, blobs_, released);
  return swept;
}

}  // namespace projectd
