// The paging parameters every list reads (docs/wire-compatibility.md, "Paging", "Honest paging"):
// `count` is clamped to 1..1000 (omitted or 0 means 1000), `startIndex` is at least 0.
#pragma once

#include "http/handler.h"
#include "http/params.h"
#include "http/route.h"
#include "wire/envelope.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace projectd {

inline constexpr std::int64_t kMaxPage = 1000;

struct PageRequest {
  std::int64_t start_index = 0;
  std::int64_t count = kMaxPage;
};

PageRequest page_request(const Params& params);

// `count` and `startIndex` documented, after `docs`: every route whose handler calls
// page_request() lists them (the authorization matrix sends every parameter a route does not
// document, and a paged route must not refuse them).
std::vector<ParamDoc> with_paging(std::vector<ParamDoc> docs = {});

// The envelope paging for a page of `returned` items out of `total`: every list says its total,
// and nextIndex whenever more items exist.
Paging page_result(const PageRequest& request, std::int64_t returned, std::int64_t total);

// A list answer: `items` (one page) with the envelope paging of page_result().
ApiResponse ok_page(boost::json::array items, const PageRequest& request, std::int64_t total);
// The same for a page of `returned` items that `write_items` writes as one array.
ApiResponse ok_page_written(PayloadWriter write_items, std::int64_t returned,
                            const PageRequest& request, std::int64_t total);

// The order a filter asks for: `sortBy` lowercased ("" when absent), and whether `sortOrder` is
// "descending" (any case).
std::string sort_by(const Params& params);
bool sort_descending(const Params& params);
// `sortBy` as one of a filter's columns; an unknown one keeps `fallback`, the default order, as
// the original does (docs/wire-compatibility.md, "Paging").
template <class Sort>
Sort sort_column(const Params& params,
                 const std::vector<std::pair<std::string_view, Sort>>& columns, Sort fallback) {
  const std::string name = sort_by(params);
  for (const auto& [column, sort] : columns)
    if (name == column) return sort;
  return fallback;
}

}  // namespace projectd
