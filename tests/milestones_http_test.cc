// api/2.0/project milestones: creating, reading, changing, closing, deleting, lists and filters,
// with the rights of each role.
#include "project_test_support.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

class MilestonesTest : public RolesSuite {
 protected:
  // A project managed by pm() with member() and guest() in the team.
  static std::int64_t create_project(const std::string& title, bool is_private = false) {
    return create_project_id(
        {{"title", title},
         {"responsibleId", pm().id},
         {"private", is_private},
         {"participants",
          boost::json::array{boost::json::string(member().id), boost::json::string(guest().id)}}},
        admin());
  }
  static void set_project_status(std::int64_t id, const std::string& status) {
    response_of(client().put_json(project_path(id, "/status"), {{"status", status}}, admin()), 200);
  }

  static HttpResponse create(std::int64_t project, const Person& as, boost::json::object body) {
    return client().post_json(project_path(project, "/milestone"), body, as.auth());
  }
  // A milestone made by the project manager; returns its wrapper.
  static boost::json::object make(std::int64_t project, const std::string& title,
                                  const std::string& deadline = "2030-01-02T10:00:00Z") {
    auto response =
        response_of(create(project, pm(), {{"title", title}, {"deadline", deadline}}), 201);
    return response.is_object() ? response.as_object() : boost::json::object();
  }
  static std::string path(std::int64_t id) {
    return "/api/2.0/project/milestone/" + std::to_string(id);
  }
};

TEST_F(MilestonesTest, TheManagerCreatesAMilestoneAndGetsTheWrapper) {
  const auto project = create_project("Apollo");
  const auto res = create(project, pm(),
                          {{"title", "Launch"},
                           {"deadline", "2030-07-16T13:32:00Z"},
                           {"description", "Lift off"},
                           {"isKey", true},
                           {"responsible", member().id}});
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
  EXPECT_EQ(string_or_empty(m.at("responsible").at("id")), member().id);
  EXPECT_EQ(string_or_empty(m.at("createdBy").at("id")), pm().id);
  // It is stored: the same wrapper comes back.
  const auto again = response_of(client().get(path(m.at("id").as_int64()), pm().auth()), 200);
  EXPECT_EQ(again, m);
  // The simple mode writes ids.
  const auto simple =
      response_of(client().get(path(m.at("id").as_int64()) + "?simple=true", pm().auth()), 200);
  EXPECT_EQ(string_or_empty(simple.at("responsibleId")), member().id);
  EXPECT_EQ(string_or_empty(simple.at("createdById")), pm().id);
  EXPECT_FALSE(simple.as_object().contains("responsible"));
}

TEST_F(MilestonesTest, CreatingChecksFieldsAndRights) {
  const auto project = create_project("Gemini");
  EXPECT_EQ(create(project, pm(), {{"deadline", "2030-01-01"}}).status, 400);
  EXPECT_EQ(create(project, pm(), {{"title", "No deadline"}}).status, 400);
  EXPECT_EQ(create(project, pm(), {{"title", "T"}, {"deadline", "someday"}}).status, 400);
  const auto stranger = create(
      project, pm(), {{"title", "T"}, {"deadline", "2030-01-01"}, {"responsible", outsider().id}});
  EXPECT_EQ(stranger.status, 400);
  EXPECT_NE(stranger.body.find("team"), std::string::npos);
  EXPECT_EQ(create(project, member(), {{"title", "T"}, {"deadline", "2030-01-01"}}).status, 403);
  EXPECT_EQ(create(project, guest(), {{"title", "T"}, {"deadline", "2030-01-01"}}).status, 403);
  EXPECT_EQ(create(999999, pm(), {{"title", "T"}, {"deadline", "2030-01-01"}}).status, 404);
  // None of the refused requests left a milestone behind.
  const auto list = client().get(project_path(project, "/milestone"), pm().auth());
  EXPECT_EQ(response_of(list, 200).as_array().size(), 0u);
  EXPECT_EQ(list.json().at("total"), 0);
}

TEST_F(MilestonesTest, PrivateProjectMilestonesAreHiddenFromOutsiders) {
  const auto project = create_project("Secret", true);
  const auto m = make(project, "Hidden");
  const auto id = m.at("id").as_int64();
  const auto hidden = client().get(path(id), outsider().auth());
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.json().at("error").at("message"), "Item not found");
  EXPECT_EQ(client().put_json(path(id), {{"title", "x"}}, outsider().auth()).status, 404);
  EXPECT_EQ(client().request("DELETE", path(id), "", outsider().auth()).status, 404);
  EXPECT_EQ(client().get(path(id), member().auth()).status, 200);
  // Not in the outsider's lists either.
  const auto all = client().get("/api/2.0/project/milestone", outsider().auth());
  const auto listed = response_of(all, 200);
  for (const auto& item : listed.as_array())
    EXPECT_NE(item.at("id").as_int64(), id);
}

// Found by the authorization matrix: a project's milestone list answered 200 [] for a private
// project hidden from the caller, and for a project that does not exist.
TEST_F(MilestonesTest, AProjectsMilestoneListIs404WhenTheProjectIsHidden) {
  const auto project = create_project("Secret list", true);
  make(project, "Hidden");
  for (const std::string rest : {"/milestone", "/milestone/open"}) {
    const auto hidden = client().get(project_path(project, rest), outsider().auth());
    EXPECT_EQ(hidden.status, 404) << rest;
    EXPECT_EQ(hidden.json().at("error").at("message"), "Item not found") << rest;
    EXPECT_EQ(client().get(project_path(999999, rest), admin()).status, 404) << rest;
    const auto listed =
        response_of(client().get(project_path(project, rest), member().auth()), 200);
    EXPECT_EQ(listed.as_array().size(), 1u) << rest;
  }
}

TEST_F(MilestonesTest, UpdatesKeepWhatIsNotSentAndApplyStatus) {
  const auto project = create_project("Mercury");
  const auto m = make(project, "Orbit");
  const auto id = m.at("id").as_int64();
  auto res = client().put_json(path(id), {{"description", "Three orbits"}}, pm().auth());
  auto updated = response_of(res, 200);
  EXPECT_EQ(updated.at("title"), "Orbit");
  EXPECT_EQ(updated.at("description"), "Three orbits");
  EXPECT_EQ(updated.at("deadline"), m.at("deadline"));
  res = client().put_json(path(id), {{"status", "closed"}}, pm().auth());
  EXPECT_EQ(response_of(res, 200).at("status"), 1);
  res = client().put_json(path(id) + "/status", {{"status", 0}}, pm().auth());
  EXPECT_EQ(response_of(res, 200).at("status"), 0);
  EXPECT_EQ(client().put_json(path(id), {{"title", ""}}, pm().auth()).status, 400);
  EXPECT_EQ(client().put_json(path(id) + "/status", {{"status", "late"}}, pm().auth()).status, 400);
  // A team member who neither created it nor is responsible may not change it.
  EXPECT_EQ(client().put_json(path(id), {{"title", "Mine"}}, member().auth()).status, 403);
  EXPECT_EQ(response_of(client().get(path(id), pm().auth()), 200).at("title"), "Orbit");
}

TEST_F(MilestonesTest, AClosedProjectRefusesMilestoneChangesWith409) {
  const auto project = create_project("Skylab");
  const auto id = make(project, "Dock").at("id").as_int64();
  set_project_status(project, "closed");
  const auto edit = client().put_json(path(id), {{"title", "Undock"}}, pm().auth());
  EXPECT_EQ(edit.status, 409);
  EXPECT_NE(edit.body.find("reopen"), std::string::npos);
  EXPECT_EQ(create(project, pm(), {{"title", "T"}, {"deadline", "2030-01-01"}}).status, 409);
  EXPECT_EQ(client().request("DELETE", path(id), "", pm().auth()).status, 409);
  set_project_status(project, "open");
  EXPECT_EQ(client().put_json(path(id), {{"title", "Undock"}}, pm().auth()).status, 200);
}

TEST_F(MilestonesTest, LateUpcomingAndFilter) {
  const auto project = create_project("Voyager");
  const auto past = make(project, "Jupiter", "2001-03-05T00:00:00Z").at("id").as_int64();
  const auto future = make(project, "Heliopause", "2040-08-25T00:00:00Z").at("id").as_int64();
  auto ids = [&](const std::string& target) {
    std::vector<std::int64_t> out;
    const auto listed = response_of(client().get(target, pm().auth()), 200);
    for (const auto& item : listed.as_array())
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
  const auto page = client().get(filter + "&count=1", pm().auth());
  EXPECT_EQ(page.json().at("total"), 2);
  EXPECT_EQ(page.json().at("nextIndex"), 1);
  EXPECT_EQ(ids("/api/2.0/project/" + std::to_string(project) + "/milestone/closed"),
            std::vector<std::int64_t>{});
}

TEST_F(MilestonesTest, DeletingOneOrMany) {
  const auto project = create_project("Soyuz");
  const auto a = make(project, "A").at("id").as_int64();
  const auto b = make(project, "B").at("id").as_int64();
  const auto c = make(project, "C").at("id").as_int64();
  EXPECT_EQ(client().request("DELETE", path(a), "", member().auth()).status, 403);
  const auto one = client().request("DELETE", path(a), "", pm().auth());
  EXPECT_EQ(response_of(one, 200).at("id").as_int64(), a);
  EXPECT_EQ(client().get(path(a), pm().auth()).status, 404);

  const auto many = client().request(
      "DELETE", "/api/2.0/project/milestone",
      boost::json::serialize(boost::json::object{{"ids", boost::json::array{b, 987654, c}}}),
      {{"Authorization", pm().token}, {"Content-Type", "application/json"}});
  ASSERT_EQ(many.status, 200) << many.body;
  const auto body = many.json();
  ASSERT_EQ(body.at("response").as_array().size(), 2u);
  const auto& failed = body.at("failed").as_array();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].at("id"), 987654);
  EXPECT_EQ(failed[0].at("statusCode"), 404);
  EXPECT_EQ(client().get(path(b), pm().auth()).status, 404);
  EXPECT_EQ(client().get(path(c), pm().auth()).status, 404);
}

TEST_F(MilestonesTest, TasksCountAndKeepTheMilestoneOpen) {
  const auto project = create_project("Artemis");
  const auto id = make(project, "Landing").at("id").as_int64();
  const auto task = response_of(
      client().post_json(project_path(project, "/task"),
                         {{"title", "Build the lander"}, {"milestoneid", id}}, pm().auth()),
      201);
  const auto task_id = task.at("id").as_int64();
  EXPECT_EQ(task.at("milestoneId").as_int64(), id);
  const auto counted = response_of(client().get(path(id), pm().auth()), 200);
  EXPECT_EQ(counted.at("activeTaskCount"), 1);
  EXPECT_EQ(counted.at("closedTaskCount"), 0);
  const auto listed = response_of(client().get(path(id) + "/task", pm().auth()), 200);
  ASSERT_EQ(listed.as_array().size(), 1u);
  EXPECT_EQ(listed.as_array()[0].at("id").as_int64(), task_id);

  const auto refused = client().put_json(path(id) + "/status", {{"status", "closed"}}, pm().auth());
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("open task"), std::string::npos);
  EXPECT_EQ(response_of(client().get(path(id), pm().auth()), 200).at("status"), 0);

  response_of(client().put_json("/api/2.0/project/task/" + std::to_string(task_id) + "/status",
                                {{"status", "closed"}}, pm().auth()),
              200);
  const auto closed = response_of(
      client().put_json(path(id) + "/status", {{"status", "closed"}}, pm().auth()), 200);
  EXPECT_EQ(closed.at("status"), 1);
  EXPECT_EQ(closed.at("activeTaskCount"), 0);
  EXPECT_EQ(closed.at("closedTaskCount"), 1);
  EXPECT_EQ(client().get(path(987654) + "/task", pm().auth()).status, 404);
}

TEST_F(MilestonesTest, XmlForm) {
  const auto project = create_project("Vostok");
  const auto id = make(project, "Gagarin").at("id").as_int64();
  const auto res = client().get(path(id) + ".xml", pm().auth());
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.body.rfind("<result><count>1</count><status>0</status><statusCode>200</statusCode>"
                           "<response><canEdit>true</canEdit><canDelete>true</canDelete><id>",
                           0),
            0u)
      << res.body;
  EXPECT_NE(res.body.find("<title>Gagarin</title>"), std::string::npos);
}

TEST_F(MilestonesTest, ByDeadlineMonthAndDayOfThePortalCalendar) {
  const auto id = create_project("Dated milestones");
  const auto hidden = create_project("Hidden dated milestones", true);
  const auto in_month = make(id, "In March", "2031-03-31T23:30:00").at("id").as_int64();
  const auto on_day = make(id, "On the 5th", "2031-03-05T00:00:00").at("id").as_int64();
  make(id, "In April", "2031-04-01T00:00:00");
  make(hidden, "Hidden in March", "2031-03-10T00:00:00");
  const std::string base = "/api/2.0/project/milestone/";
  EXPECT_EQ(ids_of(get_ok(base + "2031/3", outsider().auth())),
            (std::vector<std::int64_t>{on_day, in_month}));
  EXPECT_EQ(get_ok(base + "2031/3", pm().auth()).as_array().size(), 3u);
  EXPECT_EQ(ids_of(get_ok(base + "2031/3/5", outsider().auth())),
            (std::vector<std::int64_t>{on_day}));
  EXPECT_TRUE(get_ok(base + "2031/3/6", pm().auth()).as_array().empty());
  auto res = client().get(base + "2031/13", pm().auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(error_message(res).find("month"), std::string::npos);
  EXPECT_EQ(client().get(base + "2031/2/30", pm().auth()).status, 400);
  EXPECT_EQ(client().get(base + "2031/3", {}).status, 401);
  res = client().get(base + "2031/3/5.xml", pm().auth());
  EXPECT_NE(res.body.find("<title>On the 5th</title>"), std::string::npos) << res.body;
}

}  // namespace
}  // namespace projectd::test
