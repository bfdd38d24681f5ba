#include "app/periodic_task.h"

namespace projectd {

PeriodicTask::PeriodicTask(std::chrono::milliseconds interval, std::function<void()> run)
    : interval_(interval), run_(std::move(run)), thread_([this] { loop(); }) {}

PeriodicTask::~PeriodicTask() {
  stop();
}

void PeriodicTask::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void PeriodicTask::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    run_();
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace projectd
