// The request metrics (base/metrics.h, ServerMetrics): one call per answered request, made where
// its log line is written (http/server.cc), so every request is counted exactly once, whichever
// way it was answered (a handler, the response cache, a protocol error).
// Grouped by the route's pattern, never the raw path, so the label sets stay bounded; a request no
// route matched counts as route "unmatched".
// Thread safety: from any thread.
#pragma once

#include "base/metrics.h"
#include "http/request_log.h"

#include <array>
#include <chrono>
#include <string_view>

namespace projectd {

namespace request_metrics_detail {

inline std::string_view status_class_of(int status) {
  static constexpr std::array<std::string_view, 6> kClasses = {"1xx", "1xx", "2xx",
                                                               "3xx", "4xx", "5xx"};
  const int hundreds = status / 100;
  return hundreds >= 1 && hundreds <= 5 ? kClasses[static_cast<std::size_t>(hundreds)] : "5xx";
}

}  // namespace request_metrics_detail

inline void record_request_metrics(const RequestLogLine& line) {
  ServerMetrics& metrics = server_metrics();
  const std::string_view route = line.route.empty() ? std::string_view("unmatched") : line.route;
  metrics.http_requests
      .with({route, boost::beast::http::to_string(line.method),
             request_metrics_detail::status_class_of(line.status)})
      .add();
  metrics.http_request_duration.with({route}).observe(
      std::chrono::duration<double>(line.duration).count());
  metrics.http_request_body_bytes.add(line.bytes_in);
  metrics.http_response_body_bytes.add(line.bytes_out);
}

}  // namespace projectd
