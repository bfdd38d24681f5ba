// The Prometheus text exposition (api/portal/metrics_exposition.h).
#include "api/portal/metrics_exposition.h"

#include "base/metrics.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace projectd {

namespace {

// The shortest text that reads back as `value`; the format's own spelling of infinity.
std::string metric_number(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char buffer[64];
  // Fixed notation where it is short ("0.0005", not "5e-04"): bucket bounds are matched as text.
  const bool fixed = value == 0 || (std::abs(value) >= 1e-6 && std::abs(value) < 1e15);
  const auto end =
      fixed ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed).ptr
            : std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

class Exposition {
 public:
  void header(std::string_view name, std::string_view type, std::string_view help) {
    out_ += "# HELP ";
    out_ += name;
    out_ += ' ';
    out_ += help;  // our own texts: no backslash or newline to escape
    out_ += "\n# TYPE ";
    out_ += name;
    out_ += ' ';
    out_ += type;
    out_ += '\n';
  }

  // One sample; `labels` is already rendered ({...} or empty).
  void sample(std::string_view name, std::string_view labels, std::string_view value) {
    out_ += name;
    out_ += labels;
    out_ += ' ';
    out_ += value;
    out_ += '\n';
  }

  void counter(std::string_view name, std::string_view help, std::uint64_t value) {
    header(name, "counter", help);
    sample(name, "", std::to_string(value));
  }

  void gauge(std::string_view name, std::string_view help, double value) {
    header(name, "gauge", help);
    sample(name, "", metric_number(value));
  }

  void histogram_samples(std::string_view name, std::string_view labels_inside,
                         const Histogram& histogram) {
    const std::string base(name);
    const std::string prefix = labels_inside.empty() ? "" : std::string(labels_inside) + ",";
    std::uint64_t cumulative = 0;
    const auto& bounds = histogram.bounds();
    for (std::size_t i = 0; i <= bounds.size(); ++i) {
      cumulative += histogram.bucket_count(i);
      const std::string le = i < bounds.size() ? metric_number(bounds[i]) : "+Inf";
      sample(base + "_bucket", "{" + prefix + "le=\"" + le + "\"}", std::to_string(cumulative));
    }
    const std::string labels = labels_inside.empty() ? "" : "{" + std::string(labels_inside) + "}";
    sample(base + "_sum", labels, metric_number(histogram.sum()));
    sample(base + "_count", labels, std::to_string(cumulative));
  }

  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// A route pattern as its template: "task/{taskid:int}" becomes "task/{taskid}" (the constraint is
// the router's business, the template is what an operator reads and writes in queries).
std::string route_template(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  bool in_braces = false;
  bool in_constraint = false;
  for (const char c : pattern) {
    if (c == '{') in_braces = true;
    if (c == '}') in_braces = in_constraint = false;
    if (c == ':' && in_braces) in_constraint = true;
    if (!in_constraint) out += c;
  }
  return out;
}

std::string metric_labels_of(const std::vector<std::string>& names,
                             const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) {
    if (i > 0) out += ',';
    const std::string value = names[i] == "route" ? route_template(values[i]) : values[i];
    out += names[i] + "=\"" + escape_label_value(value) + "\"";
  }
  return out;
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string render_metrics(const BlobUsage& blobs, std::int64_t outbox_depth) {
  const ServerMetrics& metrics = server_metrics();
  Exposition out;

  out.header("projectd_http_requests_total", "counter",
             "Answered HTTP requests by route template, method and status class");
  metrics.http_requests.each([&](const auto& labels, const Counter& counter) {
    out.sample("projectd_http_requests_total",
               "{" + metric_labels_of(metrics.http_requests.label_names(), labels) + "}",
               std::to_string(counter.value()));
  });
  out.header("projectd_http_request_duration_seconds", "histogram",
             "Time from the request's head to its answer, by route template");
  metrics.http_request_duration.each([&](const auto& labels, const Histogram& histogram) {
    out.histogram_samples("projectd_http_request_duration_seconds",
                          metric_labels_of(metrics.http_request_duration.label_names(), labels),
                          histogram);
  });
  out.gauge("projectd_http_requests_in_flight", "Requests being handled by a worker now",
            static_cast<double>(metrics.http_requests_in_flight.value()));
  out.counter("projectd_http_request_body_bytes_total",
              "Request body bytes received (uploads included)",
              metrics.http_request_body_bytes.value());
  out.counter("projectd_http_response_body_bytes_total",
              "Response body bytes sent (downloads included)",
              metrics.http_response_body_bytes.value());

  // SQLite's writer only: PostgreSQL commits each transaction on its own connection, so there is
  // no group to measure and its commit latency is part of http_request_duration_seconds.
  out.header("projectd_store_group_commit_size", "histogram",
             "Writes committed together by one COMMIT");
  out.histogram_samples("projectd_store_group_commit_size", "", metrics.store_group_commit_size);
  out.header("projectd_store_fsync_duration_seconds", "histogram",
             "Duration of a group's COMMIT with synchronous=FULL (its fsyncs)");
  out.histogram_samples("projectd_store_fsync_duration_seconds", "", metrics.store_fsync_duration);

  struct NamedCounter {
    const char* name;
    const char* help;
    const Counter& counter;
  };
  const NamedCounter counters[] = {
      {"projectd_response_cache_hits_total", "Cacheable reads answered from the response cache",
       metrics.response_cache_hits},
      {"projectd_response_cache_misses_total",
       "Cacheable reads the response cache could not answer", metrics.response_cache_misses},
      {"projectd_sign_in_failures_total", "Sign-ins refused for a wrong user name or password",
       metrics.sign_in_failures},
      {"projectd_sign_in_throttled_total", "Sign-in attempts refused by login throttling",
       metrics.sign_in_throttled},
  };
  for (const NamedCounter& named : counters)
    out.counter(named.name, named.help, named.counter.value());

  out.gauge("projectd_blob_store_bytes",
            "Bytes under the blob directory (a walk at most once a minute)",
            static_cast<double>(blobs.bytes));
  out.gauge("projectd_blob_store_files",
            "Files under the blob directory (a walk at most once a minute)",
            static_cast<double>(blobs.files));
  out.gauge("projectd_outbox_depth",
            "Notifications not yet sent: change events not fanned out and deliveries neither "
            "delivered nor given up",
            static_cast<double>(outbox_depth));

  out.gauge("process_start_time_seconds", "When this process started, in Unix seconds",
            kProcessStartTimeSeconds);
  out.header("projectd_build_info", "gauge", "The running build; the value is always 1");
  out.sample("projectd_build_info", "{version=\"" + escape_label_value(PROJECTD_VERSION) + "\"}",
             "1");
  return out.take();
}

}  // namespace projectd
