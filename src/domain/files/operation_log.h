// The log of each person's file operations that GET files/fileops answers (migration 0010;
// docs/wire-compatibility.md, "File operations"). Every operation but a bulk download finishes
// inside the write that does it, so it is recorded there, finished, in the same transaction as its
// changes: it is listed exactly when its changes committed. A bulk download is recorded running and
// finished by its worker (bulk_download_service.h).
//
// How long a finished operation stays listed: kFinishedOperationRetention. The mobile app polls
// GET files/fileops after a delete, move or copy and reads an empty list as a failure, so a
// finished operation must outlive the polling of every client that started it; the original drops
// a finished operation once its owner has read it, which loses it for a second client (the web
// page and the app at once) or a retried poll. Ten minutes is far longer than any client polls
// (the app polls about once a second, the web client once every few seconds) and short enough that
// the list stays small and an old operation is not reported again on a later visit.
// Thread safety: functions run inside the caller's transaction.
#pragma once

#include "store/store.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

inline constexpr std::chrono::minutes kFinishedOperationRetention{10};
// At most this many operations are listed (the newest): a person deleting files one by one in a
// script keeps the answer bounded.
inline constexpr std::int64_t kListedOperationsLimit = 1000;

// What a finished operation did.
struct FinishedOperation {
  FileOperationType type = FileOperationType::kMove;
  std::int64_t processed = 0;
  std::vector<std::int64_t> file_ids;    // the files it produced or handled
  std::vector<std::int64_t> folder_ids;  // the same for folders
  std::optional<std::string> error;      // null on success
};

// Records the operation as finished now under a new GUID, and prunes the person's operations
// finished longer ago than the retention (one statement each).
FileOperationRecord record_operation_in_tx(StoreTx& tx, const std::string& user_id,
                                           FinishedOperation operation);

// The operations of `user_id` GET files/fileops lists now.
std::vector<FileOperationRecord> listed_operations_in_tx(StoreTx& tx, const std::string& user_id);

}  // namespace projectd
