// Shared steps of the project and team operations: loading a project the caller may read (404
// otherwise), the caller's view of it for ProjectWrapperFull, checking that people exist, and
// replacing a team. Every function runs inside the caller's store transaction.
#pragma once

#include "domain/people/people_index.h"
#include "domain/projects/security.h"
#include "store/store.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// A project with the caller's rights in it.
struct AccessibleProject {
  ProjectRecord project;
  ProjectSecurity security;
};

// Everything ProjectWrapperFull shows for one caller.
struct ProjectView {
  ProjectRecord project;
  ProjectSecurity security;
  ProjectCounts counts;  // of the modules the viewer may read; 0 for a hidden one
  bool is_follow = false;
  std::vector<std::string> tags;
  // timeTrackingTotal: the time entries on the project's tasks the viewer may read, summed.
  std::int64_t time_seconds = 0;
};

ProjectSecurity security_in(StoreTx& tx, const Viewer& viewer, const ProjectRecord& project);
// The projects with the viewer's rights in each: one membership read for all of them.
std::vector<AccessibleProject> with_security(StoreTx& tx, const Viewer& viewer,
                                             std::vector<ProjectRecord> projects);
// The projects of a list's rows (ids may repeat), each with the viewer's rights: two statements
// whatever the number of ids. Readability is not checked.
std::map<std::int64_t, AccessibleProject> projects_with_security(StoreTx& tx, const Viewer& viewer,
                                                                 std::vector<std::int64_t> ids);
// 404 "Item not found" when the project does not exist or the viewer may not read it.
AccessibleProject load_readable_project(StoreTx& tx, const Viewer& viewer, std::int64_t id);
// The views of a page of projects, in the given order, with four statements (five when the
// rights still have to be read) whatever the page's length.
// The counts of a module the viewer may not read are 0.
std::vector<ProjectView> views_of(StoreTx& tx, const Viewer& viewer,
                                  std::vector<AccessibleProject> projects);
std::vector<ProjectView> views_of(StoreTx& tx, const Viewer& viewer,
                                  std::vector<ProjectRecord> projects);
ProjectView view_of(StoreTx& tx, const Viewer& viewer, AccessibleProject project);
ProjectView view_of(StoreTx& tx, const Viewer& viewer, const ProjectRecord& project);

// The people a project wrapper shows: manager, creator, last editor.
void collect_people(const ProjectRecord& project, std::vector<std::string>& ids);

// 400 naming `param` and the first unknown id; with `no_guests`, a guest is refused too (a guest
// can never manage a project).
void require_people(StoreTx& tx, const std::vector<std::string>& ids, std::string_view param,
                    bool no_guests = false);

// Makes the team exactly `participants` plus the manager: members who stay keep their team
// security, new ones start unrestricted.
void replace_team(StoreTx& tx, const ProjectRecord& project,
                  const std::vector<std::string>& participants);

// Tag titles from a comma list as sent: trimmed, empty ones dropped, duplicates (any case) once.
std::vector<std::string> clean_tags(const std::vector<std::string>& titles);

}  // namespace projectd
