// The fields of a new milestone bound from a request: POST {projectid}/milestone and the
// `milestones` embedded in POST project.
#pragma once

#include "domain/projects/milestone_service.h"
#include "http/params.h"
#include "wire/date.h"

#include <string>

namespace projectd {

// title, deadline, description, isKey, isNotify, responsible (the caller when absent or the
// all-zero GUID).
NewMilestone new_milestone(const Params& p, const PortalTimeZone& zone,
                           const std::string& caller_id);

}  // namespace projectd
