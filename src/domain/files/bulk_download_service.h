// Bulk downloads (PUT files/fileops/bulkdownload; docs/wire-compatibility.md, "Bulk download"): a
// zip of chosen files and folders, made in the background. This service holds the rules and the
// records; the worker that writes the archive lives in app/ (app/bulk_download_worker.h).
//  - start() checks the selection (empty: 400; an item the caller cannot read: 404, nothing
//    recorded) and records a Download operation (type 3) running on this node, progress 0, then
//    hands its id to the runner. It answers at once.
//  - The worker asks plan() for the archive's entries, read afresh as the owner sees them then
//    (an item gone or hidden since fails the operation), writes progress() as it goes, and ends
//    it with finish() once the archive is durable under its final name, or fail().
//  - terminate() ends the caller's running operations with an error saying so; the worker sees it
//    at its next progress() and removes what it wrote.
//  - interrupt_running() ends this node's running operations at start: a restart does not resume
//    them (their spool was lost with the process), it says they were interrupted.
//  - archive() is what the file handler's `action=bulk` sends: the owner's finished archive, while
//    its operation is listed (operation_log.h); anyone else gets 404. archive_kept() tells the
//    sweeper which archives it may remove (their operation was pruned or is past its retention).
// Archives live in `<directory>/<operation id>.zip`; a node writes them in
// `<directory>/tmp/<node>/` first. Thread safety: every method may be called from any thread at
// once; set_runner() before serving.
#pragma once

#include "blob/blob_store.h"
#include "domain/caller.h"
#include "domain/files/file_service.h"
#include "store/store.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

inline constexpr const char* kBulkDownloadTerminated = "The operation was terminated";
inline constexpr const char* kBulkDownloadInterrupted =
    "The server restarted while the archive was being made; start the download again";

// One entry of the archive: a directory (its name ends with '/') or a file's current content.
struct BulkZipEntry {
  std::string name;               // the path inside the archive, safe and unique
  std::filesystem::path content;  // empty for a directory
  std::string sha256;             // empty for a directory
  std::uint64_t size = 0;
  Timestamp modified{};
};

struct BulkZipPlan {
  std::string operation_id;
  std::vector<BulkZipEntry> entries;  // directories before what they hold
  std::uint64_t total_bytes = 0;
};

// A finished archive for the file handler.
struct BulkArchive {
  std::filesystem::path path;
  std::uint64_t size = 0;
  std::string operation_id;  // a strong validator: an operation's archive never changes
};

class BulkDownloadService {
 public:
  BulkDownloadService(Store& store, BlobStore& blobs, std::filesystem::path directory,
                      std::string node);

  void set_runner(std::function<void(const std::string& operation_id)> run) {
    run_ = std::move(run);
  }
  const std::filesystem::path& directory() const { return directory_; }
  // Where this node writes archives before they are finished.
  std::filesystem::path spool_directory() const { return directory_ / "tmp" / node_; }
  std::filesystem::path archive_path(const std::string& operation_id) const {
    return directory_ / (operation_id + ".zip");
  }

  OperationViews start(const Caller& caller, const std::vector<std::int64_t>& file_ids,
                       const std::vector<std::int64_t>& folder_ids);
  // Ends the caller's running operations; answers the caller's operations afterwards.
  OperationViews terminate(const Caller& caller);

  // The worker's side. plan(): nullopt when the operation is not running any more; throws ApiError
  // when its selection cannot be read now.
  std::optional<BulkZipPlan> plan(const std::string& operation_id);
  // false when the operation is not running any more (terminated): the worker stops.
  bool progress(const std::string& operation_id, int percent, std::int64_t processed);
  bool finish(const std::string& operation_id, std::int64_t processed);
  void fail(const std::string& operation_id, const std::string& error);
  std::int64_t interrupt_running();

  // 404 unless the caller's own finished archive is listed and on disk. Without an id: the caller's
  // newest one.
  BulkArchive archive(const Caller& caller, const std::optional<std::string>& operation_id);
  bool archive_kept(const std::string& operation_id);

 private:
  Store& store_;
  BlobStore& blobs_;
  std::filesystem::path directory_;
  std::string node_;
  std::function<void(const std::string&)> run_;
};

}  // namespace projectd
