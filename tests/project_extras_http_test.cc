// The rest of the Projects endpoints (issue 15): project/withSecurity and withSecurityInfo (the
// mobile app's create and edit), tags, settings, templates and the gantt order, each with its
// refusals and what is stored afterwards.
#include "project_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ProjectExtrasTest : public RolesSuite {
 protected:
  static HttpResponse send(const std::string& method, const std::string& path,
                           const json::value& body, const Headers& auth) {
    return json_request(client(), method, "/api/2.0/project/" + path, body, auth);
  }
  static std::int64_t project_count() {
    return client().get("/api/2.0/project/filter?count=1", admin()).json().at("total").as_int64();
  }
  static const json::object& in_team(const json::value& team, const std::string& user_id) {
    for (const auto& m : team.as_array())
      if (m.at("id") == user_id.c_str()) return m.as_object();
    throw std::runtime_error("not in the team: " + user_id);
  }
  // The app's participant object.
  static json::object secured(const std::string& id, bool files, bool messages) {
    return {{"ID", id},
            {"CanReadFiles", files},
            {"CanReadMilestones", true},
            {"CanReadMessages", messages},
            {"CanReadTasks", true},
            {"CanReadContacts", true}};
  }
};

TEST_F(ProjectExtrasTest, WithSecurityCreatesTheProjectAndItsTeamRights) {
  const json::object body = {
      {"title", "From the app"},  {"description", "made on a phone"},
      {"responsibleId", pm().id}, {"tags", "phone,field"},
      {"private", true},          {"participants", json::array{secured(member().id, false, false)}},
      {"notify", true},           {"notifyResponsibles", false}};
  const auto project = response_of(send("POST", "withSecurity", body, member().auth()), 201);
  ASSERT_TRUE(project.is_object());
  ASSERT_TRUE(project.at("id").is_int64());  // the app reads a missing id as an error
  const std::int64_t id = project.at("id").as_int64();
  EXPECT_EQ(project.at("isPrivate"), true);
  EXPECT_EQ(project.at("responsible").at("id"), pm().id.c_str());
  const auto team = get_ok(project_path(id, "/team"), admin());
  const auto& rights = in_team(team, member().id);
  EXPECT_EQ(rights.at("canReadFiles"), false);
  EXPECT_EQ(rights.at("canReadMessages"), false);
  EXPECT_EQ(rights.at("canReadTasks"), true);
  EXPECT_EQ(in_team(team, pm().id).at("canReadFiles"), true);
  // The denied modules are hidden from that member.
  EXPECT_EQ(client().get(project_path(id, "/message"), member().auth()).status, 404);
  EXPECT_EQ(get_ok(project_path(id), admin()).at("tags"), (json::array{"field", "phone"}));
}

TEST_F(ProjectExtrasTest, RefusedWithSecurityCreatesNothing) {
  const std::int64_t before = project_count();
  json::object body = {{"title", "Refused"}, {"responsibleId", pm().id}};
  body["participants"] = json::array{json::object{{"CanReadFiles", true}}};
  auto res = send("POST", "withSecurity", body, pm().auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_THAT(error_message(res), HasSubstr("ID"));
  body["participants"] = json::array{secured("5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c", true, true)};
  EXPECT_EQ(send("POST", "withSecurity", body, pm().auth()).status, 400);
  json::object bad_flag = secured(member().id, true, true);
  bad_flag["CanReadMessages"] = "maybe";
  body["participants"] = json::array{bad_flag};
  EXPECT_EQ(send("POST", "withSecurity", body, pm().auth()).status, 400);
  body["participants"] = json::array{secured(member().id, true, true)};
  EXPECT_EQ(send("POST", "withSecurity", body, guest().auth()).status, 403);
  EXPECT_EQ(send("POST", "withSecurity", body, {}).status, 401);
  EXPECT_EQ(send("POST", "withSecurity", json::object{{"participants", json::array{}}}, pm().auth())
                .status,
            400);
  EXPECT_EQ(project_count(), before);
}

TEST_F(ProjectExtrasTest, WithSecurityInfoChangesTheTeamAndItsRights) {
  const auto id = create_project_id({{"title", "Edited on a phone"},
                                     {"responsibleId", pm().id},
                                     {"private", true},
                                     {"participants", json::array{json::string(member().id)}}},
                                    admin());
  const std::string path = std::to_string(id) + "/withSecurityInfo";
  auto res = send("PUT", path,
                  {{"title", "Renamed on a phone"},
                   {"participants", json::array{secured(member().id, false, true),
                                                secured(outsider().id, true, false)}}},
                  pm().auth());
  const auto project = response_of(res, 200);
  EXPECT_EQ(project.at("title"), "Renamed on a phone");
  auto team = get_ok(project_path(id, "/team"), admin());
  EXPECT_EQ(in_team(team, member().id).at("canReadFiles"), false);
  EXPECT_EQ(in_team(team, outsider().id).at("canReadMessages"), false);
  EXPECT_EQ(in_team(team, outsider().id).at("canReadFiles"), true);
  // Plain ids, as the app's edit form sends them, keep each member's rights.
  response_of(
      send("PUT", path, {{"participants", json::array{json::string(member().id)}}}, pm().auth()),
      200);
  team = get_ok(project_path(id, "/team"), admin());
  EXPECT_EQ(team.as_array().size(), 2u);
  EXPECT_EQ(in_team(team, member().id).at("canReadFiles"), false);
  EXPECT_EQ(send("PUT", path, {{"title", "x"}}, member().auth()).status, 403);
  EXPECT_EQ(send("PUT", path, {{"title", "x"}}, outsider().auth()).status, 404);
  EXPECT_EQ(send("PUT", "999999/withSecurityInfo", {{"title", "x"}}, admin()).status, 404);
  EXPECT_EQ(send("PUT", path, {{"title", ""}}, pm().auth()).status, 400);
  EXPECT_EQ(get_ok(project_path(id), admin()).at("title"), "Renamed on a phone");
  res = client().put_json("/api/2.0/project/" + path + ".xml", {{"title", "Xml"}}, pm().auth());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_THAT(res.body, HasSubstr("<id>" + std::to_string(id) + "</id>"));
}

TEST_F(ProjectExtrasTest, TagsAreListedSearchedCreatedAndSet) {
  auto tag = response_of(send("POST", "tag", {{"data", " Mobile tag "}}, pm().auth()), 201);
  EXPECT_EQ(keys_of(tag.as_object()),
            (std::vector<std::string>{"id", "title", "description", "status", "responsible"}));
  EXPECT_EQ(tag.at("title"), "Mobile tag");
  EXPECT_TRUE(tag.at("description").is_null());
  const std::int64_t tag_id = tag.at("id").as_int64();
  // The same title in another case is the same tag.
  EXPECT_EQ(response_of(send("POST", "tag", {{"data", "mobile TAG"}}, admin()), 201).at("id"),
            tag_id);
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project/tag", guest().auth())), testing::Contains(tag_id));
  // The app's own malformed query.
  EXPECT_EQ(
      get_ok("/api/2.0/project/tag/search?tagName=bile?&Count=25&StartIndex=0", member().auth()),
      (json::array{"Mobile tag"}));
  EXPECT_EQ(get_ok("/api/2.0/project/tag/search?tagName=%20", member().auth()), json::array{});
  EXPECT_EQ(get_ok("/api/2.0/project/tag/search", member().auth()), json::array{});
  EXPECT_EQ(send("POST", "tag", {{"data", "  "}}, pm().auth()).status, 400);
  EXPECT_EQ(send("POST", "tag", {{"data", "Guest tag"}}, guest().auth()).status, 403);
  EXPECT_EQ(send("POST", "tag", {{"data", "No one"}}, {}).status, 401);
  EXPECT_TRUE(get_ok("/api/2.0/project/tag/search?tagName=Guest", pm().auth()).as_array().empty());

  const auto open =
      create_project_id({{"title", "Tagged open"}, {"responsibleId", pm().id}}, admin());
  const auto hidden = create_project_id(
      {{"title", "Tagged private"}, {"responsibleId", pm().id}, {"private", true}}, admin());
  for (auto id : {open, hidden}) {
    const auto project = response_of(
        send("PUT", std::to_string(id) + "/tags", {{"tags", json::array{tag_id}}}, pm().auth()),
        200);
    EXPECT_EQ(project.at("tags"), (json::array{"Mobile tag"}));
  }
  EXPECT_EQ(ids_of(get_ok("/api/2.0/project/tag/mobile%20tag", pm().auth())),
            (std::vector<std::int64_t>{open, hidden}));
  EXPECT_EQ(ids_of(get_ok("/api/2.0/project/tag/Mobile%20tag", outsider().auth())),
            (std::vector<std::int64_t>{open}));
  EXPECT_TRUE(get_ok("/api/2.0/project/tag/nothing-has-this", pm().auth()).as_array().empty());
  // Unknown tag ids, a member without the edit right, a hidden project: nothing changes.
  auto res =
      send("PUT", std::to_string(open) + "/tags", {{"tags", json::array{999999}}}, pm().auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_THAT(error_message(res), HasSubstr("999999"));
  EXPECT_EQ(
      send("PUT", std::to_string(open) + "/tags", {{"tags", json::array{}}}, outsider().auth())
          .status,
      403);
  EXPECT_EQ(
      send("PUT", std::to_string(hidden) + "/tags", {{"tags", json::array{}}}, outsider().auth())
          .status,
      404);
  EXPECT_EQ(send("PUT", std::to_string(open) + "/tags", json::object{}, pm().auth()).status, 400);
  EXPECT_EQ(get_ok(project_path(open), admin()).at("tags"), (json::array{"Mobile tag"}));
  response_of(send("PUT", std::to_string(open) + "/tags", {{"tags", ""}}, pm().auth()), 200);
  EXPECT_FALSE(get_ok(project_path(open), admin()).as_object().contains("tags") &&
               !get_ok(project_path(open), admin()).at("tags").as_array().empty());
  res = client().get("/api/2.0/project/tag.xml", pm().auth());
  EXPECT_THAT(res.body, HasSubstr("<title>Mobile tag</title><description /><status>0</status>"));
}

TEST_F(ProjectExtrasTest, SettingsAreStoredPerPortalAndPerPerson) {
  auto settings = get_ok("/api/2.0/project/settings", member().auth());
  EXPECT_EQ(keys_of(settings.as_object()),
            (std::vector<std::string>{"everebodyCanCreate", "hideEntitiesInPausedProjects",
                                      "startModuleType", "folderId"}));
  EXPECT_EQ(settings.at("everebodyCanCreate"), true);
  EXPECT_EQ(settings.at("hideEntitiesInPausedProjects"), true);
  EXPECT_EQ(settings.at("startModuleType"), 1);
  EXPECT_TRUE(settings.at("folderId").is_int64());
  settings =
      response_of(send("PUT", "settings", {{"startModule", "discussions"}, {"folderId", "77"}},
                       member().auth()),
                  200);
  EXPECT_EQ(settings.at("startModuleType"), 2);
  EXPECT_EQ(settings.at("folderId"), 77);
  EXPECT_EQ(get_ok("/api/2.0/project/settings", member().auth()).at("startModuleType"), 2);
  EXPECT_EQ(get_ok("/api/2.0/project/settings", pm().auth()).at("startModuleType"), 1);
  // The portal's half is the admin's.
  EXPECT_EQ(send("PUT", "settings", {{"everebodyCanCreate", false}}, member().auth()).status, 403);
  EXPECT_EQ(send("PUT", "settings", {{"startModule", "tasks"}}, guest().auth()).status, 403);
  EXPECT_EQ(send("PUT", "settings", {{"startModule", "gantt"}}, member().auth()).status, 400);
  EXPECT_EQ(send("PUT", "settings", {{"startModule", "tasks"}}, {}).status, 401);
  EXPECT_EQ(get_ok("/api/2.0/project/settings", admin()).at("everebodyCanCreate"), true);
  response_of(send("PUT", "settings", {{"everebodyCanCreate", false}}, admin()), 200);
  EXPECT_EQ(send("POST", "", {{"title", "Not allowed now"}}, member().auth()).status, 403);
  EXPECT_EQ(send("POST", "tag", {{"data", "Not allowed now"}}, member().auth()).status, 403);
  EXPECT_EQ(get_ok("/api/2.0/project/securityinfo", member().auth()).at("canCreateProject"), false);
  EXPECT_EQ(get_ok("/api/2.0/project/securityinfo", admin()).at("canCreateProject"), true);
  response_of(send("PUT", "settings", {{"everebodyCanCreate", true}}, admin()), 200);
  EXPECT_EQ(send("POST", "", {{"title", "Allowed again"}}, member().auth()).status, 201);
}

TEST_F(ProjectExtrasTest, PausedProjectsDiscussionsFollowTheSetting) {
  const auto id =
      create_project_id({{"title", "Paused forum"}, {"responsibleId", pm().id}}, admin());
  const auto message = response_of(send("POST", std::to_string(id) + "/message",
                                        {{"title", "Paused talk"}, {"content", "c"}}, pm().auth()),
                                   201)
                           .at("id")
                           .as_int64();
  response_of(send("PUT", std::to_string(id) + "/status", {{"status", "paused"}}, admin()), 200);
  const std::string filter = "/api/2.0/project/message/filter?FilterValue=Paused%20talk";
  EXPECT_TRUE(get_ok(filter, pm().auth()).as_array().empty());
  // Within the project the setting does not apply.
  EXPECT_EQ(ids_of(get_ok(filter + "&projectid=" + std::to_string(id), pm().auth())),
            (std::vector<std::int64_t>{message}));
  response_of(send("PUT", "settings", {{"hideEntitiesInPausedProjects", false}}, admin()), 200);
  EXPECT_EQ(ids_of(get_ok(filter, pm().auth())), (std::vector<std::int64_t>{message}));
  response_of(send("PUT", "settings", {{"hideEntitiesInPausedProjects", true}}, admin()), 200);
}

TEST_F(ProjectExtrasTest, TemplatesAreStoredAndOnlyTheirAuthorChangesThem) {
  const std::string plan = R"({"tasks":[{"title":"Kick-off"}],"milestones":[]})";
  auto created = response_of(
      send("POST", "template", {{"title", "Launch"}, {"description", plan}}, member().auth()), 201);
  EXPECT_EQ(keys_of(created.as_object()),
            (std::vector<std::string>{"id", "title", "description", "status", "responsible"}));
  const std::int64_t id = created.at("id").as_int64();
  EXPECT_EQ(created.at("description"), plan.c_str());
  const std::string path = "template/" + std::to_string(id);
  const auto list = get_ok("/api/2.0/project/template", member().auth());
  bool found = false;
  for (const auto& t : list.as_array()) {
    if (t.at("id") != id) continue;
    found = true;
    EXPECT_EQ(keys_of(t.as_object()),
              (std::vector<std::string>{"id", "title", "description", "canEdit"}));
    EXPECT_EQ(t.at("canEdit"), true);
  }
  EXPECT_TRUE(found);
  const auto pm_list = get_ok("/api/2.0/project/template", pm().auth());
  for (const auto& t : pm_list.as_array())
    if (t.at("id") == id) {
      EXPECT_EQ(t.at("canEdit"), false);
    }
  auto changed = response_of(send("PUT", path, {{"title", "Launch v2"}}, member().auth()), 200);
  EXPECT_EQ(changed.at("title"), "Launch v2");
  EXPECT_EQ(changed.at("description"), plan.c_str());  // kept
  EXPECT_EQ(send("PUT", path, {{"title", "Mine"}}, pm().auth()).status, 403);
  EXPECT_EQ(send("PUT", path, {{"title", ""}}, member().auth()).status, 400);
  EXPECT_EQ(send("DELETE", path, nullptr, pm().auth()).status, 403);
  EXPECT_EQ(send("POST", "template", {{"title", "Guest"}}, guest().auth()).status, 403);
  EXPECT_EQ(send("POST", "template", {{"description", "{}"}}, member().auth()).status, 400);
  EXPECT_EQ(send("GET", "template/999999", nullptr, member().auth()).status, 404);
  EXPECT_EQ(send("GET", path, nullptr, {}).status, 401);
  EXPECT_EQ(get_ok("/api/2.0/project/" + path, guest().auth()).at("title"), "Launch v2");
  // An admin may change anyone's; deleting answers the template as it was.
  response_of(send("PUT", path, {{"description", "{}"}}, admin()), 200);
  EXPECT_EQ(response_of(send("DELETE", path, nullptr, member().auth()), 200).at("description"),
            "{}");
  EXPECT_EQ(send("GET", path, nullptr, member().auth()).status, 404);
}

TEST_F(ProjectExtrasTest, GanttOrderIsValidatedAndStored) {
  const auto id = create_project_id({{"title", "Gantt"},
                                     {"responsibleId", pm().id},
                                     {"participants", json::array{json::string(member().id)}}},
                                    admin());
  const auto other =
      create_project_id({{"title", "Other gantt"}, {"responsibleId", pm().id}}, admin());
  auto task = [&](std::int64_t project) {
    return response_of(send("POST", std::to_string(project) + "/task", {{"title", "T"}}, admin()),
                       201)
        .at("id")
        .as_int64();
  };
  const auto first = task(id), second = task(id), foreign = task(other);
  const auto milestone =
      response_of(
          send("POST", std::to_string(id) + "/milestone",
               {{"title", "M"}, {"deadline", "2030-01-01"}, {"responsible", pm().id}}, admin()),
          201)
          .at("id")
          .as_int64();
  const std::string path = std::to_string(id) + "/order";
  EXPECT_EQ(get_ok("/api/2.0/project/" + path, member().auth()), "");
  const std::string order = "{\"milestones\":[" + std::to_string(milestone) + "],\"tasks\":[" +
                            std::to_string(second) + "," + std::to_string(first) + "]}";
  EXPECT_EQ(response_of(send("PUT", path, {{"order", order}}, pm().auth()), 200), order.c_str());
  EXPECT_EQ(get_ok("/api/2.0/project/" + path, member().auth()), order.c_str());
  // Refusals change nothing.
  auto res =
      send("PUT", path, {{"order", "{\"tasks\":[" + std::to_string(foreign) + "]}"}}, pm().auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_THAT(error_message(res), HasSubstr(std::to_string(foreign)));
  EXPECT_EQ(
      send("PUT", path,
           {{"order", "{\"tasks\":[" + std::to_string(first) + "," + std::to_string(first) + "]}"}},
           pm().auth())
          .status,
      400);
  EXPECT_EQ(send("PUT", path, {{"order", "[1,2"}}, pm().auth()).status, 400);
  EXPECT_EQ(send("PUT", path, {{"order", "{\"tasks\":\"1\"}"}}, pm().auth()).status, 400);
  EXPECT_EQ(send("PUT", path, json::object{}, pm().auth()).status, 400);
  EXPECT_EQ(send("PUT", path, {{"order", "{}"}}, member().auth()).status, 403);
  EXPECT_EQ(send("PUT", "999999/order", {{"order", "{}"}}, admin()).status, 404);
  EXPECT_EQ(send("GET", path, nullptr, {}).status, 401);
  response_of(send("PUT", std::to_string(id) + "/status", {{"status", "closed"}}, admin()), 200);
  EXPECT_EQ(send("PUT", path, {{"order", "{}"}}, pm().auth()).status, 409);
  EXPECT_EQ(get_ok("/api/2.0/project/" + path, member().auth()), order.c_str());
  // A nested JSON object is read too.
  response_of(send("PUT", std::to_string(id) + "/status", {{"status", "open"}}, admin()), 200);
  EXPECT_EQ(response_of(send("PUT", path, {{"order", json::object{{"tasks", json::array{first}}}}},
                             pm().auth()),
                        200),
            ("{\"milestones\":[],\"tasks\":[" + std::to_string(first) + "]}").c_str());
}

}  // namespace
}  // namespace projectd::test
