#include "api/projects/milestone_params.h"

#include "api/binding.h"

namespace projectd {

NewMilestone new_milestone(const Params& p, const PortalTimeZone& zone,
                           const std::string& caller_id) {
  NewMilestone m;
  m.title = p.get_string("title").value_or("");
  m.deadline = p.get_date("deadline", zone);
  m.description = p.get_string("description").value_or("");
  m.is_key = p.get_bool("isKey").value_or(false);
  m.is_notify = p.get_bool("isNotify").value_or(false);
  m.responsible_id = optional_person(p, "responsible");
  if (!m.responsible_id) m.responsible_id = caller_id;
  return m;
}

}  // namespace projectd
