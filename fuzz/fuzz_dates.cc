// Fuzz target: API dates (wire/date.h). Every input is parsed in UTC and in a zone with daylight
// saving; a date that parses is written back in both forms, and what projectd writes must parse
// again. In UTC the round trip must also give the same instant, unless the date is outside .NET's
// range and so written as the original's unset date.
#include "portal_zones.h"
#include "wire/date.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace projectd;

namespace {

// Both writers give this, with `Z` or `+00:00`, for an instant outside .NET's range.
constexpr std::string_view kUnsetDate = "0001-01-01T00:00:00.0000000";

[[noreturn]] void round_trip_failed(std::string_view input, const std::string& written) {
  std::fprintf(stderr, "date round trip failed: read '%.*s', wrote '%s'\n",
               static_cast<int>(input.size()), input.data(), written.c_str());
  std::abort();
}

void check_round_trip(std::string_view input, const PortalTimeZone& zone, bool exact) {
  const auto instant = parse_api_date(input, zone);
  if (!instant) return;
  for (const std::string& written :
       {format_api_date(*instant, zone), format_api_date_numeric_offset(*instant, zone)}) {
    const auto again = parse_api_date(written, zone);
    if (!again) round_trip_failed(input, written);
    if (exact && !written.starts_with(kUnsetDate) && *again != *instant)
      round_trip_failed(input, written);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_round_trip(input, PortalTimeZone{}, true);
  check_round_trip(input, fuzz::daylight_saving_zone(), false);
  return 0;
}
