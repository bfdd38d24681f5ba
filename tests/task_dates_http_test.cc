// Task dates are written in the portal's time zone, deadlines too (docs/wire-compatibility.md,
// "Dates"), and a date sent without a zone is wall-clock time there.
#include "http_client.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace projectd::test {
namespace {

TEST(TaskDatesTest, DeadlinesAndStampsUseThePortalTimeZone) {
  TestServer server({"--timezone", "Europe/Berlin"});
  const Headers admin = HttpClient::auth(sign_in(server.port(), kAdminEmail, kAdminPassword));
  HttpClient client(server.port());
  const auto project = client.post_json("/api/2.0/project", {{"title", "Zoned"}}, admin);
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string path = "/api/2.0/project/" +
                           std::to_string(project.json().at("response").at("id").as_int64()) +
                           "/task";
  const auto res = client.post_json(
      path, {{"title", "T"}, {"deadline", "2026-07-01T10:00:00Z"}, {"startDate", "2026-01-15"}},
      admin);
  ASSERT_EQ(res.status, 201) << res.body;
  const auto task = res.json().at("response");
  EXPECT_EQ(task.at("deadline"), "2026-07-01T12:00:00.0000000+02:00");
  EXPECT_EQ(task.at("startDate"), "2026-01-15T00:00:00.0000000+01:00");
  const std::string created(task.at("created").as_string());
  EXPECT_TRUE(created.ends_with("+01:00") || created.ends_with("+02:00")) << created;
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace projectd::test
