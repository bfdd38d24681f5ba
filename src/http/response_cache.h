// Rendered answers of the routes that opt in (Route::caches_response), so a repeated read is
// answered from memory on the I/O thread, without the store or a worker. An answer is valid only
// while no write that can change it has committed since the stamp taken before its render
// (base/stamped_cache.h): an answer whose handler listed the scopes it shows
// (RequestContext::depends_on, e.g. one task and its project) goes stale only with a broad write
// or a write naming one of them; any other answer with any committed write. The key holds
// everything the answer depends on besides the data: method, target, Host, Accept and the caller's
// user id (rights derive from the user and the data). The clock alone changes one thing:
// TaskWrapperFull's comments say how long ago they were written ("5 minutes ago"), so an answer
// ends when its handler said those words change (RequestContext::fresh_until), and after max_age
// at the latest. Thread safety: every method may be called from any thread at once.
#pragma once

#include "base/stamped_cache.h"
#include "http/dispatcher.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace projectd {

class ResponseCache {
 public:
  // `budget_bytes` 0 disables the cache. `stamp` reads the store's generation (Store::generation())
  // and `is_current` is Store::unchanged_since; both are called on I/O threads, so they must be
  // cheap and never block.
  // `max_age`: how long one answer may be repeated at most (--response-cache-max-age-ms).
  ResponseCache(std::size_t budget_bytes, std::chrono::milliseconds max_age,
                std::function<std::uint64_t()> stamp, StampCheck is_current);

  bool enabled() const { return answers_.enabled(); }
  std::uint64_t stamp() const { return stamp_(); }

  static std::string key_of(const IncomingRequest& request, std::string_view user_id);

  // The answer under `key` if it is still valid.
  std::shared_ptr<const OutgoingResponse> find(std::string_view key);
  // Keeps a 200 answer rendered after `stamp` was taken, unless a write already made it stale.
  // `fresh_until`: when the clock alone changes it (RequestContext::fresh_until).
  void insert(std::string key, const OutgoingResponse& response, std::uint64_t stamp,
              ScopeDependencies depends_on, std::optional<Timestamp> fresh_until = std::nullopt);

  std::size_t bytes() const { return answers_.cost(); }
  std::size_t size() const { return answers_.size(); }

 private:
  struct Rendered {
    std::shared_ptr<const OutgoingResponse> answer;
    std::chrono::steady_clock::time_point at;
    std::optional<Timestamp> fresh_until;
  };
  std::chrono::milliseconds max_age_;
  std::function<std::uint64_t()> stamp_;
  StampedCache<Rendered> answers_;
};

}  // namespace projectd
