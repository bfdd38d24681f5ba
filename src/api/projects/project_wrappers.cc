#include "api/projects/project_wrappers.h"

#include "api/projects/audit_members.h"
#include "api/projects/time_wrappers.h"

#include <boost/json/array.hpp>

#include <algorithm>

namespace projectd {

boost::json::object simple_project(const ProjectRecord& project) {
  boost::json::object out;
  out.reserve(4);
  out["id"] = project.id;
  out["title"] = project.title;
  out["status"] = static_cast<int>(project.status);
  out["isPrivate"] = project.is_private;
  return out;
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

boost::json::object project_security_info(const ProjectSecurity& security) {
  boost::json::object out;
  out.reserve(14);
  out["canCreateMilestone"] = security.can_create_milestone();
  out["canCreateMessage"] = security.can_create_message();
  out["canCreateTask"] = security.can_create_task();
  out["canCreateTimeSpend"] = security.can_create_time();
  out["canEditTeam"] = security.can_edit_team();
  out["canReadFiles"] = security.can_read_files();
  out["canReadMilestones"] = security.can_read_module(team_security::kMilestones);
  out["canReadMessages"] = security.can_read_module(team_security::kMessages);
  out["canReadTasks"] = security.can_read_module(team_security::kTasks);
  // The original links CRM contacts to projects it may edit, and reads contacts only with its CRM
  // module enabled; projectd has no CRM.
  out["canLinkContact"] = security.can_edit();
  out["canReadContacts"] = false;
  out["canEdit"] = security.can_edit();
  out["canDelete"] = security.can_delete();
  out["isInTeam"] = security.is_member();
  return out;
}

boost::json::object project_wrapper_full(const ProjectView& view, const PeopleIndex& people,
                                         const WrapContext& context, bool simple) {
  const ProjectRecord& project = view.project;
  boost::json::object out;
  out.reserve(20);
  out["canEdit"] = view.security.can_edit();
  out["canDelete"] = view.security.can_delete();
  out["security"] = project_security_info(view.security);
  if (project.folder_id) out["projectFolder"] = *project.folder_id;
  out["id"] = project.id;
  out["title"] = project.title;
  out["description"] = project.description;
  out["status"] = static_cast<int>(project.status);
  if (simple) {
    out["responsibleId"] = project.responsible_id;
  } else {
    out["responsible"] = employee_full(people.get(project.responsible_id), context);
  }
  out["isPrivate"] = project.is_private;
  out["taskCount"] = view.counts.open_tasks;
  out["taskCountTotal"] = view.counts.all_tasks;
  out["milestoneCount"] = view.counts.open_milestones;
  out["discussionCount"] = view.counts.discussions;
  out["participantCount"] = view.counts.participants;
  out["timeTrackingTotal"] = time_total_text(view.time_seconds);
  out["documentsCount"] = 0;
  out["isFollow"] = view.is_follow;
  boost::json::array tags;
  for (const std::string& tag : view.tags)
    tags.emplace_back(tag);
  out["tags"] = std::move(tags);
  // The original writes updatedById whenever simple mode is on, updatedBy only for a second
  // person, and both before `created` (DataMember order 41 < 50).
  append_audit_members(
      out, AuditFacts{project.created, project.created_by, project.updated, project.updated_by},
      people, context, simple);
  return out;
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
