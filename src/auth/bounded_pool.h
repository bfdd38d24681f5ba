// A thread pool with a bounded queue in front: at most `bound` jobs are admitted at once (queued or
// running), and a caller beyond that is refused at once with ApiError(kServiceUnavailable) and
// `Retry-After: 1` instead of waiting. A request worker that hands its job to the pool therefore
// waits for at most bound / threads jobs before its own, and a burst of jobs (a sign-in flood) can
// hold at most `bound` request workers, not all of them.
// Thread safety: every method may be called from any thread at once.
#pragma once

#include "base/blocking_wait.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <cstddef>
#include <future>
#include <mutex>
#include <utility>

namespace projectd {

class BoundedPool {
 public:
  // `bound` >= `threads` >= 1.
  BoundedPool(std::size_t threads, std::size_t bound);
  ~BoundedPool();  // waits for the jobs running
  BoundedPool(const BoundedPool&) = delete;
  BoundedPool& operator=(const BoundedPool&) = delete;

  // One admitted job's place, given back when it is destroyed. A caller may take its place before
  // it knows what to run (so it can refuse early, before it commits to anything else).
  class Place {
   public:
    Place(Place&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)) {}
    Place& operator=(Place&&) = delete;
    ~Place();

   private:
    friend class BoundedPool;
    explicit Place(BoundedPool* pool) : pool_(pool) {}
    BoundedPool* pool_;
  };

  // A place, or ApiError(kServiceUnavailable) with Retry-After when `bound` are taken.
  Place admit();
  // Runs fn on a pool thread with an admitted place of this pool, and returns its result (or
  // rethrows what it threw) once it has run.
  template <class F>
  auto run(const Place& place, F&& fn) -> decltype(fn());
  // admit(), then run().
  template <class F>
  auto run(F&& fn) -> decltype(fn()) {
    const Place place = admit();
    return run(place, std::forward<F>(fn));
  }

  std::size_t bound() const { return bound_; }
  std::size_t admitted() const;

 private:
  void check_own(const Place& place) const;

  const std::size_t bound_;
  mutable std::mutex mutex_;
  std::size_t admitted_ = 0;
  boost::asio::thread_pool pool_;
};

template <class F>
auto BoundedPool::run(const Place& place, F&& fn) -> decltype(fn()) {
  check_own(place);
  std::packaged_task<decltype(fn())()> task(std::forward<F>(fn));
  auto result = task.get_future();
  boost::asio::post(pool_, [&task] { task(); });
  BlockingWait blocking;  // the CPU work is this pool's: a request worker's pool may run another
  return result.get();
}

}  // namespace projectd
