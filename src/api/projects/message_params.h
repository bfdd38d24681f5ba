// Request binding of the discussion endpoints: MessageStatus names and the filter query of
// project/message/filter (docs/wire-compatibility.md, "Lists", "Paging").
#pragma once

#include "domain/projects/message_service.h"
#include "http/params.h"
#include "wire/date.h"

namespace projectd {

extern const EnumNames kMessageStatusNames;  // open 0, archived 1

// projectid, tag (-1: projects without tags), status, participant and createdBy (the author),
// departament, createdStart and createdStop (whole days, both ends included), lastId, myProjects,
// follow, filterValue (in the title), sortBy (comments, create_on or title; anything else the
// default, newest first), sortOrder, count and startIndex.
MessageQuery message_filter_query(const Params& params, const PortalTimeZone& zone);

}  // namespace projectd
