// The people cache (store/people_cache.h) never shows a person as they were: with the response
// cache off, every GET task is rendered afresh and names its people from the store's people
// cache, warmed by the reads before. A change to a person, their disabling and their deletion
// show in the next answer.
#include "task_test_support.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

class PeopleCacheHttpTest : public TaskSuite {
 protected:
  static void SetUpTestSuite() { start_server("", {"--response-cache-mb", "0"}); }

  // The displayName of the task's first responsible, as GET task/{id} shows it now.
  static std::string responsible_name(std::int64_t task) {
    const boost::json::object full = task_full(task);
    const auto& responsibles = full.at("responsibles").as_array();
    if (responsibles.empty()) return "(none)";
    return std::string(responsibles.front().at("displayName").as_string());
  }
};

TEST_F(PeopleCacheHttpTest, ARenamedDisabledOrDeletedPersonShowsInTheNextAnswer) {
  const Person anna = add_person();
  const std::int64_t project = make_project({anna.id});
  const std::int64_t task = create_task_id(
      project, {{"title", "Named"}, {"responsibles", boost::json::array{anna.id.c_str()}}},
      admin());
  const std::string before = responsible_name(task);
  EXPECT_EQ(responsible_name(task), before);  // the second answer names her from the cache
  EXPECT_EQ(before.find("Renamed"), std::string::npos) << before;

  ASSERT_EQ(
      json_request(port(), "PUT", "/api/2.0/people/" + anna.id, {{"firstName", "Renamed"}}, admin())
          .status,
      200);
  const std::string renamed = responsible_name(task);
  EXPECT_NE(renamed.find("Renamed"), std::string::npos) << renamed;

  // Her own edit of her profile, with her own token, too.
  ASSERT_EQ(json_request(port(), "PUT", "/api/2.0/people/" + anna.id, {{"firstName", "Self"}},
                         anna.auth())
                .status,
            200);
  EXPECT_NE(responsible_name(task).find("Self"), std::string::npos) << responsible_name(task);

  ASSERT_EQ(json_request(port(), "PUT", "/api/2.0/people/status/terminated",
                         {{"userIds", boost::json::array{anna.id.c_str()}}}, admin())
                .status,
            200);
  ASSERT_EQ(json_request(port(), "DELETE", "/api/2.0/people/" + anna.id, nullptr, admin()).status,
            200);
  // A deleted person is no longer in the directory: the answer shows the original's lost user.
  EXPECT_EQ(responsible_name(task), "Unknown user");
}

}  // namespace
}  // namespace projectd::test
