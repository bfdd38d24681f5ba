// Runs a function on a background thread: once right away, then every `interval` until stopped.
// For housekeeping that must not hold a request (removing expired upload sessions, say). The
// function must not throw; stop() waits for a run in progress.
// Thread safety: stop() may be called from any thread, more than once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace projectd {

class PeriodicTask {
 public:
  PeriodicTask(std::chrono::milliseconds interval, std::function<void()> run);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;
  void stop();

 private:
  void loop();

  std::chrono::milliseconds interval_;
  std::function<void()> run_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace projectd
