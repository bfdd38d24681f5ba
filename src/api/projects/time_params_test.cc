// Hours on the wire and whole seconds in the store (docs/wire-compatibility.md, "Time is kept in
// whole seconds"): what is accepted, how it is written back, and the day of an instant.
#include "api/projects/time_params.h"
#include "api/projects/time_wrappers.h"
#include "base/errors.h"
#include "wire/json_writer.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

std::string refusal(std::string_view hours) {
  try {
    time_seconds_of_hours(hours);
  } catch (const ApiError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kBadRequest);
    return error.what();
  }
  return "";
}

TEST(TimeParamsTest, HoursBecomeWholeSeconds) {
  EXPECT_EQ(time_seconds_of_hours("1.5"), 5400);
  EXPECT_EQ(time_seconds_of_hours("0.1"), 360);
  EXPECT_EQ(time_seconds_of_hours("1e-1"), 360);
  EXPECT_EQ(time_seconds_of_hours(" 2 "), 7200);
  EXPECT_EQ(time_seconds_of_hours("0.333333343267"), 1200);  // 20 minutes as a float
  EXPECT_EQ(time_seconds_of_hours("24"), 86400);
  EXPECT_EQ(time_seconds_of_hours("0.0002"), 1);  // 0.72 s: to the nearest second
}

TEST(TimeParamsTest, WhatCannotBeAnEntryIsRefusedSayingWhy) {
  EXPECT_NE(refusal("abc").find("number of hours"), std::string::npos);
  EXPECT_NE(refusal("").find("number of hours"), std::string::npos);
  EXPECT_NE(refusal("nan").find("number of hours"), std::string::npos);
  EXPECT_NE(refusal("inf").find("number of hours"), std::string::npos);
  EXPECT_NE(refusal("1,5").find("number of hours"), std::string::npos);
  EXPECT_NE(refusal("0").find("more than 0"), std::string::npos);
  EXPECT_NE(refusal("-1").find("more than 0"), std::string::npos);
  EXPECT_NE(refusal("24.001").find("at most 24"), std::string::npos);
  EXPECT_NE(refusal("1e300").find("at most 24"), std::string::npos);
  EXPECT_NE(refusal("0.0001").find("less than one second"), std::string::npos);
}

TEST(TimeParamsTest, HoursAreWrittenAsTheOriginalsFloat) {
  EXPECT_EQ(to_api_json(time_hours_json(360)), "0.1");
  EXPECT_EQ(to_api_json(time_hours_json(5400)), "1.5");
  EXPECT_EQ(to_api_json(time_hours_json(0)), "0.0");
  EXPECT_EQ(to_api_json(time_hours_json(3600)), "1.0");
  EXPECT_EQ(to_api_json(time_hours_json(1200)), "0.33333334");
  EXPECT_EQ(to_api_json(time_hours_json(30 * 360)), "3.0");
}

TEST(TimeParamsTest, TotalsAreHoursAndMinutes) {
  EXPECT_EQ(time_total_text(0), "");
  EXPECT_EQ(time_total_text(29), "");
  EXPECT_EQ(time_total_text(30), "0:01");
  EXPECT_EQ(time_total_text(1200), "0:20");
  EXPECT_EQ(time_total_text(5 * 3600 + 6 * 60), "5:06");
  EXPECT_EQ(time_total_text(3599), "1:00");  // the original could write "0:60"
  EXPECT_EQ(time_total_text(100 * 3600), "100:00");
}

TEST(TimeParamsTest, AnInstantFallsOnItsDayInThePortalZone) {
  const PortalTimeZone utc;
  const PortalTimeZone berlin = PortalTimeZone::named("Europe/Berlin");
  const Timestamp late = *parse_api_date("2026-12-06T23:30:00Z", utc);
  EXPECT_EQ(format_api_date(time_entry_day(late, utc), utc), "2026-12-06T00:00:00.0000000Z");
  // 00:30 on the 7th in Berlin.
  EXPECT_EQ(format_api_date(time_entry_day(late, berlin), berlin),
            "2026-12-07T00:00:00.0000000+01:00");
  const Timestamp midnight = *parse_api_date("2026-12-06", berlin);
  EXPECT_EQ(time_entry_day(midnight, berlin), midnight);
}

}  // namespace
}  // namespace projectd
