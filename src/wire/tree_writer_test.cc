#include "wire/tree_writer.h"

#include "wire/json_writer.h"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace projectd {
namespace {

constexpr const char* kTree =
    R"({"a":1,"b":-2,"c":18446744073709551615,"d":"x\"\\\u0001é","e":null,"f":true,"g":[],)"
    R"("h":{},"i":[{"j":[1,{},[2,[]]]}],"k":0.5})";

TEST(TreeWriter, WritesBackTheTreeItWasGiven) {
  const boost::json::value tree = boost::json::parse(kTree);
  EXPECT_EQ(tree_value([&](ApiWriter& out) { out.value(tree); }), tree);
  EXPECT_TRUE(tree_value([](ApiWriter&) {}).is_null());
}

TEST(TreeWriter, IntoAnObjectAddsMembersAndReplacesTheirNamesakes) {
  boost::json::object into{{"first", 1}, {"kept", "yes"}};
  TreeWriter writer(into);
  writer.member("first", "again");
  writer.key("list");
  writer.begin_array();
  writer.integer(2);
  writer.end_array();
  EXPECT_EQ(boost::json::serialize(into), R"({"first":"again","kept":"yes","list":[2]})");
}

TEST(TreeWriter, ObjectAndArrayHelpersGiveEmptyForTheOtherKind) {
  EXPECT_TRUE(tree_object([](ApiWriter& out) { out.integer(1); }).empty());
  EXPECT_TRUE(tree_array([](ApiWriter& out) {
                out.begin_object();
                out.end_object();
              }).empty());
}

TEST(JsonWriter, EventsAsTheirTree) {
  const boost::json::value tree = boost::json::parse(kTree);
  std::string out;
  JsonWriter writer(out);
  writer.value(tree);
  EXPECT_EQ(out, kTree);  // already compact, escaped and with its double as Json.NET writes it
}

}  // namespace
}  // namespace projectd
