// Path parameters are declared once, by the pattern (api/path_params.h): their documentation comes
// from it, an undocumented name cannot be declared, and no route lists a path parameter itself.
#include "api/path_params.h"

#include "api/route_group.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace projectd {
namespace {

TEST(PathParams, ThePatternDeclaresEachParameterWithItsTypeAndTheOneDescription) {
  const std::vector<ParamDoc> docs = path_param_docs("api/2.0/project/task/{taskid:int}/{status}");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].name, "taskid");
  EXPECT_EQ(docs[0].in, ParamIn::kPath);
  EXPECT_EQ(docs[0].type, "integer");
  EXPECT_TRUE(docs[0].required);
  EXPECT_EQ(docs[0].description, "task id");
  EXPECT_EQ(docs[1].name, "status");
  EXPECT_EQ(docs[1].type, "string");
  EXPECT_TRUE(path_param_docs("api/2.0/project/filter").empty());
}

TEST(PathParams, AnUndocumentedNameOrABrokenPatternIsRefusedWithThePattern) {
  try {
    path_param_docs("api/2.0/project/{id:int}");
    ADD_FAILURE() << "an undocumented name was accepted";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("api/2.0/project/{id:int}"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("'id'"), std::string::npos);
  }
  EXPECT_THROW(path_param_docs("api/2.0/project/{taskid"), std::logic_error);
}

TEST(PathParams, ARouteGroupDocumentsThemFirstAndRefusesThemInItsOwnList) {
  RouteTable table;
  RouteGroup routes(table, "api/2.0/project/", "tasks",
                    {{"simple", ParamIn::kQuery, "boolean", false, ""}});
  const Route& route = routes.add(boost::beast::http::verb::get, "{projectid:int}/task", "",
                                  {{"count", ParamIn::kQuery, "integer", false, ""}}, nullptr);
  ASSERT_EQ(route.params.size(), 3u);
  EXPECT_EQ(route.params[0].name, "projectid");
  EXPECT_EQ(route.params[1].name, "simple");
  EXPECT_EQ(route.params[2].name, "count");
  EXPECT_THROW(routes.add(boost::beast::http::verb::get, "task/{taskid:int}", "",
                          {{"taskid", ParamIn::kPath, "integer", true, "again"}}, nullptr),
               std::logic_error);
  RouteGroup shared(table, "", "tasks", {{"taskid", ParamIn::kPath, "integer", true, ""}});
  EXPECT_THROW(shared.add(boost::beast::http::verb::get, "task/{taskid:int}", "", {}, nullptr),
               std::logic_error);
}

}  // namespace
}  // namespace projectd
