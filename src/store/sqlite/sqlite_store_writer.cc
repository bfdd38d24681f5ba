// The write half of SqliteStore: the queue, the leading caller and group commit.
#include "base/blocking_wait.h"
#include "base/metrics.h"
#include "store/sql/sql_repos.h"
#include "store/sqlite/sqlite_store.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <utility>

namespace projectd {

void SqliteStore::write(const std::function<void(StoreTx&)>& fn) {
  if (writing_on_this_thread_ == this) {
    throw ApiError(ErrorKind::kInternal,
                   "Internal store error: write() inside a write; use the tx given to fn");
  }
  Job job;
  job.fn = &fn;
  bool leads = false;
  {
    std::lock_guard lock(queue_mutex_);
    if (writes_closed_) throw closed_error();
    if (fail_stopped()) throw fail_stop_error();
    queue_.push_back(&job);
    leads = !std::exchange(leading_, true);
  }
  if (!leads) {
    job.done.wait();  // answered, or handed the lead
    leads = job.lead;
  }
  if (leads) lead_one_batch();
  if (job.error) std::rethrow_exception(job.error);
}

std::size_t SqliteStore::queued_writes() const {
  std::lock_guard lock(queue_mutex_);
  return queue_.size();
}

// Whatever queued while the previous group was committing forms the next group, so the group size
// adapts to the load without any added latency. The leader's own write is at the front of the
// queue when it takes the lead (a caller leads only when no leader is left, i.e. the queue was
// empty, or when handed the lead as the oldest), so its one batch answers it.
// noexcept: a leader that stopped half-way would leave every later write waiting, so a failure
// outside the jobs (which catch their own) ends the process rather than hanging every writer.
void SqliteStore::lead_one_batch() noexcept {
  {
    std::lock_guard lock(queue_mutex_);
    auto end = queue_.begin() + static_cast<std::ptrdiff_t>(std::min(queue_.size(), kMaxGroup));
    batch_.assign(queue_.begin(), end);
    queue_.erase(queue_.begin(), end);
  }
  writing_on_this_thread_ = this;  // never nested: write() refuses a write inside a write
  run_batch(batch_);
  writing_on_this_thread_ = nullptr;
  Job* next = nullptr;
  {
    std::lock_guard lock(queue_mutex_);
    if (queue_.empty()) {
      leading_ = false;
      idle_cv_.notify_all();
      return;
    }
    next = queue_.front();
    next->lead = true;
  }
  next->done.set();  // it leads from here, so it is not gone before it has led
}

void SqliteStore::run_batch(std::span<Job*> batch) {
  while (!batch.empty()) {
    if (fail_stopped()) {
      for (Job* job : batch) {
        job->error = std::make_exception_ptr(fail_stop_error());
        job->done.set();
      }
      return;
    }
    batch = batch.subspan(run_group(batch));
  }
}

// What a committed group changed: the union of its jobs' scopes, or broad if any job was broad. A
// job that failed changed nothing (rolled back to its savepoint).
ScopeDependencies SqliteStore::changed_in(std::span<Job*> group) {
  std::vector<ChangeScope> scopes;
  for (const auto* job : group) {
    if (job->error) continue;
    if (!job->changed) return std::nullopt;
    scopes.insert(scopes.end(), job->changed->begin(), job->changed->end());
  }
  return scopes;
}

// Runs jobs from the front of `jobs` in one transaction and answers them. Returns how many it
// consumed: all of them, unless SQLite rolled the transaction back under a job, in which case the
// jobs after it are left for a fresh group.
std::size_t SqliteStore::run_group(std::span<Job*> jobs) {
  SqliteConnection& connection = *writer_connection_;
  connection.clear_last_failure();
  try {
    connection.execute("BEGIN IMMEDIATE");
  } catch (const std::exception&) {
    fail_group(jobs);
    return jobs.size();
  }
  std::size_t ran = 0;
  bool intact = true;
  while (intact && ran < jobs.size())
    intact = run_job(*jobs[ran++]);
  std::span<Job*> group = jobs.first(ran);
  if (intact) {
    try {
      // With synchronous=FULL the COMMIT is the fsyncs of the journal and the database.
      const auto started = std::chrono::steady_clock::now();
      BlockingWait blocking;  // the leader's request worker lets its pool run another request
      connection.execute("COMMIT");
      server_metrics().store_fsync_duration.observe(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      server_metrics().store_group_commit_size.observe(static_cast<double>(ran));
    } catch (const std::exception&) {
      intact = false;
    }
  }
  if (!intact) {
    fail_group(group);
    return ran;
  }
  auto succeeded = std::count_if(group.begin(), group.end(), [](Job* job) { return !job->error; });
  // Before any job is answered: a read that starts after a write returned sees the new generation.
  // A group whose every write was refused changed nothing (each rolled back to its savepoint).
  if (succeeded > 0) clock_.committed(changed_in(group));
  commits_.fetch_add(1, std::memory_order_relaxed);
  writes_.fetch_add(static_cast<std::uint64_t>(succeeded), std::memory_order_relaxed);
  // A job may have caught an I/O error itself; the commit succeeded, but the disk is suspect.
  notice_disk_errors();
  for (Job* job : group)
    job->done.set();  // the job is gone once set
  return ran;
}

// Runs one job in its own savepoint. Returns false when the enclosing transaction is no longer
// usable, which fails the whole group.
bool SqliteStore::run_job(Job& job) {
  SqliteConnection& connection = *writer_connection_;
  try {
    connection.execute("SAVEPOINT job");
  } catch (const std::exception&) {
    return false;
  }
  try {
    SqlTx tx(connection);
    (*job.fn)(tx);
    job.changed = tx.changed_scopes();
  } catch (...) {
    job.error = std::current_exception();
  }
  // On SQLITE_FULL or an I/O error SQLite may roll back the whole transaction by itself, taking
  // the earlier jobs' changes with it.
  if (!connection.in_transaction()) return false;
  try {
    if (job.error) connection.execute("ROLLBACK TO job");
    connection.execute("RELEASE job");
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

// Answers every job of a group that did not commit: each keeps its own exception if it threw one,
// the others get the group's failure.
void SqliteStore::fail_group(std::span<Job*> jobs) {
  SqliteConnection& connection = *writer_connection_;
  int code = connection.last_failure();
  spdlog::error("sqlite store: a group of {} writes did not commit (SQLite code {})", jobs.size(),
                code);
  if (connection.in_transaction()) {
    try {
      connection.execute("ROLLBACK");
    } catch (const std::exception& e) {
      // A connection stuck inside a transaction cannot write again.
      spdlog::critical("sqlite store: rollback failed, refusing further writes: {}", e.what());
      fail_stopped_.store(true, std::memory_order_release);
    }
  }
  notice_disk_errors();
  bool disk_full = (code & 0xff) == SQLITE_FULL;
  for (Job* job : jobs) {
    if (!job->error) {
      job->error = std::make_exception_ptr(
          disk_full
              ? ApiError(ErrorKind::kInsufficientStorage, "The disk is full")
              : ApiError(ErrorKind::kServiceUnavailable, "The store could not commit; try again"));
    }
    job->done.set();
  }
}

// After an I/O error, data the kernel failed to write may be silently gone (PostgreSQL's fsync
// lesson), so no later write may be acknowledged as durable.
void SqliteStore::notice_disk_errors() {
  int code = writer_connection_->last_failure();
  if ((code & 0xff) != SQLITE_IOERR || fail_stopped()) return;
  spdlog::critical("sqlite store: I/O error (SQLite code {}); refusing writes until restart", code);
  fail_stopped_.store(true, std::memory_order_release);
}

}  // namespace projectd
