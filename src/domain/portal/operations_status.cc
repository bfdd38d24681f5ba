#include "domain/portal/operations_status.h"

#include <openssl/crypto.h>
#include <spdlog/spdlog.h>

#include <system_error>
#include <utility>

namespace projectd {

namespace {

constexpr auto kReadinessAge = std::chrono::seconds(1);
constexpr auto kBlobUsageAge = std::chrono::minutes(1);

bool ops_cache_fresh(std::chrono::steady_clock::time_point at,
                     std::chrono::steady_clock::duration age) {
  return at != std::chrono::steady_clock::time_point{} &&
         std::chrono::steady_clock::now() - at < age;
}

Readiness readiness_of(const StoreHealth& health) {
  if (!health.reachable) return {false, "store"};
  if (!health.writable) return {false, "writes"};
  if (!health.schema_current) return {false, "schema"};
  return {};
}

}  // namespace

OperationsStatus::OperationsStatus(Store& store, StoreHealthProbe& probe,
                                   Authenticator& authenticator, std::filesystem::path blob_root,
                                   std::string metrics_token)
    : store_(store),
      probe_(probe),
      authenticator_(authenticator),
      blob_root_(std::move(blob_root)),
      metrics_token_(std::move(metrics_token)) {}

Readiness OperationsStatus::readiness() {
  std::lock_guard lock(readiness_mutex_);
  if (ops_cache_fresh(readiness_at_, kReadinessAge)) return readiness_;
  readiness_ = readiness_of(probe_.health());
  readiness_at_ = std::chrono::steady_clock::now();
  if (!readiness_.ready) spdlog::warn("readiness: the {} check failed", readiness_.failed_check);
  return readiness_;
}

BlobUsage OperationsStatus::blob_usage() {
  std::lock_guard lock(blobs_mutex_);
  if (ops_cache_fresh(blobs_at_, kBlobUsageAge)) return blobs_;
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

std::int64_t OperationsStatus::outbox_depth() {
  std::lock_guard lock(outbox_mutex_);
  if (ops_cache_fresh(outbox_at_, std::chrono::seconds(1))) return outbox_depth_;
  try {
    outbox_depth_ = store_.read_value([](StoreTx& tx) { return tx.outbox().pending_count(); });
  } catch (const ApiError&) {
    // The store is down: /readyz says so; the gauge keeps its last value.
  }
  outbox_at_ = std::chrono::steady_clock::now();
  return outbox_depth_;
}

bool OperationsStatus::is_metrics_token(std::string_view authorization) const {
  constexpr std::string_view kScheme = "Bearer ";
  if (metrics_token_.empty() || authorization.size() != kScheme.size() + metrics_token_.size() ||
      !authorization.starts_with(kScheme))
    return false;
  // Constant time over the token (OpenSSL's CRYPTO_memcmp): only the length is revealed by
  // timing, which a random token does not make secret anyway.
  return CRYPTO_memcmp(authorization.data() + kScheme.size(), metrics_token_.data(),
                       metrics_token_.size()) == 0;
}

void OperationsStatus::check_metrics_reader(std::string_view authorization,
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
