// api/2.0/project/task/{taskid}/...: subtasks, with every refusal and the proof that refused
// requests change nothing.
#include "task_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::HasSubstr;

class SubtasksTest : public TaskSuite {
 protected:
  // The subtasks of a task as GET task/{id} shows them.
  static boost::json::array subtasks_of(std::int64_t task) {
    return task_full(task).at("subtasks").as_array();
  }
};

TEST_F(SubtasksTest, CreateAnswersTheSubtaskWrapper) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t task = create_task_id(project, {}, admin());
  const auto res =
      call("POST", task_path(task), {{"title", "Wire it"}, {"responsible", member.id}}, admin());
  ASSERT_EQ(res.status, 201) << res.body;
  const auto subtask = res.json().at("response").as_object();
  EXPECT_EQ(keys_of(subtask),
            (std::vector<std::string>{"canEdit", "taskId", "id", "title", "description", "status",
                                      "responsible", "created", "createdBy", "updated"}));
  EXPECT_EQ(subtask.at("canEdit"), true);
  EXPECT_EQ(subtask.at("taskId"), task);
  EXPECT_EQ(subtask.at("title"), "Wire it");
  EXPECT_EQ(subtask.at("description"), nullptr);
  EXPECT_EQ(subtask.at("status"), 1);
  EXPECT_EQ(subtask.at("responsible").at("id"), boost::json::value(member.id));
  EXPECT_EQ(subtask.at("createdBy").at("id"), boost::json::value(admin_id()));
  EXPECT_EQ(subtasks_of(task).at(0), subtask);
  // Without a responsible the member is left out.
  const auto bare = call("POST", task_path(task), {{"title", "Bare"}}, member.auth());
  ASSERT_EQ(bare.status, 201) << bare.body;
  EXPECT_FALSE(bare.json().at("response").as_object().contains("responsible"));
}

TEST_F(SubtasksTest, CreateRefusals) {
  const Person member = add_person();
  const Person guest = add_person(true);
  const Person outsider = add_person();
  const std::int64_t project = make_project({member.id, guest.id});
  const std::int64_t task = create_task_id(project, {{"responsibles", {admin_id()}}}, admin());
  EXPECT_EQ(call("POST", task_path(task), {{"title", ""}}, admin()).status, 400);
  const auto to_guest =
      call("POST", task_path(task), {{"title", "x"}, {"responsible", guest.id}}, admin());
  EXPECT_EQ(to_guest.status, 400);
  EXPECT_EQ(error_message(to_guest), "A guest cannot be appointed as responsible");
  EXPECT_EQ(
      call("POST", task_path(task), {{"title", "x"}, {"responsible", outsider.id}}, admin()).status,
      400);
  // A member who neither created the task nor is responsible for it cannot add subtasks.
  EXPECT_EQ(call("POST", task_path(task), {{"title", "x"}}, member.auth()).status, 403);
  EXPECT_EQ(call("POST", task_path(999999), {{"title", "x"}}, admin()).status, 404);
  call("PUT", task_path(task, "/status"), {{"status", "closed"}}, admin());
  const auto closed = call("POST", task_path(task), {{"title", "x"}}, admin());
  EXPECT_EQ(closed.status, 409);
  EXPECT_THAT(error_message(closed), HasSubstr("reopen"));
  call("PUT", task_path(task, "/status"), {{"status", "open"}}, admin());
  set_project_status(project, "closed");
  EXPECT_EQ(call("POST", task_path(task), {{"title", "x"}}, admin()).status, 409);
  set_project_status(project, "open");
  EXPECT_EQ(subtasks_of(task), boost::json::array());
}

TEST_F(SubtasksTest, UpdateKeepsWhatIsNotSentAndShowsWhoChangedIt) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t task = create_task_id(project, {}, admin());
  const std::int64_t other_task = create_task_id(project, {}, admin());
  const std::int64_t subtask =
      create_subtask_id(task, {{"title", "Old"}, {"responsible", member.id}}, admin());
  const std::string path = task_path(task, "/" + std::to_string(subtask));
  auto res = call("PUT", path, {{"title", "New"}}, member.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at("title"), "New");
  EXPECT_EQ(res.json().at("response").at("responsible").at("id"), boost::json::value(member.id));
  EXPECT_EQ(res.json().at("response").at("updatedBy").at("id"), boost::json::value(member.id));
  res = call("PUT", path, {{"responsible", ""}}, admin());
  EXPECT_FALSE(res.json().at("response").as_object().contains("responsible"));
  EXPECT_EQ(res.json().at("response").at("title"), "New");

  const auto before = subtasks_of(task);
  EXPECT_EQ(call("PUT", path, {{"title", ""}}, admin()).status, 400);
  EXPECT_EQ(
      call("PUT", task_path(other_task, "/" + std::to_string(subtask)), {{"title", "x"}}, admin())
          .status,
      404);
  EXPECT_EQ(call("PUT", task_path(task, "/999999"), {{"title", "x"}}, admin()).status, 404);
  EXPECT_EQ(subtasks_of(task), before);
}

TEST_F(SubtasksTest, StatusChangesAndAClosedTaskFreezesItsSubtasks) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t task = create_task_id(project, {}, admin());
  const std::int64_t subtask = create_subtask_id(task, {}, admin());
  const std::string path = task_path(task, "/" + std::to_string(subtask));
  EXPECT_EQ(call("PUT", path + "/status", nullptr, admin()).status, 400);
  const auto closed = call("PUT", path + "/status", {{"status", "closed"}}, member.auth());
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json().at("response").at("status"), 2);
  // Closing an unassigned subtask makes the closer its responsible.
  EXPECT_EQ(closed.json().at("response").at("responsible").at("id"), boost::json::value(member.id));
  EXPECT_EQ(call("PUT", path + "/status", {{"status", "open"}}, admin()).status, 200);

  call("PUT", task_path(task, "/status"), {{"status", "closed"}}, admin());
  const auto full = task_full(task);
  EXPECT_EQ(full.at("subtasks").at(0).at("status"), 2);  // closing the task closed it
  // The flags say what the refusals below say.
  EXPECT_EQ(full.at("canCreateSubtask"), false);
  EXPECT_EQ(full.at("subtasks").at(0).at("canEdit"), false);
  EXPECT_EQ(call("PUT", path + "/status", {{"status", "open"}}, admin()).status, 409);
  EXPECT_EQ(call("PUT", path, {{"title", "x"}}, admin()).status, 409);
  EXPECT_EQ(call("DELETE", path, nullptr, admin()).status, 409);
  EXPECT_EQ(subtasks_of(task).size(), 1u);
}

TEST_F(SubtasksTest, DeleteAndCopy) {
  const Person member = add_person();
  const Person outsider = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t task = create_task_id(project, {}, admin());
  const std::int64_t subtask =
      create_subtask_id(task, {{"title", "Twin"}, {"responsible", member.id}}, admin());
  const std::string path = task_path(task, "/" + std::to_string(subtask));
  EXPECT_EQ(call("DELETE", path, nullptr, outsider.auth()).status, 403);
  const auto copy = call("POST", path + "/copy", nullptr, admin());
  ASSERT_EQ(copy.status, 201) << copy.body;
  EXPECT_NE(copy.json().at("response").at("id"), subtask);
  EXPECT_EQ(copy.json().at("response").at("title"), "Twin");
  EXPECT_EQ(copy.json().at("response").at("responsible").at("id"), boost::json::value(member.id));
  const auto deleted = call("DELETE", path, nullptr, admin());
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json().at("response").at("id"), subtask);
  EXPECT_EQ(subtasks_of(task).size(), 1u);
  EXPECT_EQ(call("DELETE", path, nullptr, admin()).status, 404);
}

TEST_F(SubtasksTest, MoveToAnotherTask) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t from = create_task_id(project, {}, admin());
  const std::int64_t to = create_task_id(project, {}, admin());
  const std::int64_t locked = create_task_id(project, {{"responsibles", {admin_id()}}}, admin());
  const std::int64_t subtask = create_subtask_id(from, {{"title", "Mover"}}, admin());
  const std::string sub = "/" + std::to_string(subtask) + "/move";
  // The member may edit the subtask but may not add subtasks to a task of someone else.
  EXPECT_EQ(call("PUT", task_path(locked, sub), nullptr, member.auth()).status, 403);
  const auto moved = call("PUT", task_path(to, sub), nullptr, member.auth());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json().at("response").at("taskId"), to);
  EXPECT_EQ(task_full(from).at("subtasks"), boost::json::array());
  EXPECT_EQ(task_full(to).at("subtasks").at(0).at("title"), "Mover");
  call("PUT", task_path(from, "/status"), {{"status", "closed"}}, admin());
  EXPECT_EQ(call("PUT", task_path(from, sub), nullptr, admin()).status, 409);  // closed target
  call("PUT", task_path(to, "/" + std::to_string(subtask) + "/status"), {{"status", "closed"}},
       admin());
  const auto closed = call("PUT", task_path(locked, sub), nullptr, admin());
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(call("PUT", task_path(to, "/999999/move"), nullptr, admin()).status, 404);
}

}  // namespace
}  // namespace projectd::test
