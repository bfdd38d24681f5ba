// Request parameters of the time tracking endpoints bound to domain values
// (docs/wire-compatibility.md, "Parameter sources" to "Unknown parameters", and "Time is kept in
// whole seconds"): hours become whole seconds, dates the day they fall on in the portal time zone,
// the payment status by name or number. Thread safety: pure functions.
#pragma once

#include "domain/projects/time_service.h"
#include "http/params.h"
#include "wire/date.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace projectd {

extern const EnumNames kPaymentStatusNames;  // notchargeable 0, notbilled 1, billed 2

// Hours as sent (`1.5`, `0.25`, `1e-1`) to whole seconds, rounded to the nearest second: 400 naming
// `key` for text that is not a number, a value that is not more than 0 or is over 24 (an entry is
// one day's time), or less than one second.
std::int64_t time_seconds_of_hours(std::string_view text, std::string_view key = "hours");
// The day an instant falls on in the portal's zone, as the instant of that day's midnight.
Timestamp time_entry_day(Timestamp instant, const PortalTimeZone& zone);

// note, date, personId and hours (POST reads projectId itself). Absent members stay unset; an
// all-zero personId is absent, as the original's "person can't be empty".
TimeEntryChanges time_entry_changes(const Params& params, const PortalTimeZone& zone);

// The filters of GET time/filter (and its total), with sortBy/sortOrder; the list adds the paging.
TimeQuery time_filter(const Params& params, const PortalTimeZone& zone);

std::optional<PaymentStatus> payment_status(const Params& params, std::string_view key = "status");

}  // namespace projectd
