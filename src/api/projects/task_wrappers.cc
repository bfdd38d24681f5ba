#include "api/projects/task_wrappers.h"

#include "api/files/file_wrappers.h"
#include "api/projects/comment_wrappers.h"
#include "api/projects/project_wrappers.h"
#include "api/projects/time_wrappers.h"

#include <algorithm>

namespace projectd {

namespace {

// The original's ApiDateTime getter never shows an update older than the creation.
template <class Record>
Timestamp shown_update(const Record& record) {
  return std::max(record.updated, record.created);
}

std::string date(Timestamp t, const WrapContext& context) {
  return format_api_date(t, context.zone);
}

boost::json::object person(const PeopleIndex& people, const std::string& id,
                           const WrapContext& context) {
  return employee_brief(people.get(id), context);
}

// {id, title, deadline}: SimpleMilestoneWrapper.
boost::json::object simple_milestone(const MilestoneRecord& milestone, const WrapContext& context) {
  return {{"id", milestone.id},
          {"title", milestone.title},
          {"deadline", date(milestone.deadline, context)}};
}

boost::json::array links_array(const std::vector<TaskLinkRecord>& links) {
  boost::json::array out;
  for (const TaskLinkRecord& link : links)
    out.push_back(task_link_wrapper(link));
  return out;
}

// Responsible people sorted by display name, as the original orders them.
boost::json::array responsibles_array(const TaskRecord& task, const PeopleIndex& people,
                                      const WrapContext& context) {
  std::vector<boost::json::object> sorted;
  for (const std::string& id : task.responsibles)
    sorted.push_back(person(people, id, context));
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.at("displayName").as_string() < b.at("displayName").as_string();
  });
  return boost::json::array(sorted.begin(), sorted.end());
}

boost::json::array ids_array(const std::vector<std::string>& ids) {
  boost::json::array out;
  for (const std::string& id : ids)
    out.emplace_back(id);
  return out;
}

// TaskWrapper's members, appended to `out`: TaskWrapperFull writes them after its own, into the
// same object, rather than copying them over from another one key by key.
void append_task_members(boost::json::object& out, const TaskView& view, const PeopleIndex& people,
                         const WrapContext& context, bool simple) {
  const TaskRecord& task = view.task;
  out["canEdit"] = view.rights.edit;
  out["canCreateSubtask"] = view.rights.create_subtask;
  out["canCreateTimeSpend"] = view.rights.create_time_spend;
  out["canDelete"] = view.rights.remove;
  out["canReadFiles"] = view.rights.read_files;
  if (task.start_date) out["startDate"] = date(*task.start_date, context);
  out["id"] = task.id;
  out["title"] = task.title;
  out["description"] = task.description ? boost::json::value(*task.description) : nullptr;
  if (task.deadline) out["deadline"] = date(*task.deadline, context);
  out["priority"] = static_cast<int>(task.priority);
  if (task.milestone_id) out["milestoneId"] = *task.milestone_id;
  out["projectOwner"] = simple_project(view.project);
  if (task.progress != 0) out["progress"] = task.progress;
  out["status"] = static_cast<int>(task.status);
  boost::json::array subtasks;
  for (const SubtaskView& subtask : view.subtasks)
    subtasks.push_back(subtask_wrapper(subtask, people, context));
  out["subtasks"] = std::move(subtasks);
  if (!view.links.empty()) out["links"] = links_array(view.links);
  // updatedBy and updatedById share DataMember order 41, before `created` (50).
  if (simple) {
    out["updatedById"] = task.updated_by;
  } else if (task.updated_by != task.created_by) {
    out["updatedBy"] = person(people, task.updated_by, context);
  }
  out["created"] = date(task.created, context);
  if (simple) {
    out["createdById"] = task.created_by;
  } else {
    out["createdBy"] = person(people, task.created_by, context);
  }
  out["updated"] = date(shown_update(task), context);
  if (simple) {
    out["responsibles"] = nullptr;
    out["responsibleIds"] = ids_array(task.responsibles);
  } else {
    out["responsibles"] = responsibles_array(task, people, context);
  }
  if (view.milestone) out["milestone"] = simple_milestone(*view.milestone, context);
  if (task.custom_status_id && *task.custom_status_id > 0)
    out["customTaskStatus"] = *task.custom_status_id;
}

}  // namespace

boost::json::object task_wrapper(const TaskView& view, const PeopleIndex& people,
                                 const WrapContext& context, bool simple) {
  boost::json::object out;
  out.reserve(28);
  append_task_members(out, view, people, context, simple);
  return out;
}

boost::json::array task_wrappers(const TaskViews& views, const WrapContext& context, bool simple) {
  boost::json::array out;
  for (const TaskView& view : views.tasks)
    out.push_back(task_wrapper(view, views.people, context, simple));
  return out;
}

boost::json::object task_wrapper_full(const TaskDetail& detail, const WrapContext& context,
                                      bool simple) {
  const PeopleIndex& people = detail.views.people;
  boost::json::object out;
  out.reserve(40);  // its own members and task_wrapper's
  boost::json::array files;
  for (const FileView& file : detail.files)
    files.push_back(file_wrapper(file, people, context));
  out["files"] = std::move(files);
  out["comments"] = comment_infos(detail.comments, people, context);
  out["commentsCount"] = detail.comments.active;
  out["isSubscribed"] = detail.is_subscribed;
  out["canEditFiles"] = detail.can_edit_files;
  out["canCreateComment"] = detail.can_create_comment;
  out["project"] = project_wrapper_full(detail.project, people, context, simple);
  out["timeSpend"] = time_hours_json(detail.time_seconds);  // a float, 0 written 0.0
  append_task_members(out, detail.views.tasks.front(), people, context, simple);
  return out;
}

// SimpleTaskWrapper declares id, title, description, deadline, startDate and the rights without
// an order, so they come first; deadline has no EmitDefaultValue=false and is written null.
boost::json::object simple_task_wrapper(const TaskView& view, const WrapContext& context) {
  const TaskRecord& task = view.task;
  boost::json::object out;
  out.reserve(22);
  out["id"] = task.id;
  out["title"] = task.title;
  out["description"] = task.description ? boost::json::value(*task.description) : nullptr;
  out["deadline"] = task.deadline ? boost::json::value(date(*task.deadline, context)) : nullptr;
  if (task.start_date) out["startDate"] = date(*task.start_date, context);
  out["canEdit"] = view.rights.edit;
  out["canCreateSubtask"] = view.rights.create_subtask;
  out["canCreateTimeSpend"] = view.rights.create_time_spend;
  out["canDelete"] = view.rights.remove;
  out["priority"] = static_cast<int>(task.priority);
  if (task.milestone_id) out["milestoneId"] = *task.milestone_id;
  out["projectOwner"] = task.project_id;
  if (task.progress != 0) out["progress"] = task.progress;
  out["status"] = static_cast<int>(task.status);
  const auto open = std::count_if(view.subtasks.begin(), view.subtasks.end(), [](const auto& s) {
    return s.subtask.status == TaskStatus::kOpen;
  });
  if (open != 0) out["subtasksCount"] = open;
  if (!view.links.empty()) out["links"] = links_array(view.links);
  if (task.updated_by != task.created_by) out["updatedBy"] = task.updated_by;
  out["created"] = date(task.created, context);
  out["createdBy"] = task.created_by;
  out["updated"] = date(shown_update(task), context);
  out["responsibles"] = ids_array(task.responsibles);
  if (task.custom_status_id && *task.custom_status_id > 0)
    out["customTaskStatus"] = *task.custom_status_id;
  return out;
}

boost::json::object subtask_wrapper(const SubtaskView& view, const PeopleIndex& people,
                                    const WrapContext& context) {
  const SubtaskRecord& subtask = view.subtask;
  boost::json::object out;
  out.reserve(11);
  out["canEdit"] = view.can_edit;
  out["taskId"] = subtask.task_id;
  out["id"] = subtask.id;
  out["title"] = subtask.title;
  out["description"] = nullptr;  // subtasks have none; the original always writes null
  out["status"] = static_cast<int>(subtask.status);
  if (subtask.responsible_id) out["responsible"] = person(people, *subtask.responsible_id, context);
  if (subtask.updated_by != subtask.created_by)
    out["updatedBy"] = person(people, subtask.updated_by, context);
  out["created"] = date(subtask.created, context);
  out["createdBy"] = person(people, subtask.created_by, context);
  out["updated"] = date(shown_update(subtask), context);
  return out;
}

boost::json::object task_link_wrapper(const TaskLinkRecord& link) {
  return {{"dependenceTaskId", link.dependence_task_id},
          {"parentTaskId", link.parent_task_id},
          {"linkType", static_cast<int>(link.link_type)}};
}

}  // namespace projectd
