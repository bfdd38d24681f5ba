// api/2.0/project discussions and their comments: wrappers, rights of each role, closed and
// private projects, team security, sanitised HTML, and refused calls that change nothing.
#include "project_test_support.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

namespace json = boost::json;

class DiscussionsTest : public RolesSuite {
 protected:
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
};

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

// project/message/filter: every filter in SQL, honest total, pages without holes.
TEST_F(DiscussionsTest, FilterAppliesEachFilterAndPagesWithAnHonestTotal) {
  const auto tagged = create_project_id({{"title", "Tagged forum"},
                                         {"responsibleId", pm().id},
                                         {"tags", "filter-tag-unique"},
                                         {"participants", json::array{json::string(member().id)}}},
                                        admin());
  const auto hidden = project(true);
  const auto by_pm = discuss(tagged);
  const auto by_member = discuss(tagged, member());
  auto res = post(tagged, pm(), {{"title", "Zebra roadmap"}, {"content", "z"}});
  const auto zebra = response_of(res, 201).at("id").as_int64();
  discuss(hidden);
  const std::string filter = "/api/2.0/project/message/filter?";
  const std::string in_project = filter + "projectid=" + std::to_string(tagged);
  EXPECT_EQ(ids_of(get_ok(in_project, pm().auth())),
            (std::vector<std::int64_t>{zebra, by_member, by_pm}));
  EXPECT_EQ(ids_of(get_ok(in_project + "&createdBy=" + member().id, pm().auth())),
            (std::vector<std::int64_t>{by_member}));
  EXPECT_EQ(ids_of(get_ok(in_project + "&participant=" + member().id, pm().auth())),
            (std::vector<std::int64_t>{by_member}));
  EXPECT_EQ(ids_of(get_ok(in_project + "&FilterValue=zEbRa", pm().auth())),
            (std::vector<std::int64_t>{zebra}));
  EXPECT_EQ(ids_of(get_ok(in_project + "&sortBy=title&sortOrder=descending", pm().auth())),
            (std::vector<std::int64_t>{zebra, by_member, by_pm}));
  EXPECT_EQ(ids_of(get_ok(in_project + "&sortBy=create_on", pm().auth())),
            (std::vector<std::int64_t>{by_pm, by_member, zebra}));
  // The app's own malformed query: `?&` and a Count in capitals.
  res = client().get(filter + "&Count=2&StartIndex=1&projectId=" + std::to_string(tagged),
                     pm().auth());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto page = res.json();
  EXPECT_EQ(page.at("total"), 3);
  EXPECT_EQ(page.at("startIndex"), 1);
  EXPECT_EQ(ids_of(page.at("response")), (std::vector<std::int64_t>{by_member, by_pm}));
  // The outsider's pages hold no discussion of the private project and no holes.
  res = client().get(filter + "count=1&startIndex=0", outsider().auth());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto all = get_ok(filter + "count=1000", outsider().auth());
  EXPECT_EQ(res.json().at("total"), static_cast<std::int64_t>(all.as_array().size()));
  for (const auto& m : all.as_array())
    EXPECT_NE(m.at("projectOwner").at("id"), hidden);
  EXPECT_EQ(res.json().at("response").as_array().size(), 1u);
  // Unknown or unreadable project: 404; a malformed filter value: 400 naming it.
  EXPECT_EQ(client().get(filter + "projectid=" + std::to_string(hidden), outsider().auth()).status,
            404);
  res = client().get(in_project + "&createdStart=yesterday", pm().auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(error_message(res).find("createdStart"), std::string::npos) << res.body;
  EXPECT_EQ(client().get(filter, {}).status, 401);
}

TEST_F(DiscussionsTest, FilterByDatesTagStatusFollowAndMyProjects) {
  const auto id = create_project_id({{"title", "Dated forum"},
                                     {"responsibleId", pm().id},
                                     {"tags", "dated-forum-tag"},
                                     {"participants", json::array{json::string(member().id)}}},
                                    admin());
  const auto first = discuss(id);
  const auto second = discuss(id, member());
  const std::string filter = "/api/2.0/project/message/filter?projectid=" + std::to_string(id);
  EXPECT_EQ(ids_of(get_ok(filter + "&createdStart=2000-01-01&createdStop=2999-01-01", pm().auth()))
                .size(),
            2u);
  EXPECT_TRUE(get_ok(filter + "&createdStop=2001-01-01", pm().auth()).as_array().empty());
  EXPECT_TRUE(get_ok(filter + "&createdStart=2999-01-01", pm().auth()).as_array().empty());
  EXPECT_EQ(ids_of(get_ok(filter + "&lastId=" + std::to_string(first), pm().auth())),
            (std::vector<std::int64_t>{second}));
  // Subscribed: the author and the participants; the member made only `second`.
  EXPECT_EQ(ids_of(get_ok(filter + "&follow=true", member().auth())),
            (std::vector<std::int64_t>{second}));
  EXPECT_EQ(ids_of(get_ok(filter + "&myProjects=true", member().auth())).size(), 2u);
  EXPECT_TRUE(get_ok(filter + "&myProjects=true", outsider().auth()).as_array().empty());
  EXPECT_TRUE(get_ok(filter + "&tag=-1", pm().auth()).as_array().empty());  // it has a tag
  response_of(client().put_json(path(first, "/status"), {{"status", "archived"}}, pm().auth()),
              200);
  EXPECT_EQ(ids_of(get_ok(filter + "&status=archived", pm().auth())),
            (std::vector<std::int64_t>{first}));
  EXPECT_EQ(ids_of(get_ok(filter + "&status=0", pm().auth())), (std::vector<std::int64_t>{second}));
  EXPECT_TRUE(get_ok(filter + "&departament=5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c", pm().auth())
                  .as_array()
                  .empty());
}

TEST_F(DiscussionsTest, StatusArchivesAndReopensByNameOrNumber) {
  const auto id = project();
  const auto message = discuss(id, member());
  auto m = response_of(
      client().put_json(path(message, "/status"), {{"status", "archived"}}, member().auth()), 200);
  EXPECT_EQ(m.at("id"), message);
  EXPECT_EQ(m.at("status"), 1);
  EXPECT_EQ(get_ok(path(message), member().auth()).at("status"), 1);
  m = response_of(client().put_json(path(message, "/status"), {{"status", 0}}, pm().auth()), 200);
  EXPECT_EQ(m.at("status"), 0);
  m = response_of(client().put_json(path(message, "/status"), {{"status", "Archived"}}, admin()),
                  200);
  EXPECT_EQ(m.at("status"), 1);
  // Refusals change nothing: 400, 401, 403 (not the author), 404, 409 (closed project).
  auto res = client().put_json(path(message, "/status"), {{"status", "deleted"}}, pm().auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(error_message(res).find("status"), std::string::npos);
  EXPECT_EQ(client().put_json(path(message, "/status"), json::object{}, pm().auth()).status, 400);
  EXPECT_EQ(client().put_json(path(message, "/status"), {{"status", "open"}}, {}).status, 401);
  EXPECT_EQ(
      client().put_json(path(message, "/status"), {{"status", "open"}}, guest().auth()).status,
      403);
  EXPECT_EQ(client().put_json(path(999999, "/status"), {{"status", "open"}}, pm().auth()).status,
            404);
  response_of(client().put_json(project_path(id, "/status"), {{"status", "closed"}}, admin()), 200);
  EXPECT_EQ(client().put_json(path(message, "/status"), {{"status", "open"}}, pm().auth()).status,
            409);
  EXPECT_EQ(get_ok(path(message), pm().auth()).at("status"), 1);
  res = client().get(path(message) + ".xml", pm().auth());
  EXPECT_NE(res.body.find("<status>1</status>"), std::string::npos) << res.body;
}

TEST_F(DiscussionsTest, SubscribeTogglesAndSubscribersAreListed) {
  const auto id = project();
  const auto message = discuss(id);
  EXPECT_EQ(get_ok(path(message, "/subscribe"), member().auth()), false);
  auto full = response_of(
      client().put_json(path(message, "/subscribe"), json::object{}, member().auth()), 200);
  EXPECT_EQ(full.at("id"), message);
  EXPECT_EQ(user_ids_of(full.at("subscribers")).size(), 2u);
  EXPECT_EQ(get_ok(path(message, "/subscribe"), member().auth()), true);
  const auto subscribers = get_ok(path(message, "/subscribes"), guest().auth());
  EXPECT_EQ(user_ids_of(subscribers), (std::vector<std::string>{pm().id, member().id}));
  EXPECT_TRUE(subscribers.as_array().front().as_object().contains("displayName"));
  // Again: unsubscribed. A guest may subscribe too, also in a closed project.
  response_of(client().put_json(path(message, "/subscribe"), json::object{}, member().auth()), 200);
  EXPECT_EQ(get_ok(path(message, "/subscribe"), member().auth()), false);
  response_of(client().put_json(project_path(id, "/status"), {{"status", "closed"}}, admin()), 200);
  response_of(client().put_json(path(message, "/subscribe"), json::object{}, guest().auth()), 200);
  EXPECT_EQ(get_ok(path(message, "/subscribe"), guest().auth()), true);
  const auto hidden = discuss(project(true));
  EXPECT_EQ(client().put_json(path(hidden, "/subscribe"), json::object{}, outsider().auth()).status,
            404);
  EXPECT_EQ(client().get(path(hidden, "/subscribes"), outsider().auth()).status, 404);
  EXPECT_EQ(client().get(path(hidden, "/subscribe"), {}).status, 401);
  auto res = client().get(path(message, "/subscribe") + ".xml", guest().auth());
  EXPECT_NE(res.body.find("<response>true</response>"), std::string::npos) << res.body;
}

TEST_F(DiscussionsTest, PreviewAnswersSanitisedHtmlAndStoresNothing) {
  const auto before = get_ok("/api/2.0/project/message", admin()).as_array().size();
  auto res = client().post_json("/api/2.0/project/message/discussion/preview",
                                {{"htmltext", "<p onclick=\"x()\">Hi <script>x()</script></p>"}},
                                guest().auth());
  EXPECT_EQ(response_of(res, 201), "<p>Hi </p>");
  EXPECT_EQ(get_ok("/api/2.0/project/message", admin()).as_array().size(), before);
  EXPECT_EQ(client()
                .post_json("/api/2.0/project/message/discussion/preview", {{"htmltext", "x"}}, {})
                .status,
            401);
}

}  // namespace
}  // namespace projectd::test
