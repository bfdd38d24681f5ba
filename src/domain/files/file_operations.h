// The Documents file operations (docs/wire-compatibility.md, "File operations"): the caller's
// operation list, the move/copy conflict check, move and copy, mark as read and terminate. Each
// operation runs atomically in one store write with its record (operation_log.h): a move of a
// thousand files moves all of them or none, and is listed by GET files/fileops once it committed.
// Checks run 404 -> 409 -> 403 -> 400 for the destination, then for each item; a refusal changes
// nothing. Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/files/file_service.h"

#include <cstdint>
#include <vector>

namespace projectd {

// The original's FileConflictResolveType: what a file whose title the destination has becomes.
enum class ConflictResolve {
  kSkip = 0,       // stays where it is (a copy is not made)
  kOverwrite = 1,  // becomes a new version of the destination's file
  kDuplicate = 2,  // arrives as `name (1).ext`
};

struct MoveRequest {
  FolderRef destination;
  std::vector<std::int64_t> file_ids;
  std::vector<std::int64_t> folder_ids;
  ConflictResolve resolve = ConflictResolve::kSkip;
  bool copy = false;
};

// The operations as the viewer sees them now: the files and folders each produced that still exist
// and are readable (a Delete lists none, as the original), in a fixed number of statements.
OperationViews operation_views_in_tx(StoreTx& tx, const Viewer& viewer,
                                     std::vector<FileOperationRecord> operations);

class FileOperationService {
 public:
  FileOperationService(Store& store, BlobStore& blobs);

  // GET files/fileops: the caller's operations, oldest first, with the files and folders they
  // produced that the caller may still read (PUT fileops/terminate and bulk downloads are
  // BulkDownloadService's).
  OperationViews list(const Caller& caller);
  // GET files/fileops/move: the selected files whose titles the destination already has (ASCII
  // case ignored). 404 for a destination or item the caller cannot read.
  FileViews conflicts(const Caller& caller, FolderRef destination,
                      const std::vector<std::int64_t>& file_ids,
                      const std::vector<std::int64_t>& folder_ids);
  // PUT files/fileops/move and fileops/copy. The destination must be changeable by the caller;
  // moved items too, copied ones readable. A section or project root cannot be moved (403); a
  // folder cannot go into itself or below itself, and the selection cannot be empty (400).
  // Nothing goes into a trash this way (403: fileops/delete does it); moving entries out of the
  // caller's trash restores them, their attachments included where still allowed (trash.h).
  OperationViews move_or_copy(const Caller& caller, const MoveRequest& request);
  // PUT files/fileops/markasread: there are no unread marks yet, so this only checks that each item
  // is readable (404) and records the finished operation.
  OperationViews mark_as_read(const Caller& caller, const std::vector<std::int64_t>& file_ids,
                              const std::vector<std::int64_t>& folder_ids);

 private:
  Store& store_;
  BlobStore& blobs_;
};

}  // namespace projectd
