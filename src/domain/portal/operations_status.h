// What the operations endpoints report (README "Health and metrics"): whether this node is ready
// to serve (/readyz), the blob store's size for /metrics, and who may scrape /metrics: the
// `--metrics-token`, checked before any other credential, else a portal administrator.
// Readiness is cached for a second and the blob store's size for a minute, so a scraper polling
// fast cannot load the store or the disk.
// Thread safety: every method may be called from any thread at once.
#pragma once

#include "base/errors.h"
#include "domain/authenticator.h"
#include "domain/caller.h"
#include "store/store_health.h"

#include <spdlog/spdlog.h>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace projectd {

struct Readiness {
  bool ready = true;
  // When not ready: which check failed ("store", "writes", "schema"), never internal detail.
  std::string failed_check;
};

struct BlobUsage {
  std::uint64_t bytes = 0;
  std::uint64_t files = 0;
};

class OperationsStatus {
 public:
  OperationsStatus(StoreHealthProbe& store, Authenticator& authenticator,
                   std::filesystem::path blob_root, std::string metrics_token);

  Readiness readiness();
  // The contents under the blob root (spools, upload sessions and bulk zips included), from a
  // directory walk made at most once a minute.
  BlobUsage blob_usage();
  // Whether `authorization` (the header's value) is "Bearer <the metrics token>"; compared in
  // constant time. Always false without a configured token.
  bool is_metrics_token(std::string_view authorization) const;
  // Whether the request may read the metrics: the metrics token in `authorization` first (so it is
  // never taken for an API token), else the caller of `credentials` must be an administrator.
  // Throws ApiError: kUnauthorized without a valid credential, kForbidden for anyone else.
  void check_metrics_reader(std::string_view authorization,
                            const std::vector<Credential>& credentials,
                            const std::string& client_address);

 private:
  StoreHealthProbe& store_;
  Authenticator& authenticator_;
  std::filesystem::path blob_root_;
  std::string metrics_token_;

  std::mutex readiness_mutex_;  // one probe at a time; the others wait for its answer
  Readiness readiness_;
  std::chrono::steady_clock::time_point readiness_at_{};

  std::mutex blobs_mutex_;
  BlobUsage blobs_;
  std::chrono::steady_clock::time_point blobs_at_{};
};

// Defined here (the class is small and used by serve and the routes only).

namespace operations_status_detail {

inline constexpr auto kReadinessAge = std::chrono::seconds(1);
inline constexpr auto kBlobUsageAge = std::chrono::minutes(1);

inline bool ops_cache_fresh(std::chrono::steady_clock::time_point at,
                            std::chrono::steady_clock::duration age) {
  return at != std::chrono::steady_clock::time_point{} &&
         std::chrono::steady_clock::now() - at < age;
}

inline Readiness readiness_of(const StoreHealth& health) {
  if (!health.reachable) return {false, "store"};
  if (!health.writable) return {false, "writes"};
  if (!health.schema_current) return {false, "schema"};
  return {};
}

}  // namespace operations_status_detail

inline OperationsStatus::OperationsStatus(StoreHealthProbe& store, Authenticator& authenticator,
                                          std::filesystem::path blob_root,
                                          std::string metrics_token)
    : store_(store),
      authenticator_(authenticator),
      blob_root_(std::move(blob_root)),
      metrics_token_(std::move(metrics_token)) {}

inline Readiness OperationsStatus::readiness() {
  std::lock_guard lock(readiness_mutex_);
  if (operations_status_detail::ops_cache_fresh(readiness_at_,
                                                operations_status_detail::kReadinessAge))
    return readiness_;
  readiness_ = operations_status_detail::readiness_of(store_.health());
  readiness_at_ = std::chrono::steady_clock::now();
  if (!readiness_.ready) spdlog::warn("readiness: the {} check failed", readiness_.failed_check);
  return readiness_;
}

inline BlobUsage OperationsStatus::blob_usage() {
  std::lock_guard lock(blobs_mutex_);
  if (operations_status_detail::ops_cache_fresh(blobs_at_, operations_status_detail::kBlobUsageAge))
    return blobs_;
  BlobUsage usage;
  std::error_code error;
  // Files vanish while we walk (sweeps, renames): skip what cannot be read, never fail.
  for (std::filesystem::recursive_directory_iterator
           it(blob_root_, std::filesystem::directory_options::skip_permission_denied, error),
       end;
       !error && it != end; it.increment(error)) {
    std::error_code entry_error;
    if (!it->is_regular_file(entry_error)) continue;
    const auto size = it->file_size(entry_error);
    if (entry_error) continue;
    usage.bytes += size;
    ++usage.files;
  }
  blobs_ = usage;
  blobs_at_ = std::chrono::steady_clock::now();
  return blobs_;
}

inline bool OperationsStatus::is_metrics_token(std::string_view authorization) const {
  constexpr std::string_view kScheme = "Bearer ";
  if (metrics_token_.empty() || authorization.size() != kScheme.size() + metrics_token_.size())
    return false;
  // Only the length is revealed by timing, which a random token does not make secret anyway.
  unsigned char differ = 0;
  for (std::size_t i = 0; i < kScheme.size(); ++i)
    differ |= static_cast<unsigned char>(authorization[i] ^ kScheme[i]);
  for (std::size_t i = 0; i < metrics_token_.size(); ++i)
    differ |= static_cast<unsigned char>(authorization[kScheme.size() + i] ^ metrics_token_[i]);
  return differ == 0;
}

inline void OperationsStatus::check_metrics_reader(std::string_view authorization,
                                                   const std::vector<Credential>& credentials,
                                                   const std::string& client_address) {
  if (is_metrics_token(authorization)) return;
  const auto caller = authenticator_.authenticate(credentials, client_address);
  if (!caller) {
    ApiError error(ErrorKind::kUnauthorized,
                   credentials.empty() ? "Authentication is required: send the metrics token or "
                                         "an administrator's token in the Authorization header"
                                       : "The credentials are invalid or have expired");
    error.with_header("WWW-Authenticate", "Bearer realm=\"projectd\"");
    throw error;
  }
  if (!caller->is_admin)
    throw ApiError(ErrorKind::kForbidden,
                   "Only portal administrators and the metrics token may read the metrics");
}

}  // namespace projectd
