// The cache of projects' figures (store/project_totals_cache.h) never shows a project as it was:
// with the response cache off, every GET task is rendered afresh and takes its project's counts
// and time total from the store's cache, warmed by the reads before. Each kind of write that
// changes one of them shows in the next answer about another task of the project.
#include "task_test_support.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

class ProjectTotalsCacheHttpTest : public TaskSuite {
 protected:
  static void SetUpTestSuite() { start_server("", {"--response-cache-mb", "0"}); }

  // The figures of the project that GET task/{id} shows, read twice: the second answer comes
  // from the cache the first one warmed, and must say the same.
  static std::string figures(std::int64_t task) {
    const auto read = [&] {
      const boost::json::object project = task_full(task).at("project").as_object();
      std::string out;
      for (const char* name :
           {"taskCount", "taskCountTotal", "milestoneCount", "participantCount", "discussionCount"})
        out += std::string(name) + "=" + std::to_string(project.at(name).as_int64()) + " ";
      return out + "time=" + std::string(project.at("timeTrackingTotal").as_string());
    };
    const std::string first = read();
    EXPECT_EQ(read(), first);
    return first;
  }
};

TEST_F(ProjectTotalsCacheHttpTest, EveryChangeToAProjectsFiguresShowsInTheNextAnswer) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t shown = create_task_id(project, {{"title", "Shown"}}, admin());
  const std::int64_t other = create_task_id(project, {{"title", "Other"}}, admin());
  EXPECT_EQ(figures(shown),
            "taskCount=2 taskCountTotal=2 milestoneCount=0 participantCount=2 "
            "discussionCount=0 time=");

  const std::int64_t added = create_task_id(project, {{"title", "Added"}}, admin());
  EXPECT_EQ(figures(shown),
            "taskCount=3 taskCountTotal=3 milestoneCount=0 participantCount=2 "
            "discussionCount=0 time=");

  ASSERT_EQ(call("PUT", task_path(other, "/status"), {{"status", "closed"}}, admin()).status, 200);
  EXPECT_EQ(figures(shown),
            "taskCount=2 taskCountTotal=3 milestoneCount=0 participantCount=2 "
            "discussionCount=0 time=");

  ASSERT_EQ(call("POST", task_path(other, "/time"),
                 {{"date", "2026-12-06"}, {"hours", 1.5}, {"personId", member.id}}, admin())
                .status,
            201);
  EXPECT_EQ(figures(shown),
            "taskCount=2 taskCountTotal=3 milestoneCount=0 participantCount=2 "
            "discussionCount=0 time=1:30");

  insert_milestone(project, "Next", "2026-12-31T00:00:00.0000000+00:00", member.id);
  EXPECT_EQ(figures(shown),
            "taskCount=2 taskCountTotal=3 milestoneCount=1 participantCount=2 "
            "discussionCount=0 time=1:30");

  const Person joiner = add_person();
  ASSERT_EQ(
      call("POST", std::to_string(project) + "/team", {{"userId", joiner.id}}, admin()).status,
      201);
  EXPECT_EQ(figures(shown),
            "taskCount=2 taskCountTotal=3 milestoneCount=1 participantCount=3 "
            "discussionCount=0 time=1:30");

  ASSERT_EQ(call("POST", std::to_string(project) + "/message",
                 {{"title", "Talk"}, {"content", "Hello"}}, admin())
                .status,
            201);
  EXPECT_EQ(figures(shown),
            "taskCount=2 taskCountTotal=3 milestoneCount=1 participantCount=3 "
            "discussionCount=1 time=1:30");

  ASSERT_EQ(call("DELETE", task_path(added), nullptr, admin()).status, 200);
  ASSERT_EQ(call("DELETE", task_path(other), nullptr, admin()).status, 200);
  EXPECT_EQ(figures(shown),
            "taskCount=1 taskCountTotal=1 milestoneCount=1 participantCount=3 "
            "discussionCount=1 time=");
}

// The time total counts only the tasks the viewer may read; the cache keeps one per viewer.
TEST_F(ProjectTotalsCacheHttpTest, EachViewerSeesTheTimeOfTheTasksTheyMayRead) {
  const Person member = add_person();
  // Team security restricts a member in a private project only.
  const std::int64_t project =
      create_project_id({{"title", "Private"},
                         {"responsibleId", admin_id()},
                         {"participants", boost::json::array{member.id.c_str()}},
                         {"private", true}},
                        admin());
  const std::int64_t open_task = create_task_id(
      project, {{"title", "Open"}, {"responsibles", boost::json::array{member.id.c_str()}}},
      admin());
  const std::int64_t hidden = create_task_id(project, {{"title", "Hidden"}}, admin());
  for (const std::int64_t task : {open_task, hidden})
    ASSERT_EQ(call("POST", task_path(task, "/time"),
                   {{"date", "2026-12-06"}, {"hours", 1}, {"personId", member.id}}, admin())
                  .status,
              201);
  const auto total_for = [&](const Headers& auth) {
    const HttpResponse res = call("GET", task_path(open_task), nullptr, auth);
    EXPECT_EQ(res.status, 200) << res.body;
    return std::string(res.json().at("response").at("project").at("timeTrackingTotal").as_string());
  };
  EXPECT_EQ(total_for(admin()), "2:00");
  EXPECT_EQ(total_for(member.auth()), "2:00");
  // The team's tasks module closed to the member: now they read only the task they are
  // responsible for, and so only its hour (a broad write, and another viewer's cached total).
  ASSERT_EQ(call("PUT", std::to_string(project) + "/team/security",
                 {{"userId", member.id}, {"security", "Tasks"}, {"visible", false}}, admin())
                .status,
            200);
  EXPECT_EQ(total_for(member.auth()), "1:00");
  EXPECT_EQ(total_for(admin()), "2:00");
}

}  // namespace
}  // namespace projectd::test
