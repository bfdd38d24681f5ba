// The group objects (docs/wire-compatibility.md, "Objects"), members in the original's order:
// GroupWrapperSummary (`GET group`: id, name, manager's user name) and GroupWrapperFull
// (id, name, category, parent, description, manager as an Employee, members).
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/people/group_service.h"

#include <boost/json/object.hpp>

namespace projectd {

boost::json::object group_summary(const GroupView& view);
// `with_members` false leaves `members` out, as the original's DeleteGroup answer does.
boost::json::object group_full(const GroupView& view, const WrapContext& context,
                               bool with_members = true);

}  // namespace projectd
