// Removes file contents no version references any more: once at start (contents orphaned by a
// crash or by deleted projects, and quarantined copies a crash left in the middle of a removal)
// and then every so often, since deletes only remove contents that are already past the grace
// period (docs/architecture.md, "Storage and durability"). The removal protocol that keeps every
// acknowledged upload: blob_store.h. Thread safety: owns one background thread.
#pragma once

#include "app/periodic_task.h"
#include "blob/blob_store.h"
#include "store/store.h"

#include <chrono>

namespace projectd {

class BlobSweeper {
 public:
  // Sweeps every max(grace / 2, 1 min), the first time right away.
  BlobSweeper(BlobStore& blobs, Store& store, std::chrono::seconds grace);
  void stop() { task_.stop(); }  // waits for a sweep in progress

 private:
  void sweep_once();

  BlobStore& blobs_;
  Store& store_;
  PeriodicTask task_;  // last: its thread starts once the members it uses are made
};

}  // namespace projectd
