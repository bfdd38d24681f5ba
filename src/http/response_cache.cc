#include "http/response_cache.h"

#include <boost/beast/http/verb.hpp>

namespace projectd {

namespace {

// What an entry costs beyond its key and bytes: the list node, the index slot, the shared state.
constexpr std::size_t kEntryOverhead = 256;

}  // namespace

ResponseCache::ResponseCache(std::size_t budget_bytes, std::chrono::milliseconds max_age,
                             std::function<std::uint64_t()> stamp, StampCheck is_current)
    : max_age_(max_age), stamp_(std::move(stamp)), answers_(budget_bytes, std::move(is_current)) {}

std::string ResponseCache::key_of(const IncomingRequest& request, std::string_view user_id) {
  // Fields are separated by a newline, which none of them can contain.
  const auto method = boost::beast::http::to_string(request.method);
  std::string key(method.data(), method.size());
  for (std::string_view part :
       {std::string_view(request.target), header_value(request.headers, "host"),
        header_value(request.headers, "accept"), user_id}) {
    key += '\n';
    key += part;
  }
  return key;
}

std::shared_ptr<const OutgoingResponse> ResponseCache::find(std::string_view key) {
  if (!enabled()) return nullptr;
  const auto found = answers_.find(key);
  if (!found || std::chrono::steady_clock::now() - found->at > max_age_) return nullptr;
  if (found->fresh_until && now_utc() >= *found->fresh_until) return nullptr;
  return found->answer;
}

void ResponseCache::insert(std::string key, const OutgoingResponse& response, std::uint64_t stamp,
                           ScopeDependencies depends_on, std::optional<Timestamp> fresh_until) {
  if (!enabled() || response.status != 200 || response.file) return;
  std::size_t cost = kEntryOverhead + key.size() + response.body.size();
  for (const auto& [name, value] : response.headers)
    cost += name.size() + value.size();
  auto stored = std::make_shared<OutgoingResponse>(response);
  stored->user_id.clear();  // each hit names its own caller
  answers_.insert(std::move(key),
                  Rendered{std::move(stored), std::chrono::steady_clock::now(), fresh_until}, cost,
                  stamp, std::move(depends_on));
}

}  // namespace projectd
