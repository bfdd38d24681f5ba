#include "api/projects/time_wrappers.h"

#include "api/projects/task_wrappers.h"

#include <charconv>
#include <limits>

namespace projectd {

boost::json::value time_hours_json(std::int64_t seconds) {
  // The original keeps hours in a float and Json.NET writes it with its round-trip digits; the
  // shortest digits of the float, read back as a double, write the same through the JSON and XML
  // writers (wire/dotnet_double.h).
  const float hours = static_cast<float>(static_cast<double>(seconds) / 3600.0);
  char digits[64];
  const auto written = std::to_chars(digits, digits + sizeof digits, hours);
  double shown = 0;
  std::from_chars(digits, written.ptr, shown);
  return shown;
}

std::string time_total_text(std::int64_t seconds) {
  const std::int64_t minutes = (seconds + 30) / 60;
  if (minutes == 0) return "";
  const std::int64_t rest = minutes % 60;
  return std::to_string(minutes / 60) + ":" + (rest < 10 ? "0" : "") + std::to_string(rest);
}

boost::json::object time_wrapper(const TimeEntryView& view, const TimeEntries& entries,
                                 const WrapContext& context, bool simple) {
  const TimeEntryRecord& entry = view.entry;
  const TaskView& task = entries.tasks.tasks.at(entries.task_of.at(entry.task_id));
  boost::json::object out;
  out["canEdit"] = view.can_edit;
  out["id"] = entry.id;
  out["date"] = format_api_date(entry.date, context.zone);
  out["hours"] = time_hours_json(entry.seconds);
  out["note"] = entry.note ? boost::json::value(*entry.note) : nullptr;
  out["relatedProject"] = task.task.project_id;
  out["task"] = task_wrapper(task, entries.tasks.people, context, simple);
  out["relatedTask"] = entry.task_id;
  out["relatedTaskTitle"] = task.task.title;
  out["createdBy"] = employee_brief(entries.people.get(entry.created_by), context);
  // No EmitDefaultValue=false on Person: the original writes null when the creator spent it.
  if (entry.person_id != entry.created_by) {
    out["person"] = employee_brief(entries.people.get(entry.person_id), context);
  } else {
    out["person"] = nullptr;
  }
  out["paymentStatus"] = static_cast<int>(entry.payment_status);
  // Never changed: the original's default DateTime, the unset date.
  out["statusChanged"] =
      format_api_date(entry.status_changed.value_or(Timestamp::min()), context.zone);
  out["canEditPaymentStatus"] = view.can_edit_payment_status;
  out["createOn"] = format_api_date(entry.created, context.zone);
  return out;
}

boost::json::array time_wrappers(const TimeEntries& entries, const WrapContext& context,
                                 bool simple) {
  boost::json::array out;
  for (const TimeEntryView& view : entries.entries)
    out.push_back(time_wrapper(view, entries, context, simple));
  return out;
}

}  // namespace projectd
