#include "api/projects/time_params.h"

#include "api/binding.h"
#include "api/paging.h"
#include "api/projects/task_params.h"
#include "base/ascii.h"
#include "base/errors.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace projectd {

const EnumNames kPaymentStatusNames = {{"notchargeable", 0}, {"notbilled", 1}, {"billed", 2}};

namespace {

// TaskFilter.SortColumns["TimeSpend"] of the original; the first is the default.
const std::vector<std::pair<std::string_view, TimeSort>> kTimeSortColumns = {
    {"date", TimeSort::kDate},
    {"create_on", TimeSort::kCreated},
    {"hours", TimeSort::kHours},
    {"note", TimeSort::kNote},
};

std::optional<Timestamp> time_filter_day(const Params& params, std::string_view key,
                                         const PortalTimeZone& zone) {
  if (auto date = params.get_date(key, zone)) return time_entry_day(*date, zone);
  return std::nullopt;
}

}  // namespace

std::int64_t time_seconds_of_hours(std::string_view text, std::string_view key) {
  const std::string name(key);
  const std::string_view trimmed = ascii::trim(text);
  double hours = 0;
  const auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), hours);
  if (trimmed.empty() || ec != std::errc() || end != trimmed.data() + trimmed.size() ||
      !std::isfinite(hours))
    throw_bad_request("Parameter '" + name + "' must be a number of hours, such as 1.5");
  if (hours <= 0 || hours > 24)
    throw_bad_request("Parameter '" + name +
                      "' must be more than 0 and at most 24: an entry is one day's time");
  const double seconds = std::round(hours * 3600.0);
  if (seconds < 1)
    throw_bad_request("Parameter '" + name +
                      "' is less than one second: projectd keeps time to the second");
  return static_cast<std::int64_t>(seconds);
}

Timestamp time_entry_day(Timestamp instant, const PortalTimeZone& zone) {
  const Timestamp wall_clock = instant + std::chrono::duration_cast<Ticks>(zone.offset_at(instant));
  const auto day = std::chrono::floor<std::chrono::days>(wall_clock.time_since_epoch());
  return zone.from_local(std::chrono::local_time<Ticks>(std::chrono::duration_cast<Ticks>(day)));
}

TimeEntryChanges time_entry_changes(const Params& params, const PortalTimeZone& zone) {
  TimeEntryChanges changes;
  changes.person_id = optional_person(params, "personId");
  if (auto date = params.get_date("date", zone)) changes.date = time_entry_day(*date, zone);
  if (auto hours = params.get_string("hours"); hours && !hours->empty())
    changes.seconds = time_seconds_of_hours(*hours);
  if (const ParamValue* note = params.find("note")) {
    changes.note = note->is_null ? std::optional<std::string>() : std::optional(note->text);
  }
  return changes;
}

TimeQuery time_filter(const Params& params, const PortalTimeZone& zone) {
  TimeQuery query;
  query.project_id = positive_id(params, "projectid");
  query.my_projects = params.get_bool("myProjects").value_or(false);
  query.milestone_id = positive_id(params, "milestone");
  query.my_milestones = params.get_bool("myMilestones").value_or(false);
  query.tag_id = positive_id(params, "tag");
  query.person = optional_person(params, "participant");
  query.department = optional_person(params, "departament");  // sic: the original's spelling
  query.date_start = time_filter_day(params, "createdStart", zone);
  query.date_stop = time_filter_day(params, "createdStop", zone);
  query.last_id = positive_id(params, "lastId");
  query.status = payment_status(params);
  query.text = params.get_string("filterValue").value_or("");
  query.sort = sort_column(params, kTimeSortColumns, TimeSort::kDate);
  query.descending = sort_descending(params);
  return query;
}

std::optional<PaymentStatus> payment_status(const Params& params, std::string_view key) {
  if (auto status = params.get_enum(key, kPaymentStatusNames))
    return static_cast<PaymentStatus>(*status);
  return std::nullopt;
}

}  // namespace projectd
