// CustomTaskStatus (docs/wire-compatibility.md, "Objects"). Json.NET writes a derived class's
// members before its base class's, so CustomTaskStatus's own statusType and canChangeAvailable come
// first, then CustomStatus's; every member is written, null included.
#pragma once

#include "domain/projects/status_rules.h"

#include <boost/json/object.hpp>

namespace projectd {

boost::json::object custom_status_wrapper(const StatusView& view);

}  // namespace projectd
