#include "api/projects/audit_members.h"

#include "wire/tree_writer.h"

#include <algorithm>

namespace projectd {

void write_person(ApiWriter& out, std::string_view name, const std::string& user_id,
                  const PeopleIndex& people, const WrapContext& context, bool simple) {
  if (simple) {
    out.member(std::string(name) + "Id", user_id);
  } else {
    out.key(name);
    write_employee_brief(out, people.get(user_id), context);
  }
}

void append_person(boost::json::object& out, std::string_view name, const std::string& user_id,
                   const PeopleIndex& people, const WrapContext& context, bool simple) {
  TreeWriter into(out);
  write_person(into, name, user_id, people, context, simple);
}

void write_audit_members(ApiWriter& out, const AuditFacts& facts, const PeopleIndex& people,
                         const WrapContext& context, bool simple) {
  if (simple || facts.updated_by != facts.created_by)
    write_person(out, "updatedBy", facts.updated_by, people, context, simple);
  out.member("created", format_api_date(facts.created, context.zone));
  write_person(out, "createdBy", facts.created_by, people, context, simple);
  out.member("updated", format_api_date(std::max(facts.updated, facts.created), context.zone));
}

void append_audit_members(boost::json::object& out, const AuditFacts& facts,
                          const PeopleIndex& people, const WrapContext& context, bool simple) {
  TreeWriter into(out);
  write_audit_members(into, facts, people, context, simple);
}

}  // namespace projectd
