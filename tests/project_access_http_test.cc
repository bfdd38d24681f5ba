// api/2.0/project: who sees a project (private ones), who may delete it, batch deletion, filter,
// search and securityinfo.
#include "project_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

class ProjectAccessTest : public ProjectSuite {};

TEST_F(ProjectAccessTest, PrivateProjectsExistOnlyForTheirTeamAndAdmins) {
  const Person member = add_person();
  const Person outsider = add_person();
  const auto id = create_project_id({{"title", "Classified zebra"},
                                     {"private", true},
                                     {"participants", boost::json::array{member.id}}},
                                    admin());
  HttpClient client(port());
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", project_path(id)},
           {"GET", project_path(id, "/team")},
           {"PUT", project_path(id, "/follow")},
           {"PUT", project_path(id, "/status?status=closed")},
           {"DELETE", project_path(id)},
           {"GET", project_path(id, "/@search/z")}}) {
    const auto res = client.request(method, path, "", outsider.auth());
    EXPECT_EQ(res.status, 404) << method << " " << path;
    EXPECT_EQ(error_message(res), "Item not found");
  }
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project", outsider.auth())), Not(Contains(id)));
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project/filter", outsider.auth())), Not(Contains(id)));
  EXPECT_THAT(get_ok("/api/2.0/project/@search/zebra", outsider.auth()).as_array(), IsEmpty());
  EXPECT_EQ(get_ok(project_path(id), member.auth()).at("isPrivate"), true);
  EXPECT_THAT(ids_of(get_ok("/api/2.0/project", member.auth())), Contains(id));
  EXPECT_EQ(get_ok(project_path(id), admin()).at("id"), id);
  // The refused requests changed nothing.
  const auto after = get_ok(project_path(id), admin());
  EXPECT_EQ(after.at("status"), 0);
  EXPECT_EQ(after.at("participantCount"), 2);  // the admin manages it, with the member
}

// Issue 21, item 16a: the counts of a module team security hides are 0 for that member, or the
// project wrapper would tell how much it hides.
TEST_F(ProjectAccessTest, CountsOfHiddenModulesAreZero) {
  const Person member = add_person();
  const Person peer = add_person();
  const auto id = create_project_id({{"title", "Counted secrets"},
                                     {"private", true},
                                     {"participants", boost::json::array{member.id, peer.id}}},
                                    admin());
  HttpClient client(port());
  for (const char* title : {"One", "Two"}) {
    const auto res = client.post_json(project_path(id, "/task"), {{"title", title}}, admin());
    ASSERT_EQ(res.status, 201) << res.body;
  }
  auto res = client.post_json(
      project_path(id, "/milestone"),
      {{"title", "M"}, {"deadline", "2030-01-01"}, {"responsible", admin_id()}}, admin());
  ASSERT_EQ(res.status, 201) << res.body;
  res = client.post_json(project_path(id, "/message"), {{"title", "D"}, {"content", "<p>d</p>"}},
                         admin());
  ASSERT_EQ(res.status, 201) << res.body;
  res = client.put_json(
      project_path(id, "/team/security"),
      {{"userId", member.id}, {"security", "tasks,milestones,messages"}, {"visible", false}},
      admin());
  ASSERT_EQ(res.status, 200) << res.body;

  const std::vector<std::string> counts = {"taskCount", "taskCountTotal", "milestoneCount",
                                           "discussionCount"};
  const auto seen_by_peer = get_ok(project_path(id), peer.auth());
  EXPECT_EQ(seen_by_peer.at("taskCount"), 2);
  EXPECT_EQ(seen_by_peer.at("taskCountTotal"), 2);
  EXPECT_EQ(seen_by_peer.at("milestoneCount"), 1);
  EXPECT_EQ(seen_by_peer.at("discussionCount"), 1);
  const auto seen = get_ok(project_path(id), member.auth());
  EXPECT_EQ(seen.at("security").at("canReadTasks"), false);
  for (const std::string& count : counts)
    EXPECT_EQ(seen.at(count), 0) << count;
  EXPECT_EQ(seen.at("participantCount"), 3);
  // The filter shows the same wrapper.
  int listed_times = 0;
  const auto list = get_ok("/api/2.0/project/filter", member.auth());
  for (const auto& listed : list.as_array()) {
    if (listed.at("id") != id) continue;
    ++listed_times;
    for (const std::string& count : counts)
      EXPECT_EQ(listed.at(count), 0) << count;
  }
  EXPECT_EQ(listed_times, 1);
}

TEST_F(ProjectAccessTest, DeleteNeedsTheDeleteRightAndAnswersTheDeletedProject) {
  const Person manager = add_person();
  const auto id = create_project_id({{"title", "Doomed"}, {"responsibleId", manager.id}}, admin());
  const auto before = get_ok(project_path(id), admin());
  HttpClient client(port());
  // The manager may edit but not delete: only the creator or an admin may.
  EXPECT_EQ(get_ok(project_path(id), manager.auth()).at("canDelete"), false);
  EXPECT_EQ(client.request("DELETE", project_path(id), "", manager.auth()).status, 403);
  EXPECT_EQ(get_ok(project_path(id), admin()), before);
  const auto res = client.request("DELETE", project_path(id), "", admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response"), before);
  EXPECT_EQ(client.get(project_path(id), admin()).status, 404);
  EXPECT_EQ(client.request("DELETE", project_path(id), "", admin()).status, 404);
}

TEST_F(ProjectAccessTest, BatchDeleteReportsEachRefusedId) {
  const Person creator = add_person();
  const auto first = create_project_id({{"title", "Batch one"}}, creator.auth());
  const auto second = create_project_id({{"title", "Batch two"}}, creator.auth());
  const auto foreign = create_project_id({{"title", "Not theirs"}}, admin());
  HttpClient client(port());
  const auto res = client.request(
      "DELETE", "/api/2.0/project",
      boost::json::serialize(boost::json::object{
          {"projectids", boost::json::array{first, foreign, 999999, second, first}}}),
      [&] {
        Headers h = creator.auth();
        h.emplace_back("Content-Type", "application/json");
        return h;
      }());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto body = res.json().as_object();
  EXPECT_EQ(keys_of(body),
            (std::vector<std::string>{"count", "status", "statusCode", "response", "failed"}));
  EXPECT_THAT(ids_of(body.at("response")), ElementsAre(first, second));
  EXPECT_EQ(
      body.at("failed"),
      (boost::json::array{
          boost::json::object{{"id", foreign}, {"statusCode", 403}, {"message", "Access denied."}},
          boost::json::object{
              {"id", 999999}, {"statusCode", 404}, {"message", "Item not found"}}}));
  EXPECT_EQ(client.get(project_path(first), admin()).status, 404);
  EXPECT_EQ(client.get(project_path(second), admin()).status, 404);
  EXPECT_EQ(client.get(project_path(foreign), admin()).status, 200);
  // The query form of the list, and nothing to delete.
  const auto empty = client.request(
      "DELETE", "/api/2.0/project?projectids=" + std::to_string(foreign), "", creator.auth());
  EXPECT_EQ(empty.json().at("response"), boost::json::array{});
  EXPECT_EQ(empty.json().at("failed").as_array().size(), 1u);
}

TEST_F(ProjectAccessTest, FilterNarrowsSortsPagesAndCountsTotal) {
  const Person manager = add_person();
  const Person member = add_person();
  std::vector<std::int64_t> ids;
  for (const char* title : {"Filter beta", "Filter alpha", "Filter gamma"}) {
    ids.push_back(create_project_id({{"title", title},
                                     {"responsibleId", manager.id},
                                     {"participants", boost::json::array{member.id}}},
                                    admin()));
  }
  HttpClient client(port());
  client.put_json(project_path(ids[2], "/status"), {{"status", "closed"}}, admin());
  client.request("PUT", project_path(ids[1], "/follow"), "", member.auth());
  auto filter = [&](const std::string& query) {
    const auto res = client.get("/api/2.0/project/filter?" + query, member.auth());
    EXPECT_EQ(res.status, 200) << res.body;
    return res.json().as_object();
  };
  auto page = filter("filterValue=FILTER&sortBy=title&count=2");
  EXPECT_EQ(page.at("total"), 3);
  EXPECT_EQ(page.at("nextIndex"), 2);
  EXPECT_THAT(ids_of(page.at("response")), ElementsAre(ids[1], ids[0]));
  EXPECT_EQ(page.at("response").as_array()[0].at("isFollow"), true);
  page = filter("filterValue=filter&sortBy=title&sortOrder=descending&startIndex=2&count=2");
  EXPECT_THAT(ids_of(page.at("response")), ElementsAre(ids[1]));
  EXPECT_EQ(page.at("startIndex"), 2);
  EXPECT_THAT(ids_of(filter("filterValue=filter&sortBy=nonsense").at("response")),
              ElementsAre(ids[0], ids[1], ids[2]));  // creation order
  EXPECT_THAT(ids_of(filter("filterValue=filter&status=closed").at("response")),
              ElementsAre(ids[2]));
  EXPECT_THAT(ids_of(filter("follow=true").at("response")), ElementsAre(ids[1]));
  EXPECT_EQ(filter("manager=" + manager.id).at("total"), 3);
  EXPECT_EQ(filter("participant=" + member.id + "&status=open").at("total"), 2);
  EXPECT_EQ(filter("filterValue=nothing-like-this").at("total"), 0);
  EXPECT_EQ(client.get("/api/2.0/project/filter?manager=junk", member.auth()).status, 400);
  // The all-zero GUID of .NET clients filters nothing, and a GUID no group has matches no one
  // (groups_http_test.cc filters by a real group).
  EXPECT_EQ(
      filter("filterValue=filter&departament=00000000-0000-0000-0000-000000000000").at("total"), 3);
  page = filter("filterValue=filter&departament=" + manager.id);
  EXPECT_EQ(page.at("total"), 0);
  EXPECT_EQ(page.at("response"), boost::json::array());
  EXPECT_EQ(client.get("/api/2.0/project/filter?departament=junk", member.auth()).status, 400);
}

TEST_F(ProjectAccessTest, SearchFindsReadableProjectsAsSearchWrappers) {
  const auto id =
      create_project_id({{"title", "Quasar hunt"}, {"description", "deep sky"}}, admin());
  const auto hits = get_ok("/api/2.0/project/@search/QUASAR", admin()).as_array();
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(keys_of(hits[0].as_object()), (std::vector<std::string>{"item", "owner"}));
  const auto& item = hits[0].at("item").as_object();
  EXPECT_EQ(keys_of(item),
            (std::vector<std::string>{"id", "entityType", "title", "description", "created"}));
  EXPECT_EQ(item.at("id"), std::to_string(id).c_str());
  EXPECT_EQ(item.at("entityType"), 0);
  EXPECT_EQ(item.at("description"), "deep sky");
  EXPECT_EQ(hits[0].at("owner"), nullptr);
  EXPECT_THAT(get_ok(project_path(id, "/@search/nothing"), admin()).as_array(), IsEmpty());
}

TEST_F(ProjectAccessTest, SecurityInfoSaysWhatTheCallerMayCreate) {
  const Person guest = add_person(true);
  const Person loner = add_person();
  const Person member = add_person();
  const Person manager = add_person();
  create_project_id({{"title", "Creatable"},
                     {"responsibleId", manager.id},
                     {"participants", boost::json::array{member.id}}},
                    admin());
  auto info = [&](const Headers& auth) {
    return get_ok("/api/2.0/project/securityinfo", auth).as_object();
  };
  const auto admin_info = info(admin());
  EXPECT_EQ(keys_of(admin_info),
            (std::vector<std::string>{"canCreateProject", "canCreateTask", "canCreateMilestone",
                                      "canCreateMessage", "canCreateTimeSpend"}));
  for (const auto& member_value : admin_info)
    EXPECT_EQ(member_value.value(), true) << member_value.key();
  for (const auto& member_value : info(guest.auth()))
    EXPECT_EQ(member_value.value(), false) << member_value.key();
  const auto loner_info = info(loner.auth());
  EXPECT_EQ(loner_info.at("canCreateProject"), true);
  EXPECT_EQ(loner_info.at("canCreateTask"), false);
  const auto member_info = info(member.auth());
  EXPECT_EQ(member_info.at("canCreateTask"), true);
  EXPECT_EQ(member_info.at("canCreateMilestone"), false);
  EXPECT_EQ(info(manager.auth()).at("canCreateMilestone"), true);
}

}  // namespace
}  // namespace projectd::test
