// api/2.0/project/task/{id}/link: Gantt links and each of their rules.
#include "task_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::HasSubstr;

class TaskLinksTest : public TaskSuite {
 protected:
  static HttpResponse link(std::int64_t parent, std::int64_t dependent, boost::json::value type,
                           const Headers& auth) {
    boost::json::object body{{"dependenceTaskId", dependent}};
    if (!type.is_null()) body["linkType"] = type;
    return call("POST", task_path(parent, "/link"), body, auth);
  }
  static boost::json::value links_of(std::int64_t task) {
    const auto full = task_full(task);
    return full.contains("links") ? full.at("links") : boost::json::value(boost::json::array());
  }
};

TEST_F(TaskLinksTest, LinkAnswersTheDependentTaskAndBothTasksShowIt) {
  const std::int64_t project = make_project();
  const std::int64_t parent = create_task_id(project, {{"deadline", "2026-03-01"}}, admin());
  const std::int64_t dependent = create_task_id(project, {{"deadline", "2026-04-01"}}, admin());
  const auto res = link(parent, dependent, "End", admin());
  ASSERT_EQ(res.status, 201) << res.body;
  const auto task = res.json().at("response").as_object();
  EXPECT_EQ(task.at("id"), dependent);
  const boost::json::array expected{
      {{"dependenceTaskId", dependent}, {"parentTaskId", parent}, {"linkType", 1}}};
  EXPECT_EQ(task.at("links"), expected);
  EXPECT_EQ(links_of(parent), expected);
  const auto keys = keys_of(task);
  EXPECT_EQ(*(std::find(keys.begin(), keys.end(), "subtasks") + 1), "links");
}

TEST_F(TaskLinksTest, EveryRuleAnswersWithWhatToDo) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t other = make_project();
  const std::int64_t m1 = insert_milestone(project, "M1", "2026-05-01T00:00:00Z", admin_id());
  const std::int64_t dated = create_task_id(project, {{"deadline", "2026-03-01"}}, admin());
  const std::int64_t undated = create_task_id(project, {}, admin());
  const std::int64_t in_m1 = create_task_id(project, {{"milestoneid", m1}}, admin());
  const std::int64_t elsewhere = create_task_id(other, {{"deadline", "2026-03-01"}}, admin());
  const std::int64_t locked = create_task_id(project, {{"responsibles", {admin_id()}}}, admin());

  const auto self = link(dated, dated, 0, admin());
  EXPECT_EQ(self.status, 400);
  EXPECT_THAT(error_message(self), HasSubstr("itself"));
  EXPECT_EQ(call("POST", task_path(dated, "/link"), {{"linkType", 1}}, admin()).status, 400);
  EXPECT_EQ(link(dated, 999999, 0, admin()).status, 404);
  EXPECT_EQ(link(dated, undated, "sideways", admin()).status, 400);
  const auto milestones = link(dated, in_m1, "start", admin());
  EXPECT_EQ(milestones.status, 409);
  EXPECT_THAT(error_message(milestones), HasSubstr("same milestone"));
  EXPECT_EQ(link(dated, elsewhere, 0, admin()).status, 409);
  const auto end = link(dated, undated, "end", admin());
  EXPECT_EQ(end.status, 409);
  EXPECT_THAT(error_message(end), HasSubstr("deadline"));
  EXPECT_EQ(link(undated, dated, 2, admin()).status, 409);  // EndStart: the parent needs one
  EXPECT_EQ(link(dated, undated, "EndStart", admin()).status, 201);
  EXPECT_EQ(link(undated, locked, nullptr, admin()).status, 201);  // Start by default
  const auto again = link(undated, dated, 0, admin());             // the reverse exists
  EXPECT_EQ(again.status, 409);
  EXPECT_THAT(error_message(again), HasSubstr("already linked"));
  // The member may edit `undated` (unassigned) but not `locked`.
  const std::int64_t free = create_task_id(project, {}, admin());
  EXPECT_EQ(link(free, locked, 0, member.auth()).status, 403);
  EXPECT_EQ(links_of(free), boost::json::array());
  set_project_status(project, "closed");
  EXPECT_EQ(link(free, undated, 0, admin()).status, 409);
  set_project_status(project, "open");
  EXPECT_EQ(links_of(undated).as_array().size(), 2u);
}

TEST_F(TaskLinksTest, UnlinkNeedsThePathTaskToBeOneOfTheTwo) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t parent = create_task_id(project, {}, admin());
  const std::int64_t dependent = create_task_id(project, {{"responsibles", {admin_id()}}}, admin());
  const std::int64_t third = create_task_id(project, {}, admin());
  ASSERT_EQ(link(parent, dependent, 0, admin()).status, 201);
  const boost::json::object body{{"parentTaskId", parent}, {"dependenceTaskId", dependent}};
  const auto wrong = call("DELETE", task_path(third, "/link"), body, admin());
  EXPECT_EQ(wrong.status, 400);
  EXPECT_THAT(error_message(wrong), HasSubstr("path"));
  EXPECT_EQ(call("DELETE", task_path(parent, "/link"), {{"parentTaskId", parent}}, admin()).status,
            400);
  EXPECT_EQ(call("DELETE", task_path(parent, "/link"), body, member.auth()).status, 403);
  EXPECT_EQ(links_of(parent).as_array().size(), 1u);
  const auto removed = call("DELETE", task_path(parent, "/link"), body, admin());
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json().at("response").at("id"), dependent);
  EXPECT_FALSE(removed.json().at("response").as_object().contains("links"));
  EXPECT_EQ(links_of(parent), boost::json::array());
  // The query string works as well as a body, and a missing link is 404.
  const auto missing =
      call("DELETE",
           task_path(dependent, "/link?parentTaskId=" + std::to_string(parent) +
                                    "&dependenceTaskId=" + std::to_string(dependent)),
           nullptr, admin());
  EXPECT_EQ(missing.status, 404);
}

}  // namespace
}  // namespace projectd::test
