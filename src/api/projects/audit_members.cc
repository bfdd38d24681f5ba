#include "api/projects/audit_members.h"

#include <algorithm>

namespace projectd {

void append_person(boost::json::object& out, const char* name, const std::string& user_id,
                   const PeopleIndex& people, const WrapContext& context, bool simple) {
  if (simple) {
    out[std::string(name) + "Id"] = user_id;
  } else {
    out[name] = employee_brief(people.get(user_id), context);
  }
}

void append_audit_members(boost::json::object& out, const AuditFacts& facts,
                          const PeopleIndex& people, const WrapContext& context, bool simple) {
  if (simple || facts.updated_by != facts.created_by)
    append_person(out, "updatedBy", facts.updated_by, people, context, simple);
  out["created"] = format_api_date(facts.created, context.zone);
  append_person(out, "createdBy", facts.created_by, people, context, simple);
  out["updated"] = format_api_date(std::max(facts.updated, facts.created), context.zone);
}

}  // namespace projectd
