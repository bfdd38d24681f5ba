// api/2.0/project/task: PUT keeps what is not sent, status and milestone changes one by one and in
// batches, and copies.
#include "task_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class TaskChangesTest : public TaskSuite {};

TEST_F(TaskChangesTest, UpdateKeepsWhatIsNotSentAndClearsWhatIsSentEmpty) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t milestone = insert_milestone(project, "M", "2026-05-01T00:00:00Z", admin_id());
  const std::int64_t task = create_task_id(project,
                                           {{"title", "Old"},
                                            {"description", "Keep me"},
                                            {"deadline", "2026-04-01T00:00:00Z"},
                                            {"milestoneid", milestone},
                                            {"responsibles", {member.id}}},
                                           admin());
  auto res = call("PUT", task_path(task), {{"title", "New"}, {"progress", 150}}, member.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  auto full = res.json().at("response").as_object();
  EXPECT_EQ(full.at("title"), "New");
  EXPECT_EQ(full.at("description"), "Keep me");
  EXPECT_EQ(full.at("deadline"), "2026-04-01T00:00:00.0000000Z");
  EXPECT_EQ(full.at("milestoneId"), milestone);
  EXPECT_EQ(full.at("progress"), 100);
  EXPECT_THAT(user_ids_of(full.at("responsibles")), ElementsAre(member.id));
  EXPECT_EQ(full.at("updatedBy").at("id"),
            boost::json::value(member.id));         // another person changed it
  EXPECT_EQ(full.at("project").at("id"), project);  // TaskWrapperFull

  res = call("PUT", task_path(task),
             {{"description", nullptr},
              {"deadline", ""},
              {"milestoneid", 0},
              {"progress", -5},
              {"responsibles", boost::json::array()},
              {"priority", "low"}},
             admin());
  ASSERT_EQ(res.status, 200) << res.body;
  full = res.json().at("response").as_object();
  EXPECT_EQ(full.at("description"), nullptr);
  EXPECT_FALSE(full.contains("deadline"));
  EXPECT_FALSE(full.contains("milestoneId"));
  EXPECT_FALSE(full.contains("milestone"));
  EXPECT_FALSE(full.contains("progress"));  // 0 is left out
  EXPECT_EQ(full.at("priority"), -1);
  EXPECT_EQ(full.at("responsibles"), boost::json::array());
  EXPECT_EQ(full.at("title"), "New");
}

TEST_F(TaskChangesTest, RefusedUpdatesChangeNothing) {
  const Person member = add_person();
  const Person outsider = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t other = make_project();
  const std::int64_t foreign = insert_milestone(other, "M", "2026-05-01T00:00:00Z", admin_id());
  const std::int64_t task =
      create_task_id(project, {{"title", "Same"}, {"responsibles", {admin_id()}}}, admin());
  const auto before = task_full(task);
  EXPECT_EQ(call("PUT", task_path(task), {{"title", ""}}, admin()).status, 400);
  EXPECT_EQ(
      call("PUT", task_path(task), {{"title", "x"}, {"milestoneid", foreign}}, admin()).status,
      404);
  EXPECT_EQ(call("PUT", task_path(task), {{"milestoneid", -1}}, admin()).status, 400);
  EXPECT_EQ(call("PUT", task_path(task), {{"title", "x"}, {"responsibles", {outsider.id}}}, admin())
                .status,
            400);
  const auto moved = call("PUT", task_path(task), {{"projectID", other}}, admin());
  EXPECT_EQ(moved.status, 400);
  EXPECT_THAT(error_message(moved), HasSubstr("copy"));
  // A member who neither created the task nor is responsible for it may not edit it.
  EXPECT_EQ(call("PUT", task_path(task), {{"title", "x"}}, member.auth()).status, 403);
  EXPECT_EQ(call("PUT", task_path(999999), {{"title", "x"}}, admin()).status, 404);
  EXPECT_EQ(task_full(task), before);
}

TEST_F(TaskChangesTest, ClosingClosesSubtasksAndAssignsAnUnassignedTask) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t task = create_task_id(project, {}, admin());
  create_subtask_id(task, {{"title", "one"}}, admin());
  create_subtask_id(task, {{"title", "two"}}, admin());
  const auto res = call("PUT", task_path(task, "/status"), {{"status", "closed"}}, member.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto full = res.json().at("response");
  EXPECT_EQ(full.at("status"), 2);
  for (const auto& subtask : full.at("subtasks").as_array())
    EXPECT_EQ(subtask.at("status"), 2);
  EXPECT_THAT(user_ids_of(full.at("responsibles")), ElementsAre(member.id));
  // Reopening by number leaves the subtasks closed.
  const auto reopened = call("PUT", task_path(task, "/status"), {{"status", 1}}, admin());
  EXPECT_EQ(reopened.json().at("response").at("status"), 1);
  EXPECT_EQ(reopened.json().at("response").at("subtasks").at(0).at("status"), 2);
  // The status of PUT task/{id} has the same consequences.
  const std::int64_t second = create_task_id(project, {}, admin());
  create_subtask_id(second, {}, admin());
  const auto via_put = call("PUT", task_path(second), {{"status", "Closed"}}, admin());
  EXPECT_EQ(via_put.json().at("response").at("subtasks").at(0).at("status"), 2);
}

TEST_F(TaskChangesTest, StatusRefusals) {
  const Person outsider = add_person();
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {}, admin());
  EXPECT_EQ(call("PUT", task_path(task, "/status"), nullptr, admin()).status, 400);
  EXPECT_EQ(call("PUT", task_path(task, "/status"), {{"status", "done"}}, admin()).status, 400);
  EXPECT_EQ(call("PUT", task_path(task, "/status"), {{"status", "closed"}}, outsider.auth()).status,
            403);
  EXPECT_EQ(call("PUT", task_path(999999, "/status"), {{"status", "closed"}}, admin()).status, 404);
  set_project_status(project, "closed");
  EXPECT_EQ(call("PUT", task_path(task, "/status"), {{"status", "closed"}}, admin()).status, 409);
  set_project_status(project, "open");
  EXPECT_EQ(task_full(task).at("status"), 1);
}

TEST_F(TaskChangesTest, BatchStatusAnswersTheChangedTasksAndTheRefusedIds) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t mine = create_task_id(project, {}, member.auth());
  const std::int64_t theirs = create_task_id(project, {{"responsibles", {admin_id()}}}, admin());
  const auto res =
      call("PUT", "task/status",
           {{"taskids", std::to_string(mine) + "," + std::to_string(theirs) + ",999999"},
            {"status", "closed"}},
           member.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto envelope = res.json().as_object();
  EXPECT_EQ(ids_of(envelope.at("response")), (std::vector<std::int64_t>{mine}));
  EXPECT_EQ(envelope.at("response").at(0).at("status"), 2);
  EXPECT_TRUE(envelope.at("response").at(0).as_object().contains("project"));  // full wrappers
  EXPECT_EQ(envelope.at("failed").as_array().size(), 2u);
  EXPECT_EQ(envelope.at("failed").at(0).at("statusCode"), 403);
  EXPECT_EQ(envelope.at("failed").at(1).at("statusCode"), 404);
  EXPECT_EQ(task_full(theirs).at("status"), 1);
  EXPECT_EQ(call("PUT", "task/status", {{"status", "closed"}}, admin()).status, 400);
}

TEST_F(TaskChangesTest, MilestoneEndpointsAttachAndDetach) {
  const std::int64_t project = make_project();
  const std::int64_t other = make_project();
  const std::int64_t milestone = insert_milestone(project, "M", "2026-05-01T00:00:00Z", admin_id());
  const std::int64_t foreign = insert_milestone(other, "F", "2026-05-01T00:00:00Z", admin_id());
  const std::int64_t task = create_task_id(project, {}, admin());
  const std::int64_t second = create_task_id(project, {}, admin());
  auto res = call("PUT", task_path(task, "/milestone"), {{"milestoneid", milestone}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at("milestone").at("title"), "M");
  EXPECT_EQ(call("PUT", task_path(task, "/milestone"), {{"milestoneid", -2}}, admin()).status, 400);
  EXPECT_EQ(call("PUT", task_path(task, "/milestone"), nullptr, admin()).status, 400);
  EXPECT_EQ(call("PUT", task_path(task, "/milestone"), {{"milestoneid", foreign}}, admin()).status,
            404);
  EXPECT_EQ(task_full(task).at("milestoneId"), milestone);
  res = call("PUT", task_path(task, "/milestone"), {{"milestoneid", 0}}, admin());
  EXPECT_FALSE(res.json().at("response").as_object().contains("milestoneId"));

  res = call("PUT", "task/milestone", {{"taskids", {task, second}}, {"milestoneid", milestone}},
             admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(ids_of(res.json().at("response")), (std::vector<std::int64_t>{task, second}));
  EXPECT_FALSE(res.json().as_object().contains("failed") &&
               !res.json().at("failed").as_array().empty());
  res = call("PUT", "task/milestone", {{"taskids", {task}}, {"milestoneid", foreign}}, admin());
  EXPECT_EQ(res.json().at("failed").at(0).at("message"), "Milestone not found");
  EXPECT_EQ(task_full(task).at("milestoneId"), milestone);
}

TEST_F(TaskChangesTest, CopyTakesWhatIsNotSentFromTheSource) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t target = make_project({}, "Target");
  const std::int64_t source = create_task_id(project,
                                             {{"title", "Source"},
                                              {"description", "Text"},
                                              {"priority", "high"},
                                              {"responsibles", {member.id}}},
                                             admin());
  create_subtask_id(source, {{"title", "Part"}, {"responsible", member.id}}, admin());
  EXPECT_EQ(call("POST", task_path(source, "/copy"), {{"copySubtasks", true}}, admin()).status,
            400);
  auto res = call("POST", task_path(source, "/copy"), {{"title", "Copy"}, {"copySubtasks", true}},
                  admin());
  ASSERT_EQ(res.status, 201) << res.body;
  auto copy = res.json().at("response").as_object();
  EXPECT_NE(copy.at("id"), source);
  EXPECT_EQ(copy.at("title"), "Copy");
  EXPECT_EQ(copy.at("description"), "Text");
  EXPECT_EQ(copy.at("priority"), 1);
  EXPECT_THAT(user_ids_of(copy.at("responsibles")), ElementsAre(member.id));
  ASSERT_EQ(copy.at("subtasks").as_array().size(), 1u);
  EXPECT_EQ(copy.at("subtasks").at(0).at("title"), "Part");
  EXPECT_EQ(copy.at("subtasks").at(0).at("taskId"), copy.at("id"));

  // Into another project the responsibles must be of its team.
  EXPECT_EQ(
      call("POST", task_path(source, "/copy"), {{"title", "Away"}, {"projectid", target}}, admin())
          .status,
      400);
  res = call("POST", task_path(source, "/copy"),
             {{"title", "Away"},
              {"projectid", target},
              {"responsibles", boost::json::array()},
              {"copySubtasks", true},
              {"removeOld", true}},
             admin());
  ASSERT_EQ(res.status, 201) << res.body;
  copy = res.json().at("response").as_object();
  EXPECT_EQ(copy.at("projectOwner").at("id"), target);
  EXPECT_FALSE(copy.at("subtasks").at(0).as_object().contains("responsible"));  // not in the team
  EXPECT_EQ(call("GET", task_path(source), nullptr, admin()).status, 404);      // removeOld
}

TEST_F(TaskChangesTest, CopyWithRemoveOldNeedsTheDeleteRight) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t source = create_task_id(project, {{"responsibles", {member.id}}}, admin());
  const auto res =
      call("POST", task_path(source, "/copy"),
           {{"title", "Copy"}, {"removeOld", true}, {"responsibles", {member.id}}}, member.auth());
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(get_ok("/api/2.0/project/task/filter?projectid=" + std::to_string(project), admin())
                .as_array()
                .size(),
            1u);
}

}  // namespace
}  // namespace projectd::test
