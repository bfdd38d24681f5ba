#include "api/projects/task_wrappers.h"

#include "api/files/file_wrappers.h"
#include "api/projects/audit_members.h"
#include "api/projects/comment_wrappers.h"
#include "api/projects/project_wrappers.h"
#include "api/projects/time_wrappers.h"
#include "wire/tree_writer.h"

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

// {id, title, deadline}: SimpleMilestoneWrapper.
void write_simple_milestone(ApiWriter& out, const MilestoneRecord& milestone,
                            const WrapContext& context) {
  out.begin_object();
  out.member("id", milestone.id);
  out.member("title", milestone.title);
  out.member("deadline", date(milestone.deadline, context));
  out.end_object();
}

void write_task_link(ApiWriter& out, const TaskLinkRecord& link) {
  out.begin_object();
  out.member("dependenceTaskId", link.dependence_task_id);
  out.member("parentTaskId", link.parent_task_id);
  out.member("linkType", static_cast<int>(link.link_type));
  out.end_object();
}

void write_links(ApiWriter& out, const std::vector<TaskLinkRecord>& links) {
  out.key("links");
  out.begin_array();
  for (const TaskLinkRecord& link : links)
    write_task_link(out, link);
  out.end_array();
}

// Responsible people sorted by display name, as the original orders them.
void write_responsibles(ApiWriter& out, const TaskRecord& task, const PeopleIndex& people,
                        const WrapContext& context) {
  struct Responsible {
    const UserRecord* user;
    std::string name;
  };
  std::vector<Responsible> sorted;
  sorted.reserve(task.responsibles.size());
  for (const std::string& id : task.responsibles) {
    const UserRecord& user = people.get(id);
    sorted.push_back(Responsible{&user, display_name(user)});
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Responsible& a, const Responsible& b) { return a.name < b.name; });
  out.key("responsibles");
  out.begin_array();
  for (const Responsible& responsible : sorted)
    write_employee_brief(out, *responsible.user, context);
  out.end_array();
}

void write_ids(ApiWriter& out, std::string_view name, const std::vector<std::string>& ids) {
  out.key(name);
  out.begin_array();
  for (const std::string& id : ids)
    out.string(id);
  out.end_array();
}

// TaskWrapper's members, into the object being written: TaskWrapperFull writes them after its
// own.
void write_task_members(ApiWriter& out, const TaskView& view, const PeopleIndex& people,
                        const WrapContext& context, bool simple) {
  const TaskRecord& task = view.task;
  out.member("canEdit", view.rights.edit);
  out.member("canCreateSubtask", view.rights.create_subtask);
  out.member("canCreateTimeSpend", view.rights.create_time_spend);
  out.member("canDelete", view.rights.remove);
  out.member("canReadFiles", view.rights.read_files);
  if (task.start_date) out.member("startDate", date(*task.start_date, context));
  out.member("id", task.id);
  out.member("title", task.title);
  out.member("description", task.description);
  if (task.deadline) out.member("deadline", date(*task.deadline, context));
  out.member("priority", static_cast<int>(task.priority));
  if (task.milestone_id) out.member("milestoneId", *task.milestone_id);
  out.key("projectOwner");
  write_simple_project(out, view.project);
  if (task.progress != 0) out.member("progress", task.progress);
  out.member("status", static_cast<int>(task.status));
  out.key("subtasks");
  out.begin_array();
  for (const SubtaskView& subtask : view.subtasks)
    write_subtask_wrapper(out, subtask, people, context);
  out.end_array();
  if (!view.links.empty()) write_links(out, view.links);
  // updatedBy and updatedById share DataMember order 41, before `created` (50).
  write_audit_members(out, AuditFacts{task.created, task.created_by, task.updated, task.updated_by},
                      people, context, simple);
  if (simple) {
    out.member("responsibles", nullptr);
    write_ids(out, "responsibleIds", task.responsibles);
  } else {
    write_responsibles(out, task, people, context);
  }
  if (view.milestone) {
    out.key("milestone");
    write_simple_milestone(out, *view.milestone, context);
  }
  if (task.custom_status_id && *task.custom_status_id > 0)
    out.member("customTaskStatus", *task.custom_status_id);
}

}  // namespace

void write_task_wrapper(ApiWriter& out, const TaskView& view, const PeopleIndex& people,
                        const WrapContext& context, bool simple) {
  out.begin_object();
  write_task_members(out, view, people, context, simple);
  out.end_object();
}

boost::json::object task_wrapper(const TaskView& view, const PeopleIndex& people,
                                 const WrapContext& context, bool simple) {
  return tree_object(
      [&](ApiWriter& out) { write_task_wrapper(out, view, people, context, simple); });
}

void write_task_wrappers(ApiWriter& out, const TaskViews& views, const WrapContext& context,
                         bool simple) {
  out.begin_array();
  for (const TaskView& view : views.tasks)
    write_task_wrapper(out, view, views.people, context, simple);
  out.end_array();
}

boost::json::array task_wrappers(const TaskViews& views, const WrapContext& context, bool simple) {
  return tree_array([&](ApiWriter& out) { write_task_wrappers(out, views, context, simple); });
}

void write_task_wrapper_full(ApiWriter& out, const TaskDetail& detail, const WrapContext& context,
                             bool simple) {
  const PeopleIndex& people = detail.views.people;
  out.begin_object();
  out.key("files");
  out.begin_array();
  for (const FileView& file : detail.files)
    write_file_wrapper(out, file, people, context);
  out.end_array();
  out.key("comments");
  out.value(comment_infos(detail.comments, people, context));
  out.member("commentsCount", detail.comments.active);
  out.member("isSubscribed", detail.is_subscribed);
  out.member("canEditFiles", detail.can_edit_files);
  out.member("canCreateComment", detail.can_create_comment);
  out.key("project");
  write_project_wrapper_full(out, detail.project, people, context, simple);
  out.member("timeSpend", time_hours_json(detail.time_seconds));  // a float, 0 written 0.0
  write_task_members(out, detail.views.tasks.front(), people, context, simple);
  out.end_object();
}

boost::json::object task_wrapper_full(const TaskDetail& detail, const WrapContext& context,
                                      bool simple) {
  return tree_object(
      [&](ApiWriter& out) { write_task_wrapper_full(out, detail, context, simple); });
}

// SimpleTaskWrapper declares id, title, description, deadline, startDate and the rights without
// an order, so they come first; deadline has no EmitDefaultValue=false and is written null.
boost::json::object simple_task_wrapper(const TaskView& view, const WrapContext& context) {
  return tree_object([&](ApiWriter& out) {
    const TaskRecord& task = view.task;
    out.begin_object();
    out.member("id", task.id);
    out.member("title", task.title);
    out.member("description", task.description);
    if (task.deadline) {
      out.member("deadline", date(*task.deadline, context));
    } else {
      out.member("deadline", nullptr);
    }
    if (task.start_date) out.member("startDate", date(*task.start_date, context));
    out.member("canEdit", view.rights.edit);
    out.member("canCreateSubtask", view.rights.create_subtask);
    out.member("canCreateTimeSpend", view.rights.create_time_spend);
    out.member("canDelete", view.rights.remove);
    out.member("priority", static_cast<int>(task.priority));
    if (task.milestone_id) out.member("milestoneId", *task.milestone_id);
    out.member("projectOwner", task.project_id);
    if (task.progress != 0) out.member("progress", task.progress);
    out.member("status", static_cast<int>(task.status));
    const auto open = std::count_if(view.subtasks.begin(), view.subtasks.end(), [](const auto& s) {
      return s.subtask.status == TaskStatus::kOpen;
    });
    if (open != 0) out.member("subtasksCount", static_cast<std::int64_t>(open));
    if (!view.links.empty()) write_links(out, view.links);
    if (task.updated_by != task.created_by) out.member("updatedBy", task.updated_by);
    out.member("created", date(task.created, context));
    out.member("createdBy", task.created_by);
    out.member("updated", date(shown_update(task), context));
    write_ids(out, "responsibles", task.responsibles);
    if (task.custom_status_id && *task.custom_status_id > 0)
      out.member("customTaskStatus", *task.custom_status_id);
    out.end_object();
  });
}

void write_subtask_wrapper(ApiWriter& out, const SubtaskView& view, const PeopleIndex& people,
                           const WrapContext& context) {
  const SubtaskRecord& subtask = view.subtask;
  out.begin_object();
  out.member("canEdit", view.can_edit);
  out.member("taskId", subtask.task_id);
  out.member("id", subtask.id);
  out.member("title", subtask.title);
  out.member("description", nullptr);  // subtasks have none; the original always writes null
  out.member("status", static_cast<int>(subtask.status));
  if (subtask.responsible_id)
    write_person(out, "responsible", *subtask.responsible_id, people, context, false);
  write_audit_members(
      out, AuditFacts{subtask.created, subtask.created_by, subtask.updated, subtask.updated_by},
      people, context, false);
  out.end_object();
}

boost::json::object subtask_wrapper(const SubtaskView& view, const PeopleIndex& people,
                                    const WrapContext& context) {
  return tree_object([&](ApiWriter& out) { write_subtask_wrapper(out, view, people, context); });
}

}  // namespace projectd
