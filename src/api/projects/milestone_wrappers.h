// MilestoneWrapper (docs/wire-compatibility.md, "Objects"), members in the original's order.
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/projects/milestone_service.h"

#include <boost/json/object.hpp>

namespace projectd {

boost::json::object milestone_wrapper(const MilestoneView& view, const PeopleIndex& people,
                                      const WrapContext& context, bool simple);

}  // namespace projectd
