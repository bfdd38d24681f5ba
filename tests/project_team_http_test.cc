// api/2.0/project/{id}/team: ParticipantWrapper lists, team changes and team security.
#include "project_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class ProjectTeamTest : public ProjectSuite {
 protected:
  static boost::json::value team_of(std::int64_t id) {
    return get_ok(project_path(id, "/team"), admin());
  }
  static const boost::json::object& member_in(const boost::json::value& team,
                                              const std::string& user_id) {
    for (const auto& member : team.as_array())
      if (member.at("id") == user_id.c_str()) return member.as_object();
    throw std::runtime_error("not in the team: " + user_id);
  }
};

TEST_F(ProjectTeamTest, TeamIsParticipantWrappersByName) {
  // First names are "Person p<number>", so the earlier person sorts first.
  const Person earlier = add_person();
  const Person later = add_person();
  const auto id = create_project_id({{"title", "Team"},
                                     {"responsibleId", later.id},
                                     {"participants", boost::json::array{earlier.id}}},
                                    admin());
  const auto team = team_of(id);
  ASSERT_EQ(team.as_array().size(), 2u);
  EXPECT_THAT(user_ids_of(team), ElementsAre(earlier.id, later.id));
  const auto& member = team.as_array()[0].as_object();
  const std::vector<std::string> expected = {"canReadFiles",
                                             "canReadMilestones",
                                             "canReadMessages",
                                             "canReadTasks",
                                             "canReadContacts",
                                             "isAdministrator",
                                             "isRemovedFromTeam",
                                             "id",
                                             "userName",
                                             "isVisitor",
                                             "firstName",
                                             "lastName",
                                             "email",
                                             "status",
                                             "activationStatus",
                                             "terminated",
                                             "displayName",
                                             "avatarSmall",
                                             "avatarMedium",
                                             "avatar",
                                             "isAdmin",
                                             "isLDAP",
                                             "isOwner",
                                             "isSSO",
                                             "profileUrl"};
  EXPECT_EQ(keys_of(member), expected);
  for (const char* flag :
       {"canReadFiles", "canReadMilestones", "canReadMessages", "canReadTasks", "canReadContacts"})
    EXPECT_EQ(member.at(flag), true) << flag;
  EXPECT_EQ(member.at("isAdministrator"), false);
  EXPECT_EQ(member.at("isRemovedFromTeam"), false);
}

TEST_F(ProjectTeamTest, AddReplaceAndRemoveMembers) {
  const Person manager = add_person();
  const Person a = add_person();
  const Person b = add_person();
  const auto id =
      create_project_id({{"title", "Changing"}, {"responsibleId", manager.id}}, admin());
  HttpClient client(port());
  auto res = client.post_json(project_path(id, "/team"), {{"userId", a.id}}, manager.auth());
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_THAT(user_ids_of(res.json().at("response")), UnorderedElementsAre(manager.id, a.id));
  res = client.post_json(project_path(id, "/team"), {{"userId", a.id}}, manager.auth());
  EXPECT_EQ(res.json().at("response").as_array().size(), 2u);  // no duplicate

  res = client.put_json(project_path(id, "/team"), {{"participants", boost::json::array{b.id}}},
                        manager.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_THAT(user_ids_of(res.json().at("response")), UnorderedElementsAre(manager.id, b.id));

  res = client.request("DELETE", project_path(id, "/team?userId=" + b.id), "", manager.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_THAT(user_ids_of(res.json().at("response")), ElementsAre(manager.id));
  // Removing someone who is not in the team is a no-op.
  EXPECT_EQ(
      client.request("DELETE", project_path(id, "/team?userId=" + a.id), "", manager.auth()).status,
      200);
  EXPECT_EQ(get_ok(project_path(id), admin()).at("participantCount"), 1);
}

TEST_F(ProjectTeamTest, RefusedTeamChangesChangeNothing) {
  const Person manager = add_person();
  const Person member = add_person();
  const Person outsider = add_person();
  const auto id = create_project_id({{"title", "Guarded"},
                                     {"responsibleId", manager.id},
                                     {"participants", boost::json::array{member.id}}},
                                    admin());
  const auto before = team_of(id);
  HttpClient client(port());
  const auto pm =
      client.request("DELETE", project_path(id, "/team?userId=" + manager.id), "", admin());
  EXPECT_EQ(pm.status, 409);
  EXPECT_THAT(error_message(pm), HasSubstr("responsible"));
  EXPECT_EQ(
      client.post_json(project_path(id, "/team"), {{"userId", outsider.id}}, member.auth()).status,
      403);
  EXPECT_EQ(client
                .put_json(project_path(id, "/team"),
                          {{"participants", boost::json::array{outsider.id}}}, member.auth())
                .status,
            403);
  EXPECT_EQ(client
                .post_json(project_path(id, "/team"),
                           {{"userId", "0b0c0d0e-0000-4000-8000-000000000002"}}, admin())
                .status,
            400);
  EXPECT_EQ(client.post_json(project_path(id, "/team"), {{"other", 1}}, admin()).status, 400);
  EXPECT_EQ(client.put_json(project_path(id, "/team"), {{"other", 1}}, admin()).status, 400);
  EXPECT_EQ(
      client.post_json(project_path(999999, "/team"), {{"userId", member.id}}, admin()).status,
      404);
  EXPECT_EQ(team_of(id), before);
}

TEST_F(ProjectTeamTest, TeamSecurityHidesModulesOfAPrivateProject) {
  const Person member = add_person();
  const Person outsider = add_person();
  const auto id = create_project_id(
      {{"title", "Secret"}, {"private", true}, {"participants", boost::json::array{member.id}}},
      admin());
  HttpClient client(port());
  auto res = client.put_json(
      project_path(id, "/team/security"),
      {{"userId", member.id}, {"security", "Files,tasks"}, {"visible", false}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  auto flags = member_in(res.json().at("response"), member.id);
  EXPECT_EQ(flags.at("canReadFiles"), false);
  EXPECT_EQ(flags.at("canReadTasks"), false);
  EXPECT_EQ(flags.at("canReadMilestones"), true);
  EXPECT_EQ(flags.at("canReadMessages"), true);
  // The member's own rights follow the bits.
  const auto seen = get_ok(project_path(id), member.auth());
  EXPECT_EQ(seen.at("security").at("canReadFiles"), false);
  EXPECT_EQ(seen.at("security").at("canReadTasks"), false);
  EXPECT_EQ(seen.at("security").at("canCreateTask"), false);
  EXPECT_EQ(seen.at("security").at("canReadMilestones"), true);

  res = client.put_json(project_path(id, "/team/security"),
                        {{"userId", member.id}, {"security", 4}, {"visible", true}}, admin());
  flags = member_in(res.json().at("response"), member.id);
  EXPECT_EQ(flags.at("canReadFiles"), true);
  EXPECT_EQ(flags.at("canReadTasks"), false);
  EXPECT_EQ(get_ok(project_path(id), member.auth()).at("security").at("canReadFiles"), true);

  const auto before = team_of(id);
  EXPECT_EQ(client
                .put_json(project_path(id, "/team/security"),
                          {{"userId", outsider.id}, {"security", "files"}}, admin())
                .status,
            400);
  EXPECT_EQ(client
                .put_json(project_path(id, "/team/security"),
                          {{"userId", member.id}, {"security", "everything"}}, admin())
                .status,
            400);
  EXPECT_EQ(client
                .put_json(project_path(id, "/team/security"),
                          {{"userId", member.id}, {"security", 64}}, admin())
                .status,
            400);
  EXPECT_EQ(client
                .put_json(project_path(id, "/team/security"),
                          {{"userId", member.id}, {"security", "files"}}, member.auth())
                .status,
            403);
  EXPECT_EQ(team_of(id), before);
}

TEST_F(ProjectTeamTest, AClosedProjectsTeamCanStillChange) {
  const Person member = add_person();
  const auto id = create_project_id({{"title", "Closed team"}}, admin());
  HttpClient client(port());
  ASSERT_EQ(client.put_json(project_path(id, "/status"), {{"status", "closed"}}, admin()).status,
            200);
  const auto res = client.post_json(project_path(id, "/team"), {{"userId", member.id}}, admin());
  EXPECT_EQ(res.status, 201) << res.body;
}

TEST_F(ProjectTeamTest, TeamExcludedListsWhoLeftUntilTheyComeBack) {
  const Person manager = add_person();
  const Person leaver = add_person();
  const Person outsider = add_person();
  const auto id = create_project_id({{"title", "Leaving"},
                                     {"responsibleId", manager.id},
                                     {"private", true},
                                     {"participants", boost::json::array{leaver.id}}},
                                    admin());
  HttpClient client(port());
  EXPECT_TRUE(get_ok(project_path(id, "/teamExcluded"), manager.auth()).as_array().empty());
  ASSERT_EQ(client
                .put_json(project_path(id, "/team/security"),
                          {{"userId", leaver.id}, {"security", "files"}}, manager.auth())
                .status,
            200);
  ASSERT_EQ(
      client.request("DELETE", project_path(id, "/team?userId=" + leaver.id), "", manager.auth())
          .status,
      200);
  auto excluded = get_ok(project_path(id, "/teamExcluded"), manager.auth());
  EXPECT_THAT(user_ids_of(excluded), ElementsAre(leaver.id));
  EXPECT_EQ(excluded.as_array()[0].at("isRemovedFromTeam"), true);
  EXPECT_EQ(excluded.as_array()[0].at("canReadFiles"), false);  // the rights they had
  EXPECT_EQ(client.get(project_path(id, "/teamExcluded"), outsider.auth()).status, 404);
  EXPECT_EQ(client.get(project_path(999999, "/teamExcluded"), admin()).status, 404);
  EXPECT_EQ(client.get(project_path(id, "/teamExcluded"), {}).status, 401);
  // Coming back takes them off the list.
  ASSERT_EQ(
      client.post_json(project_path(id, "/team"), {{"userId", leaver.id}}, manager.auth()).status,
      201);
  EXPECT_TRUE(get_ok(project_path(id, "/teamExcluded"), manager.auth()).as_array().empty());
}

TEST_F(ProjectTeamTest, PostTeamAnswersTheTeamsOfReadableProjects) {
  const Person manager = add_person();
  const Person member = add_person();
  const Person outsider = add_person();
  const auto open = create_project_id({{"title", "Open team"},
                                       {"responsibleId", manager.id},
                                       {"participants", boost::json::array{member.id}}},
                                      admin());
  const auto hidden = create_project_id(
      {{"title", "Hidden team"}, {"responsibleId", manager.id}, {"private", true}}, admin());
  HttpClient client(port());
  auto res = client.post_json("/api/2.0/project/team",
                              {{"ids", boost::json::array{open, hidden, 999999}}}, manager.auth());
  ASSERT_EQ(res.status, 201) << res.body;
  // One entry per project and member, by display name: the manager twice, then the member.
  EXPECT_THAT(user_ids_of(res.json().at("response")),
              ElementsAre(manager.id, manager.id, member.id));
  res = client.post_json("/api/2.0/project/team", {{"ids", boost::json::array{open, hidden}}},
                         outsider.auth());
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_THAT(user_ids_of(res.json().at("response")), ElementsAre(manager.id, member.id));
  res = client.post_json("/api/2.0/project/team", boost::json::object{}, outsider.auth());
  EXPECT_EQ(res.json().at("response"), boost::json::array{});
  EXPECT_EQ(client.post_json("/api/2.0/project/team", {{"ids", "x"}}, outsider.auth()).status, 400);
  EXPECT_EQ(
      client.post_json("/api/2.0/project/team", {{"ids", boost::json::array{open}}}, {}).status,
      401);
}

}  // namespace
}  // namespace projectd::test
