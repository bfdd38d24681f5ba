// api/2.0/project: creating, reading, changing and deleting projects, with every refusal.
#include "project_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class ProjectsTest : public ProjectSuite {};

const std::vector<std::string> kFullKeys = {"canEdit",
                                            "canDelete",
                                            "security",
                                            "projectFolder",
                                            "id",
                                            "title",
                                            "description",
                                            "status",
                                            "responsible",
                                            "isPrivate",
                                            "taskCount",
                                            "taskCountTotal",
                                            "milestoneCount",
                                            "discussionCount",
                                            "participantCount",
                                            "timeTrackingTotal",
                                            "documentsCount",
                                            "isFollow",
                                            "tags",
                                            "created",
                                            "createdBy",
                                            "updated"};

const std::vector<std::string> kSecurityKeys = {
    "canCreateMilestone", "canCreateMessage", "canCreateTask",     "canCreateTimeSpend",
    "canEditTeam",        "canReadFiles",     "canReadMilestones", "canReadMessages",
    "canReadTasks",       "canLinkContact",   "canReadContacts",   "canEdit",
    "canDelete",          "isInTeam"};

TEST_F(ProjectsTest, CreateAnswersTheFullWrapperInTheOriginalOrder) {
  const Person manager = add_person();
  const Person member = add_person();
  const auto project = create_project({{"title", "Apollo"},
                                       {"description", "To the moon"},
                                       {"responsibleId", manager.id},
                                       {"tags", "b, a ,A"},
                                       {"participants", boost::json::array{member.id}},
                                       {"notify", true}},
                                      admin());
  ASSERT_FALSE(project.empty());
  EXPECT_EQ(keys_of(project), kFullKeys);
  EXPECT_EQ(project.at("canEdit"), true);
  EXPECT_EQ(project.at("canDelete"), true);
  const auto& security = project.at("security").as_object();
  EXPECT_EQ(keys_of(security), kSecurityKeys);
  EXPECT_EQ(security.at("canCreateTask"), true);
  EXPECT_EQ(security.at("canEditTeam"), true);
  EXPECT_EQ(security.at("canReadContacts"), false);
  EXPECT_EQ(security.at("isInTeam"), false);  // the admin is not in this team
  EXPECT_GT(project.at("projectFolder").as_int64(), 0);
  EXPECT_EQ(project.at("title"), "Apollo");
  EXPECT_EQ(project.at("description"), "To the moon");
  EXPECT_EQ(project.at("status"), 0);
  EXPECT_EQ(project.at("responsible").at("id"), manager.id.c_str());
  EXPECT_TRUE(project.at("responsible").as_object().contains("userName"));  // EmployeeFull
  EXPECT_EQ(project.at("isPrivate"), false);
  EXPECT_EQ(project.at("taskCount"), 0);
  EXPECT_EQ(project.at("taskCountTotal"), 0);
  EXPECT_EQ(project.at("milestoneCount"), 0);
  EXPECT_EQ(project.at("discussionCount"), 0);
  EXPECT_EQ(project.at("participantCount"), 2);
  EXPECT_EQ(project.at("timeTrackingTotal"), "");
  EXPECT_EQ(project.at("documentsCount"), 0);
  EXPECT_EQ(project.at("isFollow"), false);
  EXPECT_EQ(project.at("tags"), (boost::json::array{"a", "b"}));
  EXPECT_EQ(project.at("createdBy").at("id"), admin_id().c_str());
  EXPECT_EQ(project.at("created"), project.at("updated"));
  EXPECT_THAT(std::string(project.at("created").as_string()), HasSubstr("Z"));
  // Reading it back gives the same object.
  EXPECT_EQ(get_ok(project_path(project.at("id").as_int64()), admin()), project);
}

TEST_F(ProjectsTest, TheCreatorManagesAProjectWithoutAResponsible) {
  const Person creator = add_person();
  const auto project = create_project({{"title", "Mine"}}, creator.auth());
  EXPECT_EQ(project.at("responsible").at("id"), creator.id.c_str());
  EXPECT_EQ(project.at("participantCount"), 1);
  EXPECT_EQ(project.at("security").at("isInTeam"), true);
  EXPECT_EQ(project.at("description"), "");
  EXPECT_EQ(project.at("tags"), boost::json::array{});
}

TEST_F(ProjectsTest, CreateRefusesBadInputAndGuestsAndStoresNothing) {
  const Person guest = add_person(true);
  const Person member = add_person();
  HttpClient client(port());
  const auto before = get_ok("/api/2.0/project/filter", admin()).as_array().size();
  const std::string unknown = "0b0c0d0e-0000-4000-8000-000000000001";
  auto post = [&](const boost::json::object& body, const Headers& auth) {
    return client.post_json("/api/2.0/project", body, auth);
  };
  const auto no_title = post({{"description", "x"}}, admin());
  EXPECT_EQ(no_title.status, 400);
  EXPECT_THAT(error_message(no_title), HasSubstr("title"));
  EXPECT_EQ(post({{"title", "   "}}, admin()).status, 400);
  const auto bad_manager = post({{"title", "T"}, {"responsibleId", unknown}}, admin());
  EXPECT_EQ(bad_manager.status, 400);
  EXPECT_THAT(error_message(bad_manager), HasSubstr(unknown));
  const auto bad_member =
      post({{"title", "T"}, {"participants", boost::json::array{member.id, unknown}}}, admin());
  EXPECT_EQ(bad_member.status, 400);
  EXPECT_THAT(error_message(bad_member), HasSubstr(unknown));
  EXPECT_EQ(post({{"title", "T"}, {"participants", "not-a-guid"}}, admin()).status, 400);
  const auto guest_manager = post({{"title", "T"}, {"responsibleId", guest.id}}, admin());
  EXPECT_EQ(guest_manager.status, 400);
  EXPECT_THAT(error_message(guest_manager), HasSubstr("guest"));
  EXPECT_EQ(post({{"title", "T"}}, guest.auth()).status, 403);
  EXPECT_EQ(get_ok("/api/2.0/project/filter", admin()).as_array().size(), before);
}

TEST_F(ProjectsTest, UpdateKeepsWhatIsNotSentAndClearsWhatIsSentEmpty) {
  const Person manager = add_person();
  const Person next = add_person();
  const Person member = add_person();
  const auto id = create_project_id({{"title", "Gemini"},
                                     {"description", "Two"},
                                     {"responsibleId", manager.id},
                                     {"tags", "space"}},
                                    admin());
  HttpClient client(port());
  auto res = client.put_json(project_path(id), {{"title", "Gemini II"}}, manager.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  auto project = res.json().at("response").as_object();
  EXPECT_EQ(project.at("title"), "Gemini II");
  EXPECT_EQ(project.at("description"), "Two");
  EXPECT_EQ(project.at("tags"), boost::json::array{"space"});
  EXPECT_EQ(project.at("responsible").at("id"), manager.id.c_str());
  // A second person changed it: updatedBy appears, before `created`.
  EXPECT_EQ(project.at("updatedBy").at("id"), manager.id.c_str());
  const auto keys = keys_of(project);
  EXPECT_EQ(std::find(keys.begin(), keys.end(), "updatedBy") + 1,
            std::find(keys.begin(), keys.end(), "created"));

  res = client.put_json(project_path(id),
                        {{"description", ""},
                         {"responsibleId", next.id},
                         {"status", "paused"},
                         {"private", true},
                         {"tags", nullptr}},
                        manager.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  project = res.json().at("response").as_object();
  EXPECT_EQ(project.at("description"), "");
  EXPECT_EQ(project.at("responsible").at("id"), next.id.c_str());
  EXPECT_EQ(project.at("status"), 2);
  EXPECT_EQ(project.at("isPrivate"), true);
  EXPECT_EQ(project.at("tags"), boost::json::array{});
  // The new manager joined the team; the old one stayed.
  const auto team = user_ids_of(get_ok(project_path(id, "/team"), admin()));
  EXPECT_THAT(team, Contains(next.id));
  EXPECT_THAT(team, Contains(manager.id));

  res =
      client.put_json(project_path(id), {{"participants", boost::json::array{member.id}}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at("participantCount"), 2);
  EXPECT_THAT(user_ids_of(get_ok(project_path(id, "/team"), admin())),
              ::testing::UnorderedElementsAre(next.id, member.id));
}

TEST_F(ProjectsTest, RefusedUpdatesChangeNothing) {
  const Person manager = add_person();
  const Person member = add_person();
  const auto id = create_project_id({{"title", "Mercury"},
                                     {"responsibleId", manager.id},
                                     {"participants", boost::json::array{member.id}}},
                                    admin());
  const auto before = get_ok(project_path(id), admin());
  HttpClient client(port());
  EXPECT_EQ(client.put_json(project_path(id), {{"title", ""}}, manager.auth()).status, 400);
  EXPECT_EQ(client.put_json(project_path(id), {{"responsibleId", ""}}, manager.auth()).status, 400);
  EXPECT_EQ(client.put_json(project_path(id), {{"status", "finished"}}, manager.auth()).status,
            400);
  const auto forbidden = client.put_json(project_path(id), {{"title", "Mine"}}, member.auth());
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(error_message(forbidden), "Access denied.");
  const auto missing = client.put_json(project_path(999999), {{"title", "X"}}, admin());
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(error_message(missing), "Item not found");
  EXPECT_EQ(get_ok(project_path(id), admin()), before);
}

TEST_F(ProjectsTest, StatusClosesAndReopens) {
  const Person member = add_person();
  const auto id = create_project_id(
      {{"title", "Skylab"}, {"participants", boost::json::array{member.id}}}, admin());
  HttpClient client(port());
  auto status_of = [&](const boost::json::value& body) {
    const auto res = client.put_json(project_path(id, "/status"), body, admin());
    EXPECT_EQ(res.status, 200) << res.body;
    return res.json().at("response").at("status");
  };
  EXPECT_EQ(status_of({{"status", "closed"}}), 1);
  EXPECT_EQ(get_ok(project_path(id), member.auth()).at("security").at("canCreateTask"), false);
  EXPECT_EQ(status_of({{"status", "Open"}}), 0);
  EXPECT_EQ(status_of({{"status", 2}}), 2);
  EXPECT_EQ(client.put_json(project_path(id, "/status"), {{"x", 1}}, admin()).status, 400);
  EXPECT_EQ(
      client.put_json(project_path(id, "/status"), {{"status", "closed"}}, member.auth()).status,
      403);
  EXPECT_EQ(get_ok(project_path(id), admin()).at("status"), 2);
}

TEST_F(ProjectsTest, ListsByTeamFollowingAndStatus) {
  const Person member = add_person();
  const auto mine = create_project_id(
      {{"title", "Team project"}, {"participants", boost::json::array{member.id}}}, admin());
  const auto other = create_project_id({{"title", "Other project"}}, admin());
  HttpClient client(port());
  ASSERT_EQ(client.put_json(project_path(other, "/status"), {{"status", "closed"}}, admin()).status,
            200);
  const auto all = client.get("/api/2.0/project", member.auth());
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(all.json().as_object().contains("total"));
  EXPECT_THAT(ids_of(all.json().at("response")), ::testing::IsSupersetOf({mine, other}));
  const auto brief = all.json().at("response").as_array().front().as_object();
  EXPECT_EQ(keys_of(brief), (std::vector<std::string>{"id", "title", "description", "status",
                                                      "responsible", "canEdit", "isPrivate"}));
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project/@self", member.auth())), ElementsAre(mine));
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project/CLOSED", member.auth())), Contains(other));
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project/open", member.auth())), Not(Contains(other)));
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project/paused", member.auth())), Not(Contains(mine)));
  EXPECT_EQ(client.get("/api/2.0/project/bogus", member.auth()).status, 404);
  EXPECT_TRUE(get_ok("/api/2.0/project/@follow", member.auth()).as_array().empty());
}

TEST_F(ProjectsTest, FollowToggles) {
  const Person member = add_person();
  const auto id = create_project_id({{"title", "Followed"}}, admin());
  HttpClient client(port());
  const auto on = client.request("PUT", project_path(id, "/follow"), "", member.auth());
  ASSERT_EQ(on.status, 200) << on.body;
  EXPECT_EQ(keys_of(on.json().at("response").as_object()),
            (std::vector<std::string>{"id", "title", "description", "status", "responsible",
                                      "canEdit", "isPrivate"}));
  EXPECT_EQ(get_ok(project_path(id), member.auth()).at("isFollow"), true);
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project/@follow", member.auth())), ElementsAre(id));
  EXPECT_EQ(get_ok(project_path(id), admin()).at("isFollow"), false);  // per person
  client.request("PUT", project_path(id, "/follow"), "", member.auth());
  EXPECT_EQ(get_ok(project_path(id), member.auth()).at("isFollow"), false);
  EXPECT_EQ(client.request("PUT", project_path(999999, "/follow"), "", member.auth()).status, 404);
}

TEST_F(ProjectsTest, TagsAreReplacedByTheEditor) {
  const Person member = add_person();
  const auto id = create_project_id(
      {{"title", "Tagged"}, {"tags", "old"}, {"participants", boost::json::array{member.id}}},
      admin());
  HttpClient client(port());
  auto res = client.put_json(project_path(id, "/tag"), {{"tags", "x, y,x"}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at("tags"), (boost::json::array{"x", "y"}));
  EXPECT_EQ(client.put_json(project_path(id, "/tag"), {{"tags", "z"}}, member.auth()).status, 403);
  EXPECT_EQ(client.put_json(project_path(id, "/tag"), {{"other", 1}}, admin()).status, 400);
  res = client.put_json(project_path(id, "/tag"), {{"tags", ""}}, admin());
  EXPECT_EQ(res.json().at("response").at("tags"), boost::json::array{});
}

TEST_F(ProjectsTest, SimpleModeWritesIdsInsteadOfPeople) {
  const Person manager = add_person();
  const auto id = create_project_id({{"title", "Simple"}, {"responsibleId", manager.id}}, admin());
  const auto project = get_ok(project_path(id) + "?simple=true", admin()).as_object();
  EXPECT_EQ(project.at("responsibleId"), manager.id.c_str());
  EXPECT_EQ(project.at("createdById"), admin_id().c_str());
  EXPECT_EQ(project.at("updatedById"), admin_id().c_str());
  EXPECT_FALSE(project.contains("responsible"));
  EXPECT_FALSE(project.contains("createdBy"));
  EXPECT_TRUE(
      get_ok(project_path(id) + "?simple=false", admin()).as_object().contains("responsible"));
}

TEST_F(ProjectsTest, XmlFormOfAProject) {
  const auto id = create_project_id({{"title", "Xml <project>"}}, admin());
  HttpClient client(port());
  const auto res = client.get(project_path(id) + ".xml", admin());
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.header("content-type"), "text/xml; charset=utf-8");
  EXPECT_EQ(res.body.rfind("<result><count>1</count><status>0</status><statusCode>200</statusCode>"
                           "<response><canEdit>true</canEdit><canDelete>true</canDelete><security>"
                           "<canCreateMilestone>true</canCreateMilestone>",
                           0),
            0u)
      << res.body;
  EXPECT_THAT(res.body, HasSubstr("<title>Xml &lt;project&gt;</title>"));
  EXPECT_THAT(res.body, HasSubstr("<timeTrackingTotal></timeTrackingTotal>"));
  EXPECT_THAT(res.body, Not(HasSubstr("<tags>")));  // an empty array writes no element
}

}  // namespace
}  // namespace projectd::test
