// FileService's deletes (docs/wire-compatibility.md, "Trash"): into the deleter's trash, or for
// good with `immediately` or from a trash; the one Delete operation recorded in the same write; the
// contents nothing references any more released after the commit.
#include "base/errors.h"
#include "domain/batch.h"
#include "domain/files/file_service.h"
#include "domain/files/file_service_checks.h"
#include "domain/files/operation_log.h"
#include "domain/files/trash.h"
#include "domain/notify/event_publishers.h"

namespace projectd {
namespace {

constexpr const char* kDeletedReason = "file deleted";

// Checks one subfolder and moves it with everything below it into the viewer's trash, or, when
// `immediately` or already in a trash, deletes it for good: the contents its files used are added
// to `released`.
FolderView delete_folder_in_tx(StoreTx& tx, const Viewer& viewer, std::int64_t id, bool immediately,
                               std::vector<std::string>& released) {
  FolderRecord folder = editable_folder(tx, viewer, FolderRef{FolderRef::Kind::kId, id});
  if (!folder.parent_id) throw_forbidden("A section or project folder cannot be deleted");
  require_removable(viewer, folder);
  FileAccessResolver access(tx, viewer);
  FolderView view = folder_view(folder, tx.folders().counts({id}), access);
  // Its files leave the living tree now; one deleted later from the trash is not deleted again.
  if (!in_trash(folder))
    for (const FileRecord& file : tx.files().by_ids(tx.files().ids_under(id)))
      publish_file_event(tx, event::kFileDeleted, viewer.user_id, file);
  if (!immediately && !in_trash(folder)) {
    trash_folder_in_tx(tx, viewer, folder, now_utc());
    return view;
  }
  for (const FileRecord& file : tx.files().by_ids(tx.files().ids_under(id))) {
    std::vector<std::string> contents =
        delete_file_in_tx(tx, file, viewer.user_id, "folder deleted");
    released.insert(released.end(), contents.begin(), contents.end());
  }
  tx.folders().remove(id);
  return view;
}

}  // namespace

std::vector<std::string> delete_file_in_tx(StoreTx& tx, const FileRecord& file,
                                           const std::string& user_id, const std::string& reason) {
  const Timestamp now = now_utc();
  for (const AttachmentRecord& a : tx.attachments().of_file(file.id))
    detach_in_tx(tx, a, file, user_id, reason, now);
  std::vector<std::string> contents = tx.files().contents_of({file.id});
  tx.files().remove(file.id);
  return contents;
}

void detach_in_tx(StoreTx& tx, const AttachmentRecord& a, const FileRecord& file,
                  const std::string& user_id, const std::string& reason, Timestamp at) {
  tx.attachments().detach(a.kind, a.entity_id, a.file_id);
  tx.attachments().add_audit(AttachmentAuditRecord{0, a.kind, a.entity_id, a.file_id, file.title,
                                                   AttachmentAction::kDetach, reason, user_id, at});
  publish_files_changed(tx, user_id, a.kind, a.entity_id, file.project_id, false, {file});
}

void release_unreferenced_contents(Store& store, BlobStore& blobs,
                                   const std::vector<std::string>& sha256s) {
  if (sha256s.empty()) return;
  blobs.remove_unreferenced(sha256s, [&](std::string_view sha) {
    return store.read_value([&](StoreTx& tx) { return tx.files().content_referenced(sha); });
  });
}

DeleteOutcome FileService::delete_folder(const Caller& caller, std::int64_t id, bool immediately) {
  return remove_many(caller, {}, {id}, immediately, true);
}

DeleteOutcome FileService::remove(const Caller& caller, std::int64_t id, bool immediately) {
  return remove_many(caller, {id}, {}, immediately, true);
}

DeleteOutcome FileService::remove_many(const Caller& caller,
                                       const std::vector<std::int64_t>& file_ids,
                                       const std::vector<std::int64_t>& folder_ids,
                                       bool immediately) {
  return remove_many(caller, file_ids, folder_ids, immediately, false);
}

DeleteOutcome FileService::remove_many(const Caller& caller,
                                       const std::vector<std::int64_t>& file_ids,
                                       const std::vector<std::int64_t>& folder_ids,
                                       bool immediately, bool single) {
  const Viewer viewer = viewer_of(caller);
  std::vector<std::string> released;
  DeleteOutcome out = store_.write_value([&](StoreTx& tx) {
    released.clear();
    DeleteOutcome outcome;
    std::vector<FileRecord> deleted;
    std::vector<FolderView> folders;
    auto delete_file = [&](std::int64_t id) {
      FileRecord file = editable_file(tx, viewer, id);
      require_removable(viewer, file);
      if (!in_trash(file)) publish_file_event(tx, event::kFileDeleted, viewer.user_id, file);
      if (!immediately && !in_trash(file)) {
        trash_file_in_tx(tx, viewer, file, now_utc());
      } else {
        std::vector<std::string> contents =
            delete_file_in_tx(tx, file, viewer.user_id, kDeletedReason);
        released.insert(released.end(), contents.begin(), contents.end());
      }
      deleted.push_back(std::move(file));
    };
    auto delete_folder = [&](std::int64_t id) {
      folders.push_back(delete_folder_in_tx(tx, viewer, id, immediately, released));
    };
    // A single call lets its refusal through as the answer; a batch reports it per id.
    if (single) {
      for (std::int64_t id : file_ids)
        delete_file(id);
      for (std::int64_t id : folder_ids)
        delete_folder(id);
    } else {
      outcome.failed_files = for_each_in_batch(file_ids, delete_file);
      outcome.failed_folders = for_each_in_batch(folder_ids, delete_folder);
    }
    // The operation is recorded with the deletes, so GET files/fileops lists it exactly when they
    // committed; a batch that refused an id says so in `error` (the app reads it as a failure).
    FinishedOperation finished{FileOperationType::kDelete,
                               static_cast<std::int64_t>(deleted.size() + folders.size()),
                               {},
                               {},
                               std::nullopt};
    for (const FileRecord& file : deleted)
      finished.file_ids.push_back(file.id);
    for (const FolderView& view : folders)
      finished.folder_ids.push_back(view.folder.id);
    if (!outcome.failed_files.empty())
      finished.error = outcome.failed_files.front().message;
    else if (!outcome.failed_folders.empty())
      finished.error = outcome.failed_folders.front().message;
    OperationView operation{
        record_operation_in_tx(tx, viewer.user_id, std::move(finished)), {}, std::move(folders)};
    // The views come from the records read before the delete; the people they name remain (people
    // are never deleted).
    std::vector<std::string> people;
    add_folder_people(operation.folders, people);
    operation.files = file_views(tx, viewer, std::move(deleted), people);
    outcome.operation.people = PeopleIndex::load(tx.users(), people);
    outcome.operation.operations.push_back(std::move(operation));
    return outcome;
  });
  release_unreferenced_contents(store_, blobs_, released);
  return out;
}

}  // namespace projectd
