#include "app/upload_session_sweeper.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace projectd {

namespace {

std::chrono::milliseconds upload_sweep_interval(std::chrono::seconds lifetime) {
  return std::clamp<std::chrono::milliseconds>(lifetime / 2, std::chrono::seconds(1),
                                               std::chrono::minutes(10));
}

}  // namespace

UploadSessionSweeper::UploadSessionSweeper(ChunkedUploadService& uploads)
    : task_(upload_sweep_interval(uploads.lifetime()), [&uploads] { sweep_once(uploads); }) {}

void UploadSessionSweeper::sweep_once(ChunkedUploadService& uploads) {
  try {
    const std::size_t removed = uploads.sweep();
    if (removed > 0) spdlog::info("removed {} ended or expired chunked uploads", removed);
  } catch (const std::exception& e) {
    // A failed sweep loses nothing: the sessions and files stay until the next one.
    spdlog::warn("sweeping chunked uploads failed: {}", e.what());
  }
}

}  // namespace projectd
