// Instants as the original counts them: ticks of 100 ns (7 fractional digits on the wire), UTC.
// Stored as a 64-bit tick count since the Unix epoch so every store round-trips them exactly.
#pragma once

#include <chrono>
#include <cstdint>

namespace projectd {

using Ticks = std::chrono::duration<std::int64_t, std::ratio<1, 10'000'000>>;
using Timestamp = std::chrono::time_point<std::chrono::system_clock, Ticks>;

inline Timestamp now_utc() {
  return std::chrono::time_point_cast<Ticks>(std::chrono::system_clock::now());
}
inline std::int64_t to_ticks(Timestamp t) {
  return t.time_since_epoch().count();
}
inline Timestamp from_ticks(std::int64_t ticks) {
  return Timestamp(Ticks(ticks));
}

}  // namespace projectd
