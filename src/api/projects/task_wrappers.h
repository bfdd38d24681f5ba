// The task objects (docs/wire-compatibility.md, "Objects"), members in the original's order (the
// golden file tests/golden/seed-response.json shows TaskWrapper): TaskWrapper, TaskWrapperFull,
// SimpleTaskWrapper, SubtaskWrapper and TaskLinkWrapper. Dates in the portal time zone, deadlines
// too (docs/wire-compatibility.md, "Dates").
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/projects/task_views.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace projectd {

// `simple` (the `simple` query parameter): createdById, updatedById and responsibleIds instead of
// the person objects, and `responsibles` null.
boost::json::object task_wrapper(const TaskView& view, const PeopleIndex& people,
                                 const WrapContext& context, bool simple);
boost::json::array task_wrappers(const TaskViews& views, const WrapContext& context, bool simple);

// files, comments, commentsCount, isSubscribed, canEditFiles, canCreateComment, project and
// timeSpend, then TaskWrapper's members (the derived class's unordered members come first).
boost::json::object task_wrapper_full(const TaskDetail& detail, const WrapContext& context,
                                      bool simple);

// GET task/filter/simple: ids instead of objects, the project as its id, open subtasks counted.
boost::json::object simple_task_wrapper(const TaskView& view, const WrapContext& context);

boost::json::object subtask_wrapper(const SubtaskView& view, const PeopleIndex& people,
                                    const WrapContext& context);
boost::json::object task_link_wrapper(const TaskLinkRecord& link);

}  // namespace projectd
