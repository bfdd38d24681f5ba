// The person objects (docs/wire-compatibility.md, "Objects"): Employee (brief, for createdBy,
// responsibles...) and EmployeeFull (people endpoints), members in the original's order.
#pragma once

#include "domain/caller.h"
#include "store/records.h"
#include "wire/api_writer.h"
#include "wire/date.h"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace projectd {

struct WrapContext {
  const PortalTimeZone& zone;
  const std::string& base_url;
  const Caller& viewer;
};

// Where a person's photo of one size (photo_images.h: original, retina, max, big, medium, small)
// is served, on `base_url`: an image for everybody, their default avatar until they upload one.
std::string photo_url(const std::string& base_url, std::string_view user_id, std::string_view size);

// "First Last", or the one that is set (displayName).
std::string display_name(const UserRecord& user);

// Each written to `out` (wire/api_writer.h), or as a tree.
void write_employee_brief(ApiWriter& out, const UserRecord& user, const WrapContext& context);
void write_employee_full(ApiWriter& out, const UserRecord& user, const WrapContext& context);
boost::json::object employee_brief(const UserRecord& user, const WrapContext& context);
boost::json::object employee_full(const UserRecord& user, const WrapContext& context);

}  // namespace projectd
