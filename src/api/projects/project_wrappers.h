// The project objects (docs/wire-compatibility.md, "Objects"), members in the original's order:
// SimpleProjectWrapper (`projectOwner` of tasks and milestones), ProjectWrapper (lists),
// ProjectWrapperFull (one project, filter), ProjectSecurityInfo and ParticipantWrapper (team).
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/people/people_index.h"
#include "domain/projects/project_access.h"
#include "domain/projects/project_service.h"

#include <boost/json/object.hpp>

namespace projectd {

// Each also written to `out` (wire/api_writer.h), where a write_ form is declared.

// {id, title, status, isPrivate}
void write_simple_project(ApiWriter& out, const ProjectRecord& project);
boost::json::object simple_project(const ProjectRecord& project);

boost::json::object project_wrapper(const ProjectBrief& brief, const PeopleIndex& people,
                                    const WrapContext& context);

// `simple` (the `simple` query parameter): responsibleId/createdById/updatedById instead of the
// person objects. `people` must hold the project's manager, creator and last editor.
void write_project_wrapper_full(ApiWriter& out, const ProjectView& view, const PeopleIndex& people,
                                const WrapContext& context, bool simple);
boost::json::object project_wrapper_full(const ProjectView& view, const PeopleIndex& people,
                                         const WrapContext& context, bool simple);

// ProjectSecurityInfo: what the viewer may do in the project.
void write_project_security_info(ApiWriter& out, const ProjectSecurity& security);
boost::json::object project_security_info(const ProjectSecurity& security);

// EmployeeFull of a team member, after the member's module flags (the original's unordered
// members come first) computed from their team security bits.
// `removed`: someone who left the team (teamExcluded).
boost::json::object participant_wrapper(const UserRecord& user, const TeamMember& member,
                                        const WrapContext& context, bool removed = false);

}  // namespace projectd
