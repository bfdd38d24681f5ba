// A fixed set of threads that run posted jobs, at most `running_limit` of them on the CPU at once,
// where the thread that went idle last takes the next job. The HTTP server's request workers
// (http/server_impl.h; docs/architecture.md, "Threads and transactions").
//
// Why not boost::asio::thread_pool: its idle threads wait on one condition variable, which wakes
// the longest-waiting one, and every post wakes one. Under a load of 32 connections on 2 cores
// its 40 workers all ran at once, in turns, and each job found its thread's stack and malloc cache
// cold: an uncached GET task spent 12 % of its CPU on the first touch of chunks its thread's cache
// handed out. Here a job waits in the queue while `running_limit` threads run, and the newest
// idle thread takes it, so a read load keeps as many threads hot as there are cores and leaves the
// rest asleep (1.4x the uncached GETs of asio's pool; bench/README.md, issue 20).
// A thread that waits for a disk flush or a database's answer says so with a BlockingWait
// (base/blocking_wait.h) and stops counting as running until the wait ends: writes queued for one
// group commit, or reads waiting on PostgreSQL, still use every thread. The count may pass the
// limit for a moment as waits end; the threads then go idle as they finish, until it is back.
// Each idle thread sleeps on a condition variable of its own, so a post wakes exactly the thread
// it hands its job to.
//
// Thread safety: post() from any thread, jobs too. join() once, from a thread that is not one of
// the pool's. A job that throws ends the process (std::terminate), as asio's pool does.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace projectd {

class LifoWorkerPool {
 public:
  // `threads` >= 1 and `running_limit` >= 1.
  LifoWorkerPool(std::size_t threads, std::size_t running_limit);
  ~LifoWorkerPool();  // join()s if nobody has
  LifoWorkerPool(const LifoWorkerPool&) = delete;
  LifoWorkerPool& operator=(const LifoWorkerPool&) = delete;

  // Runs `job` (not empty) on the newest idle thread if fewer than the limit run, else as soon as
  // a running thread finishes or waits.
  void post(std::function<void()> job);

  // Returns once every job posted before it, and every job those post, has run; the threads end.
  // The limit still holds while it drains the queue. A job posted from outside the pool after
  // join() began may not run.
  void join();

  // Called by BlockingWait on the pool's own threads (base/blocking_wait.h).
  void waiting();
  void running();

 private:
  struct Idler {
    std::condition_variable woken;
    std::function<void()> job;  // handed over by a post or a wait; empty while it sleeps
  };
  void work();
  // Hands queued jobs to idle threads while fewer than the limit run. Under mutex_.
  void start_queued();
  void release_idlers_when_done();  // under mutex_

  const std::size_t running_limit_;
  std::mutex mutex_;
  std::deque<std::function<void()>> queue_;  // jobs no thread could take yet
  std::vector<Idler*> idle_;                 // the back went idle last
  std::size_t running_ = 0;                  // threads running a job and not in a BlockingWait
  bool joining_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace projectd
