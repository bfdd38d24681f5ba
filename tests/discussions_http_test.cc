// api/2.0/project discussions and their comments: wrappers, rights of each role, closed and
// private projects, team security, sanitised HTML, and refused calls that change nothing.
#include "project_test_support.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

namespace json = boost::json;

class DiscussionsTest : public ProjectSuite {
 protected:
  static void SetUpTestSuite() {
    ProjectSuite::SetUpTestSuite();
    client_ = new HttpClient(port());
    roles_ = new std::vector<Person>{add_person(), add_person(), add_person(), add_person(true)};
  }
  static void TearDownTestSuite() {
    delete client_;
    delete roles_;
    ProjectSuite::TearDownTestSuite();
  }
  static HttpClient& client() { return *client_; }
  static const Person& pm() { return (*roles_)[0]; }
  static const Person& member() { return (*roles_)[1]; }
  static const Person& outsider() { return (*roles_)[2]; }
  static const Person& guest() { return (*roles_)[3]; }

  static std::int64_t project(bool is_private = false) {
    return create_project_id(
        {{"title", "Forum"},
         {"responsibleId", pm().id},
         {"private", is_private},
         {"participants", json::array{json::string(member().id), json::string(guest().id)}}},
        admin());
  }
  static HttpResponse post(std::int64_t project, const Person& as, json::object body) {
    return client().post_json(project_path(project, "/message"), body, as.auth());
  }
  static std::int64_t discuss(std::int64_t project, const Person& as = pm()) {
    auto m = response_of(post(project, as, {{"title", "Plan"}, {"content", "<p>Let us</p>"}}), 201);
    return m.is_object() ? m.at("id").as_int64() : 0;
  }
  static std::string path(std::int64_t id, const std::string& rest = "") {
    return "/api/2.0/project/message/" + std::to_string(id) + rest;
  }
  static std::int64_t count_in(std::int64_t project) {
    return static_cast<std::int64_t>(
        get_ok(project_path(project, "/message"), admin()).as_array().size());
  }

  static HttpClient* client_;
  static std::vector<Person>* roles_;
};
HttpClient* DiscussionsTest::client_ = nullptr;
std::vector<Person>* DiscussionsTest::roles_ = nullptr;

TEST_F(DiscussionsTest, CreateAnswersTheWrapperWithSanitisedText) {
  const auto id = project();
  const auto res =
      post(id, member(),
           {{"title", "Release"},
            {"content", "<p onclick=\"x()\">Go <script>alert(1)</script><b>now</b></p>"},
            {"participants", json::array{json::string(pm().id)}},
            {"notify", true}});
  const auto m = response_of(res, 201).as_object();
  EXPECT_EQ(keys_of(m),
            (std::vector<std::string>{"canCreateComment", "canEdit", "id", "title", "description",
                                      "projectOwner", "commentsCount", "text", "status", "created",
                                      "createdBy", "updated"}));
  EXPECT_EQ(m.at("canCreateComment"), true);
  EXPECT_EQ(m.at("canEdit"), true);  // the author
  EXPECT_EQ(m.at("title"), "Release");
  EXPECT_TRUE(m.at("description").is_null());
  EXPECT_EQ(m.at("projectOwner").at("id"), id);
  EXPECT_EQ(m.at("commentsCount"), 0);
  EXPECT_EQ(m.at("text"), "<p>Go <b>now</b></p>");
  EXPECT_EQ(m.at("status"), 0);
  EXPECT_EQ(string_or_empty(m.at("createdBy").at("id")), member().id);
  EXPECT_EQ(m.at("created"), m.at("updated"));
  EXPECT_EQ(get_ok(project_path(id), admin()).at("discussionCount"), 1);
}

TEST_F(DiscussionsTest, RefusedCreatesChangeNothing) {
  const auto id = project();
  const auto priv = project(true);
  EXPECT_EQ(post(id, pm(), {{"content", "x"}}).status, 400);
  EXPECT_EQ(post(id, pm(), {{"title", "t"}}).status, 400);
  EXPECT_EQ(post(id, pm(), {{"title", "t"}, {"content", "<script>x</script>"}}).status, 400);
  EXPECT_EQ(post(id, pm(),
                 {{"title", "t"},
                  {"content", "c"},
                  {"participants", json::array{"5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c"}}})
                .status,
            400);
  EXPECT_EQ(post(id, guest(), {{"title", "t"}, {"content", "c"}}).status, 403);
  EXPECT_EQ(post(priv, outsider(), {{"title", "t"}, {"content", "c"}}).status, 404);
  EXPECT_EQ(post(999999, pm(), {{"title", "t"}, {"content", "c"}}).status, 404);
  response_of(client().put_json(project_path(id, "/status"), {{"status", "closed"}}, admin()), 200);
  EXPECT_EQ(post(id, pm(), {{"title", "t"}, {"content", "c"}}).status, 409);
  EXPECT_EQ(count_in(id), 0);
  EXPECT_EQ(count_in(priv), 0);
}

TEST_F(DiscussionsTest, ListsArePagedNewestFirstAndHideUnreadableProjects) {
  const auto open = project();
  const auto priv = project(true);
  const auto first = discuss(open);
  const auto second = discuss(open);
  const auto hidden = discuss(priv);
  EXPECT_EQ(ids_of(get_ok(project_path(open, "/message"), member().auth())),
            (std::vector<std::int64_t>{second, first}));
  const auto page =
      client().get("/api/2.0/project/message?count=1&startIndex=0", outsider().auth());
  ASSERT_EQ(page.status, 200) << page.body;
  const auto all_seen = ids_of(get_ok("/api/2.0/project/message", outsider().auth()));
  EXPECT_EQ(std::count(all_seen.begin(), all_seen.end(), hidden), 0);
  EXPECT_EQ(page.json().at("total"), static_cast<std::int64_t>(all_seen.size()));
  EXPECT_EQ(client().get(project_path(priv, "/message"), outsider().auth()).status, 404);
  EXPECT_EQ(client().get(path(hidden), outsider().auth()).status, 404);
}

TEST_F(DiscussionsTest, TeamSecurityHidesDiscussionsFromAMember) {
  const auto priv = project(true);
  const auto id = discuss(priv);
  response_of(client().put_json(
                  project_path(priv, "/team/security"),
                  {{"userId", member().id}, {"security", "Messages"}, {"visible", false}}, admin()),
              200);
  EXPECT_EQ(client().get(path(id), member().auth()).status, 404);
  EXPECT_EQ(client().get(path(id, "/comment"), member().auth()).status, 404);
  EXPECT_EQ(client().get(project_path(priv, "/message"), member().auth()).status, 404);
  const auto all = ids_of(get_ok("/api/2.0/project/message", member().auth()));
  EXPECT_EQ(std::count(all.begin(), all.end(), id), 0);
  EXPECT_EQ(client().get(path(id), pm().auth()).status, 200);
}

// Found by the authorization matrix: making a task of a discussion checked the task right before
// reading the discussion, so a member denied both modules got 403 for a discussion hidden from
// them.
TEST_F(DiscussionsTest, ATaskOfAHiddenDiscussionIs404NotForbidden) {
  const auto priv = project(true);
  const auto id = discuss(priv);
  response_of(client().put_json(project_path(priv, "/team/security"),
                                {{"userId", member().id}, {"security", "messages,tasks"}}, admin()),
              200);
  const std::string target = project_path(priv, "/task/" + std::to_string(id));
  for (const Person* as : {&member(), &outsider()}) {
    const auto res = client().post_json(target, json::object{}, as->auth());
    EXPECT_EQ(res.status, 404) << res.body;
    EXPECT_EQ(res.json().at("error").at("message"), "Item not found");
  }
  EXPECT_EQ(get_ok(project_path(priv, "/task"), admin()).as_array().size(), 0u);
}

TEST_F(DiscussionsTest, OneDiscussionCarriesSubscribersCommentsAndProject) {
  const auto id = project();
  const auto m = response_of(post(id, pm(),
                                  {{"title", "T"},
                                   {"content", "Body"},
                                   {"participants", json::array{json::string(member().id)}}}),
                             201);
  const auto message = m.at("id").as_int64();
  const auto top = response_of(
      client().post_json(path(message, "/comment"), {{"content", "first"}}, member().auth()), 201);
  response_of(client().post_json(path(message, "/comment"),
                                 {{"content", "reply"}, {"parentid", top.at("id")}}, pm().auth()),
              201);
  const auto full = get_ok(path(message), member().auth()).as_object();
  EXPECT_EQ(keys_of(full),
            (std::vector<std::string>{"canEditFiles", "canReadFiles", "subscribers", "files",
                                      "comments", "project", "canCreateComment", "canEdit", "id",
                                      "title", "description", "projectOwner", "commentsCount",
                                      "text", "status", "created", "createdBy", "updated"}));
  EXPECT_EQ(full.at("canEdit"), false);  // a member who is not the author
  EXPECT_EQ(full.at("commentsCount"), 2);
  EXPECT_EQ(user_ids_of(full.at("subscribers")), (std::vector<std::string>{pm().id, member().id}));
  const auto& comments = full.at("comments").as_array();
  ASSERT_EQ(comments.size(), 2u);  // the discussion's own text, then the top-level comment
  EXPECT_EQ(comments[0].at("commentBody"), "Body");
  EXPECT_EQ(comments[1].at("commentID"), top.at("id"));
  EXPECT_EQ(string_or_empty(comments[1].at("userID")), member().id);
  EXPECT_EQ(comments[1].at("isEditPermissions"), true);
  EXPECT_EQ(comments[1].at("commentList").as_array().size(), 1u);
  EXPECT_EQ(comments[1].at("commentList").at(0).at("commentBody"), "reply");
  EXPECT_EQ(full.at("project").at("discussionCount"), 1);
}

TEST_F(DiscussionsTest, UpdateKeepsWhatIsNotSentAndChecksTheAuthor) {
  const auto id = project();
  const auto message = discuss(id, member());
  EXPECT_EQ(client().put_json(path(message), {{"title", "Hijack"}}, outsider().auth()).status, 403);
  EXPECT_EQ(client().put_json(path(message), {{"title", "Hijack"}}, guest().auth()).status, 403);
  EXPECT_EQ(client().put_json(path(message), {{"title", ""}}, member().auth()).status, 400);
  auto changed = response_of(
      client().put_json(path(message), {{"content", "<i>new</i><img src=x onerror=y()>"}},
                        member().auth()),
      200);
  EXPECT_EQ(changed.at("title"), "Plan");
  EXPECT_EQ(changed.at("text"), "<i>new</i><img>");
  changed = response_of(client().put_json(path(message), {{"title", "By PM"}}, pm().auth()), 200);
  EXPECT_EQ(changed.at("title"), "By PM");
  EXPECT_EQ(string_or_empty(changed.at("updatedBy").at("id")), pm().id);
}

TEST_F(DiscussionsTest, DeleteNeedsTheAuthorOrManagerAndRemovesComments) {
  const auto id = project();
  const auto message = discuss(id);
  const auto c = response_of(
      client().post_json(path(message, "/comment"), {{"content", "c"}}, member().auth()), 201);
  EXPECT_EQ(client().request("DELETE", path(message), "", member().auth()).status, 403);
  EXPECT_EQ(count_in(id), 1);
  const auto deleted = response_of(client().request("DELETE", path(message), "", pm().auth()), 200);
  EXPECT_EQ(deleted.at("id"), message);
  EXPECT_EQ(client().get(path(message), pm().auth()).status, 404);
  EXPECT_EQ(client()
                .get("/api/2.0/project/comment/" + std::string(c.at("id").as_string()), pm().auth())
                .status,
            404);
}

TEST_F(DiscussionsTest, CommentsOnADiscussion) {
  const auto id = project();
  const auto message = discuss(id);
  const auto res =
      client().post_json(path(message, "/comment"),
                         {{"content", "<a href=\"javascript:alert(1)\">hi</a>"}}, member().auth());
  const auto c = response_of(res, 201).as_object();
  EXPECT_EQ(keys_of(c), (std::vector<std::string>{"id", "createdBy", "text", "parentId", "inactive",
                                                  "canEdit", "created", "updated"}));
  EXPECT_EQ(c.at("text"), "<a>hi</a>");
  EXPECT_EQ(c.at("parentId"), "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(string_or_empty(c.at("createdBy").at("id")), member().id);
  EXPECT_EQ(c.at("canEdit"), true);
  const std::string cid(c.at("id").as_string());
  const std::string comment = "/api/2.0/project/comment/" + cid;

  EXPECT_EQ(
      client().post_json(path(message, "/comment"), {{"content", ""}}, member().auth()).status,
      400);
  const auto unknown_parent = client().post_json(
      path(message, "/comment"),
      {{"content", "x"}, {"parentid", "5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c"}}, member().auth());
  EXPECT_EQ(unknown_parent.status, 404);
  EXPECT_EQ(error_message(unknown_parent), "Item not found");
  EXPECT_EQ(error_message(
                client().post_json(path(message, "/comment"), {{"content", ""}}, member().auth())),
            "Comment text is empty");
  EXPECT_EQ(get_ok(path(message, "/comment"), pm().auth()).as_array().size(), 1u);

  EXPECT_EQ(get_ok(comment, pm().auth()).at("canEdit"), true);  // the manager
  EXPECT_EQ(get_ok(comment, guest().auth()).at("canEdit"), false);
  EXPECT_EQ(client().put_json(comment, {{"content", "mine"}}, guest().auth()).status, 403);
  const auto edited =
      client().put_json(comment, {{"content", "<b>ok</b><script>x</script>"}}, member().auth());
  EXPECT_EQ(response_of(edited, 200), "<b>ok</b>");
  EXPECT_EQ(get_ok(comment, pm().auth()).at("text"), "<b>ok</b>");
  EXPECT_EQ(string_or_empty(response_of(client().request("DELETE", comment, "", pm().auth()), 200)),
            cid);
  EXPECT_EQ(get_ok(comment, pm().auth()).at("inactive"), true);
  EXPECT_EQ(get_ok(path(message), pm().auth()).at("commentsCount"), 0);

  response_of(client().put_json(project_path(id, "/status"), {{"status", "closed"}}, admin()), 200);
  EXPECT_EQ(client().post_json(path(message, "/comment"), {{"content", "x"}}, pm().auth()).status,
            409);
  EXPECT_EQ(client().put_json(comment, {{"content", "x"}}, member().auth()).status, 409);
  EXPECT_EQ(get_ok(path(message, "/comment"), pm().auth()).as_array().size(), 1u);
}

TEST_F(DiscussionsTest, XmlFormOfADiscussion) {
  const auto message = discuss(project());
  const auto res = client().get(path(message) + ".xml", pm().auth());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body.rfind("<result><count>1</count><status>0</status><statusCode>200</statusCode>"
                           "<response><canEditFiles>true</canEditFiles>",
                           0),
            0u)
      << res.body;
  EXPECT_NE(res.body.find("<text>&lt;p&gt;Let us&lt;/p&gt;</text>"), std::string::npos) << res.body;
}

}  // namespace
}  // namespace projectd::test
