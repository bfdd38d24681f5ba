// The trash's auto clean-up (settings/autocleanup, applied): at start and then every `interval`
// (--trash-sweep-seconds), deletes for good what each person's trash has held longer than their
// gap, for those who turned it on (TrashService::sweep_expired). Thread safety: owns one
// background thread.
#pragma once

#include "app/periodic_task.h"
#include "domain/files/trash.h"

#include <chrono>

namespace projectd {

class TrashSweeper {
 public:
  TrashSweeper(TrashService& trash, std::chrono::seconds interval);
  void stop() { task_.stop(); }

 private:
  static void sweep_trash_once(TrashService& trash);
  PeriodicTask task_;
};

}  // namespace projectd
