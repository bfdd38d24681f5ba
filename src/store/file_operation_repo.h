// The Documents file operations each person started (migration 0010): what GET files/fileops
// answers (FileOperationWraper). Most operations are recorded, finished, by the write that did
// them; a bulk download is recorded running (with the node that runs it, migration 0016) and
// finished by its worker.
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
  std::optional<std::string> node;  // the node running a background operation
};

// How a running operation ends (FileOperationRepo::finish).
struct OperationEnd {
  std::optional<std::string> error;  // null on success
  std::optional<std::string> url;
  std::int64_t processed = 0;
  Timestamp at{};
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

  // Background operations (bulk downloads). One statement each.
  virtual std::optional<FileOperationRecord> by_id(std::string_view id) = 0;
  // Sets a running operation's progress; false when it is not running (finished or terminated).
  virtual bool set_progress(std::string_view id, int progress, std::int64_t processed) = 0;
  // Finishes a running operation (progress 100); false when it was not running any more.
  virtual bool finish(std::string_view id, const OperationEnd& end) = 0;
  // Finishes every running operation of the owner (with `end`); answers their ids.
  virtual std::vector<std::string> finish_running_of_owner(std::string_view owner_id,
                                                           const OperationEnd& end) = 0;
  // Finishes every running operation of the node (with `end`); answers how many.
  virtual std::int64_t finish_running_of_node(std::string_view node, const OperationEnd& end) = 0;
};

}  // namespace projectd
