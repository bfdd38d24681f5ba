// Rendered answers of the routes that opt in (Route::caches_response), so a repeated read is
// answered from memory on the I/O thread, without the store or a worker. An answer is valid only
// while the store generation it was rendered at is current: any committed write anywhere makes
// every answer stale (conservative, so always correct). The key holds everything the answer
// depends on besides the data: method, target, Host, Accept and the caller's user id (rights
// derive from the user and the data). An answer also ages out after kMaxAge: TaskWrapperFull's
// comments say how long ago they were written ("5 minutes ago"), which the data alone does not
// change.
// Thread safety: every method may be called from any thread at once.
#pragma once

#include "base/generation_cache.h"
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
  // `budget_bytes` 0 disables the cache. `generation` reads the store's generation
  // (Store::generation()); it is called on I/O threads, so it must be cheap and never block.
  ResponseCache(std::size_t budget_bytes, std::function<std::uint64_t()> generation);

  bool enabled() const { return answers_.enabled(); }
  std::uint64_t generation() const { return generation_(); }

  static std::string key_of(const IncomingRequest& request, std::string_view user_id);

  // The answer under `key` if it is still valid.
  std::shared_ptr<const OutgoingResponse> find(std::string_view key);
  // Keeps a 200 answer rendered at generation `rendered_at` if no write committed since.
  void insert(std::string key, const OutgoingResponse& response, std::uint64_t rendered_at);

  std::size_t bytes() const { return answers_.cost(); }
  std::size_t size() const { return answers_.size(); }

 private:
  static constexpr std::chrono::seconds kMaxAge{1};
  struct Rendered {
    std::shared_ptr<const OutgoingResponse> answer;
    std::chrono::steady_clock::time_point at;
  };
  std::function<std::uint64_t()> generation_;
  GenerationCache<Rendered> answers_;
};

}  // namespace projectd
