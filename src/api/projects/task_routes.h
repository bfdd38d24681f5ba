// The parts of add_task_routes (routes.h), one file each, and what they share: route
// registration under api/2.0/project/ and the envelope answers of tasks and subtasks.
#pragma once

#include "api/api_env.h"
#include "api/paging.h"
#include "api/route_group.h"
#include "http/route.h"

#include <cstdint>
#include <string>
#include <vector>

namespace projectd {

void add_task_read_routes(RouteTable& table, ApiEnv& env);    // tasks_api.cc
void add_task_change_routes(RouteTable& table, ApiEnv& env);  // task_changes_api.cc
void add_subtask_routes(RouteTable& table, ApiEnv& env);      // subtasks_api.cc
void add_task_link_routes(RouteTable& table, ApiEnv& env);    // task_links_api.cc

// The routes `api/2.0/project/<pattern>` in the OpenAPI group "tasks".
RouteGroup task_route_group(RouteTable& table);

ParamDoc body_doc(std::string name, std::string type, std::string description,
                  bool required = false);
// The fields of a task as POST {projectid}/task, PUT task/{taskid} and the copy take them.
std::vector<ParamDoc> task_field_docs();

// One TaskWrapper (the first of `views`), a TaskWrapperFull, a page of TaskWrappers with its total,
// a SubtaskWrapper; each honours the `simple` parameter where the wrapper has a simple mode.
ApiResponse task_answer(ApiEnv& env, const RequestContext& request, const TaskViews& views);
ApiResponse task_full_answer(ApiEnv& env, const RequestContext& request, TaskDetail detail);
ApiResponse task_list_answer(ApiEnv& env, const RequestContext& request, TaskViews views,
                             const PageRequest& page);
ApiResponse subtask_answer(ApiEnv& env, const RequestContext& request, const SubtaskResult& result);

}  // namespace projectd
