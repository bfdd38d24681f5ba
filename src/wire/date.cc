#include "wire/date.h"

#include <date/date.h>
#include <date/tz.h>

#include <cstdint>
#include <cstdlib>
#include <exception>
#include <stdexcept>

namespace projectd {
namespace {

using std::chrono::duration_cast;
using std::chrono::floor;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// .NET's DateTime.MinValue and MaxValue. The original writes anything not strictly between them as
// MinValue in UTC, its "unset" date (docs/wire-compatibility.md, "Dates").
constexpr Timestamp kMinValue{date::sys_days{date::year{1} / 1 / 1}};
constexpr Timestamp kMaxValue = Timestamp{date::sys_days{date::year{10000} / 1 / 1}} - Ticks{1};

constexpr std::size_t kShortestAccepted = 7;
constexpr int kMaxFractionDigits = 7;
constexpr minutes kMaxOffset = hours{14};

void append_digits(std::string& out, std::int64_t value, int width) {
  char buffer[8];
  for (int i = width - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buffer, static_cast<std::size_t>(width));
}

std::string format(Timestamp instant, const PortalTimeZone& zone, bool utc_as_z) {
  minutes offset{0};
  if (instant <= kMinValue || instant >= kMaxValue) {
    instant = kMinValue;
  } else {
    // Local mean time offsets carry seconds (Europe/Berlin before 1893: +00:53:28); the wire only
    // has minutes, so the wall clock is computed with the truncated offset to keep the string an
    // exact description of the instant.
    offset = duration_cast<minutes>(zone.offset_at(instant));
    const Timestamp wall = instant + offset;
    // Near year 1 or 9999 the wall clock may leave the four-digit years; UTC still fits.
    if (wall < kMinValue || wall > kMaxValue) offset = minutes{0};
  }

  const Ticks wall = (instant + offset).time_since_epoch();
  const auto day = floor<date::days>(wall);
  const date::year_month_day ymd{date::sys_days{day}};
  const Ticks time_of_day = wall - day;

  std::string out;
  out.reserve(33);
  append_digits(out, static_cast<int>(ymd.year()), 4);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.month()), 2);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.day()), 2);
  out += 'T';
  append_digits(out, floor<hours>(time_of_day).count(), 2);
  out += ':';
  append_digits(out, floor<minutes>(time_of_day).count() % 60, 2);
  out += ':';
  append_digits(out, floor<seconds>(time_of_day).count() % 60, 2);
  out += '.';
  append_digits(out, (time_of_day - floor<seconds>(time_of_day)).count(), kMaxFractionDigits);

  if (offset.count() == 0 && utc_as_z) {
    out += 'Z';
  } else {
    out += offset.count() < 0 ? '-' : '+';
    const auto magnitude = std::abs(offset.count());
    append_digits(out, magnitude / 60, 2);
    out += ':';
    append_digits(out, magnitude % 60, 2);
  }
  return out;
}

// A strict left-to-right reader: every field has a fixed width, so no backtracking is needed.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }
  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // Exactly `width` ASCII digits.
  bool number(int width, int& value) {
    if (text_.size() - pos_ < static_cast<std::size_t>(width)) return false;
    int result = 0;
    for (int i = 0; i < width; ++i) {
      const char c = text_[pos_ + static_cast<std::size_t>(i)];
      if (c < '0' || c > '9') return false;
      result = result * 10 + (c - '0');
    }
    pos_ += static_cast<std::size_t>(width);
    value = result;
    return true;
  }
  // One to seven digits after the point, scaled to ticks.
  bool fraction(Ticks& value) {
    std::int64_t result = 0;
    int count = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      if (++count > kMaxFractionDigits) return false;
      result = result * 10 + (text_[pos_++] - '0');
    }
    if (count == 0) return false;
    for (; count < kMaxFractionDigits; ++count)
      result *= 10;
    value = Ticks{result};
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// HH:mm, HH:mm:ss[.f] or HH-mm-ss[.f]; the hyphen form always has seconds.
bool parse_time_of_day(Scanner& in, Ticks& time_of_day) {
  int hour = 0;
  int minute = 0;
  int second = 0;
  Ticks fraction{0};
  if (!in.number(2, hour)) return false;
  if (in.take(':')) {
    if (!in.number(2, minute)) return false;
    if (in.take(':')) {
      if (!in.number(2, second)) return false;
      if (in.take('.') && !in.fraction(fraction)) return false;
    }
  } else if (in.take('-')) {
    if (!in.number(2, minute) || !in.take('-') || !in.number(2, second)) return false;
    if (in.take('.') && !in.fraction(fraction)) return false;
  } else {
    return false;
  }
  if (hour > 23 || minute > 59 || second > 59) return false;
  time_of_day = hours{hour} + minutes{minute} + seconds{second} + fraction;
  return true;
}

// `Z`, `±hh:mm` or `±hhmm`, at most 14 hours either way.
bool parse_offset(Scanner& in, minutes& offset) {
  if (in.take('Z') || in.take('z')) {
    offset = minutes{0};
    return true;
  }
  int sign = 0;
  if (in.take('+')) {
    sign = 1;
  } else if (in.take('-')) {
    sign = -1;
  } else {
    return false;
  }
  int hour = 0;
  int minute = 0;
  if (!in.number(2, hour)) return false;
  in.take(':');
  if (!in.number(2, minute) || minute > 59) return false;
  const minutes magnitude = hours{hour} + minutes{minute};
  if (magnitude > kMaxOffset) return false;
  offset = sign * magnitude;
  return true;
}

}  // namespace

PortalTimeZone PortalTimeZone::named(std::string_view iana_name) {
  PortalTimeZone zone;
  zone.name_ = std::string(iana_name);
  if (iana_name == "UTC" || iana_name == "Etc/UTC") return zone;
  try {
    // Debian builds date-tz with USE_OS_TZDB: it reads /usr/share/zoneinfo and never downloads.
    zone.zone_ = date::locate_zone(iana_name);
  } catch (const std::exception& e) {
    throw std::invalid_argument("unknown time zone '" + zone.name_ + "': " + e.what());
  }
  return zone;
}

seconds PortalTimeZone::offset_at(Timestamp instant) const {
  if (zone_ == nullptr) return seconds{0};
  return zone_->get_info(floor<seconds>(instant)).offset;
}

Timestamp PortalTimeZone::from_local(std::chrono::local_time<Ticks> wall_clock) const {
  const Ticks wall = wall_clock.time_since_epoch();
  if (zone_ == nullptr) return Timestamp{wall};
  const date::local_info info = zone_->get_info(floor<seconds>(date::local_time<Ticks>{wall}));
  // `first` is the offset in force just before the wall-clock time. For an ambiguous time it is the
  // larger (pre-fall-back) offset, giving the earlier instant; inside a spring-forward gap it is
  // the pre-gap offset, which lands the gap's length later on the new clock.
  return Timestamp{wall - info.first.offset};
}

std::string format_api_date(Timestamp instant, const PortalTimeZone& zone) {
  return format(instant, zone, /*utc_as_z=*/true);
}

std::string format_api_date_numeric_offset(Timestamp instant, const PortalTimeZone& zone) {
  return format(instant, zone, /*utc_as_z=*/false);
}

std::optional<Timestamp> parse_api_date(std::string_view text, const PortalTimeZone& zone) {
  if (text.size() < kShortestAccepted) return std::nullopt;
  Scanner in(text);
  int year = 0;
  int month = 0;
  int day = 0;
  if (!in.number(4, year) || !in.take('-') || !in.number(2, month) || !in.take('-') ||
      !in.number(2, day)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (year < 1 || !ymd.ok()) return std::nullopt;

  Ticks time_of_day{0};
  std::optional<minutes> offset;
  if (!in.done()) {
    if (!in.take('T') && !in.take('t') && !in.take(' ')) return std::nullopt;
    if (!parse_time_of_day(in, time_of_day)) return std::nullopt;
    if (!in.done()) {
      minutes parsed{0};
      if (!parse_offset(in, parsed) || !in.done()) return std::nullopt;
      offset = parsed;
    }
  }

  const Ticks wall = date::local_days{ymd}.time_since_epoch() + time_of_day;
  if (!offset) return zone.from_local(std::chrono::local_time<Ticks>{wall});
  return Timestamp{wall - *offset};
}

}  // namespace projectd
