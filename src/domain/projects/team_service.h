// Project teams: who is in a project and which modules team security hides from them. Reading
// needs read access to the project (404 otherwise); every change needs the edit-team right (403),
// also in a closed project (docs/wire-compatibility.md, "Closed projects"). Each change answers the
// team as it is afterwards. Thread safety: every method may be called from any worker thread at
// once.
#pragma once

#include "domain/caller.h"
#include "domain/people/people_index.h"
#include "store/store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace projectd {

struct Team {
  std::vector<TeamMember> members;
  PeopleIndex people;  // every member
};

// The teams of several projects: one entry per project and member.
struct ProjectTeams {
  std::vector<ProjectMembership> members;  // by project id, then user id
  PeopleIndex people;
};

class TeamService {
 public:
  explicit TeamService(Store& store);

  Team team(const Caller& caller, std::int64_t project_id);
  // POST project/team: the teams of the listed projects the caller may read; unknown and hidden
  // ids are left out (a hidden team is not revealed); a fixed number of statements.
  ProjectTeams teams(const Caller& caller, const std::vector<std::int64_t>& project_ids);
  // GET project/{id}/teamExcluded: who left the team and has not come back, with the rights they
  // had.
  Team excluded(const Caller& caller, std::int64_t project_id);
  // Adding a member twice is a no-op; 400 for an unknown user.
  Team add(const Caller& caller, std::int64_t project_id, const std::string& user_id);
  // The team becomes `participants` plus the manager; 400 for an unknown user.
  Team replace(const Caller& caller, std::int64_t project_id,
               const std::vector<std::string>& participants);
  // 409 for the manager (change the responsible first); removing a non-member is a no-op.
  Team remove(const Caller& caller, std::int64_t project_id, const std::string& user_id);
  // visible=false denies the modules of `bits` to the member, true allows them again; 400 when
  // the user is not in the team or the bits are not ProjectTeamSecurity flags.
  Team set_security(const Caller& caller, std::int64_t project_id, const std::string& user_id,
                    int bits, bool visible);

 private:
  Store& store_;
};

}  // namespace projectd
