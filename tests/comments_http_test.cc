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

}  // namespace
}  // namespace projectd::test
