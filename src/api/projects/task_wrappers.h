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

// Each written to `out` (wire/api_writer.h), where a write_ form is declared, or as a tree.

// `simple` (the `simple` query parameter): createdById, updatedById and responsibleIds instead of
// the person objects, and `responsibles` null.
void write_task_wrapper(ApiWriter& out, const TaskView& view, const PeopleIndex& people,
                        const WrapContext& context, bool simple);
boost::json::object task_wrapper(const TaskView& view, const PeopleIndex& people,
                                 const WrapContext& context, bool simple);
void write_task_wrappers(ApiWriter& out, const TaskViews& views, const WrapContext& context,
                         bool simple);
boost::json::array task_wrappers(const TaskViews& views, const WrapContext& context, bool simple);

// files, comments, commentsCount, isSubscribed, canEditFiles, canCreateComment, project and
// timeSpend, then TaskWrapper's members (the derived class's unordered members come first).
void write_task_wrapper_full(ApiWriter& out, const TaskDetail& detail, const WrapContext& context,
                             bool simple);
boost::json::object task_wrapper_full(const TaskDetail& detail, const WrapContext& context,
                                      bool simple);

// GET task/filter/simple: ids instead of objects, the project as its id, open subtasks counted.
boost::json::object simple_task_wrapper(const TaskView& view, const WrapContext& context);

void write_subtask_wrapper(ApiWriter& out, const SubtaskView& view, const PeopleIndex& people,
                           const WrapContext& context);
boost::json::object subtask_wrapper(const SubtaskView& view, const PeopleIndex& people,
                                    const WrapContext& context);

}  // namespace projectd
