// Request parameters of the task, subtask and link endpoints bound to domain values, tolerant as
// docs/wire-compatibility.md asks ("Parameter sources" to "Unknown parameters"): enums by name or
// number, GUID lists in every form, absent vs empty.
#pragma once

#include "domain/projects/task_service.h"
#include "http/params.h"
#include "wire/date.h"

#include <cstdint>
#include <optional>

namespace projectd {

extern const EnumNames kTaskStatusNames;    // open 1, closed 2
extern const EnumNames kTaskPriorityNames;  // high 1, normal 0, low -1
extern const EnumNames kTaskLinkTypeNames;  // start 0, end 1, endstart 2

// What a new task takes (POST {projectid}/task, the tasks of a new project, a copy): title,
// description, deadline, startDate, priority, milestoneid, responsibles, progress. Nothing else is
// read: a client that sends a whole task (a Go struct without JSON tags sends `Status`,
// `ProjectId`...) creates it, as the original ignores what AddTask does not take.
// A milestoneid of 0, "" or null detaches; a negative one is 400.
TaskChanges task_fields(const Params& params, const PortalTimeZone& zone);
// A change of a task (PUT task/{taskid}): task_fields, and status and projectID.
TaskChanges task_changes(const Params& params, const PortalTimeZone& zone);

// The filters of GET task/filter (docs/wire-compatibility.md, "Endpoints") and its paging and sort
// ("Paging"); the viewer is left for the service to set.
TaskQuery task_filter(const Params& params, const PortalTimeZone& zone);

// An id filter where the original's 0 (or less) means "any".
std::optional<std::int64_t> positive_id(const Params& params, std::string_view key);

std::optional<TaskStatus> task_status(const Params& params, std::string_view key = "status");
// 400 naming the parameter when it is absent.
std::int64_t required_int(const Params& params, std::string_view key);
std::vector<std::int64_t> required_int_list(const Params& params, std::string_view key);

}  // namespace projectd
