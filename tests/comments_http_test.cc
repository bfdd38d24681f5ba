// Comments on tasks: sanitised on write, listed flat, nested in TaskWrapperFull, with the rights
// of each role.
#include "project_test_support.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

class TaskCommentsTest : public ProjectSuite {
 protected:
  static void SetUpTestSuite() {
    ProjectSuite::SetUpTestSuite();
    client_ = new HttpClient(port());
    pm_ = new Person(add_person());
    outsider_ = new Person(add_person());
  }
  static void TearDownTestSuite() {
    delete client_;
    delete pm_;
    delete outsider_;
    ProjectSuite::TearDownTestSuite();
  }
  static HttpClient& client() { return *client_; }

  // A task in a project managed by pm_; private projects hide it from outsiders.
  static std::string make_task(bool is_private) {
    const auto project = create_project_id(
        {{"title", "Commented"}, {"responsibleId", pm_->id}, {"private", is_private}}, admin());
    const auto task = response_of(
        client().post_json(project_path(project, "/task"), {{"title", "Discuss me"}}, pm_->auth()),
        201);
    return "/api/2.0/project/task/" + std::to_string(task.at("id").as_int64());
  }

  static HttpClient* client_;
  static Person* pm_;
  static Person* outsider_;
};
HttpClient* TaskCommentsTest::client_ = nullptr;
Person* TaskCommentsTest::pm_ = nullptr;
Person* TaskCommentsTest::outsider_ = nullptr;

TEST_F(TaskCommentsTest, CommentsAreSanitisedAndShownInTheFullTask) {
  const std::string task = make_task(false);
  const auto added = response_of(client().post_json(task + "/comment",
                                                    {{"content",
                                                      "<b>Looks good</b><script>alert(1)</script>"
                                                      "<a href=\"javascript:alert(2)\">x</a>"}},
                                                    pm_->auth()),
                                 201);
  const std::string text(added.at("text").as_string());
  EXPECT_NE(text.find("<b>Looks good</b>"), std::string::npos) << text;
  EXPECT_EQ(text.find("script"), std::string::npos) << text;
  EXPECT_EQ(text.find("javascript"), std::string::npos) << text;
  const std::string id(added.at("id").as_string());

  const auto reply = response_of(
      client().post_json(task + "/comment", {{"content", "Thanks"}, {"parentid", id}}, pm_->auth()),
      201);
  EXPECT_EQ(std::string(reply.at("parentId").as_string()), id);

  const auto list = response_of(client().get(task + "/comment", pm_->auth()), 200);
  EXPECT_EQ(list.as_array().size(), 2u);
  const auto full = response_of(client().get(task, pm_->auth()), 200);
  EXPECT_EQ(full.at("commentsCount"), 2);
  const auto& threads = full.at("comments").as_array();
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(std::string(threads[0].at("commentID").as_string()), id);
  EXPECT_EQ(threads[0].at("commentList").as_array().size(), 1u);
}

TEST_F(TaskCommentsTest, RefusedCommentsChangeNothing) {
  const std::string task = make_task(true);
  EXPECT_EQ(client().post_json(task + "/comment", {{"content", ""}}, pm_->auth()).status, 400);
  EXPECT_EQ(client()
                .post_json(task + "/comment", {{"content", "<script>x</script>"}}, pm_->auth())
                .status,
            400);
  EXPECT_EQ(
      client()
          .post_json(task + "/comment",
                     {{"content", "hi"}, {"parentid", "00000000-0000-4000-8000-000000000001"}},
                     pm_->auth())
          .status,
      404);
  EXPECT_EQ(client().post_json(task + "/comment", {{"content", "hi"}}, outsider_->auth()).status,
            404);
  EXPECT_EQ(client().get(task + "/comment", outsider_->auth()).status, 404);
  EXPECT_EQ(response_of(client().get(task, pm_->auth()), 200).at("commentsCount"), 0);
}

// POST project/comment: the web front end's add, by type and id, answering CommentInfo.
TEST_F(TaskCommentsTest, GenericAddCommentsOnATaskOrADiscussion) {
  const std::string task = make_task(false);
  const std::int64_t task_id = std::stoll(task.substr(task.rfind('/') + 1));
  auto res = client().post_json(
      "/api/2.0/project/comment",
      {{"type", "Task"}, {"entityid", task_id}, {"content", "<i>Generic</i><script>x</script>"}},
      pm_->auth());
  const auto info = response_of(res, 201).as_object();
  EXPECT_EQ(info.at("commentBody"), "<i>Generic</i>");
  EXPECT_EQ(info.at("userID"), pm_->id.c_str());
  EXPECT_EQ(info.at("isEditPermissions"), true);
  EXPECT_EQ(info.at("isResponsePermissions"), true);
  const std::string parent(info.at("commentID").as_string());
  res = client().post_json(
      "/api/2.0/project/comment",
      {{"type", "task"}, {"entityid", task_id}, {"content", "Reply"}, {"parentcommentid", parent}},
      pm_->auth());
  response_of(res, 201);
  const auto full = response_of(client().get(task, pm_->auth()), 200);
  ASSERT_EQ(full.at("comments").as_array().size(), 1u);
  EXPECT_EQ(full.at("comments").as_array()[0].at("commentList").as_array().size(), 1u);
  // A discussion by type "message".
  const auto project =
      create_project_id({{"title", "Generic"}, {"responsibleId", pm_->id}}, admin());
  const auto message =
      response_of(client().post_json(project_path(project, "/message"),
                                     {{"title", "T"}, {"content", "c"}}, pm_->auth()),
                  201)
          .at("id")
          .as_int64();
  response_of(client().post_json("/api/2.0/project/comment",
                                 {{"type", "message"}, {"entityid", message}, {"content", "On it"}},
                                 pm_->auth()),
              201);
  EXPECT_EQ(
      response_of(client().get("/api/2.0/project/message/" + std::to_string(message) + "/comment",
                               pm_->auth()),
                  200)
          .as_array()
          .size(),
      1u);
  // Refusals: a bad type, no id, no content, a hidden task, no credentials; nothing is added.
  const auto bad = [&](boost::json::object body, const Headers& auth) {
    return client().post_json("/api/2.0/project/comment", body, auth).status;
  };
  EXPECT_EQ(bad({{"type", "milestone"}, {"entityid", task_id}, {"content", "x"}}, pm_->auth()),
            400);
  EXPECT_EQ(bad({{"entityid", task_id}, {"content", "x"}}, pm_->auth()), 400);
  EXPECT_EQ(bad({{"type", "task"}, {"content", "x"}}, pm_->auth()), 400);
  EXPECT_EQ(bad({{"type", "task"}, {"entityid", task_id}, {"content", ""}}, pm_->auth()), 400);
  const std::string hidden = make_task(true);
  const std::int64_t hidden_id = std::stoll(hidden.substr(hidden.rfind('/') + 1));
  EXPECT_EQ(bad({{"type", "task"}, {"entityid", hidden_id}, {"content", "x"}}, outsider_->auth()),
            404);
  EXPECT_EQ(bad({{"type", "task"}, {"entityid", task_id}, {"content", "x"}}, {}), 401);
  EXPECT_EQ(response_of(client().get(task + "/comment", pm_->auth()), 200).as_array().size(), 2u);
  res = client().post_json("/api/2.0/project/comment.xml",
                           {{"type", "task"}, {"entityid", task_id}, {"content", "Xml"}},
                           pm_->auth());
  EXPECT_NE(res.body.find("<commentBody>Xml</commentBody>"), std::string::npos) << res.body;
}

TEST_F(TaskCommentsTest, PreviewAnswersCommentInfoAndStoresNothing) {
  const std::string task = make_task(false);
  auto info = response_of(
      client().post_json("/api/2.0/project/comment/preview",
                         {{"htmltext", "<p>Soon<script>x</script></p>"}}, outsider_->auth()),
      201);
  EXPECT_EQ(info.at("commentBody"), "<p>Soon</p>");
  EXPECT_EQ(info.at("commentID"), "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(info.at("userID"), outsider_->id.c_str());
  const auto added =
      response_of(client().post_json(task + "/comment", {{"content", "Before"}}, pm_->auth()), 201);
  const std::string id(added.at("id").as_string());
  info = response_of(
      client().post_json("/api/2.0/project/comment/preview",
                         {{"htmltext", "<b>After</b>"}, {"commentid", id}}, pm_->auth()),
      201);
  EXPECT_EQ(info.at("commentID"), id.c_str());
  EXPECT_EQ(info.at("commentBody"), "<b>After</b>");
  EXPECT_EQ(response_of(client().get(task + "/comment", pm_->auth()), 200).as_array()[0].at("text"),
            "Before");
  const std::string hidden = make_task(true);
  const auto secret = response_of(
      client().post_json(hidden + "/comment", {{"content", "Secret"}}, pm_->auth()), 201);
  EXPECT_EQ(client()
                .post_json("/api/2.0/project/comment/preview",
                           {{"htmltext", "x"}, {"commentid", secret.at("id")}}, outsider_->auth())
                .status,
            404);
  EXPECT_EQ(client().post_json("/api/2.0/project/comment/preview", {{"htmltext", "x"}}, {}).status,
            401);
}

}  // namespace
}  // namespace projectd::test
