#include "http/connection_limits.h"

#include <spdlog/spdlog.h>

#include <sys/resource.h>

#include <algorithm>

namespace projectd {
namespace {

// Descriptors kept out of the connection cap: the store's files and connections, the logs, the
// blob store's directories.
constexpr std::size_t kReservedDescriptors = 128;

constexpr std::chrono::seconds kRefusalLogEvery{10};

// The soft RLIMIT_NOFILE in force.
std::size_t open_files_limit() {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  return limit.rlim_cur == RLIM_INFINITY ? std::size_t{1} << 20
                                         : static_cast<std::size_t>(limit.rlim_cur);
}

void raise_open_files_limit() {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

// Connections the open-files limit leaves room for: two descriptors each (the socket, and a file
// it uploads or downloads), after the reserve. Read at every accept (a getrlimit), so a limit
// lowered while the server runs (prlimit) is honoured too.
std::size_t descriptor_room() {
  const std::size_t files = open_files_limit();
  return files > kReservedDescriptors + 2 ? (files - kReservedDescriptors) / 2 : 1;
}

}  // namespace

ConnectionLimits::ConnectionLimits(std::size_t max_connections, std::size_t max_per_address,
                                   std::uint64_t max_spool_per_address)
    : max_connections_(max_connections),
      max_per_address_(max_per_address),
      max_spool_per_address_(max_spool_per_address) {
  raise_open_files_limit();
  if (descriptor_room() < max_connections_)
    spdlog::info("serving at most {} connections (the open files limit is {})", descriptor_room(),
                 open_files_limit());
}

std::optional<ApiError> ConnectionLimits::admit(const std::string& address) {
  std::lock_guard lock(connections_mutex_);
  std::optional<ApiError> refusal;
  if (admitted_ >= std::min(max_connections_, descriptor_room())) {
    refusal.emplace(ErrorKind::kServiceUnavailable, "The server is at its connection limit");
  } else if (max_per_address_ > 0 && per_address_[address] >= max_per_address_) {
    refusal.emplace(ErrorKind::kTooManyRequests, "Too many connections from this address");
  } else {
    ++admitted_;
    ++per_address_[address];
    return std::nullopt;
  }
  ++refused_unlogged_;
  const auto now = std::chrono::steady_clock::now();
  if (now - refusal_logged_ >= kRefusalLogEvery) {
    spdlog::warn("refused {} connection(s), the last from {}: {}", refused_unlogged_, address,
                 refusal->what());
    refusal_logged_ = now;
    refused_unlogged_ = 0;
  }
  refusal->with_header("Retry-After", "1");
  if (per_address_[address] == 0) per_address_.erase(address);
  return refusal;
}

void ConnectionLimits::release(const std::string& address) {
  std::lock_guard lock(connections_mutex_);
  --admitted_;
  auto it = per_address_.find(address);
  if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
}

bool ConnectionLimits::reserve_spool(const std::string& address, std::uint64_t bytes) {
  std::lock_guard lock(spool_mutex_);
  std::uint64_t& in_flight = spool_per_address_[address];
  if (in_flight + bytes > max_spool_per_address_) {
    if (in_flight == 0) spool_per_address_.erase(address);
    return false;
  }
  in_flight += bytes;
  return true;
}

void ConnectionLimits::release_spool(const std::string& address, std::uint64_t bytes) {
  std::lock_guard lock(spool_mutex_);
  auto it = spool_per_address_.find(address);
  if (it == spool_per_address_.end()) return;
  it->second -= std::min(it->second, bytes);
  if (it->second == 0) spool_per_address_.erase(it);
}

}  // namespace projectd
