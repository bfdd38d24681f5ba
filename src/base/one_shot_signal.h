// One thread waits until another says it may go on, once: the answer of a queued job. The waiter
// sleeps at once. Not std::binary_semaphore: libstdc++'s acquire() spins and calls sched_yield
// before it sleeps, which is wasted when the wait is known to be long (a group commit's fsync) and
// cost 8.5 % of the CPU of a durable write (bench/README.md, issue 20).
// Thread safety: set() and wait() from different threads. The signal may be destroyed as soon as
// wait() returns: set() notifies while it holds the lock, so it touches nothing after the waiter
// can leave. The wait is a BlockingWait (base/blocking_wait.h): a request worker waiting here lets
// its pool start another job.
#pragma once

#include "base/blocking_wait.h"

#include <condition_variable>
#include <mutex>

namespace projectd {

class OneShotSignal {
 public:
  void set() {
    std::lock_guard lock(mutex_);
    set_ = true;
    woken_.notify_one();
  }
  void wait() {
    BlockingWait blocking;
    std::unique_lock lock(mutex_);
    woken_.wait(lock, [this] { return set_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable woken_;
  bool set_ = false;
};

}  // namespace projectd
