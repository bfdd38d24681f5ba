// The process's metrics: counters, gauges and histograms that any layer updates on its hot path,
// and the one registry of projectd's own metrics (`server_metrics()`), rendered by /metrics in the
// Prometheus text format (api/portal/metrics_exposition.h; README "Health and metrics").
// Thread safety: every method may be called from any thread at once. Updating a Counter, Gauge or
// Histogram is a few relaxed atomic operations, never a lock. A labelled Family takes a shared
// lock to find its child (an exclusive one only the first time a label set is seen); label sets
// must be bounded (route templates, never raw paths).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace projectd {

class Counter {
 public:
  void add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void add(std::int64_t n) { value_.fetch_add(n, std::memory_order_relaxed); }
  void set(std::int64_t n) { value_.store(n, std::memory_order_relaxed); }
  std::int64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

// Counts observations per bucket (upper bounds, ascending; +Inf is implicit) and their sum. The
// counts are per bucket, not cumulative: the exposition accumulates them when it renders. A
// scrape running during observe() may see the sum and the counts of slightly different moments,
// which Prometheus tolerates.
class Histogram {
 public:
  explicit Histogram(std::vector<double> bounds)
      : bounds_(std::move(bounds)),
        counts_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {}

  void observe(double value) {
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin());
    counts_[bucket].fetch_add(1, std::memory_order_relaxed);
    sum_.fetch_add(value, std::memory_order_relaxed);
  }

  const std::vector<double>& bounds() const { return bounds_; }
  // Observations in bucket i (i == bounds().size(): above the last bound).
  std::uint64_t bucket_count(std::size_t i) const {
    return counts_[i].load(std::memory_order_relaxed);
  }
  double sum() const { return sum_.load(std::memory_order_relaxed); }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> counts_;
  std::atomic<double> sum_{0};
};

// Children of one metric by their label values (in the order of the family's label names).
template <class Metric>
class Family {
 public:
  using Labels = std::vector<std::string>;

  // `bounds`: a Histogram family's bucket bounds, the same for every child.
  explicit Family(std::vector<std::string> label_names, std::vector<double> bounds = {})
      : names_(std::move(label_names)), bounds_(std::move(bounds)) {}

  Metric& with(std::initializer_list<std::string_view> values) {
    Labels key(values.begin(), values.end());
    {
      std::shared_lock lock(mutex_);
      if (auto it = children_.find(key); it != children_.end()) return *it->second;
    }
    std::unique_lock lock(mutex_);
    auto& child = children_[std::move(key)];
    if (!child) child = make();
    return *child;
  }

  const std::vector<std::string>& label_names() const { return names_; }

  // Calls fn(labels, metric) for every child, in label order.
  template <class F>
  void each(F&& fn) const {
    std::shared_lock lock(mutex_);
    for (const auto& [labels, child] : children_)
      fn(labels, *child);
  }

 private:
  std::unique_ptr<Metric> make() const {
    if constexpr (std::is_same_v<Metric, Histogram>) {
      return std::make_unique<Histogram>(bounds_);
    } else {
      return std::make_unique<Metric>();
    }
  }

  std::vector<std::string> names_;
  std::vector<double> bounds_;
  mutable std::shared_mutex mutex_;
  std::map<Labels, std::unique_ptr<Metric>> children_;
};

// projectd's own metrics, one instance per process. Names and help texts are the exposition's
// (api/portal/metrics_exposition.cc); what is computed at scrape time (blob store size, process
// start, build) is not here.
struct ServerMetrics {
  // http/request_metrics.cc, where the request log line is written.
  Family<Counter> http_requests{{"route", "method", "code"}};
  Family<Histogram> http_request_duration{
      {"route"}, {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}};
  Gauge http_requests_in_flight;  // the dispatcher's workers
  Counter http_request_body_bytes;
  Counter http_response_body_bytes;
  // The SQLite store's group commits (PostgreSQL commits each transaction alone).
  Histogram store_group_commit_size{{1, 2, 4, 8, 16, 32, 64, 128, 256}};
  Histogram store_fsync_duration{{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1}};
  // http/response_cache.cc
  Counter response_cache_hits;
  Counter response_cache_misses;
  // domain/people/auth_service.cc
  Counter sign_in_failures;
  Counter sign_in_throttled;
};

// The one instance (an inline function's static: one per program, made on first use).
inline ServerMetrics& server_metrics() {
  static ServerMetrics metrics;
  return metrics;
}

// When this process started, in seconds since the Unix epoch (taken as the program loads).
inline const double kProcessStartTimeSeconds =
    std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();

}  // namespace projectd
