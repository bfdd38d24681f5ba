// /metrics's body: projectd's metrics (base/metrics.h) in the Prometheus text exposition format
// 0.0.4 (HELP and TYPE lines, escaped label values, cumulative histogram buckets ending in +Inf,
// _sum and _count), hand-written since Debian 12 has no prometheus-cpp. The metric list is in
// README "Health and metrics". Thread safety: from any thread; the values are read while requests
// update them.
#pragma once

#include "domain/portal/operations_status.h"

#include <string>
#include <string_view>

namespace projectd {

inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

std::string render_metrics(const BlobUsage& blobs, std::int64_t outbox_depth);

// A label value as the format writes it between double quotes: \, " and newline escaped.
std::string escape_label_value(std::string_view value);

}  // namespace projectd
