// api/2.0/group (GroupApi) and the `departament` filters of the project, task, discussion and time
// lists.
#include "store_sql.h"
#include "task_test_support.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>

namespace projectd::test {
namespace {

class GroupsTest : public TaskSuite {
 protected:
  // POST group as the admin; the new group's object.
  static boost::json::object make_group(const std::string& name, const std::string& manager,
                                        const std::vector<std::string>& members) {
    boost::json::array ids(members.begin(), members.end());
    boost::json::object body{{"groupName", name}, {"members", ids}};
    if (!manager.empty()) body["groupManager"] = manager;
    const auto res = json_request(port(), "POST", "/api/2.0/group", body, admin());
    return response_of(res, 201).as_object();
  }
  static std::string group_path(const boost::json::object& group, const std::string& rest = "") {
    return "/api/2.0/group/" + std::string(group.at("id").as_string()) + rest;
  }
  static std::vector<std::string> member_ids(const boost::json::object& group) {
    std::vector<std::string> ids = user_ids_of(group.at("members"));
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  static std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
  }
};

TEST_F(GroupsTest, AdminMakesAGroupAnsweredAsGroupWrapperFull) {
  const Person manager = add_person();
  const Person member = add_person();
  const auto group = make_group("Engineering", manager.id, {member.id});
  const std::vector<std::string> expected = {"id",          "name",    "category", "parent",
                                             "description", "manager", "members"};
  EXPECT_EQ(keys_of(group), expected);
  EXPECT_EQ(group.at("id").as_string().size(), 36u);
  EXPECT_EQ(group.at("name"), "Engineering");
  EXPECT_EQ(group.at("category"), "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(group.at("description"), nullptr);
  EXPECT_EQ(group.at("manager").at("id"), manager.id.c_str());
  EXPECT_TRUE(group.at("manager").at("displayName").is_string());
  // The manager is a member too, as in the original.
  EXPECT_EQ(member_ids(group), sorted({manager.id, member.id}));

  // Stored: the list and the group read it back, in JSON and in XML.
  const auto all = get_ok("/api/2.0/group", member.auth()).as_array();
  const auto it = std::find_if(all.begin(), all.end(),
                               [&](const auto& g) { return g.at("id") == group.at("id"); });
  ASSERT_NE(it, all.end());
  EXPECT_EQ(keys_of(it->as_object()), (std::vector<std::string>{"id", "name", "manager"}));
  EXPECT_TRUE(it->at("manager").is_string());  // the manager's user name, as the original
  const auto one = get_ok(group_path(group), member.auth()).as_object();
  EXPECT_EQ(member_ids(one), sorted({manager.id, member.id}));
  HttpClient client(port());
  const auto xml = client.get(group_path(group) + ".xml", member.auth());
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_NE(xml.body.find("<name>Engineering</name>"), std::string::npos) << xml.body;
  EXPECT_NE(xml.body.find("<members><id>"), std::string::npos) << xml.body;
  // The person's groups.
  const auto mine = get_ok("/api/2.0/group/user/" + member.id, member.auth()).as_array();
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].at("name"), "Engineering");
}

TEST_F(GroupsTest, MembersAreAddedReplacedRemovedAndTheManagerSet) {
  const Person a = add_person();
  const Person b = add_person();
  const Person c = add_person();
  const auto group = make_group("Ops", "", {a.id});
  EXPECT_EQ(group.at("manager"), nullptr);
  auto res = json_request(port(), "PUT", group_path(group, "/members"),
                          {{"members", boost::json::array{b.id, c.id}}}, admin());
  EXPECT_EQ(member_ids(response_of(res, 200).as_object()), sorted({a.id, b.id, c.id}));
  res = json_request(port(), "DELETE", group_path(group, "/members"),
                     {{"members", boost::json::array{a.id}}}, admin());
  EXPECT_EQ(member_ids(response_of(res, 200).as_object()), sorted({b.id, c.id}));
  res = json_request(port(), "PUT", group_path(group, "/manager"), {{"userid", a.id}}, admin());
  const auto managed = response_of(res, 200).as_object();
  EXPECT_EQ(managed.at("manager").at("id"), a.id.c_str());
  EXPECT_EQ(member_ids(managed), sorted({a.id, b.id, c.id}));
  // POST members replaces them; the manager stays a member.
  res = json_request(port(), "POST", group_path(group, "/members"),
                     {{"members", boost::json::array{b.id}}}, admin());
  EXPECT_EQ(member_ids(response_of(res, 201).as_object()), sorted({a.id, b.id}));
  // PUT renames and keeps what it does not send.
  res = json_request(port(), "PUT", group_path(group), {{"groupName", "Operations"}}, admin());
  const auto renamed = response_of(res, 200).as_object();
  EXPECT_EQ(renamed.at("name"), "Operations");
  EXPECT_EQ(member_ids(renamed), sorted({a.id, b.id}));
  EXPECT_EQ(renamed.at("manager").at("id"), a.id.c_str());
  // The empty GUID clears the manager.
  res = json_request(port(), "PUT", group_path(group),
                     {{"groupManager", "00000000-0000-0000-0000-000000000000"}}, admin());
  EXPECT_EQ(response_of(res, 200).at("manager"), nullptr);
  // Transfer: the other group receives the members.
  const auto other = make_group("Other", "", {});
  res = json_request(port(), "PUT",
                     group_path(group, "/members/" + std::string(other.at("id").as_string())),
                     nullptr, admin());
  EXPECT_EQ(member_ids(response_of(res, 200).as_object()), sorted({a.id, b.id}));
}

TEST_F(GroupsTest, DeleteAnswersTheGroupWithoutMembersAndForgetsIt) {
  const Person a = add_person();
  const auto group = make_group("Short-lived", a.id, {});
  const auto res = json_request(port(), "DELETE", group_path(group), nullptr, admin());
  const auto gone = response_of(res, 200).as_object();
  EXPECT_EQ(gone.at("name"), "Short-lived");
  EXPECT_FALSE(gone.contains("members"));
  HttpClient client(port());
  EXPECT_EQ(client.get(group_path(group), admin()).status, 404);
  const auto store = connect_store(server_->store_url());
  EXPECT_EQ(first_column(*store, "SELECT count(*) FROM group_members WHERE group_id = '" +
                                     std::string(group.at("id").as_string()) + "'"),
            std::vector<std::string>{"0"});
}

TEST_F(GroupsTest, OnlyAdminsChangeGroupsAndEveryoneSignedInReadsThem) {
  const Person member = add_person();
  const Person guest = add_person(true);
  const auto group = make_group("Readers", "", {member.id});
  HttpClient client(port());
  EXPECT_EQ(client.get("/api/2.0/group").status, 401);
  EXPECT_EQ(client.get(group_path(group), guest.auth()).status, 200);
  auto res = json_request(port(), "POST", "/api/2.0/group", {{"groupName", "Mine"}}, member.auth());
  EXPECT_EQ(res.status, 403) << res.body;
  res = json_request(port(), "PUT", group_path(group), {{"groupName", "X"}}, member.auth());
  EXPECT_EQ(res.status, 403);
  res = json_request(port(), "DELETE", group_path(group), nullptr, guest.auth());
  EXPECT_EQ(res.status, 403);
  res = json_request(port(), "PUT", "/api/2.0/group/6d5f1d1e-0000-4000-8000-000000000000",
                     {{"groupName", "X"}}, admin());
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(get_ok(group_path(group), admin()).at("name"), "Readers");  // unchanged
}

TEST_F(GroupsTest, BadInputAnswers400AndChangesNothing) {
  auto res = json_request(port(), "POST", "/api/2.0/group", {{"groupName", "  "}}, admin());
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(error_message(res).find("groupName"), std::string::npos) << res.body;
  res = json_request(port(), "POST", "/api/2.0/group", boost::json::object{}, admin());
  EXPECT_EQ(res.status, 400);
  res = json_request(port(), "POST", "/api/2.0/group",
                     {{"groupName", "Ghosts"},
                      {"members", boost::json::array{"0f0f0f0f-0000-4000-8000-000000000000"}}},
                     admin());
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(error_message(res).find("0f0f0f0f"), std::string::npos) << res.body;
  res =
      json_request(port(), "POST", "/api/2.0/group",
                   {{"groupName", "Bad"}, {"members", boost::json::array{"not-a-guid"}}}, admin());
  EXPECT_EQ(res.status, 400);
  const auto all = get_ok("/api/2.0/group", admin()).as_array();
  EXPECT_TRUE(std::none_of(all.begin(), all.end(), [](const auto& g) {
    return g.at("name") == "Ghosts" || g.at("name") == "Bad";
  }));
}

TEST_F(GroupsTest, DepartamentFiltersProjectsAndTasksByGroup) {
  const Person in_group = add_person();
  const Person outside = add_person();
  const auto group = make_group("Filter group", "", {in_group.id});
  const std::string group_id(group.at("id").as_string());
  const std::int64_t with = create_project_id(
      {{"title", "Dept with"}, {"participants", boost::json::array{in_group.id}}}, admin());
  const std::int64_t without = create_project_id(
      {{"title", "Dept without"}, {"participants", boost::json::array{outside.id}}}, admin());
  const auto projects = ids_of(get_ok("/api/2.0/project/filter?departament=" + group_id, admin()));
  EXPECT_NE(std::find(projects.begin(), projects.end(), with), projects.end());
  EXPECT_EQ(std::find(projects.begin(), projects.end(), without), projects.end());

  const std::int64_t task_in = create_task_id(
      with, {{"title", "Dept task"}, {"responsibles", boost::json::array{in_group.id}}}, admin());
  const std::int64_t task_out = create_task_id(
      without, {{"title", "Other task"}, {"responsibles", boost::json::array{outside.id}}},
      admin());
  const auto tasks =
      ids_of(get_ok("/api/2.0/project/task/filter?departament=" + group_id, admin()));
  EXPECT_EQ(tasks, std::vector<std::int64_t>{task_in});
  EXPECT_NE(task_out, task_in);
  // The all-zero GUID filters nothing.
  const auto every = ids_of(get_ok(
      "/api/2.0/project/task/filter?departament=00000000-0000-0000-0000-000000000000", admin()));
  EXPECT_NE(std::find(every.begin(), every.end(), task_out), every.end());
}

TEST_F(GroupsTest, DepartamentFiltersDiscussionsByAuthorAndTimeByPerson) {
  const Person in_group = add_person();
  const Person outside = add_person();
  const std::string group_id(make_group("Authors", "", {in_group.id}).at("id").as_string());
  const std::int64_t project = create_project_id(
      {{"title", "Dept talk"}, {"participants", boost::json::array{in_group.id, outside.id}}},
      admin());
  auto discuss = [&](const Person& author) {
    return response_of(json_request(port(), "POST", project_path(project, "/message"),
                                    {{"title", "Talk"}, {"content", "words"}}, author.auth()),
                       201)
        .at("id")
        .as_int64();
  };
  const std::int64_t by_member = discuss(in_group);
  discuss(outside);
  const std::string messages =
      "/api/2.0/project/message/filter?projectid=" + std::to_string(project) + "&departament=";
  EXPECT_EQ(ids_of(get_ok(messages + group_id, admin())), std::vector<std::int64_t>{by_member});

  const std::int64_t task = create_task_id(project, {{"title", "Timed"}}, admin());
  auto log = [&](const Person& person) {
    return response_of(json_request(port(), "POST",
                                    "/api/2.0/project/task/" + std::to_string(task) + "/time",
                                    {{"date", "2030-01-02"}, {"personId", person.id}, {"hours", 1}},
                                    admin()),
                       201)
        .at("id")
        .as_int64();
  };
  const std::int64_t spent_by_member = log(in_group);
  log(outside);
  const std::string times =
      "/api/2.0/project/time/filter?projectid=" + std::to_string(project) + "&departament=";
  EXPECT_EQ(ids_of(get_ok(times + group_id, admin())), std::vector<std::int64_t>{spent_by_member});
  EXPECT_EQ(get_ok("/api/2.0/project/time/filter/total?projectid=" + std::to_string(project) +
                       "&departament=" + group_id,
                   admin()),
            1.0);
  // A group nobody is in finds nothing; a malformed one is the client's mistake.
  const std::string empty(make_group("Nobody", "", {}).at("id").as_string());
  EXPECT_TRUE(get_ok(times + empty, admin()).as_array().empty());
  EXPECT_EQ(json_request(port(), "GET", times + "junk", nullptr, admin()).status, 400);
}

}  // namespace
}  // namespace projectd::test
