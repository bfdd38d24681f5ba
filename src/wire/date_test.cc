#include "wire/date.h"

#include <date/date.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace projectd {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Timestamp utc(int year, unsigned month, unsigned day, int hour = 0, int minute = 0, int second = 0,
              std::int64_t ticks = 0) {
  return Timestamp{date::sys_days{date::year{year} / month / day}} + hours{hour} + minutes{minute} +
         seconds{second} + Ticks{ticks};
}

const Timestamp kSample = utc(2020, 12, 22, 4, 11, 56, 5768573);

PortalTimeZone zone(const char* name) {
  return PortalTimeZone::named(name);
}

TEST(PortalTimeZone, DefaultAndUtcNamesAreUtc) {
  EXPECT_TRUE(PortalTimeZone().is_utc());
  EXPECT_EQ(PortalTimeZone().name(), "UTC");
  EXPECT_TRUE(zone("UTC").is_utc());
  EXPECT_TRUE(zone("Etc/UTC").is_utc());
  EXPECT_EQ(zone("Etc/UTC").name(), "Etc/UTC");
  EXPECT_FALSE(zone("Europe/Berlin").is_utc());
  EXPECT_EQ(zone("Europe/Berlin").name(), "Europe/Berlin");
}

TEST(PortalTimeZone, UnknownNameThrowsInvalidArgumentNamingIt) {
  for (const char* name : {"Mars/Olympus_Mons", "", "../../etc/passwd", "europe/berlin "}) {
    try {
      PortalTimeZone::named(name);
      FAIL() << "accepted " << name;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(std::string("'") + name + "'"), std::string::npos)
          << e.what();
    }
  }
}

TEST(PortalTimeZone, OffsetFollowsDaylightSaving) {
  EXPECT_EQ(PortalTimeZone().offset_at(kSample), seconds{0});
  EXPECT_EQ(zone("Europe/Moscow").offset_at(kSample), hours{3});
  const PortalTimeZone new_york = zone("America/New_York");
  EXPECT_EQ(new_york.offset_at(utc(2021, 1, 15, 12)), hours{-5});
  EXPECT_EQ(new_york.offset_at(utc(2021, 7, 15, 12)), hours{-4});
  // The switch itself: 2021-03-14 07:00Z is 02:00 EST becoming 03:00 EDT.
  EXPECT_EQ(new_york.offset_at(utc(2021, 3, 14, 7) - Ticks{1}), hours{-5});
  EXPECT_EQ(new_york.offset_at(utc(2021, 3, 14, 7)), hours{-4});
}

TEST(PortalTimeZone, FromLocalInsideSpringForwardGapMovesForwardByTheGap) {
  const PortalTimeZone new_york = zone("America/New_York");
  // 02:30 does not exist on 2021-03-14; it becomes 03:30 EDT = 07:30Z.
  const auto wall =
      std::chrono::local_days{std::chrono::year{2021} / 3 / 14} + hours{2} + minutes{30};
  EXPECT_EQ(new_york.from_local(std::chrono::local_time<Ticks>{wall}), utc(2021, 3, 14, 7, 30));
}

TEST(PortalTimeZone, FromLocalAmbiguousTakesTheEarlierInstant) {
  const PortalTimeZone new_york = zone("America/New_York");
  // 01:30 happens twice on 2021-11-07: 05:30Z (EDT) and 06:30Z (EST).
  const auto wall =
      std::chrono::local_days{std::chrono::year{2021} / 11 / 7} + hours{1} + minutes{30};
  EXPECT_EQ(new_york.from_local(std::chrono::local_time<Ticks>{wall}), utc(2021, 11, 7, 5, 30));
}

TEST(FormatApiDate, UtcIsWrittenWithZAndSevenDigits) {
  EXPECT_EQ(format_api_date(kSample, PortalTimeZone()), "2020-12-22T04:11:56.5768573Z");
  EXPECT_EQ(format_api_date(utc(2020, 1, 2, 3, 4, 5), PortalTimeZone()),
            "2020-01-02T03:04:05.0000000Z");
  EXPECT_EQ(format_api_date(from_ticks(0), PortalTimeZone()), "1970-01-01T00:00:00.0000000Z");
  // Before the epoch the ticks are negative; the fraction must still count up within the second.
  EXPECT_EQ(format_api_date(from_ticks(-1), PortalTimeZone()), "1969-12-31T23:59:59.9999999Z");
}

TEST(FormatApiDate, OtherZonesWriteTheirWallClockAndOffset) {
  EXPECT_EQ(format_api_date(kSample, zone("Europe/Moscow")), "2020-12-22T07:11:56.5768573+03:00");
  const PortalTimeZone new_york = zone("America/New_York");
  EXPECT_EQ(format_api_date(utc(2021, 1, 15, 12), new_york), "2021-01-15T07:00:00.0000000-05:00");
  EXPECT_EQ(format_api_date(utc(2021, 7, 15, 12), new_york), "2021-07-15T08:00:00.0000000-04:00");
  EXPECT_EQ(format_api_date(kSample, zone("Asia/Kolkata")), "2020-12-22T09:41:56.5768573+05:30");
  // The original wrote `-03:-30` here; the minutes carry no sign of their own.
  EXPECT_EQ(format_api_date(utc(2021, 1, 15, 12), zone("America/St_Johns")),
            "2021-01-15T08:30:00.0000000-03:30");
  // A zero offset in a non-UTC zone is `Z`, as the original writes any zero offset.
  EXPECT_EQ(format_api_date(utc(2021, 1, 15, 12), zone("Europe/London")),
            "2021-01-15T12:00:00.0000000Z");
  EXPECT_EQ(format_api_date(utc(2021, 7, 15, 12), zone("Europe/London")),
            "2021-07-15T13:00:00.0000000+01:00");
}

TEST(FormatApiDate, NumericOffsetVariantWritesUtcAsPlusZero) {
  EXPECT_EQ(format_api_date_numeric_offset(kSample, PortalTimeZone()),
            "2020-12-22T04:11:56.5768573+00:00");
  EXPECT_EQ(format_api_date_numeric_offset(utc(2021, 1, 15, 12), zone("Europe/London")),
            "2021-01-15T12:00:00.0000000+00:00");
  EXPECT_EQ(format_api_date_numeric_offset(kSample, zone("Europe/Moscow")),
            "2020-12-22T07:11:56.5768573+03:00");
}

TEST(FormatApiDate, DotNetMinValueIsWrittenInUtcEverywhere) {
  const Timestamp min_value = utc(1, 1, 1);
  EXPECT_EQ(format_api_date(min_value, PortalTimeZone()), "0001-01-01T00:00:00.0000000Z");
  EXPECT_EQ(format_api_date(min_value, zone("Europe/Moscow")), "0001-01-01T00:00:00.0000000Z");
  EXPECT_EQ(format_api_date(min_value - hours{1}, zone("Europe/Moscow")),
            "0001-01-01T00:00:00.0000000Z");
  EXPECT_EQ(format_api_date_numeric_offset(min_value, PortalTimeZone()),
            "0001-01-01T00:00:00.0000000+00:00");
}

TEST(FormatApiDate, LocalMeanTimeSecondsAreTruncatedConsistently) {
  // Berlin's local mean time is +00:53:28; the wall clock must agree with the written offset.
  const Timestamp instant = utc(1, 6, 1, 12);
  const PortalTimeZone berlin = zone("Europe/Berlin");
  EXPECT_EQ(format_api_date(instant, berlin), "0001-06-01T12:53:00.0000000+00:53");
  EXPECT_EQ(parse_api_date(format_api_date(instant, berlin), berlin), instant);
}

TEST(FormatApiDate, WallClockBeyondYear9999FallsBackToUtc) {
  const Timestamp late = utc(9999, 12, 31, 23, 0, 0, 1);
  EXPECT_EQ(format_api_date(late, zone("Europe/Moscow")), "9999-12-31T23:00:00.0000001Z");
}

TEST(ParseApiDate, AcceptsEveryDocumentedForm) {
  const PortalTimeZone utc_zone;
  const Timestamp docs_example = utc(2008, 4, 10, 6, 30);
  const std::vector<std::string> same_instant = {
      "2008-04-10T06-30-00.000Z",     "2008-04-10T06-30-00.0000000Z", "2008-04-10T06-30-00Z",
      "2008-04-10T06:30:00.000Z",     "2008-04-10T06:30:00Z",         "2008-04-10T06:30Z",
      "2008-04-10T06:30:00.0000000Z", "2008-04-10T06:30:00",          "2008-04-10T06:30",
      "2008-04-10 06:30:00",          "2008-04-10t06:30:00z",         "2008-04-10T09:30:00+03:00",
      "2008-04-10T09:30:00+0300",     "2008-04-10T01:30:00-05:00",    "2008-04-10T01:30-0500",
      "2008-04-10T09-30-00.000+03:00"};
  for (const std::string& text : same_instant) {
    EXPECT_EQ(parse_api_date(text, utc_zone), docs_example) << text;
  }
  EXPECT_EQ(parse_api_date("2008-04-10", utc_zone), utc(2008, 4, 10));
  EXPECT_EQ(parse_api_date("2020-02-29", utc_zone), utc(2020, 2, 29));
  EXPECT_EQ(parse_api_date("2020-12-22T04:11:56.5768573Z", utc_zone), kSample);
  EXPECT_EQ(parse_api_date("2020-12-22T04:11:56.5Z", utc_zone),
            utc(2020, 12, 22, 4, 11, 56, 5000000));
  EXPECT_EQ(parse_api_date("2020-12-22T04:11:56.12Z", utc_zone),
            utc(2020, 12, 22, 4, 11, 56, 1200000));
  EXPECT_EQ(parse_api_date("2020-12-22T04:11:56.123456Z", utc_zone),
            utc(2020, 12, 22, 4, 11, 56, 1234560));
  EXPECT_EQ(parse_api_date("2020-12-22T00:00:00+14:00", utc_zone), utc(2020, 12, 21, 10));
  EXPECT_EQ(parse_api_date("2020-12-22T00:00:00-14:00", utc_zone), utc(2020, 12, 22, 14));
  EXPECT_EQ(parse_api_date("0001-01-01T00:00:00.0000000Z", utc_zone), utc(1, 1, 1));
  EXPECT_EQ(parse_api_date("9999-12-31T23:59:59.9999999Z", utc_zone),
            utc(9999, 12, 31, 23, 59, 59, 9999999));
}

TEST(ParseApiDate, WithoutOffsetTheWallClockIsInThePortalZone) {
  const PortalTimeZone moscow = zone("Europe/Moscow");
  EXPECT_EQ(parse_api_date("2020-12-22T07:11:56.5768573", moscow), kSample);
  EXPECT_EQ(parse_api_date("2020-12-22", moscow), utc(2020, 12, 21, 21));
  // An explicit offset or Z wins over the portal zone.
  EXPECT_EQ(parse_api_date("2020-12-22T04:11:56.5768573Z", moscow), kSample);
  EXPECT_EQ(parse_api_date("2020-12-22T05:11:56.5768573+01:00", moscow), kSample);

  const PortalTimeZone new_york = zone("America/New_York");
  EXPECT_EQ(parse_api_date("2021-01-15T07:00:00", new_york), utc(2021, 1, 15, 12));
  EXPECT_EQ(parse_api_date("2021-07-15T08:00:00", new_york), utc(2021, 7, 15, 12));
  EXPECT_EQ(parse_api_date("2021-03-14T02:30:00", new_york), utc(2021, 3, 14, 7, 30));
  EXPECT_EQ(parse_api_date("2021-11-07T01:30:00", new_york), utc(2021, 11, 7, 5, 30));
}

TEST(ParseApiDate, RoundTripsWhatFormatWrites) {
  const std::vector<Timestamp> instants = {
      kSample,
      utc(2021, 1, 15, 12),
      utc(2021, 7, 15, 12, 0, 0, 1),
      utc(2021, 3, 14, 6, 59, 59, 9999999),  // last EST tick in New York
      utc(2021, 3, 14, 7),                   // first EDT tick
      utc(2021, 11, 7, 5, 30),               // 01:30 EDT, the earlier of the two
      utc(2021, 11, 7, 6, 0, 0, 1),          // just after the switch back to EST
      utc(1969, 12, 31, 23, 59, 59, 9999999),
      utc(2038, 1, 19, 3, 14, 8),
  };
  for (const char* name : {"UTC", "Europe/Moscow", "America/New_York", "Asia/Kolkata"}) {
    const PortalTimeZone portal = zone(name);
    for (const Timestamp instant : instants) {
      const std::string text = format_api_date(instant, portal);
      EXPECT_EQ(parse_api_date(text, portal), instant) << name << " " << text;
      EXPECT_EQ(parse_api_date(text, PortalTimeZone()), instant) << name << " " << text;
      const std::string numeric = format_api_date_numeric_offset(instant, portal);
      EXPECT_EQ(parse_api_date(numeric, portal), instant) << name << " " << numeric;
    }
  }
}

TEST(ParseApiDate, RejectsEverythingElse) {
  const PortalTimeZone utc_zone;
  const std::vector<std::string> rejected = {
      "",
      "2020",
      "2020-1",
      "abcdefg",
      "2020-12",
      "2020/12/22",
      " 2020-12-22",
      "2020-12-22 ",
      "-2020-12-22",
      "0000-01-01",
      "2020-00-10",
      "2020-13-01",
      "2020-12-00",
      "2020-12-32",
      "2020-02-30",
      "2021-02-29",
      "2020-1-01",
      "2020-12-22Z",
      "2020-12-22T",
      "2020-12-22X04:11:56Z",
      "2020-12-22T4:11:56Z",
      "2020-12-22T04:1:56Z",
      "2020-12-22T04:11:5Z",
      "2020-12-22T04",
      "2020-12-22T04Z",
      "2020-12-22T04-11Z",
      "2020-12-22T04-11",
      "2020-12-22T04:11-56Z",
      "2020-12-22T04-11:56Z",
      "2020-12-22T24:00:00Z",
      "2020-12-22T23:60:00Z",
      "2020-12-22T23:59:60Z",
      "2020-12-22T04:11.5Z",
      "2020-12-22T04:11:56.Z",
      "2020-12-22T04:11:56.",
      "2020-12-22T04:11:56.12345678Z",
      "2020-12-22T04:11:56,5Z",
      "2020-12-22T04:11:56ZZ",
      "2020-12-22T04:11:56Zjunk",
      "2020-12-22T04:11:56 Z",
      "2020-12-22T04:11:56+14:01",
      "2020-12-22T04:11:56+15:00",
      "2020-12-22T04:11:56-15:00",
      "2020-12-22T04:11:56+03:60",
      "2020-12-22T04:11:56+3:00",
      "2020-12-22T04:11:56+03",
      "2020-12-22T04:11:56+03:",
      "2020-12-22T04:11:56+03:000",
      "2020-12-22T04:11:56+03:00Z",
      "2020-12-22T04:11:56UTC",
      std::string("2020-12-22T04:11:56\0", 20),
      "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90-12-22",  // full-width digits
  };
  for (const std::string& text : rejected) {
    EXPECT_EQ(parse_api_date(text, utc_zone), std::nullopt) << '"' << text << '"';
    EXPECT_EQ(parse_api_date(text, zone("Europe/Moscow")), std::nullopt) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace projectd
