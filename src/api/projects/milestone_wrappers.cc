#include "api/projects/milestone_wrappers.h"

#include "api/projects/audit_members.h"
#include "api/projects/project_wrappers.h"

namespace projectd {

boost::json::object milestone_wrapper(const MilestoneView& view, const PeopleIndex& people,
                                      const WrapContext& context, bool simple) {
  const MilestoneRecord& m = view.milestone;
  boost::json::object out;
  out.reserve(17);
  out["canEdit"] = view.can_edit;
  out["canDelete"] = view.can_delete;
  out["id"] = m.id;
  out["title"] = m.title;
  out["description"] = m.description;
  out["projectOwner"] = simple_project(view.project);
  out["status"] = static_cast<int>(m.status);
  // In the portal time zone like every other date (the original used the server's OS zone).
  out["deadline"] = format_api_date(m.deadline, context.zone);
  out["isKey"] = m.is_key;
  out["isNotify"] = m.is_notify;
  out["activeTaskCount"] = view.active_tasks;
  out["closedTaskCount"] = view.closed_tasks;
  append_person(out, "responsible", m.responsible_id, people, context, simple);
  append_audit_members(out, AuditFacts{m.created, m.created_by, m.updated, m.updated_by}, people,
                       context, simple);
  return out;
}

}  // namespace projectd
