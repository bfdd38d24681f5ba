#include "http/params.h"

#include "base/errors.h"
#include "http/bad_request_matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace projectd {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Params query(std::string_view encoded) {
  Params params;
  add_urlencoded_params(params, encoded, ParamSource::kQuery);
  return params;
}

Params json_body_params(std::string_view body) {
  Params params;
  add_json_params(params, body);
  return params;
}

const EnumNames kStatus = {{"open", 1}, {"closed", 2}, {"paused", 4}};

TEST(ParamsTest, KeysMatchCaseInsensitively) {
  Params params = query("Title=Hello&ProjectId=12&count=5");
  EXPECT_EQ(params.get_string("title"), "Hello");
  EXPECT_EQ(params.get_string("TITLE"), "Hello");
  EXPECT_EQ(params.get_int("projectid"), 12);
  EXPECT_EQ(params.get_int("projectId"), 12);
  EXPECT_EQ(params.get_int("Count"), 5);
  EXPECT_TRUE(params.has("PROJECTID"));
  EXPECT_FALSE(params.has("project"));
}

TEST(ParamsTest, EntriesKeepKeysAsSentInOrder) {
  Params params = query("Title=a&b=2");
  ASSERT_EQ(params.entries().size(), 2u);
  EXPECT_EQ(params.entries()[0].first, "Title");
  EXPECT_EQ(params.entries()[1].first, "b");
}

TEST(ParamsTest, AbsentKeyIsNulloptEverywhere) {
  Params params;
  EXPECT_FALSE(params.has("x"));
  EXPECT_EQ(params.find("x"), nullptr);
  EXPECT_EQ(params.get_string("x"), std::nullopt);
  EXPECT_EQ(params.get_int("x"), std::nullopt);
  EXPECT_EQ(params.get_bool("x"), std::nullopt);
  EXPECT_EQ(params.get_enum("x", kStatus), std::nullopt);
  EXPECT_EQ(params.get_guid("x"), std::nullopt);
  EXPECT_EQ(params.get_list("x"), std::nullopt);
  EXPECT_EQ(params.get_int_list("x"), std::nullopt);
}

TEST(ParamsTest, RepeatedScalarTakesTheFirst) {
  Params params = query("entityType=task&entityType=project");
  EXPECT_EQ(params.get_string("entitytype"), "task");
}

TEST(ParamsTest, RouteWinsOverEarlierQueryAndBody) {
  Params params;
  add_urlencoded_params(params, "taskid=7", ParamSource::kQuery);
  add_json_params(params, R"({"TaskId": 8})");
  params.add("taskId", "42", ParamSource::kRoute);
  EXPECT_EQ(params.get_int("taskid"), 42);
  EXPECT_EQ(params.find("TASKID")->text, "42");
}

TEST(ParamsTest, QueryBeforeBodyWhenAddedFirst) {
  Params params;
  add_urlencoded_params(params, "title=from-query", ParamSource::kQuery);
  add_json_params(params, R"({"title":"from-body"})");
  EXPECT_EQ(params.get_string("title"), "from-query");
}

TEST(ParamsTest, NullAndEmptyAreAbsentForTypedGettersButNotForHas) {
  Params params =
      json_body_params(R"({"deadline":null,"count":"","flag":null,"status":"  ","title":null})");
  EXPECT_TRUE(params.has("deadline"));
  EXPECT_TRUE(params.find("deadline")->is_null);
  EXPECT_EQ(params.get_int("count"), std::nullopt);
  EXPECT_EQ(params.get_bool("flag"), std::nullopt);
  EXPECT_EQ(params.get_enum("status", kStatus), std::nullopt);
  EXPECT_EQ(params.get_guid("title"), std::nullopt);
  // get_string reports "sent, empty" so PUT can clear the field.
  EXPECT_EQ(params.get_string("title"), "");
  EXPECT_EQ(params.get_string("count"), "");
}

TEST(ParamsTest, StringsAreNotTrimmed) {
  Params params = query("title=+a+b+");
  EXPECT_EQ(params.get_string("title"), " a b ");
}

// --- lists ---

TEST(ParamsTest, ListFromRepeatedKeys) {
  EXPECT_THAT(*query("files=1&files=2").get_int_list("files"), ElementsAre(1, 2));
}

TEST(ParamsTest, ListFromBracketKeys) {
  Params params = query("files%5B%5D=1&files[]=2");
  EXPECT_TRUE(params.has("files"));
  EXPECT_THAT(*params.get_int_list("files"), ElementsAre(1, 2));
}

TEST(ParamsTest, ListMixesPlainAndBracketKeysOfOneSource) {
  EXPECT_THAT(*query("files=1&Files[]=2&FILES=3").get_int_list("files"), ElementsAre(1, 2, 3));
}

TEST(ParamsTest, ListFromJsonArray) {
  EXPECT_THAT(*json_body_params(R"({"files":[1,"2",3]})").get_int_list("files"),
              ElementsAre(1, 2, 3));
}

TEST(ParamsTest, ListFromJsonScalar) {
  EXPECT_THAT(*json_body_params(R"({"files":123})").get_int_list("files"), ElementsAre(123));
}

TEST(ParamsTest, ListFromSingleStringWhereAListIsExpected) {
  EXPECT_THAT(*json_body_params(R"({"responsibles":"5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c"})")
                   .get_list("responsibles"),
              ElementsAre("5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c"));
}

// Issue 15: a client that sends whole objects (FileWrappers) where a list of ids is expected.
TEST(ParamsTest, AListOfObjectsWithIdsBindsAsTheIds) {
  EXPECT_THAT(*json_body_params(R"({"files":[{"id":12,"title":"a.txt"},{"title":"b","id":"13"}]})")
                   .get_int_list("files"),
              ElementsAre(12, 13));
  EXPECT_THAT(*query("files[][id]=12&files[][title]=a&files[][id]=14").get_int_list("Files"),
              ElementsAre(12, 14));
  EXPECT_THAT(*query("files[0][id]=5&files[1][id]=6").get_int_list("files"), ElementsAre(5, 6));
  // The plain forms win; members other than id, and other keys' ids, are never read.
  EXPECT_THAT(*query("files=1&files[][id]=2").get_int_list("files"), ElementsAre(1));
  EXPECT_FALSE(query("files[][title]=a&filesx[][id]=3").get_int_list("files"));
  EXPECT_FALSE(query("file[][id]=3&files[a][id]=4").get_int_list("files"));
  // An id that is not a number is still a clear 400.
  EXPECT_THROW(json_body_params(R"({"files":[{"id":"x"}]})").get_int_list("files"), ApiError);
}

TEST(ParamsTest, ListFromCommaSeparatedString) {
  EXPECT_THAT(*query("fileIds=1,2").get_int_list("fileids"), ElementsAre(1, 2));
  EXPECT_THAT(*query("participants=a,%20b,,c").get_list("participants"),
              ElementsAre("a", "b", "c"));
  EXPECT_THAT(*json_body_params(R"({"fileIds":"3, 4"})").get_int_list("fileIds"),
              ElementsAre(3, 4));
}

TEST(ParamsTest, AListHoldsAtMostAThousandItems) {
  std::string items;
  for (std::size_t i = 1; i <= Params::kMaxListItems; ++i)
    items += (i == 1 ? "" : ",") + std::to_string(i);
  EXPECT_EQ(json_body_params(R"({"files":[)" + items + "]}").get_int_list("files")->size(), 1000u);
  EXPECT_EQ(query("fileIds=" + items).get_list("fileIds")->size(), 1000u);
  try {
    json_body_params(R"({"Files":[)" + items + ",1001]}").get_int_list("files");
    FAIL() << "1001 items were accepted";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kBadRequest);
    EXPECT_STREQ(e.what(), "Parameter 'Files': at most 1000 items are accepted");
  }
  EXPECT_THROW(query("fileIds=" + items + ",1001").get_list("fileids"), ApiError);
}

TEST(ParamsTest, NullEmptyArrayAndEmptyStringAreEmptyLists) {
  EXPECT_THAT(*json_body_params(R"({"files":null})").get_int_list("files"), IsEmpty());
  EXPECT_THAT(*json_body_params(R"({"files":[]})").get_int_list("files"), IsEmpty());
  EXPECT_THAT(*json_body_params(R"({"files":""})").get_int_list("files"), IsEmpty());
  EXPECT_THAT(*query("files=").get_int_list("files"), IsEmpty());
  EXPECT_THAT(*query("files").get_list("files"), IsEmpty());
  EXPECT_TRUE(json_body_params(R"({"files":[]})").has("files"));
}

TEST(ParamsTest, ListIgnoresShapesItDoesNotUnderstand) {
  // An indexed scalar is neither the list nor an object's id.
  Params params = query("files[0]=3&files[x]=4&files[0][title]=a");
  EXPECT_FALSE(params.has("files"));
  EXPECT_EQ(params.get_int_list("files"), std::nullopt);
  EXPECT_EQ(params.get_int("files"), std::nullopt);

  // Objects' ids are the list (AListOfObjectsWithIdsBindsAsTheIds), and each member stays readable
  // by its own name.
  Params body = json_body_params(R"({"files":[{"id":1},{"id":2}]})");
  EXPECT_FALSE(body.has("files"));
  EXPECT_THAT(*body.get_int_list("files"), ElementsAre(1, 2));
  EXPECT_EQ(body.get_int("files[1][id]"), 2);
}

TEST(ParamsTest, ListPrefersRoute) {
  Params params;
  add_urlencoded_params(params, "files=1&files=2", ParamSource::kQuery);
  params.add("files", "9", ParamSource::kRoute);
  EXPECT_THAT(*params.get_int_list("files"), ElementsAre(9));
}

TEST(ParamsTest, ListComesFromTheFirstSourceOnly) {
  Params params;
  add_urlencoded_params(params, "files=1", ParamSource::kQuery);
  add_json_params(params, R"({"files":[2,3]})");
  EXPECT_THAT(*params.get_int_list("files"), ElementsAre(1));

  Params body_first;
  add_json_params(body_first, R"({"files":[2,3]})");
  add_urlencoded_params(body_first, "files=1", ParamSource::kQuery);
  EXPECT_THAT(*body_first.get_int_list("files"), ElementsAre(2, 3));
}

TEST(ParamsTest, IntListWithJunkNamesTheParameter) {
  EXPECT_EQ(bad_request_message([] { query("Files=1,x").get_int_list("files"); }),
            "Parameter 'Files' must be a list of integers");
  EXPECT_EQ(
      bad_request_message([] { json_body_params(R"({"files":[1.5]})").get_int_list("files"); }),
      "Parameter 'files' must be a list of integers");
}

// --- integers ---

TEST(ParamsTest, IntForms) {
  Params params =
      query("a=42&b=-7&c=%2B8&d=+9+&e=9223372036854775807&f=-9223372036854775808&g=007");
  EXPECT_EQ(params.get_int("a"), 42);
  EXPECT_EQ(params.get_int("b"), -7);
  EXPECT_EQ(params.get_int("c"), 8);
  EXPECT_EQ(params.get_int("d"), 9);  // `+` decodes to spaces, which are trimmed
  EXPECT_EQ(params.get_int("e"), INT64_MAX);
  EXPECT_EQ(params.get_int("f"), INT64_MIN);
  EXPECT_EQ(params.get_int("g"), 7);
}

TEST(ParamsTest, IntJunkNamesTheParameterAsSent) {
  for (std::string_view junk : {"abc", "12abc", "1.5", "1e3", "--1", "+-1", "0x10", "1 2", "+"}) {
    Params params;
    params.add("TaskId", junk, ParamSource::kQuery);
    EXPECT_EQ(bad_request_message([&] { params.get_int("taskid"); }),
              "Parameter 'TaskId' must be an integer")
        << junk;
  }
}

TEST(ParamsTest, IntOverflowIsRejected) {
  EXPECT_EQ(bad_request_message([] { query("taskid=9223372036854775808").get_int("taskid"); }),
            "Parameter 'taskid' must be an integer between -9223372036854775808 and "
            "9223372036854775807");
  EXPECT_EQ(bad_request_message([] { query("taskid=-99999999999999999999").get_int("taskid"); }),
            "Parameter 'taskid' must be an integer between -9223372036854775808 and "
            "9223372036854775807");
}

// --- bools ---

TEST(ParamsTest, BoolForms) {
  Params params = query("a=true&b=False&c=TRUE&d=1&e=0&f=on&g=OFF&h=+true+");
  EXPECT_EQ(params.get_bool("a"), true);
  EXPECT_EQ(params.get_bool("b"), false);
  EXPECT_EQ(params.get_bool("c"), true);
  EXPECT_EQ(params.get_bool("d"), true);
  EXPECT_EQ(params.get_bool("e"), false);
  EXPECT_EQ(params.get_bool("f"), true);
  EXPECT_EQ(params.get_bool("g"), false);
  EXPECT_EQ(params.get_bool("h"), true);
  EXPECT_EQ(json_body_params(R"({"notify":false})").get_bool("notify"), false);
}

TEST(ParamsTest, BoolJunkIsRejected) {
  for (std::string_view junk : {"yes", "2", "truee", "t"}) {
    Params params;
    params.add("Notify", junk, ParamSource::kBody);
    EXPECT_EQ(bad_request_message([&] { params.get_bool("notify"); }),
              "Parameter 'Notify' must be true or false")
        << junk;
  }
}

// --- enums ---

TEST(ParamsTest, EnumByNameInAnyCaseOrByNumber) {
  EXPECT_EQ(query("status=closed").get_enum("status", kStatus), 2);
  EXPECT_EQ(query("status=Closed").get_enum("status", kStatus), 2);
  EXPECT_EQ(query("status=OPEN").get_enum("status", kStatus), 1);
  EXPECT_EQ(query("status=4").get_enum("status", kStatus), 4);
  EXPECT_EQ(query("status=+2+").get_enum("status", kStatus), 2);
  EXPECT_EQ(json_body_params(R"({"status":2})").get_enum("status", kStatus), 2);
  EXPECT_EQ(query("linkType=Start").get_enum("linktype", {{"start", 0}, {"end", 1}}), 0);
  EXPECT_EQ(query("n=-1").get_enum("n", {{"none", -1}}), -1);
}

TEST(ParamsTest, EnumOutsideTheListIsRejected) {
  const std::string expected =
      "Parameter 'Status' must be one of: open (1), closed (2), paused (4)";
  EXPECT_EQ(bad_request_message([] { query("Status=3").get_enum("status", kStatus); }), expected);
  EXPECT_EQ(bad_request_message([] { query("Status=shut").get_enum("status", kStatus); }),
            expected);
  EXPECT_EQ(bad_request_message([] { query("Status=clos").get_enum("status", kStatus); }),
            expected);
}

// --- GUIDs ---

TEST(ParamsTest, GuidForms) {
  const std::string expected = "5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c";
  for (std::string_view form :
       {"5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c", "5E8A1C2D-3F4B-4A6E-9C7D-1B2E3F4A5B6C",
        "{5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c}", "(5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c)",
        "5e8a1c2d3f4b4a6e9c7d1b2e3f4a5b6c", "{5E8A1C2D3F4B4A6E9C7D1B2E3F4A5B6C}",
        " 5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c "}) {
    Params params;
    params.add("userId", form, ParamSource::kQuery);
    EXPECT_EQ(params.get_guid("userid"), expected) << form;
  }
}

TEST(ParamsTest, GuidJunkIsRejected) {
  for (std::string_view junk :
       {"5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6", "5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6g",
        "5e8a1c2d3f4b-4a6e-9c7d-1b2e3f4a5b6c-", "{5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c", "12",
        "5e8a1c2d-3f4b-4a6e-9c7d1-b2e3f4a5b6c"}) {
    Params params;
    params.add("UserId", junk, ParamSource::kQuery);
    EXPECT_EQ(bad_request_message([&] { params.get_guid("userid"); }),
              "Parameter 'UserId' must be a GUID such as 5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c")
        << junk;
  }
}

TEST(ParamsTest, GuidListInEveryListFormNormalized) {
  const std::string a = "5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c";
  const std::string b = "0f8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6d";
  EXPECT_THAT(*query("participants=5E8A1C2D3F4B4A6E9C7D1B2E3F4A5B6C,{" + b + "}")
                   .get_guid_list("participants"),
              ElementsAre(a, b));
  EXPECT_THAT(
      *json_body_params(R"({"participants":[")" + a + R"("]})").get_guid_list("participants"),
      ElementsAre(a));
  EXPECT_THAT(*json_body_params(R"({"participants":null})").get_guid_list("participants"),
              IsEmpty());
  EXPECT_EQ(query("x=1").get_guid_list("participants"), std::nullopt);
  EXPECT_EQ(bad_request_message(
                [&] { query("Participants=" + a + ",12").get_guid_list("participants"); }),
            "Parameter 'Participants' must be a list of GUIDs");
}

// --- bracket spelling of scalars ---

TEST(ParamsTest, BracketSpellingCountsForScalarsToo) {
  Params params = query("projectId[]=5");
  EXPECT_TRUE(params.has("projectid"));
  EXPECT_EQ(params.get_int("projectId"), 5);
}

// --- indexed lists of objects ---

TEST(ParamsTest, ObjectsOfAJsonArrayInIndexOrderWithTheirOwnMembers) {
  const Params params = json_body_params(
      R"({"tasks":[{"title":"a","responsibles":["x","y"]},{"Title":"b","milestone":2}],"title":"p"})");
  const std::vector<Params> tasks = params.objects_of("Tasks", 10);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].get_string("title"), "a");
  EXPECT_THAT(*tasks[0].get_list("responsibles"), ElementsAre("x", "y"));
  EXPECT_FALSE(tasks[0].has("milestone"));
  EXPECT_EQ(tasks[1].get_string("title"), "b");
  EXPECT_EQ(tasks[1].get_int("milestone"), 2);
  EXPECT_EQ(params.get_string("title"), "p");  // the outer key is not an object's member
  EXPECT_THAT(params.objects_of("milestones", 10), IsEmpty());
}

TEST(ParamsTest, ObjectsOfAFormSortNumericallyAndKeepBracketLists) {
  const std::vector<Params> tasks =
      query(
          "tasks[10][title]=ten&tasks[2][title]=two&tasks[2][responsibles][]=r&tasks[x][title]=no"
          "&tasks[3]=scalar")
          .objects_of("tasks", 100);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].get_string("title"), "two");
  EXPECT_THAT(*tasks[0].get_list("responsibles"), ElementsAre("r"));
  EXPECT_EQ(tasks[1].get_string("title"), "ten");
}

TEST(ParamsTest, ObjectMemberErrorsNameTheFullKeyAndTheIndexIsCapped) {
  const std::vector<Params> tasks = query("tasks[1][deadline]=soon").objects_of("tasks", 10);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(bad_request_message([&] { tasks[0].get_int("deadline"); }),
            "Parameter 'tasks[1][deadline]' must be an integer");
  EXPECT_EQ(bad_request_message([&] { query("tasks[5][title]=x").objects_of("tasks", 5); }),
            "Parameter 'tasks[5][title]': at most 5 items are accepted");
}

}  // namespace
}  // namespace projectd
