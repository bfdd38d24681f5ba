// The portal time zones the fuzz targets read dates in.
#pragma once

#include "wire/date.h"

namespace projectd::fuzz {

// Europe/Berlin: a zone with daylight saving, so wall-clock dates also go through the gap and
// overlap rules, and an old local mean time offset with seconds; UTC when the tz database is
// missing.
const PortalTimeZone& daylight_saving_zone();

}  // namespace projectd::fuzz
