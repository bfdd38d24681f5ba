// The paging parameters every list reads (docs/wire-compatibility.md, "Paging", "Honest paging"):
// `count` is clamped to 1..1000 (omitted or 0 means 1000), `startIndex` is at least 0.
#pragma once

#include "http/params.h"
#include "wire/envelope.h"

#include <cstdint>

namespace projectd {

inline constexpr std::int64_t kMaxPage = 1000;

struct PageRequest {
  std::int64_t start_index = 0;
  std::int64_t count = kMaxPage;
};

PageRequest page_request(const Params& params);

// The envelope paging for a page of `returned` items out of `total`: every list says its total,
// and nextIndex whenever more items exist.
Paging page_result(const PageRequest& request, std::int64_t returned, std::int64_t total);

}  // namespace projectd
