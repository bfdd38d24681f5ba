// The edge's caps on what clients hold at once (docs/security.md, "Connections" and "Uploads:
// space in flight and a minimum rate"): connections in all and per client address, kept below
// what the open-files limit leaves room for, and upload spool bytes per client address.
// Thread safety: every method may be called from any thread at once.
#pragma once

#include "base/errors.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace projectd {

class ConnectionLimits {
 public:
  // Raises the soft RLIMIT_NOFILE to the hard limit (and says when the cap is lower than asked).
  ConnectionLimits(std::size_t max_connections, std::size_t max_per_address,
                   std::uint64_t max_spool_per_address);

  // Counts a new connection from `address`, or answers the refusal to send it (503 over the
  // total or the descriptor room, 429 over the per-address cap; both with Retry-After). A flood
  // of refusals is logged as one line every 10 s, with its count.
  std::optional<ApiError> admit(const std::string& address);
  void release(const std::string& address);  // an admitted connection ended

  // Spool bytes in flight from `address`: false (nothing reserved) past the cap.
  bool reserve_spool(const std::string& address, std::uint64_t bytes);
  void release_spool(const std::string& address, std::uint64_t bytes);

 private:
  const std::size_t max_connections_;
  const std::size_t max_per_address_;  // 0: none
  const std::uint64_t max_spool_per_address_;

  std::mutex connections_mutex_;
  std::size_t admitted_ = 0;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::size_t refused_unlogged_ = 0;
  std::chrono::steady_clock::time_point refusal_logged_;

  std::mutex spool_mutex_;
  std::unordered_map<std::string, std::uint64_t> spool_per_address_;
};

}  // namespace projectd
