// Removes expired chunked upload sessions with their staged bytes, and staged files a crash left
// without a session (ChunkedUploadService::sweep), at start and then every half lifetime (at
// least every second, at most every ten minutes). Thread safety: owns one background thread.
#pragma once

#include "app/periodic_task.h"
#include "domain/files/chunked_upload_service.h"

namespace projectd {

class UploadSessionSweeper {
 public:
  explicit UploadSessionSweeper(ChunkedUploadService& uploads);
  void stop() { task_.stop(); }

 private:
  static void sweep_once(ChunkedUploadService& uploads);
  PeriodicTask task_;
};

}  // namespace projectd
