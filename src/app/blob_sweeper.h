// Removes file contents no version references any more: once at start (contents orphaned by a
// crash or by deleted projects, and quarantined copies a crash left in the middle of a removal)
// and then every so often, since deletes only remove contents that are already past the grace
// period (docs/architecture.md, "Storage and durability"). The removal protocol that keeps every
// acknowledged upload: blob_store.h. Thread safety: owns one background thread.
#pragma once

#include "blob/blob_store.h"
#include "store/store.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace projectd {

class BlobSweeper {
 public:
  // Sweeps every max(grace / 2, 1 min), the first time right away.
  BlobSweeper(BlobStore& blobs, Store& store, std::chrono::seconds grace);
  ~BlobSweeper();
  void stop();  // waits for a sweep in progress

 private:
  void run();
  void sweep_once();

  BlobStore& blobs_;
  Store& store_;
  std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace projectd
