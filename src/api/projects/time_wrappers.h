// Time tracking on the wire (docs/wire-compatibility.md, "Objects" and "Time is kept in whole
// seconds"): TimeWrapper with the original's members in its order, hours as the original's float,
// and the project total's "H:MM" text. Thread safety: pure functions.
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/projects/time_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>

namespace projectd {

// Seconds as the original's `float` hours: the float nearest to the hours, written with the
// shortest digits that read back as that float (`0.1`, `1.5`, `0.33333334`), `.0` on whole numbers.
boost::json::value time_hours_json(std::int64_t seconds);
// ProjectWrapperFull.timeTrackingTotal and GET project/{id}/time/total: "H:MM" to the nearest
// minute, "" for nothing (under half a minute).
std::string time_total_text(std::int64_t seconds);

// TimeWrapper: canEdit (no DataMember order, so first), id, date, hours, note, relatedProject,
// task (TaskWrapper), relatedTask, relatedTaskTitle, createdBy, person (null when the creator spent
// the time), paymentStatus, statusChanged, canEditPaymentStatus, createOn.
boost::json::object time_wrapper(const TimeEntryView& view, const TimeEntries& entries,
                                 const WrapContext& context, bool simple);
boost::json::array time_wrappers(const TimeEntries& entries, const WrapContext& context,
                                 bool simple);

}  // namespace projectd
