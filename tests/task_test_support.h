// Shared set-up of the task, subtask and link HTTP tests: on top of ProjectSuite, tasks and
// milestones made through the API, and calls under api/2.0/project/.
#pragma once

#include "project_test_support.h"

#include <cstdint>
#include <string>

namespace projectd::test {

class TaskSuite : public ProjectSuite {
 protected:
  // A public project managed by the admin, with `members` in its team.
  static std::int64_t make_project(const std::vector<std::string>& members = {},
                                   const std::string& title = "Project");
  // POST {project}/task as `auth`; fails the test unless it answers 201. Returns the task.
  static boost::json::object create_task(std::int64_t project, boost::json::object body,
                                         const Headers& auth);
  static std::int64_t create_task_id(std::int64_t project, boost::json::object body,
                                     const Headers& auth);
  // POST task/{task} (a subtask); returns its id.
  static std::int64_t create_subtask_id(std::int64_t task, boost::json::object body,
                                        const Headers& auth);
  // POST {project}/milestone as the admin (an open milestone); fails the test unless 201.
  static std::int64_t insert_milestone(std::int64_t project, const std::string& title,
                                       const std::string& deadline, const std::string& responsible);

  // A call to api/2.0/project/<path> with a JSON body (none when `body` is null).
  static HttpResponse call(const std::string& method, const std::string& path,
                           const boost::json::value& body, const Headers& auth);
  // The `response` of GET task/{id} (TaskWrapperFull), as the admin.
  static boost::json::object task_full(std::int64_t task);
  static void set_project_status(std::int64_t project, const std::string& status);
};

// "task/<id><rest>"
std::string task_path(std::int64_t id, const std::string& rest = "");

}  // namespace projectd::test
