#include "app/blob_sweeper.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace projectd {

BlobSweeper::BlobSweeper(BlobStore& blobs, Store& store, std::chrono::seconds grace)
    : blobs_(blobs),
      store_(store),
      task_(std::max<std::chrono::seconds>(grace / 2, std::chrono::minutes(1)),
            [this] { sweep_once(); }) {}

void BlobSweeper::sweep_once() {
  try {
    const std::size_t removed = blobs_.sweep([this](std::string_view sha256) {
      return store_.read_value([&](StoreTx& tx) { return tx.files().content_referenced(sha256); });
    });
    if (removed > 0) spdlog::info("removed {} unreferenced file contents", removed);
  } catch (const std::exception& e) {
    // A failed sweep loses nothing: the contents stay until the next one.
    spdlog::warn("sweeping file contents failed: {}", e.what());
  }
}

}  // namespace projectd
