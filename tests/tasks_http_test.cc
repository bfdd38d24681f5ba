// api/2.0/project: creating, reading, changing, copying and deleting tasks, with every refusal
// and the proof that a refused request changes nothing.
#include "task_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class TasksTest : public TaskSuite {};

const std::vector<std::string> kTaskKeys = {"canEdit",
                                            "canCreateSubtask",
                                            "canCreateTimeSpend",
                                            "canDelete",
                                            "canReadFiles",
                                            "startDate",
                                            "id",
                                            "title",
                                            "description",
                                            "deadline",
                                            "priority",
                                            "milestoneId",
                                            "projectOwner",
                                            "status",
                                            "subtasks",
                                            "created",
                                            "createdBy",
                                            "updated",
                                            "responsibles",
                                            "milestone"};

TEST_F(TasksTest, CreateAnswersTheTaskWrapperInTheOriginalOrder) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id}, "Apollo");
  const std::int64_t milestone =
      insert_milestone(project, "Launch", "2026-05-01T12:00:00Z", admin_id());
  HttpClient client(port());
  const auto res = call("POST", std::to_string(project) + "/task",
                        {{"title", "Build the rocket"},
                         {"description", "All stages"},
                         {"deadline", "2026-04-01T10:00:00Z"},
                         {"startDate", "2026-03-01"},
                         {"priority", "High"},
                         {"milestoneid", milestone},
                         {"responsibles", {admin_id(), member.id, member.id}},
                         {"notify", true}},
                        admin());
  ASSERT_EQ(res.status, 201) << res.body;
  const auto envelope = res.json().as_object();
  EXPECT_EQ(envelope.at("statusCode"), 201);
  EXPECT_EQ(envelope.at("count"), 1);
  const auto& task = envelope.at("response").as_object();
  EXPECT_EQ(keys_of(task), kTaskKeys);
  EXPECT_EQ(task.at("title"), "Build the rocket");
  EXPECT_EQ(task.at("description"), "All stages");
  EXPECT_EQ(task.at("deadline"), "2026-04-01T10:00:00.0000000Z");
  EXPECT_EQ(task.at("startDate"), "2026-03-01T00:00:00.0000000Z");
  EXPECT_EQ(task.at("priority"), 1);
  EXPECT_EQ(task.at("milestoneId"), milestone);
  EXPECT_EQ(task.at("projectOwner"),
            (boost::json::object{
                {"id", project}, {"title", "Apollo"}, {"status", 0}, {"isPrivate", false}}));
  EXPECT_EQ(task.at("status"), 1);
  EXPECT_EQ(task.at("subtasks"), boost::json::array());
  EXPECT_EQ(task.at("createdBy").at("id"), boost::json::value(admin_id()));
  EXPECT_EQ(task.at("created"), task.at("updated"));
  // Deduplicated, sorted by display name: "Person p..." before "Portal Administrator".
  EXPECT_THAT(user_ids_of(task.at("responsibles")), ElementsAre(member.id, admin_id()));
  EXPECT_EQ(
      task.at("milestone"),
      (boost::json::object{
          {"id", milestone}, {"title", "Launch"}, {"deadline", "2026-05-01T12:00:00.0000000Z"}}));
  for (const char* flag :
       {"canEdit", "canCreateSubtask", "canCreateTimeSpend", "canDelete", "canReadFiles"})
    EXPECT_EQ(task.at(flag), true) << flag;
}

TEST_F(TasksTest, CreateLeavesOutWhatIsNotSetAndTakesPriorityNumbers) {
  const std::int64_t project = make_project();
  const auto task = create_task(project, {{"title", "Bare"}, {"priority", "-1"}}, admin());
  EXPECT_EQ(keys_of(task),
            (std::vector<std::string>{"canEdit", "canCreateSubtask", "canCreateTimeSpend",
                                      "canDelete", "canReadFiles", "id", "title", "description",
                                      "priority", "projectOwner", "status", "subtasks", "created",
                                      "createdBy", "updated", "responsibles"}));
  EXPECT_EQ(task.at("description"), nullptr);
  EXPECT_EQ(task.at("priority"), -1);
  EXPECT_EQ(task.at("responsibles"), boost::json::array());
}

// Issue 15: a Go client's struct without JSON tags sends every member, capitalised, keys that
// POST {projectid}/task does not take among them. The original ignores them; so does projectd.
TEST_F(TasksTest, CreateIgnoresWhatItDoesNotTakeAsAWholeGoStructSendsIt) {
  const std::int64_t project = make_project();
  const std::int64_t other = make_project({}, "Elsewhere");
  const auto task = create_task(project,
                                {{"Title", "From Go"},
                                 {"Description", "d"},
                                 {"Status", 0},
                                 {"ProjectId", other},
                                 {"ProjectID", other},
                                 {"Notify", false},
                                 {"Priority", 1},
                                 {"Id", 0},
                                 {"Subtasks", nullptr},
                                 {"Responsibles", boost::json::array()}},
                                admin());
  EXPECT_EQ(task.at("title"), "From Go");
  EXPECT_EQ(task.at("description"), "d");
  EXPECT_EQ(task.at("priority"), 1);
  EXPECT_EQ(task.at("status"), 1);  // open, whatever was sent
  const boost::json::object full = task_full(task.at("id").as_int64());
  EXPECT_EQ(full.at("projectOwner").at("id"), project);
  // A closed status sent on creation does not close the new task either.
  const auto closed = create_task(project, {{"title", "t"}, {"status", "closed"}}, admin());
  EXPECT_EQ(closed.at("status"), 1);
}

TEST_F(TasksTest, CreateRefusesBadInputAndStoresNothing) {
  const Person member = add_person();
  const Person outsider = add_person();
  const Person guest = add_person(true);
  const std::int64_t project = make_project({member.id, guest.id});
  const std::int64_t other = make_project();
  const std::int64_t foreign_milestone =
      insert_milestone(other, "Elsewhere", "2026-05-01T12:00:00Z", admin_id());
  const std::string path = std::to_string(project) + "/task";
  const auto no_title = call("POST", path, {{"description", "x"}}, admin());
  EXPECT_EQ(no_title.status, 400);
  EXPECT_EQ(error_message(no_title), "title can't be empty");
  EXPECT_EQ(call("POST", path, {{"title", ""}}, admin()).status, 400);
  EXPECT_EQ(call("POST", "999999/task", {{"title", "x"}}, admin()).status, 404);
  const auto milestone =
      call("POST", path, {{"title", "x"}, {"milestoneid", foreign_milestone}}, admin());
  EXPECT_EQ(milestone.status, 404);
  EXPECT_EQ(error_message(milestone), "Milestone not found");
  const auto stranger =
      call("POST", path, {{"title", "x"}, {"responsibles", {outsider.id}}}, admin());
  EXPECT_EQ(stranger.status, 400);
  EXPECT_THAT(error_message(stranger), HasSubstr("team"));
  EXPECT_EQ(stranger.json().at("error").at("data").at("ids"), (boost::json::array{outsider.id}));
  const auto guest_responsible =
      call("POST", path, {{"title", "x"}, {"responsibles", {guest.id}}}, admin());
  EXPECT_EQ(guest_responsible.status, 400);
  EXPECT_EQ(error_message(guest_responsible), "A guest cannot be appointed as responsible");
  EXPECT_EQ(call("POST", path, {{"title", "x"}, {"responsibles", "not-a-guid"}}, admin()).status,
            400);
  EXPECT_EQ(call("POST", path, {{"title", "x"}}, outsider.auth()).status, 403);
  EXPECT_EQ(call("POST", path, {{"title", "x"}}, guest.auth()).status, 403);
  EXPECT_EQ(get_ok("/api/2.0/project/task/filter?projectid=" + std::to_string(project), admin()),
            boost::json::array());
  // A member may add tasks.
  EXPECT_EQ(create_task(project, {{"title", "by member"}}, member.auth()).at("createdBy").at("id"),
            boost::json::value(member.id));
}

TEST_F(TasksTest, ClosedAndPrivateProjectsRefuseInTheRightOrder) {
  const Person outsider = add_person();
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {}, admin());
  set_project_status(project, "closed");
  const auto closed = call("POST", std::to_string(project) + "/task", {{"title", "x"}}, admin());
  EXPECT_EQ(closed.status, 409);
  EXPECT_THAT(error_message(closed), HasSubstr("reopen"));
  // 409 comes before 403: an outsider of a closed public project hears about the closure.
  EXPECT_EQ(call("PUT", task_path(task), {{"title", "y"}}, outsider.auth()).status, 409);
  EXPECT_EQ(task_full(task).at("title"), "Task");
  EXPECT_EQ(task_full(task).at("canEdit"), false);
  set_project_status(project, "open");

  const std::int64_t secret = create_project_id(
      {{"title", "Secret"}, {"responsibleId", admin_id()}, {"private", true}}, admin());
  const std::int64_t hidden = create_task_id(secret, {}, admin());
  const auto unreadable = call("GET", task_path(hidden), nullptr, outsider.auth());
  EXPECT_EQ(unreadable.status, 404);
  EXPECT_EQ(error_message(unreadable), "Item not found");
  EXPECT_EQ(call("PUT", task_path(hidden), {{"title", "x"}}, outsider.auth()).status, 404);
  EXPECT_EQ(call("DELETE", task_path(hidden), nullptr, outsider.auth()).status, 404);
  EXPECT_EQ(
      call("POST", std::to_string(secret) + "/task", {{"title", "x"}}, outsider.auth()).status,
      404);
}

TEST_F(TasksTest, GetAnswersTaskWrapperFullWithItsMembersFirst) {
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {{"description", "d"}}, admin());
  const auto res = call("GET", task_path(task), nullptr, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_THAT(res.body, HasSubstr("\"timeSpend\":0.0,\"canEdit\":true"));
  const auto full = res.json().at("response").as_object();
  const std::vector<std::string> keys = keys_of(full);
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 9),
            (std::vector<std::string>{"files", "comments", "commentsCount", "isSubscribed",
                                      "canEditFiles", "canCreateComment", "project", "timeSpend",
                                      "canEdit"}));
  EXPECT_EQ(full.at("files"), boost::json::array());
  EXPECT_EQ(full.at("comments"), boost::json::array());
  EXPECT_EQ(full.at("commentsCount"), 0);
  EXPECT_EQ(full.at("isSubscribed"), true);  // the creator follows the task
  EXPECT_EQ(full.at("canEditFiles"), true);
  EXPECT_EQ(full.at("canCreateComment"), true);
  EXPECT_EQ(full.at("project").at("id"), project);
  EXPECT_EQ(full.at("project").at("responsible").at("id"), boost::json::value(admin_id()));
  EXPECT_EQ(full.at("id"), task);
  EXPECT_EQ(call("GET", task_path(999999), nullptr, admin()).status, 404);
}

TEST_F(TasksTest, TheXmlFormHasTheSameMembers) {
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {{"title", "X & Y"}}, admin());
  const auto res = call("GET", task_path(task) + ".xml", nullptr, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_THAT(res.header("content-type"), HasSubstr("text/xml"));
  EXPECT_THAT(res.body, HasSubstr("<result><count>1</count><status>0</status>"
                                  "<statusCode>200</statusCode><response><commentsCount>0"
                                  "</commentsCount><isSubscribed>true</isSubscribed>"));
  EXPECT_THAT(res.body, HasSubstr("<timeSpend>0</timeSpend><canEdit>true</canEdit>"));
  EXPECT_THAT(res.body, HasSubstr("<title>X &amp; Y</title><description />"));
  EXPECT_THAT(res.body, HasSubstr("<projectOwner><id>" + std::to_string(project) + "</id>"));
}

TEST_F(TasksTest, SimpleModeNamesPeopleByIdOnly) {
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {{"responsibles", {admin_id()}}}, admin());
  const auto res =
      call("GET", "task?taskid=" + std::to_string(task) + "&simple=true", nullptr, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto item = res.json().at("response").at(0).as_object();
  const std::vector<std::string> keys = keys_of(item);
  EXPECT_EQ(std::vector<std::string>(keys.end() - 6, keys.end()),
            (std::vector<std::string>{"updatedById", "created", "createdById", "updated",
                                      "responsibles", "responsibleIds"}));
  EXPECT_EQ(item.at("responsibles"), nullptr);
  EXPECT_EQ(item.at("responsibleIds"), (boost::json::array{admin_id()}));
  EXPECT_EQ(item.at("createdById"), boost::json::value(admin_id()));
}

TEST_F(TasksTest, SubscribeTogglesAndNotifyAnswersTheTask) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t task = create_task_id(project, {{"responsibles", {member.id}}}, admin());
  const auto subscribed = [&](const Person& who) {
    return call("GET", task_path(task, "/subscribe"), nullptr, who.auth()).json().at("response");
  };
  EXPECT_EQ(subscribed(member), true);  // responsibles follow their task
  const Person other = add_person();
  EXPECT_EQ(subscribed(other), false);
  const auto toggled = call("PUT", task_path(task, "/subscribe"), nullptr, other.auth());
  ASSERT_EQ(toggled.status, 200) << toggled.body;
  EXPECT_EQ(toggled.json().at("response").at("id"), task);
  EXPECT_EQ(subscribed(other), true);
  call("PUT", task_path(task, "/subscribe"), nullptr, other.auth());
  EXPECT_EQ(subscribed(other), false);
  const auto notify = call("GET", task_path(task, "/notify"), nullptr, admin());
  EXPECT_EQ(notify.status, 200);
  EXPECT_EQ(notify.json().at("response").at("id"), task);
  EXPECT_EQ(call("GET", task_path(999999, "/notify"), nullptr, admin()).status, 404);
}

TEST_F(TasksTest, DeleteNeedsTheDeleteRightAndAnswersTheDeletedTask) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t task = create_task_id(project, {{"responsibles", {member.id}}}, admin());
  create_subtask_id(task, {}, admin());
  // A responsible may edit the task but only its creator or the manager may delete it.
  EXPECT_EQ(call("DELETE", task_path(task), nullptr, member.auth()).status, 403);
  const auto deleted = call("DELETE", task_path(task), nullptr, admin());
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json().at("response").at("id"), task);
  EXPECT_EQ(deleted.json().at("response").at("subtasks").as_array().size(), 1u);
  EXPECT_EQ(call("GET", task_path(task), nullptr, admin()).status, 404);
  EXPECT_EQ(call("DELETE", task_path(task), nullptr, admin()).status, 404);
}

TEST_F(TasksTest, BatchDeleteReportsTheRefusedIds) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t mine = create_task_id(project, {}, member.auth());
  const std::int64_t theirs = create_task_id(project, {{"responsibles", {admin_id()}}}, admin());
  const auto res =
      call("DELETE", "task", {{"taskids", {mine, theirs, 999999, mine}}}, member.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto envelope = res.json().as_object();
  EXPECT_EQ(ids_of(envelope.at("response")), (std::vector<std::int64_t>{mine}));
  EXPECT_EQ(
      envelope.at("failed"),
      (boost::json::array{{{"id", theirs}, {"statusCode", 403}, {"message", "Access denied."}},
                          {{"id", 999999}, {"statusCode", 404}, {"message", "Item not found"}}}));
  EXPECT_EQ(call("GET", task_path(theirs), nullptr, admin()).status, 200);
  EXPECT_EQ(call("GET", task_path(mine), nullptr, admin()).status, 404);
  EXPECT_EQ(call("DELETE", "task", nullptr, admin()).status, 400);
}

}  // namespace
}  // namespace projectd::test
