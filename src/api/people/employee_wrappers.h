// The person objects (docs/wire-compatibility.md, "Objects"): Employee (brief, for createdBy,
// responsibles...) and EmployeeFull (people endpoints), members in the original's order.
#pragma once

#include "domain/caller.h"
#include "store/records.h"
#include "wire/date.h"

#include <boost/json/object.hpp>

#include <string>

namespace projectd {

struct WrapContext {
  const PortalTimeZone& zone;
  const std::string& base_url;
  const Caller& viewer;
};

boost::json::object employee_brief(const UserRecord& user, const WrapContext& context);
boost::json::object employee_full(const UserRecord& user, const WrapContext& context);

}  // namespace projectd
