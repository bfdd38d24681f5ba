// The Documents file operations each person started (migration 0010): what GET files/fileops
// answers (FileOperationWraper). An operation is recorded by the write that did it, so a stored
// operation is finished unless a future background one says otherwise.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// The original's FileOperationType numbers.
enum class FileOperationType {
  kMove = 0,
  kCopy = 1,
  kDelete = 2,
  kDownload = 3,
  kMarkAsRead = 4,
  kImport = 5,
  kConvert = 6
};

struct FileOperationRecord {
  std::string id;  // a GUID
  std::string owner_id;
  FileOperationType type = FileOperationType::kMove;
  int progress = 100;
  bool finished = true;
  std::optional<std::string> error;  // null on success
  std::int64_t processed = 0;        // items handled
  std::vector<std::int64_t> file_ids;
  std::vector<std::int64_t> folder_ids;
  std::optional<std::string> url;  // a bulk download's address
  Timestamp created{};
  std::optional<Timestamp> finished_at;
};

class FileOperationRepo {
 public:
  virtual ~FileOperationRepo() = default;
  // Throws ApiError(kInternal) when the id is taken (a GUID never is).
  virtual void insert(const FileOperationRecord& operation) = 0;
  // The owner's operations that are not finished or finished at or after `since`, in the order
  // they were recorded, the newest `limit` of them. One statement.
  virtual std::vector<FileOperationRecord> of_owner(std::string_view owner_id, Timestamp since,
                                                    std::int64_t limit) = 0;
  // Deletes the owner's operations finished before `before`. One statement. Per owner, so that two
  // people's operations never write the same rows (no serialization conflict between them).
  virtual void prune_finished_before(std::string_view owner_id, Timestamp before) = 0;
};

}  // namespace projectd
