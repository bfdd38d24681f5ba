// The background side of bulk downloads (domain/files/bulk_download_service.h): one thread builds
// the archives this node's PUT fileops/bulkdownload started, one at a time in the order started,
// and a sweep removes the archives whose operation is no longer listed.
//  - At construction it empties this node's spool directory and ends this node's running
//    operations with an error saying they were interrupted (a restart does not resume them: what
//    was spooled died with the process), then takes the service's runner.
//  - An archive is written to the node's spool directory, fsynced, renamed to its final name (the
//    directory fsynced), and only then is the operation finished with its url. Progress (the share
//    of the bytes written, and the entries done) is written to the store at most four times a
//    second; when that write finds the operation terminated, the archive is abandoned and its
//    spool removed.
//  - stop() abandons the archive in progress and ends it, and any still queued, as interrupted.
//  - The sweep runs at start and then every minute: an archive whose operation was pruned, failed,
//    or is past its retention (operation_log.h) is removed.
// Thread safety: owns its threads; stop() may be called from any thread, more than once.
#pragma once

#include "app/periodic_task.h"
#include "domain/files/bulk_download_service.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace projectd {

class BulkDownloadWorker {
 public:
  explicit BulkDownloadWorker(BulkDownloadService& service);
  ~BulkDownloadWorker();
  BulkDownloadWorker(const BulkDownloadWorker&) = delete;
  BulkDownloadWorker& operator=(const BulkDownloadWorker&) = delete;
  void stop();

 private:
  void enqueue(const std::string& operation_id);
  void loop();
  void build(const std::string& operation_id);
  void sweep_archives();

  BulkDownloadService& service_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> queue_;
  std::atomic<bool> stopping_ = false;
  std::thread thread_;
  PeriodicTask sweep_;
};

}  // namespace projectd
