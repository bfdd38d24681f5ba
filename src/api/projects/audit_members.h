// The members every project-surface wrapper ends with, in the original's order: updatedBy (only
// when someone other than the creator changed it) or updatedById in simple mode, created,
// createdBy or createdById, updated (never earlier than created, as the original's getter).
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/people/people_index.h"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace projectd {

struct AuditFacts {
  Timestamp created;
  const std::string& created_by;
  Timestamp updated;
  const std::string& updated_by;
};

// Written as members of the object being written (wire/api_writer.h), or added to a tree.
void write_audit_members(ApiWriter& out, const AuditFacts& facts, const PeopleIndex& people,
                         const WrapContext& context, bool simple);
void append_audit_members(boost::json::object& out, const AuditFacts& facts,
                          const PeopleIndex& people, const WrapContext& context, bool simple);

// `name` as an Employee object, or `nameId` with the bare id in simple mode.
void write_person(ApiWriter& out, std::string_view name, const std::string& user_id,
                  const PeopleIndex& people, const WrapContext& context, bool simple);
void append_person(boost::json::object& out, std::string_view name, const std::string& user_id,
                   const PeopleIndex& people, const WrapContext& context, bool simple);

}  // namespace projectd
