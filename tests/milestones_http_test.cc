// api/2.0/project milestones: creating, reading, changing, closing, deleting, lists and filters,
// with the rights of each role.
#include "portal_fixture.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

class MilestonesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { portal_ = new Portal(); }
  static void TearDownTestSuite() { delete portal_; }
  static Portal& portal() { return *portal_; }
  static HttpClient& client() { return portal_->client(); }

  static HttpResponse create(std::int64_t project, const Person& as, boost::json::object body) {
    return client().post_json("/api/2.0/project/" + std::to_string(project) + "/milestone", body,
                              as.auth());
  }
  // A milestone made by the project manager; returns its wrapper.
  static boost::json::object make(std::int64_t project, const std::string& title,
                                  const std::string& deadline = "2030-01-02T10:00:00Z") {
    auto res = create(project, portal().pm(), {{"title", title}, {"deadline", deadline}});
    auto response = response_of(res, 201);
    return response.is_object() ? response.as_object() : boost::json::object();
  }
  static std::string path(std::int64_t id) {
    return "/api/2.0/project/milestone/" + std::to_string(id);
  }

  static Portal* portal_;
};
Portal* MilestonesTest::portal_ = nullptr;

TEST_F(MilestonesTest, TheManagerCreatesAMilestoneAndGetsTheWrapper) {
  const auto project = portal().create_project("Apollo");
  const auto res = create(project, portal().pm(),
                          {{"title", "Launch"},
                           {"deadline", "2030-07-16T13:32:00Z"},
                           {"description", "Lift off"},
                           {"isKey", true},
                           {"responsible", portal().member().id}});
  const auto m = response_of(res, 201).as_object();
  const std::vector<std::string> order = {
      "canEdit",     "canDelete", "id",        "title",    "description",     "projectOwner",
      "status",      "deadline",  "isKey",     "isNotify", "activeTaskCount", "closedTaskCount",
      "responsible", "created",   "createdBy", "updated"};
  EXPECT_EQ(keys_of(m), order);
  EXPECT_EQ(m.at("canEdit"), true);
  EXPECT_EQ(m.at("title"), "Launch");
  EXPECT_EQ(m.at("description"), "Lift off");
  EXPECT_EQ(m.at("status"), 0);
  EXPECT_EQ(m.at("deadline"), "2030-07-16T13:32:00.0000000Z");
  EXPECT_EQ(m.at("isKey"), true);
  EXPECT_EQ(m.at("isNotify"), false);
  EXPECT_EQ(m.at("activeTaskCount"), 0);
  EXPECT_EQ(m.at("projectOwner").at("id").as_int64(), project);
  EXPECT_EQ(m.at("projectOwner").at("title"), "Apollo");
  EXPECT_EQ(str(m.at("responsible").at("id")), portal().member().id);
  EXPECT_EQ(str(m.at("createdBy").at("id")), portal().pm().id);
  // It is stored: the same wrapper comes back.
  const auto again =
      response_of(client().get(path(m.at("id").as_int64()), portal().pm().auth()), 200);
  EXPECT_EQ(again, m);
  // The simple mode writes ids.
  const auto simple = response_of(
      client().get(path(m.at("id").as_int64()) + "?simple=true", portal().pm().auth()), 200);
  EXPECT_EQ(str(simple.at("responsibleId")), portal().member().id);
  EXPECT_EQ(str(simple.at("createdById")), portal().pm().id);
  EXPECT_FALSE(simple.as_object().contains("responsible"));
}

TEST_F(MilestonesTest, CreatingChecksFieldsAndRights) {
  const auto project = portal().create_project("Gemini");
  EXPECT_EQ(create(project, portal().pm(), {{"deadline", "2030-01-01"}}).status, 400);
  EXPECT_EQ(create(project, portal().pm(), {{"title", "No deadline"}}).status, 400);
  EXPECT_EQ(create(project, portal().pm(), {{"title", "T"}, {"deadline", "someday"}}).status, 400);
  const auto stranger =
      create(project, portal().pm(),
             {{"title", "T"}, {"deadline", "2030-01-01"}, {"responsible", portal().outsider().id}});
  EXPECT_EQ(stranger.status, 400);
  EXPECT_NE(stranger.body.find("team"), std::string::npos);
  EXPECT_EQ(create(project, portal().member(), {{"title", "T"}, {"deadline", "2030-01-01"}}).status,
            403);
  EXPECT_EQ(create(project, portal().guest(), {{"title", "T"}, {"deadline", "2030-01-01"}}).status,
            403);
  EXPECT_EQ(create(999999, portal().pm(), {{"title", "T"}, {"deadline", "2030-01-01"}}).status,
            404);
  // None of the refused requests left a milestone behind.
  const auto list = client().get("/api/2.0/project/" + std::to_string(project) + "/milestone",
                                 portal().pm().auth());
  EXPECT_EQ(response_of(list, 200).as_array().size(), 0u);
  EXPECT_EQ(list.json().at("total"), 0);
}

TEST_F(MilestonesTest, PrivateProjectMilestonesAreHiddenFromOutsiders) {
  const auto project = portal().create_project("Secret", true);
  const auto m = make(project, "Hidden");
  const auto id = m.at("id").as_int64();
  const auto hidden = client().get(path(id), portal().outsider().auth());
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.json().at("error").at("message"), "Item not found");
  EXPECT_EQ(client().put_json(path(id), {{"title", "x"}}, portal().outsider().auth()).status, 404);
  EXPECT_EQ(client().request("DELETE", path(id), "", portal().outsider().auth()).status, 404);
  EXPECT_EQ(client().get(path(id), portal().member().auth()).status, 200);
  // Not in the outsider's lists either.
  const auto all = client().get("/api/2.0/project/milestone", portal().outsider().auth());
  for (const auto& item : response_of(all, 200).as_array())
    EXPECT_NE(item.at("id").as_int64(), id);
}

TEST_F(MilestonesTest, UpdatesKeepWhatIsNotSentAndApplyStatus) {
  const auto project = portal().create_project("Mercury");
  const auto m = make(project, "Orbit");
  const auto id = m.at("id").as_int64();
  auto res = client().put_json(path(id), {{"description", "Three orbits"}}, portal().pm().auth());
  auto updated = response_of(res, 200);
  EXPECT_EQ(updated.at("title"), "Orbit");
  EXPECT_EQ(updated.at("description"), "Three orbits");
  EXPECT_EQ(updated.at("deadline"), m.at("deadline"));
  res = client().put_json(path(id), {{"status", "closed"}}, portal().pm().auth());
  EXPECT_EQ(response_of(res, 200).at("status"), 1);
  res = client().put_json(path(id) + "/status", {{"status", 0}}, portal().pm().auth());
  EXPECT_EQ(response_of(res, 200).at("status"), 0);
  EXPECT_EQ(client().put_json(path(id), {{"title", ""}}, portal().pm().auth()).status, 400);
  EXPECT_EQ(
      client().put_json(path(id) + "/status", {{"status", "late"}}, portal().pm().auth()).status,
      400);
  // A team member who neither created it nor is responsible may not change it.
  EXPECT_EQ(client().put_json(path(id), {{"title", "Mine"}}, portal().member().auth()).status, 403);
  EXPECT_EQ(response_of(client().get(path(id), portal().pm().auth()), 200).at("title"), "Orbit");
}

TEST_F(MilestonesTest, AClosedProjectRefusesMilestoneChangesWith409) {
  const auto project = portal().create_project("Skylab");
  const auto id = make(project, "Dock").at("id").as_int64();
  portal().set_project_status(project, "closed");
  const auto edit = client().put_json(path(id), {{"title", "Undock"}}, portal().pm().auth());
  EXPECT_EQ(edit.status, 409);
  EXPECT_NE(edit.body.find("reopen"), std::string::npos);
  EXPECT_EQ(create(project, portal().pm(), {{"title", "T"}, {"deadline", "2030-01-01"}}).status,
            409);
  EXPECT_EQ(client().request("DELETE", path(id), "", portal().pm().auth()).status, 409);
  portal().set_project_status(project, "open");
  EXPECT_EQ(client().put_json(path(id), {{"title", "Undock"}}, portal().pm().auth()).status, 200);
}

TEST_F(MilestonesTest, LateUpcomingAndFilter) {
  const auto project = portal().create_project("Voyager");
  const auto past = make(project, "Jupiter", "2001-03-05T00:00:00Z").at("id").as_int64();
  const auto future = make(project, "Heliopause", "2040-08-25T00:00:00Z").at("id").as_int64();
  auto ids = [&](const std::string& target) {
    std::vector<std::int64_t> out;
    for (const auto& item : response_of(client().get(target, portal().pm().auth()), 200).as_array())
      out.push_back(item.at("id").as_int64());
    return out;
  };
  const auto late = ids("/api/2.0/project/milestone/late");
  EXPECT_NE(std::find(late.begin(), late.end(), past), late.end());
  EXPECT_EQ(std::find(late.begin(), late.end(), future), late.end());
  const auto upcoming = ids("/api/2.0/project/milestone/upcoming");
  EXPECT_NE(std::find(upcoming.begin(), upcoming.end(), future), upcoming.end());
  EXPECT_EQ(std::find(upcoming.begin(), upcoming.end(), past), upcoming.end());

  const std::string filter =
      "/api/2.0/project/milestone/filter?projectid=" + std::to_string(project);
  EXPECT_EQ(ids(filter + "&sortBy=title&sortOrder=descending"),
            (std::vector<std::int64_t>{past, future}));  // Jupiter > Heliopause
  EXPECT_EQ(ids(filter + "&filterValue=helio"), (std::vector<std::int64_t>{future}));
  const auto page = client().get(filter + "&count=1", portal().pm().auth());
  EXPECT_EQ(page.json().at("total"), 2);
  EXPECT_EQ(page.json().at("nextIndex"), 1);
  EXPECT_EQ(ids("/api/2.0/project/" + std::to_string(project) + "/milestone/closed"),
            std::vector<std::int64_t>{});
}

TEST_F(MilestonesTest, DeletingOneOrMany) {
  const auto project = portal().create_project("Soyuz");
  const auto a = make(project, "A").at("id").as_int64();
  const auto b = make(project, "B").at("id").as_int64();
  const auto c = make(project, "C").at("id").as_int64();
  EXPECT_EQ(client().request("DELETE", path(a), "", portal().member().auth()).status, 403);
  const auto one = client().request("DELETE", path(a), "", portal().pm().auth());
  EXPECT_EQ(response_of(one, 200).at("id").as_int64(), a);
  EXPECT_EQ(client().get(path(a), portal().pm().auth()).status, 404);

  const auto many = client().request(
      "DELETE", "/api/2.0/project/milestone",
      boost::json::serialize(boost::json::object{{"ids", boost::json::array{b, 987654, c}}}),
      {{"Authorization", portal().pm().token}, {"Content-Type", "application/json"}});
  ASSERT_EQ(many.status, 200) << many.body;
  const auto body = many.json();
  ASSERT_EQ(body.at("response").as_array().size(), 2u);
  const auto& failed = body.at("failed").as_array();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].at("id"), 987654);
  EXPECT_EQ(failed[0].at("statusCode"), 404);
  EXPECT_EQ(client().get(path(b), portal().pm().auth()).status, 404);
  EXPECT_EQ(client().get(path(c), portal().pm().auth()).status, 404);
}

TEST_F(MilestonesTest, XmlForm) {
  const auto project = portal().create_project("Vostok");
  const auto id = make(project, "Gagarin").at("id").as_int64();
  const auto res = client().get(path(id) + ".xml", portal().pm().auth());
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.body.rfind("<result><count>1</count><status>0</status><statusCode>200</statusCode>"
                           "<response><canEdit>true</canEdit><canDelete>true</canDelete><id>",
                           0),
            0u)
      << res.body;
  EXPECT_NE(res.body.find("<title>Gagarin</title>"), std::string::npos);
}

}  // namespace
}  // namespace projectd::test
