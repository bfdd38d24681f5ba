// Request binding of the project, team and search endpoints: status names and the filter query
// (docs/wire-compatibility.md, "Lists", "Endpoints").
#pragma once

#include "api/binding.h"
#include "store/project_records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

extern const EnumNames kProjectStatusNames;  // open 0, closed 1, paused 2

// project/filter: tag, status, participant, manager, follow, filterValue, sortBy (create_on or
// title; anything else the default), sortOrder (descending or not), count and startIndex.
ProjectQuery project_filter_query(const Params& params, const std::string& caller_id);

// The team of withSecurity and withSecurityInfo: `participants` as objects {ID, CanReadFiles,
// CanReadMilestones, CanReadMessages, CanReadTasks, CanReadContacts} (any case; a flag not sent
// allows its module), or as plain user ids, which keep each member's security. nullopt when
// `participants` was not sent.
struct SecuredTeam {
  std::vector<std::string> participants;
  std::vector<TeamMember> security;  // one per object sent
};
std::optional<SecuredTeam> secured_team(const Params& params);

}  // namespace projectd
