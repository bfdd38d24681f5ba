#include "app/bulk_download_worker.h"

#include "app/bulk_zip_writer.h"
#include "base/errors.h"
#include "blob/file_io.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <string_view>
#include <system_error>

namespace projectd {
namespace {

constexpr std::chrono::milliseconds kBulkProgressInterval{250};

void remove_bulk_file_quietly(const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

// Removes what an earlier run of this node left in its spool directory.
void empty_bulk_spool(const std::filesystem::path& spool) {
  std::filesystem::create_directories(spool);
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator(spool, ignored))
    std::filesystem::remove_all(entry.path(), ignored);
}

}  // namespace

BulkDownloadWorker::BulkDownloadWorker(BulkDownloadService& service)
    : service_(service), sweep_(std::chrono::minutes(1), [this] { sweep_archives(); }) {
  empty_bulk_spool(service_.spool_directory());
  const std::int64_t interrupted = service_.interrupt_running();
  if (interrupted > 0) spdlog::warn("{} bulk downloads were interrupted by a restart", interrupted);
  service_.set_runner([this](const std::string& id) { enqueue(id); });
  thread_ = std::thread([this] { loop(); });
}

BulkDownloadWorker::~BulkDownloadWorker() {
  stop();
}

void BulkDownloadWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  sweep_.stop();
  try {
    // The archive abandoned and those still queued: say so rather than leave them running.
    service_.interrupt_running();
  } catch (const std::exception& e) {
    spdlog::warn("ending the bulk downloads in progress failed: {}", e.what());
  }
}

void BulkDownloadWorker::enqueue(const std::string& operation_id) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(operation_id);
  }
  wake_.notify_one();
}

void BulkDownloadWorker::loop() {
  for (;;) {
    std::string id;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      id = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      build(id);
    } catch (const std::exception& e) {
      // The store failed (503 to a request): the operation stays running until a restart ends it.
      spdlog::error("bulk download {} failed: {}", id, e.what());
    }
  }
}

void BulkDownloadWorker::build(const std::string& id) {
  std::optional<BulkZipPlan> plan;
  try {
    plan = service_.plan(id);
  } catch (const ApiError& e) {
    service_.fail(id, e.what());  // an item deleted or hidden since it was chosen
    return;
  }
  if (!plan) return;  // terminated before it began
  const std::int64_t entries = static_cast<std::int64_t>(plan->entries.size());
  auto last_write = std::chrono::steady_clock::now();
  int last_percent = 0;
  const auto keep_going = [&](double fraction) {
    if (stopping_) return false;
    const auto now = std::chrono::steady_clock::now();
    const int percent = static_cast<int>(fraction * 100);
    if (now - last_write < kBulkProgressInterval || percent == last_percent) return true;
    last_write = now;
    last_percent = percent;
    const auto processed = std::min(entries, static_cast<std::int64_t>(fraction * entries));
    return service_.progress(id, percent, processed);
  };
  const std::filesystem::path spooled = service_.spool_directory() / (id + ".zip");
  try {
    write_bulk_zip(*plan, spooled, keep_going);
  } catch (const BulkZipCancelled&) {
    remove_bulk_file_quietly(spooled);  // terminated, or stopping (stop() ends it)
    return;
  } catch (const std::exception& e) {
    remove_bulk_file_quietly(spooled);
    spdlog::error("bulk download {}: {}", id, e.what());
    const bool full = std::string_view(e.what()).find("No space left") != std::string_view::npos;
    service_.fail(
        id, full ? "Not enough disk space to make the archive" : "The archive could not be made");
    return;
  }
  const std::filesystem::path final_path = service_.archive_path(id);
  std::filesystem::rename(spooled, final_path);
  file_io::fsync_dir(service_.directory());
  if (!service_.finish(id, entries)) remove_bulk_file_quietly(final_path);  // terminated meanwhile
}

void BulkDownloadWorker::sweep_archives() {
  try {
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(service_.directory(), ignored)) {
      const std::filesystem::path path = entry.path();
      if (!entry.is_regular_file() || path.extension() != ".zip") continue;
      if (!service_.archive_kept(path.stem().string())) remove_bulk_file_quietly(path);
    }
  } catch (const std::exception& e) {
    // Nothing is lost: the archives stay until the next sweep.
    spdlog::warn("sweeping bulk download archives failed: {}", e.what());
  }
}

}  // namespace projectd
