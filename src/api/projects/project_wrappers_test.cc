#include "api/projects/project_wrappers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

namespace projectd {
namespace {

// The users a test knows; every other call is unused by the wrappers.
class FakeUsers final : public UserRepo {
 public:
  std::vector<UserRecord> users;
  std::optional<UserRecord> by_id(std::string_view) override { return std::nullopt; }
  std::optional<UserRecord> by_login(std::string_view) override { return std::nullopt; }
  std::vector<UserRecord> by_ids(const std::vector<std::string>& ids) override {
    std::vector<UserRecord> out;
    for (const UserRecord& user : users)
      if (std::find(ids.begin(), ids.end(), user.id) != ids.end()) out.push_back(user);
    return out;
  }
  std::vector<UserRecord> page(const UserQuery&) override { return {}; }
  std::int64_t count(const UserQuery&) override { return 0; }
  std::int64_t count_all() override { return 0; }
  void insert(const UserRecord&) override {}
  void update(const UserRecord&) override {}
  void remove(std::string_view) override {}
};

UserRecord person(const std::string& id, const std::string& first, bool admin = false) {
  UserRecord user;
  user.id = id;
  user.first_name = first;
  user.last_name = "Doe";
  user.is_admin = admin;
  return user;
}

std::vector<std::string> keys_of(const boost::json::object& object) {
  std::vector<std::string> keys;
  for (const auto& member : object)
    keys.emplace_back(member.key());
  return keys;
}

class ProjectWrappersTest : public ::testing::Test {
 protected:
  ProjectWrappersTest() {
    users_.users = {person("u-admin", "Ada", true), person("u-pm", "Pat")};
    project_.id = 42;
    project_.title = "Apollo";
    project_.description = "Moon";
    project_.status = ProjectStatus::kPaused;
    project_.responsible_id = "u-pm";
    project_.folder_id = 7;
    project_.created = from_ticks(2'000'000'000);
    project_.created_by = "u-admin";
    project_.updated = from_ticks(1'000'000'000);  // older than created: shown as created
    project_.updated_by = "u-pm";
    people_ = PeopleIndex::load(users_, {"u-pm", "u-admin", "u-pm"});
  }

  ProjectView view(const Viewer& viewer, std::optional<TeamMember> member) const {
    return ProjectView{project_,
                       ProjectSecurity(viewer, project_, member),
                       {.open_tasks = 3, .all_tasks = 5, .open_milestones = 1, .participants = 2},
                       true,
                       {"a", "b"}};
  }

  FakeUsers users_;
  ProjectRecord project_;
  PeopleIndex people_;
  PortalTimeZone zone_;
  std::string base_url_ = "http://portal";
  Caller caller_{"u-pm", false, false, ""};
  WrapContext context_{zone_, base_url_, caller_};
};

TEST_F(ProjectWrappersTest, SimpleProjectIsTheProjectOwner) {
  EXPECT_EQ(boost::json::serialize(simple_project(project_)),
            R"({"id":42,"title":"Apollo","status":2,"isPrivate":false})");
}

TEST_F(ProjectWrappersTest, FullWrapperInTheOriginalOrder) {
  const auto full = project_wrapper_full(view(viewer_of(caller_), TeamMember{"u-pm", 0}), people_,
                                         context_, false);
  EXPECT_EQ(keys_of(full), (std::vector<std::string>{"canEdit",
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
                                                     "updatedBy",
                                                     "created",
                                                     "createdBy",
                                                     "updated"}));
  EXPECT_EQ(full.at("canEdit"), true);     // the manager
  EXPECT_EQ(full.at("canDelete"), false);  // not the creator, not an admin
  EXPECT_EQ(full.at("security").at("isInTeam"), true);
  EXPECT_EQ(full.at("responsible").at("displayName"), "Pat Doe");
  EXPECT_EQ(full.at("taskCount"), 3);
  EXPECT_EQ(full.at("taskCountTotal"), 5);
  EXPECT_EQ(full.at("milestoneCount"), 1);
  EXPECT_EQ(full.at("participantCount"), 2);
  EXPECT_EQ(full.at("updatedBy").at("id"), "u-pm");
  EXPECT_EQ(full.at("createdBy").at("id"), "u-admin");
  EXPECT_EQ(full.at("updated"), full.at("created"));
}

TEST_F(ProjectWrappersTest, SimpleModeWritesIdsAndNoFolderWhenThereIsNone) {
  project_.folder_id.reset();
  project_.updated_by = project_.created_by;
  const auto full =
      project_wrapper_full(view(viewer_of(caller_), std::nullopt), people_, context_, true);
  const auto keys = keys_of(full);
  EXPECT_THAT(keys, ::testing::Not(::testing::Contains("projectFolder")));
  EXPECT_EQ(std::vector<std::string>(keys.begin() + 7, keys.begin() + 9),
            (std::vector<std::string>{"responsibleId", "isPrivate"}));
  EXPECT_EQ(std::vector<std::string>(keys.end() - 4, keys.end()),
            (std::vector<std::string>{"updatedById", "created", "createdById", "updated"}));
  EXPECT_EQ(full.at("responsibleId"), "u-pm");
  EXPECT_EQ(full.at("security").at("isInTeam"), false);
}

TEST_F(ProjectWrappersTest, BriefWrapper) {
  const auto brief = project_wrapper(ProjectBrief{project_, true}, people_, context_);
  EXPECT_EQ(keys_of(brief), (std::vector<std::string>{"id", "title", "description", "status",
                                                      "responsible", "canEdit", "isPrivate"}));
  EXPECT_EQ(brief.at("responsible").at("id"), "u-pm");
}

TEST_F(ProjectWrappersTest, ParticipantFlagsComeFromTheTeamSecurityBits) {
  const auto member = participant_wrapper(
      people_.get("u-admin"),
      TeamMember{"u-admin", team_security::kFiles | team_security::kContacts}, context_);
  const auto keys = keys_of(member);
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 8),
            (std::vector<std::string>{"canReadFiles", "canReadMilestones", "canReadMessages",
                                      "canReadTasks", "canReadContacts", "isAdministrator",
                                      "isRemovedFromTeam", "id"}));
  EXPECT_EQ(member.at("canReadFiles"), false);
  EXPECT_EQ(member.at("canReadContacts"), false);
  EXPECT_EQ(member.at("canReadTasks"), true);
  EXPECT_EQ(member.at("isAdministrator"), true);
  EXPECT_EQ(member.at("userName"), "");
}

TEST_F(ProjectWrappersTest, UnknownPeopleShowAsAPlaceholder) {
  const PeopleIndex people = PeopleIndex::load(users_, {"u-gone", ""});
  EXPECT_EQ(people.get("u-gone").first_name, "Unknown");
  EXPECT_EQ(people.get("u-gone").id, "u-gone");
  EXPECT_THROW(people.get("u-never-loaded"), std::out_of_range);
}

}  // namespace
}  // namespace projectd
