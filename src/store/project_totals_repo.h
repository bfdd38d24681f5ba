// The figures of a project's full view (ProjectWrapperFull): how many tasks, milestones, team
// members and discussions it has, and the time tracked on the tasks a viewer may read. A
// repository of their own, apart from ProjectRepo and TimeRepo, because they are what nearly every
// project and task answer shows and a read transaction answers them from the store's cache
// (store/project_totals_cache.h). Each call is one statement whatever the number of ids.
#pragma once

#include "store/project_records.h"

#include <cstdint>
#include <vector>

namespace projectd {

class ProjectTotalsRepo {
 public:
  virtual ~ProjectTotalsRepo() = default;

  // The counts of each existing project of `ids`, once, in id order; unknown ids are left out.
  virtual std::vector<ProjectCounts> counts_of(const std::vector<std::int64_t>& ids) = 0;
  // The seconds of each existing project's entries on tasks the viewer may read, once, in id
  // order, 0 where there are none; unknown ids are left out.
  virtual std::vector<TimeTotal> seconds_by_project(const Viewer& viewer,
                                                    const std::vector<std::int64_t>& ids) = 0;
};

}  // namespace projectd
