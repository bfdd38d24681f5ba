#include "http/router.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

namespace http = boost::beast::http;

Route route(http::verb method, std::string pattern) {
  Route r;
  r.method = method;
  r.pattern = std::move(pattern);
  r.summary = r.pattern;
  r.handler = [](RequestContext&) -> HandlerResult { return ApiResponse{}; };
  return r;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    table_.add(route(http::verb::get, "api/2.0/project/task/{taskid:int}"));
    table_.add(route(http::verb::get, "api/2.0/project/task/@self"));
    table_.add(route(http::verb::get, "api/2.0/project/task/{status}"));
    table_.add(route(http::verb::post, "api/2.0/project/task/{taskid:int}/files"));
    table_.add(route(http::verb::delete_, "api/2.0/project/task/{taskid:int}/files"));
    table_.add(route(http::verb::get, "api/2.0/openapi.json"));
    table_.add(route(http::verb::get, "download")).answers_head = true;
    router_.emplace(table_);
  }
  RouteMatch match(http::verb method, std::vector<std::string> segments) {
    return router_->match(method, segments);
  }
  RouteTable table_;
  std::optional<Router> router_;
};

TEST_F(RouterTest, LiteralsBeatParametersAndIntConstraintsApply) {
  auto self = match(http::verb::get, {"api", "2.0", "project", "task", "@self"});
  ASSERT_NE(self.route, nullptr);
  EXPECT_EQ(self.route->pattern, "api/2.0/project/task/@self");
  auto id = match(http::verb::get, {"api", "2.0", "project", "task", "12"});
  ASSERT_NE(id.route, nullptr);
  EXPECT_EQ(id.route->pattern, "api/2.0/project/task/{taskid:int}");
  ASSERT_EQ(id.path_params.size(), 1u);
  EXPECT_EQ(id.path_params[0].first, "taskid");
  EXPECT_EQ(id.path_params[0].second, "12");
  auto status = match(http::verb::get, {"api", "2.0", "project", "task", "closed"});
  ASSERT_NE(status.route, nullptr);
  EXPECT_EQ(status.route->pattern, "api/2.0/project/task/{status}");
}

TEST_F(RouterTest, EveryRouteAnswersWithAFormatSuffix) {
  auto xml = match(http::verb::get, {"api", "2.0", "project", "task", "12.xml"});
  ASSERT_NE(xml.route, nullptr);
  EXPECT_EQ(xml.route->pattern, "api/2.0/project/task/{taskid:int}");
  EXPECT_EQ(xml.path_params[0].second, "12");
  EXPECT_EQ(xml.suffix_format, Format::kXml);
  auto self = match(http::verb::get, {"api", "2.0", "project", "task", "@self.json"});
  ASSERT_NE(self.route, nullptr);
  EXPECT_EQ(self.route->pattern, "api/2.0/project/task/@self");
  EXPECT_EQ(self.suffix_format, Format::kJson);
  auto files = match(http::verb::post, {"api", "2.0", "project", "task", "7", "files.tml"});
  ASSERT_NE(files.route, nullptr);
  EXPECT_EQ(files.suffix_format, Format::kXml);
  // A literal that ends in .json keeps its dot.
  auto doc = match(http::verb::get, {"api", "2.0", "openapi.json"});
  ASSERT_NE(doc.route, nullptr);
  EXPECT_EQ(doc.route->pattern, "api/2.0/openapi.json");
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnes) {
  auto m = match(http::verb::put, {"api", "2.0", "project", "task", "7", "files"});
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<http::verb>{http::verb::post, http::verb::delete_}));
  auto none = match(http::verb::get, {"api", "2.0", "nothing"});
  EXPECT_EQ(none.route, nullptr);
  EXPECT_TRUE(none.allowed.empty());
}

TEST_F(RouterTest, HeadMatchesOnlyTheGetRoutesThatAnswerIt) {
  auto head = match(http::verb::head, {"download"});
  ASSERT_NE(head.route, nullptr);
  EXPECT_EQ(head.route->pattern, "download");
  EXPECT_EQ(head.route->method, http::verb::get);
  auto put = match(http::verb::put, {"download"});
  EXPECT_EQ(put.route, nullptr);
  EXPECT_EQ(put.allowed, (std::vector<http::verb>{http::verb::get, http::verb::head}));
  auto other = match(http::verb::head, {"api", "2.0", "openapi.json"});
  EXPECT_EQ(other.route, nullptr);
  EXPECT_EQ(other.allowed, std::vector<http::verb>{http::verb::get});
}

TEST(SplitPath, DropsEmptySegments) {
  EXPECT_EQ(split_path("/a//b/"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(split_path("").empty());
}

}  // namespace
}  // namespace projectd
