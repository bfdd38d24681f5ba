#include "base/lifo_worker_pool.h"

#include "base/blocking_wait.h"

#include <algorithm>
#include <utility>

namespace projectd {

namespace {

// The pool whose thread this is (none on other threads), and how deep in BlockingWaits it is.
thread_local LifoWorkerPool* pool_of_this_thread = nullptr;
thread_local int blocking_depth = 0;

}  // namespace

BlockingWait::BlockingWait() {
  if (pool_of_this_thread != nullptr && blocking_depth++ == 0) pool_of_this_thread->waiting();
}

BlockingWait::~BlockingWait() {
  if (pool_of_this_thread != nullptr && --blocking_depth == 0) pool_of_this_thread->running();
}

LifoWorkerPool::LifoWorkerPool(std::size_t threads, std::size_t running_limit)
    : running_limit_(running_limit) {
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i)
    threads_.emplace_back([this] { work(); });
}

LifoWorkerPool::~LifoWorkerPool() {
  join();
}

void LifoWorkerPool::post(std::function<void()> job) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(job));
  start_queued();
}

void LifoWorkerPool::join() {
  {
    std::lock_guard lock(mutex_);
    joining_ = true;
    release_idlers_when_done();
  }
  for (auto& thread : threads_)
    if (thread.joinable()) thread.join();
}

void LifoWorkerPool::waiting() {
  std::lock_guard lock(mutex_);
  --running_;
  start_queued();
}

void LifoWorkerPool::running() {
  std::lock_guard lock(mutex_);
  ++running_;
}

// Jobs start in the order they were posted. Notified under the lock: the idler cannot leave, and
// take its condition variable with it, before it has the lock again.
void LifoWorkerPool::start_queued() {
  while (!queue_.empty() && !idle_.empty() && running_ < running_limit_) {
    Idler* idler = idle_.back();
    idle_.pop_back();
    idler->job = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    idler->woken.notify_one();
  }
  release_idlers_when_done();
}

// Once join() has begun and no job is left to start, the idle threads leave (each takes itself
// off idle_). Until then they stay, at the limit, to take what the running jobs post.
void LifoWorkerPool::release_idlers_when_done() {
  if (!joining_ || !queue_.empty()) return;
  for (Idler* idler : idle_)
    idler->woken.notify_one();
}

void LifoWorkerPool::work() {
  pool_of_this_thread = this;
  Idler self;
  std::unique_lock lock(mutex_);
  for (;;) {
    std::function<void()> job;
    const auto leaving = [&] { return joining_ && queue_.empty(); };
    if (!queue_.empty() && running_ < running_limit_) {
      job = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
      release_idlers_when_done();
    } else if (leaving()) {
      return;
    } else {
      idle_.push_back(&self);
      self.woken.wait(lock, [&] { return self.job != nullptr || leaving(); });
      if (self.job == nullptr) {
        idle_.erase(std::find(idle_.begin(), idle_.end(), &self));
        continue;
      }
      job = std::exchange(self.job, nullptr);  // counted as running by whoever handed it over
    }
    lock.unlock();
    job();
    job = nullptr;  // the job's captures go before the lock is taken again
    lock.lock();
    --running_;
  }
}

}  // namespace projectd
