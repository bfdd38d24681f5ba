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
#include "store/store.h"
#include "store/store_health.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
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
  OperationsStatus(Store& store, StoreHealthProbe& probe, Authenticator& authenticator,
                   std::filesystem::path blob_root, std::string metrics_token);

  Readiness readiness();
  // The contents under the blob root (spools, upload sessions and bulk zips included), from a
  // directory walk made at most once a minute.
  BlobUsage blob_usage();
  // Change events not yet fanned out plus deliveries neither delivered nor given up
  // (docs/notifications.md), read at most once a second.
  std::int64_t outbox_depth();
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
  Store& store_;
  StoreHealthProbe& probe_;
  Authenticator& authenticator_;
  std::filesystem::path blob_root_;
  std::string metrics_token_;

  std::mutex readiness_mutex_;  // one probe at a time; the others wait for its answer
  Readiness readiness_;
  std::chrono::steady_clock::time_point readiness_at_{};

  std::mutex blobs_mutex_;
  BlobUsage blobs_;
  std::chrono::steady_clock::time_point blobs_at_{};

  std::mutex outbox_mutex_;
  std::int64_t outbox_depth_ = 0;
  std::chrono::steady_clock::time_point outbox_at_{};
};

}  // namespace projectd
