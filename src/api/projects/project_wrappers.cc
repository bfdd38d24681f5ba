#include "api/projects/project_wrappers.h"

#include "api/projects/audit_members.h"
#include "api/projects/time_wrappers.h"
#include "wire/tree_writer.h"

#include <boost/json/array.hpp>

#include <algorithm>

namespace projectd {

void write_simple_project(ApiWriter& out, const ProjectRecord& project) {
  out.begin_object();
  out.member("id", project.id);
  out.member("title", project.title);
  out.member("status", static_cast<int>(project.status));
  out.member("isPrivate", project.is_private);
  out.end_object();
}

boost::json::object simple_project(const ProjectRecord& project) {
  return tree_object([&](ApiWriter& out) { write_simple_project(out, project); });
}

boost::json::object project_wrapper(const ProjectBrief& brief, const PeopleIndex& people,
                                    const WrapContext& context) {
  const ProjectRecord& project = brief.project;
  boost::json::object out;
  out.reserve(7);
  out["id"] = project.id;
  out["title"] = project.title;
  out["description"] = project.description;
  out["status"] = static_cast<int>(project.status);
  out["responsible"] = employee_brief(people.get(project.responsible_id), context);
  out["canEdit"] = brief.can_edit;
  out["isPrivate"] = project.is_private;
  return out;
}

void write_project_security_info(ApiWriter& out, const ProjectSecurity& security) {
  out.begin_object();
  out.member("canCreateMilestone", security.can_create_milestone());
  out.member("canCreateMessage", security.can_create_message());
  out.member("canCreateTask", security.can_create_task());
  out.member("canCreateTimeSpend", security.can_create_time());
  out.member("canEditTeam", security.can_edit_team());
  out.member("canReadFiles", security.can_read_files());
  out.member("canReadMilestones", security.can_read_module(team_security::kMilestones));
  out.member("canReadMessages", security.can_read_module(team_security::kMessages));
  out.member("canReadTasks", security.can_read_module(team_security::kTasks));
  // The original links CRM contacts to projects it may edit, and reads contacts only with its CRM
  // module enabled; projectd has no CRM.
  out.member("canLinkContact", security.can_edit());
  out.member("canReadContacts", false);
  out.member("canEdit", security.can_edit());
  out.member("canDelete", security.can_delete());
  out.member("isInTeam", security.is_member());
  out.end_object();
}

boost::json::object project_security_info(const ProjectSecurity& security) {
  return tree_object([&](ApiWriter& out) { write_project_security_info(out, security); });
}

void write_project_wrapper_full(ApiWriter& out, const ProjectView& view, const PeopleIndex& people,
                                const WrapContext& context, bool simple) {
  const ProjectRecord& project = view.project;
  out.begin_object();
  out.member("canEdit", view.security.can_edit());
  out.member("canDelete", view.security.can_delete());
  out.key("security");
  write_project_security_info(out, view.security);
  if (project.folder_id) out.member("projectFolder", *project.folder_id);
  out.member("id", project.id);
  out.member("title", project.title);
  out.member("description", project.description);
  out.member("status", static_cast<int>(project.status));
  if (simple) {
    out.member("responsibleId", project.responsible_id);
  } else {
    out.key("responsible");
    write_employee_full(out, people.get(project.responsible_id), context);
  }
  out.member("isPrivate", project.is_private);
  out.member("taskCount", view.counts.open_tasks);
  out.member("taskCountTotal", view.counts.all_tasks);
  out.member("milestoneCount", view.counts.open_milestones);
  out.member("discussionCount", view.counts.discussions);
  out.member("participantCount", view.counts.participants);
  out.member("timeTrackingTotal", time_total_text(view.time_seconds));
  out.member("documentsCount", 0);
  out.member("isFollow", view.is_follow);
  out.key("tags");
  out.begin_array();
  for (const std::string& tag : view.tags)
    out.string(tag);
  out.end_array();
  // The original writes updatedById whenever simple mode is on, updatedBy only for a second
  // person, and both before `created` (DataMember order 41 < 50).
  write_audit_members(
      out, AuditFacts{project.created, project.created_by, project.updated, project.updated_by},
      people, context, simple);
  out.end_object();
}

boost::json::object project_wrapper_full(const ProjectView& view, const PeopleIndex& people,
                                         const WrapContext& context, bool simple) {
  return tree_object(
      [&](ApiWriter& out) { write_project_wrapper_full(out, view, people, context, simple); });
}

boost::json::object participant_wrapper(const UserRecord& user, const TeamMember& member,
                                        const WrapContext& context, bool removed) {
  const auto allowed = [&](int bit) { return (member.security & bit) == 0; };
  boost::json::object out;
  out.reserve(7);
  out["canReadFiles"] = allowed(team_security::kFiles);
  out["canReadMilestones"] = allowed(team_security::kMilestones);
  out["canReadMessages"] = allowed(team_security::kMessages);
  out["canReadTasks"] = allowed(team_security::kTasks);
  out["canReadContacts"] = allowed(team_security::kContacts);
  out["isAdministrator"] = user.is_admin;
  out["isRemovedFromTeam"] = removed;
  for (auto& member_field : employee_full(user, context))
    out[member_field.key()] = member_field.value();
  return out;
}

}  // namespace projectd
