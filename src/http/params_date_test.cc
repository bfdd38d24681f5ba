// Params::get_date is a thin binding over parse_api_date (wire/date.h); these cases check the
// binding (absent, null, blank, junk naming the parameter) with forms every parser must read.
#include "http/params.h"

#include "base/errors.h"
#include "wire/date.h"

#include <gtest/gtest.h>

#include <chrono>

namespace projectd {
namespace {

using namespace std::chrono;

Timestamp utc(sys_days day, seconds time_of_day = seconds(0)) {
  return time_point_cast<Ticks>(day + time_of_day);
}

TEST(ParamsDateTest, ReadsApiDates) {
  Params params;
  add_urlencoded_params(
      params, "Deadline=2026-01-02T15:04:05Z&start=2026-01-02&shifted=2026-01-02T15:04:05%2B03:00",
      ParamSource::kQuery);
  PortalTimeZone zone;
  EXPECT_EQ(params.get_date("deadline", zone),
            utc(2026y / 1 / 2, hours(15) + minutes(4) + seconds(5)));
  EXPECT_EQ(params.get_date("START", zone), utc(2026y / 1 / 2));
  EXPECT_EQ(params.get_date("shifted", zone),
            utc(2026y / 1 / 2, hours(12) + minutes(4) + seconds(5)));
}

TEST(ParamsDateTest, AbsentNullAndBlankAreNoDate) {
  Params params;
  add_json_params(params, R"({"deadline":null,"start":"","end":"  "})");
  PortalTimeZone zone;
  EXPECT_EQ(params.get_date("deadline", zone), std::nullopt);
  EXPECT_EQ(params.get_date("start", zone), std::nullopt);
  EXPECT_EQ(params.get_date("end", zone), std::nullopt);
  EXPECT_EQ(params.get_date("missing", zone), std::nullopt);
}

TEST(ParamsDateTest, JunkNamesTheParameter) {
  Params params;
  params.add("DeadLine", "tomorrow", ParamSource::kBody);
  PortalTimeZone zone;
  try {
    params.get_date("deadline", zone);
    FAIL() << "no ApiError thrown";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kBadRequest);
    EXPECT_STREQ(error.what(),
                 "Parameter 'DeadLine' must be a date such as 2026-01-02T15:04:05 or 2026-01-02");
  }
}

}  // namespace
}  // namespace projectd
