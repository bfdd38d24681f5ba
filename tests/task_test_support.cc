#include "task_test_support.h"

namespace projectd::test {

std::int64_t TaskSuite::make_project(const std::vector<std::string>& members,
                                     const std::string& title) {
  boost::json::array participants;
  for (const std::string& id : members)
    participants.emplace_back(id);
  return create_project_id(
      {{"title", title}, {"responsibleId", admin_id()}, {"participants", participants}}, admin());
}

boost::json::object TaskSuite::create_task(std::int64_t project, boost::json::object body,
                                           const Headers& auth) {
  if (!body.contains("title")) body["title"] = "Task";
  const auto res = call("POST", std::to_string(project) + "/task", body, auth);
  EXPECT_EQ(res.status, 201) << res.body;
  if (res.status != 201) return {};
  return res.json().at("response").as_object();
}

std::int64_t TaskSuite::create_task_id(std::int64_t project, boost::json::object body,
                                       const Headers& auth) {
  const auto task = create_task(project, std::move(body), auth);
  return task.contains("id") ? task.at("id").as_int64() : 0;
}

std::int64_t TaskSuite::create_subtask_id(std::int64_t task, boost::json::object body,
                                          const Headers& auth) {
  if (!body.contains("title")) body["title"] = "Subtask";
  const auto res = call("POST", task_path(task), body, auth);
  EXPECT_EQ(res.status, 201) << res.body;
  if (res.status != 201) return 0;
  return res.json().at("response").at("id").as_int64();
}

std::int64_t TaskSuite::insert_milestone(std::int64_t project, const std::string& title,
                                         const std::string& deadline,
                                         const std::string& responsible) {
  const auto res =
      call("POST", std::to_string(project) + "/milestone",
           {{"title", title}, {"deadline", deadline}, {"responsible", responsible}}, admin());
  EXPECT_EQ(res.status, 201) << res.body;
  if (res.status != 201) return 0;
  return res.json().at("response").at("id").as_int64();
}

HttpResponse TaskSuite::call(const std::string& method, const std::string& path,
                             const boost::json::value& body, const Headers& auth) {
  return json_request(port(), method, "/api/2.0/project/" + path, body, auth);
}

boost::json::object TaskSuite::task_full(std::int64_t task) {
  const auto response = get_ok("/api/2.0/project/" + task_path(task), admin());
  return response.is_object() ? response.as_object() : boost::json::object();
}

void TaskSuite::set_project_status(std::int64_t project, const std::string& status) {
  const auto res = call("PUT", std::to_string(project) + "/status", {{"status", status}}, admin());
  EXPECT_EQ(res.status, 200) << res.body;
}

std::string task_path(std::int64_t id, const std::string& rest) {
  return "task/" + std::to_string(id) + rest;
}

}  // namespace projectd::test
