// POST api/2.0/project with a plan: the `milestones` and `tasks` it may carry
// (docs/wire-compatibility.md, "Endpoints": tasks name their milestone by its 1-based position),
// made with the project or not at all.
#include "task_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ProjectPlanTest : public TaskSuite {
 protected:
  // The titles of every project the admin can see, to prove a refused plan left nothing behind.
  static std::vector<std::string> project_titles() {
    std::vector<std::string> titles;
    const boost::json::value projects = get_ok("/api/2.0/project", admin());
    for (const auto& project : projects.as_array())
      titles.emplace_back(project.at("title").as_string());
    return titles;
  }

  static boost::json::array milestones_of(std::int64_t project) {
    return get_ok(project_path(project, "/milestone"), admin()).as_array();
  }

  static HttpResponse post_form(const std::string& body) {
    Headers headers = admin();
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return HttpClient(port()).request("POST", "/api/2.0/project", body, headers);
  }

  static boost::json::array tasks_of(std::int64_t project) {
    return get_ok(project_path(project, "/task"), admin()).as_array();
  }
};

TEST_F(ProjectPlanTest, MilestonesAndTasksAreMadeWithTheProject) {
  const Person member = add_person();
  const auto project = create_project(
      {{"title", "Plan"},
       {"responsibleId", admin_id()},
       {"participants", boost::json::array{member.id}},
       {"milestones",
        boost::json::array{{{"title", "Alpha"}, {"deadline", "2031-05-01"}, {"isKey", true}},
                           {{"title", "Beta"},
                            {"deadline", "2031-06-01"},
                            {"description", "second"},
                            {"responsible", member.id}}}},
       {"tasks",
        boost::json::array{{{"title", "Design"}, {"milestone", 2}, {"responsibles", {member.id}}},
                           {{"title", "Build"}, {"priority", "high"}, {"deadline", "2031-05-20"}},
                           {{"title", "Ship"}, {"milestone", 1}}}}},
      admin());
  ASSERT_FALSE(project.empty());
  const std::int64_t id = project.at("id").as_int64();
  EXPECT_EQ(project.at("milestoneCount"), 2);
  EXPECT_EQ(project.at("taskCount"), 3);

  const auto milestones = milestones_of(id);
  ASSERT_EQ(milestones.size(), 2u);
  std::map<std::string, boost::json::object> by_title;
  for (const auto& m : milestones)
    by_title[std::string(m.at("title").as_string())] = m.as_object();
  EXPECT_EQ(by_title["Alpha"].at("isKey"), true);
  EXPECT_EQ(by_title["Alpha"].at("responsible").at("id"), admin_id().c_str());  // the creator
  EXPECT_EQ(by_title["Beta"].at("description"), "second");
  EXPECT_EQ(by_title["Beta"].at("responsible").at("id"), member.id.c_str());

  std::map<std::string, boost::json::object> tasks;
  const auto listed = tasks_of(id);
  for (const auto& t : listed)
    tasks[std::string(t.at("title").as_string())] = t.as_object();
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks["Design"].at("milestoneId"), by_title["Beta"].at("id"));
  EXPECT_EQ(tasks["Design"].at("responsibles").at(0).at("id"), member.id.c_str());
  EXPECT_EQ(tasks["Ship"].at("milestoneId"), by_title["Alpha"].at("id"));
  EXPECT_FALSE(tasks["Build"].contains("milestoneId"));
  EXPECT_EQ(tasks["Build"].at("priority"), 1);
  EXPECT_TRUE(tasks["Build"].contains("deadline"));
  EXPECT_EQ(tasks["Build"].at("status"), 1);
}

TEST_F(ProjectPlanTest, AFormBodyCarriesAPlanToo) {
  const auto res = post_form("title=Form&responsibleId=" + admin_id() +
                             "&milestones[0][title]=M&milestones[0][deadline]=2031-01-01"
                             "&tasks[0][title]=T&tasks[0][milestone]=1");
  const auto project = response_of(res, 201);
  ASSERT_TRUE(project.is_object()) << res.body;
  const auto tasks = tasks_of(project.at("id").as_int64());
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].at("milestone").at("title"), "M");
}

TEST_F(ProjectPlanTest, ARefusedItemIsNamedAndNothingIsMade) {
  const Person outsider = add_person();
  const Person guest = add_person(true);
  const auto before = project_titles();
  struct Case {
    boost::json::object plan;
    int status;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{{"milestones", boost::json::array{{{"title", "M"}}}}},
       400,
       "milestones[0]: Parameter 'deadline' is required"},
      {{{"milestones", boost::json::array{{{"title", "M"}, {"deadline", "2031-01-01"}},
                                          {{"title", ""}, {"deadline", "2031-01-01"}}}}},
       400,
       "milestones[1]: "},
      {{{"milestones",
         boost::json::array{
             {{"title", "M"}, {"deadline", "2031-01-01"}, {"responsible", outsider.id}}}}},
       400,
       "is not in the project team"},
      {{{"tasks", boost::json::array{{{"title", "T"}, {"milestone", 1}}}}},
       400,
       "tasks[0]: Parameter 'milestone' must be 0 or the position (1 to 0)"},
      {{{"milestones", boost::json::array{{{"title", "M"}, {"deadline", "2031-01-01"}}}},
        {"tasks", boost::json::array{{{"title", "T"}, {"milestone", -1}}}}},
       400,
       "tasks[0]: Parameter 'milestone'"},
      {{{"tasks", boost::json::array{{{"title", "ok"}}, {{"title", ""}}}}}, 400, "tasks[1]: "},
      {{{"tasks", boost::json::array{{{"title", "T"}, {"responsibles", {outsider.id}}}}}},
       400,
       "tasks[0]: "},
      {{{"tasks", boost::json::array{{{"title", "T"}, {"deadline", "soon"}}}}},
       400,
       "Parameter 'tasks[0][deadline]' must be a date"},
      {{{"tasks", boost::json::array{{{"title", "T"}, {"milestoneid", 5}}}}},
       400,
       "names its milestone by 'milestone'"},
  };
  for (const Case& c : cases) {
    boost::json::object body = c.plan;
    body["title"] = "Refused plan";
    body["responsibleId"] = admin_id();
    const auto res = call("POST", "", body, admin());
    EXPECT_EQ(res.status, c.status) << res.body;
    EXPECT_THAT(error_message(res), HasSubstr(c.message)) << res.body;
  }
  EXPECT_EQ(project_titles(), before);

  // A guest may not create projects at all, plan or not.
  const auto res = call("POST", "",
                        {{"title", "Guest plan"},
                         {"responsibleId", admin_id()},
                         {"tasks", boost::json::array{{{"title", "T"}}}}},
                        guest.auth());
  EXPECT_EQ(res.status, 403) << res.body;
  EXPECT_EQ(project_titles(), before);
}

TEST_F(ProjectPlanTest, TooManyItemsAreRefused) {
  const auto res = post_form("title=Huge&responsibleId=" + admin_id() + "&tasks[1000][title]=far");
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_THAT(error_message(res), HasSubstr("at most 1000 items"));
}

}  // namespace
}  // namespace projectd::test
