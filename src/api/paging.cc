#include "api/paging.h"

#include "base/ascii.h"

#include <algorithm>

namespace projectd {

PageRequest page_request(const Params& params) {
  PageRequest page;
  const std::int64_t count = params.get_int("count").value_or(0);
  page.count = count <= 0 ? kMaxPage : std::min(count, kMaxPage);
  page.start_index = std::max<std::int64_t>(0, params.get_int("startIndex").value_or(0));
  return page;
}

ApiResponse ok_page(boost::json::array items, const PageRequest& request, std::int64_t total) {
  const auto returned = static_cast<std::int64_t>(items.size());
  return ok(std::move(items), page_result(request, returned, total));
}

ApiResponse ok_page_written(PayloadWriter write_items, std::int64_t returned,
                            const PageRequest& request, std::int64_t total) {
  return ok_written(std::move(write_items), returned, page_result(request, returned, total));
}

std::vector<ParamDoc> with_paging(std::vector<ParamDoc> docs) {
  docs.push_back({"count", ParamIn::kQuery, "integer", false, "page size, at most 1000"});
  docs.push_back({"startIndex", ParamIn::kQuery, "integer", false, "items to skip"});
  return docs;
}

Paging page_result(const PageRequest& request, std::int64_t returned, std::int64_t total) {
  Paging paging;
  paging.start_index = request.start_index;
  paging.more = request.start_index + returned < total;
  paging.total = total;
  return paging;
}

std::string sort_by(const Params& params) {
  return ascii::to_lower(params.get_string("sortBy").value_or(""));
}

bool sort_descending(const Params& params) {
  return ascii::iequals(params.get_string("sortOrder").value_or(""), "descending");
}

}  // namespace projectd
