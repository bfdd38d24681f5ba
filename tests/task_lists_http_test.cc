// Task lists: a project's tasks, the caller's, by ids, and task/filter with every filter, sort and
// page, always with its total; what the caller may not read is never listed.
#include "task_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class TaskListsTest : public TaskSuite {
 protected:
  // One project with tasks of every kind, made once for the suite.
  static void SetUpTestSuite() {
    TaskSuite::SetUpTestSuite();
    member_ = new Person(add_person());
    project_ = make_project({member_->id}, "Listed");
    milestone_ = insert_milestone(project_, "M1", "2026-06-01T00:00:00Z", admin_id());
    alpha_ = create_task_id(project_,
                            {{"title", "alpha"},
                             {"deadline", "2026-03-01T00:00:00Z"},
                             {"priority", "low"},
                             {"milestoneid", milestone_},
                             {"responsibles", {member_->id}}},
                            admin());
    beta_ = create_task_id(project_,
                           {{"title", "beta"},
                            {"description", "needle in here"},
                            {"deadline", "2026-01-01T00:00:00Z"},
                            {"priority", "high"}},
                           member_->auth());
    gamma_ = create_task_id(project_, {{"title", "gamma"}, {"deadline", "2026-02-01T00:00:00Z"}},
                            admin());
    delta_ = create_task_id(project_, {{"title", "delta"}}, admin());
    call("PUT", task_path(delta_, "/status"), {{"status", "closed"}}, admin());
    secret_ = create_project_id(
        {{"title", "Secret"}, {"responsibleId", admin_id()}, {"private", true}}, admin());
    hidden_ = create_task_id(secret_, {{"title", "hidden"}}, admin());
  }
  static void TearDownTestSuite() {
    delete member_;
    TaskSuite::TearDownTestSuite();
  }

  static std::vector<std::int64_t> listed(const std::string& path, const Headers& auth) {
    return ids_of(get_ok("/api/2.0/project/" + path, auth));
  }
  static boost::json::object envelope(const std::string& path, const Headers& auth) {
    const auto res = call("GET", path, nullptr, auth);
    EXPECT_EQ(res.status, 200) << res.body;
    return res.json().as_object();
  }
  std::string filter(const std::string& query) const {
    return "task/filter?projectid=" + std::to_string(project_) + "&" + query;
  }

  static Person* member_;
  static std::int64_t project_, milestone_, alpha_, beta_, gamma_, delta_, secret_, hidden_;
};
Person* TaskListsTest::member_ = nullptr;
std::int64_t TaskListsTest::project_ = 0, TaskListsTest::milestone_ = 0, TaskListsTest::alpha_ = 0,
             TaskListsTest::beta_ = 0, TaskListsTest::gamma_ = 0, TaskListsTest::delta_ = 0,
             TaskListsTest::secret_ = 0, TaskListsTest::hidden_ = 0;

TEST_F(TaskListsTest, AProjectListsItsOpenTasksUnlessAStatusIsNamed) {
  const std::string project = std::to_string(project_);
  EXPECT_THAT(listed(project + "/task", admin()), UnorderedElementsAre(alpha_, beta_, gamma_));
  EXPECT_THAT(listed(project + "/task/closed", admin()), ElementsAre(delta_));
  EXPECT_THAT(listed(project + "/task/@self/open", member_->auth()), ElementsAre(alpha_));
  EXPECT_EQ(call("GET", project + "/task/someday", nullptr, admin()).status, 400);
  EXPECT_EQ(call("GET", std::to_string(secret_) + "/task", nullptr, member_->auth()).status, 404);
  EXPECT_EQ(call("GET", "999999/task", nullptr, admin()).status, 404);
  EXPECT_EQ(envelope(project + "/task", admin()).at("total"), 3);
}

TEST_F(TaskListsTest, MyTasksAndTasksById) {
  EXPECT_THAT(listed("task/@self", member_->auth()), ElementsAre(alpha_));
  EXPECT_THAT(listed("task/@self/closed", member_->auth()), ElementsAre());
  const std::string ids = "task?taskid=" + std::to_string(alpha_) +
                          "&taskid=" + std::to_string(hidden_) + "&taskid=999999";
  EXPECT_THAT(listed(ids, member_->auth()), ElementsAre(alpha_));  // the hidden one is left out
  EXPECT_THAT(listed(ids, admin()), UnorderedElementsAre(alpha_, hidden_));
  EXPECT_EQ(get_ok("/api/2.0/project/task", admin()), boost::json::array());
}

TEST_F(TaskListsTest, FilterByEveryCriterion) {
  const Headers a = admin();
  EXPECT_THAT(listed(filter("status=closed"), a), ElementsAre(delta_));
  EXPECT_THAT(listed(filter("milestone=" + std::to_string(milestone_)), a), ElementsAre(alpha_));
  EXPECT_THAT(listed(filter("nomilestone=true&status=open"), a),
              UnorderedElementsAre(beta_, gamma_));
  EXPECT_THAT(listed(filter("participant=" + member_->id), a), ElementsAre(alpha_));
  EXPECT_THAT(listed(filter("creator=" + member_->id), a), ElementsAre(beta_));
  EXPECT_THAT(listed(filter("filterValue=NEEDLE"), a), ElementsAre(beta_));
  EXPECT_THAT(listed(filter("deadlineStart=2026-01-15&deadlineStop=2026-02-15"), a),
              ElementsAre(gamma_));
  EXPECT_THAT(listed(filter("lastId=" + std::to_string(gamma_)), a), ElementsAre(delta_));
  EXPECT_THAT(listed(filter("follow=true"), member_->auth()), UnorderedElementsAre(alpha_, beta_));
  EXPECT_THAT(listed(filter("myMilestones=true"), a), ElementsAre(alpha_));
  EXPECT_THAT(listed("task/filter?myProjects=true&status=open", member_->auth()),
              UnorderedElementsAre(alpha_, beta_, gamma_));
  // The all-zero GUID filters nothing; a GUID no group has matches no one (groups_http_test.cc
  // filters by a real group).
  EXPECT_EQ(listed(filter("departament=00000000-0000-0000-0000-000000000000"), a).size(), 4u);
  const auto none = envelope(filter("departament=" + member_->id), a);
  EXPECT_EQ(none.at("total"), 0);
  EXPECT_EQ(none.at("response"), boost::json::array());
  EXPECT_EQ(call("GET", filter("departament=junk"), nullptr, a).status, 400);
}

TEST_F(TaskListsTest, FilterSortsPagesAndSaysTheTotal) {
  const Headers a = admin();
  EXPECT_THAT(listed(filter("status=open&sortBy=title"), a), ElementsAre(alpha_, beta_, gamma_));
  EXPECT_THAT(listed(filter("status=open&sortBy=title&sortOrder=descending"), a),
              ElementsAre(gamma_, beta_, alpha_));
  EXPECT_THAT(listed(filter("status=open&sortBy=deadline"), a), ElementsAre(beta_, gamma_, alpha_));
  EXPECT_THAT(listed(filter("status=open&sortBy=priority&sortOrder=descending"), a),
              ElementsAre(beta_, gamma_, alpha_));
  // Without a status, open tasks come first; an unknown column keeps the default order.
  const auto all = listed(filter("sortBy=nonsense"), a);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all.back(), delta_);

  const auto first = envelope(filter("sortBy=title&count=2"), a);
  EXPECT_EQ(first.at("total"), 4);
  EXPECT_EQ(first.at("count"), 2);
  EXPECT_EQ(first.at("nextIndex"), 2);
  EXPECT_EQ(ids_of(first.at("response")), (std::vector<std::int64_t>{alpha_, beta_}));
  const auto last = envelope(filter("sortBy=title&count=2&startIndex=2"), a);
  EXPECT_EQ(last.at("startIndex"), 2);
  EXPECT_EQ(last.at("total"), 4);
  EXPECT_FALSE(last.contains("nextIndex"));
  const auto none = envelope(filter("filterValue=nothing-like-this"), a);
  EXPECT_EQ(none.at("total"), 0);
  EXPECT_EQ(none.at("response"), boost::json::array());
}

TEST_F(TaskListsTest, FilterNeverShowsWhatTheCallerMayNotRead) {
  const auto everything = listed("task/filter", member_->auth());
  EXPECT_THAT(everything, ::testing::Not(::testing::Contains(hidden_)));
  EXPECT_THAT(listed("task/filter", admin()), ::testing::Contains(hidden_));
  EXPECT_EQ(
      envelope("task/filter?projectid=" + std::to_string(secret_), member_->auth()).at("total"), 0);
}

TEST_F(TaskListsTest, SimpleFilterAnswersSimpleTaskWrappers) {
  const auto items = get_ok("/api/2.0/project/" + filter("status=open&sortBy=title"), admin());
  ASSERT_EQ(items.as_array().size(), 3u);
  const auto simple =
      get_ok("/api/2.0/project/task/filter/simple?projectid=" + std::to_string(project_) +
                 "&status=open&sortBy=title",
             admin());
  const auto& alpha = simple.at(0).as_object();
  EXPECT_EQ(keys_of(alpha),
            (std::vector<std::string>{"id", "title", "description", "deadline", "canEdit",
                                      "canCreateSubtask", "canCreateTimeSpend", "canDelete",
                                      "priority", "milestoneId", "projectOwner", "status",
                                      "created", "createdBy", "updated", "responsibles"}));
  EXPECT_EQ(alpha.at("projectOwner"), project_);
  EXPECT_EQ(alpha.at("createdBy"), boost::json::value(admin_id()));
  EXPECT_EQ(alpha.at("responsibles"), (boost::json::array{member_->id}));
  EXPECT_EQ(simple.at(1).at("description"), "needle in here");
  EXPECT_EQ(simple.at(2).at("description"), nullptr);
}

}  // namespace
}  // namespace projectd::test
