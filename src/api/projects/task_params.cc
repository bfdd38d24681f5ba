#include "api/projects/task_params.h"

#include "api/binding.h"
#include "api/clearable_params.h"
#include "api/paging.h"
#include "base/ascii.h"
#include "base/errors.h"

#include <utility>

namespace projectd {

const EnumNames kTaskStatusNames = {{"open", 1}, {"closed", 2}};
const EnumNames kTaskPriorityNames = {{"high", 1}, {"normal", 0}, {"low", -1}};
const EnumNames kTaskLinkTypeNames = {{"start", 0}, {"end", 1}, {"endstart", 2}};

namespace {

const std::vector<std::pair<std::string_view, TaskSort>> kSortColumns = {
    {"deadline", TaskSort::kDeadline}, {"priority", TaskSort::kPriority},
    {"create_on", TaskSort::kCreated}, {"start_date", TaskSort::kStartDate},
    {"title", TaskSort::kTitle},       {"sort_order", TaskSort::kSortOrder},
};

// Absent: keep; 0, "" or null: detach; else the milestone.
std::optional<std::optional<std::int64_t>> clearable_milestone(const Params& params) {
  const ParamValue* value = params.find("milestoneid");
  if (!value) return std::nullopt;
  const std::optional<std::int64_t> id = params.get_int("milestoneid");
  if (id && *id < 0) throw_bad_request("Parameter 'milestoneid' must be 0 or a milestone id");
  if (!id || *id == 0) return std::optional<std::int64_t>();
  return id;
}

}  // namespace

std::optional<std::int64_t> positive_id(const Params& params, std::string_view key) {
  auto id = params.get_int(key);
  if (id && *id <= 0) return std::nullopt;
  return id;
}

std::optional<TaskStatus> task_status(const Params& params, std::string_view key) {
  if (auto status = params.get_enum(key, kTaskStatusNames)) return static_cast<TaskStatus>(*status);
  return std::nullopt;
}

TaskChanges task_fields(const Params& params, const PortalTimeZone& zone) {
  TaskChanges changes;
  if (params.find("title")) changes.title = params.get_string("title").value_or("");
  changes.description = clearable_string(params, "description");
  changes.deadline = clearable_date(params, "deadline", zone);
  changes.start_date = clearable_date(params, "startDate", zone);
  if (auto priority = params.get_enum("priority", kTaskPriorityNames))
    changes.priority = static_cast<TaskPriority>(*priority);
  changes.milestone_id = clearable_milestone(params);
  changes.responsibles = people_list(params, "responsibles");
  if (auto progress = params.get_int("progress"))
    changes.progress = static_cast<int>(std::clamp<std::int64_t>(*progress, 0, 100));
  changes.notify = params.get_bool("notify").value_or(false);
  return changes;
}

TaskChanges task_changes(const Params& params, const PortalTimeZone& zone) {
  TaskChanges changes = task_fields(params, zone);
  changes.status = task_status(params);
  changes.project_id = positive_id(params, "projectID");
  return changes;
}

TaskQuery task_filter(const Params& params, const PortalTimeZone& zone) {
  TaskQuery query;
  query.project_id = positive_id(params, "projectid");
  query.my_projects = params.get_bool("myProjects").value_or(false);
  query.milestone_id = positive_id(params, "milestone");
  query.my_milestones = params.get_bool("myMilestones").value_or(false);
  query.no_milestone = params.get_bool("nomilestone").value_or(false);
  query.tag_id = positive_id(params, "tag");
  query.status = task_status(params);
  query.custom_status_id = params.get_int("substatus");
  query.followed = params.get_bool("follow").value_or(false);
  query.responsible = optional_person(params, "participant");
  query.creator = optional_person(params, "creator");
  query.department = optional_person(params, "departament");  // sic: the original's spelling
  query.deadline_start = params.get_date("deadlineStart", zone);
  query.deadline_stop = params.get_date("deadlineStop", zone);
  query.last_id = positive_id(params, "lastId");
  query.text = params.get_string("filterValue").value_or("");
  query.sort = sort_column(params, kSortColumns, query.sort);
  query.descending = sort_descending(params);
  const PageRequest page = page_request(params);
  query.offset = page.start_index;
  query.limit = page.count;
  return query;
}

std::int64_t required_int(const Params& params, std::string_view key) {
  auto value = params.get_int(key);
  if (!value) throw_bad_request("Parameter '" + std::string(key) + "' is required");
  return *value;
}

std::vector<std::int64_t> required_int_list(const Params& params, std::string_view key) {
  auto values = params.get_int_list(key);
  if (!values) throw_bad_request("Parameter '" + std::string(key) + "' is required");
  return std::move(*values);
}

}  // namespace projectd
