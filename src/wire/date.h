// ONLYOFFICE API dates (docs/wire-compatibility.md, "Dates"): written as
// yyyy-MM-ddTHH:mm:ss.fffffff plus `Z` or `±hh:mm`, the wall clock in the portal time zone; read in
// every form the original accepts. Thread safety: PortalTimeZone is immutable after construction;
// all functions are reentrant.
#pragma once

#include "base/time.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace projectd {

class PortalTimeZone {
 public:
  // UTC, written with `Z`.
  PortalTimeZone() = default;
  // An IANA name such as "Europe/Berlin"; "UTC" and "Etc/UTC" give the UTC zone.
  // Throws std::invalid_argument naming the zone when the tz database does not know it.
  static PortalTimeZone named(std::string_view iana_name);

  const std::string& name() const { return name_; }
  bool is_utc() const { return zone_ == nullptr; }
  // The zone's offset from UTC at that instant (daylight saving included).
  std::chrono::seconds offset_at(Timestamp instant) const;
  // The instant of a wall-clock time in this zone; an ambiguous time takes the earlier instant, a
  // time inside a spring-forward gap is moved forward by the gap.
  Timestamp from_local(std::chrono::local_time<Ticks> wall_clock) const;

 private:
  const date::time_zone* zone_ = nullptr;
  std::string name_ = "UTC";
};

// `2020-12-22T04:11:56.5768573Z` in UTC, `2020-12-22T07:11:56.5768573+03:00` elsewhere; any zero
// offset is `Z`. The offset is cut to whole minutes (old local mean times have seconds) and the
// wall clock agrees with it. Instants not strictly between .NET's DateTime.MinValue and MaxValue
// are the original's unset date `0001-01-01T00:00:00.0000000Z`; a wall clock past year 9999 is
// written in UTC.
std::string format_api_date(Timestamp instant, const PortalTimeZone& zone);
// The same, but UTC is written `+00:00`: the authentication answer's `expires`
// (docs/wire-compatibility.md, "Dates").
std::string format_api_date_numeric_offset(Timestamp instant, const PortalTimeZone& zone);

// Accepts: .NET round-trip `o` (up to 7 fractional digits), yyyy-MM-ddTHH-mm-ss[.f{1,7}]K,
// yyyy-MM-ddTHH:mm:ss[.f{1,7}]K, yyyy-MM-ddTHH:mm[K] and yyyy-MM-dd, where K is `Z`, `±hh:mm`,
// `±hhmm` or nothing; a space may stand for `T`. Without K the value is wall-clock time in `zone`.
// Returns nullopt for anything else (the caller answers 400 naming the parameter).
std::optional<Timestamp> parse_api_date(std::string_view text, const PortalTimeZone& zone);

}  // namespace projectd
