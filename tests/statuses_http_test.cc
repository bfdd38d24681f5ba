// api/2.0/project/status: the built-in defaults, custom statuses and who may change them.
#include "project_test_support.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

constexpr const char* kStatus = "/api/2.0/project/status";

const std::vector<std::string> kMembers = {
    "statusType", "canChangeAvailable", "id",    "image", "imageType",
    "title",      "description",        "color", "order", "isDefault",
    "available"};

class StatusesTest : public ProjectSuite {
 protected:
  static void SetUpTestSuite() {
    ProjectSuite::SetUpTestSuite();
    client_ = new HttpClient(port());
    member_ = new Person(add_person());
  }
  static void TearDownTestSuite() {
    delete client_;
    delete member_;
    ProjectSuite::TearDownTestSuite();
  }
  static HttpClient& client() { return *client_; }
  static const Person& member() { return *member_; }

  static boost::json::object create(boost::json::object body) {
    auto res = response_of(client().post_json(kStatus, body, admin()), 201);
    return res.is_object() ? res.as_object() : boost::json::object();
  }
  // The status with this id as GET status lists it; null when it is not listed.
  static boost::json::value listed(std::int64_t id) {
    const auto list = get_ok(kStatus, member().auth());
    for (const auto& s : list.as_array())
      if (s.at("id").as_int64() == id) return s;
    return nullptr;
  }
  static HttpResponse remove(std::int64_t id, const Headers& auth) {
    return client().request("DELETE", std::string(kStatus) + "/" + std::to_string(id), "", auth);
  }

  static HttpClient* client_;
  static Person* member_;
};
HttpClient* StatusesTest::client_ = nullptr;
Person* StatusesTest::member_ = nullptr;

TEST_F(StatusesTest, TheDefaultsComeFirstWithEveryMember) {
  create({{"title", "Later"}, {"statusType", "open"}});
  const auto list = get_ok(kStatus, member().auth()).as_array();
  ASSERT_GE(list.size(), 3u);
  const auto& open = list[0].as_object();
  EXPECT_EQ(keys_of(open), kMembers);
  EXPECT_EQ(open, boost::json::parse(R"({"statusType":1,"canChangeAvailable":false,"id":-1,
      "image":null,"imageType":null,"title":"Open","description":null,"color":"#83888d",
      "order":0,"isDefault":true,"available":true})"));
  EXPECT_EQ(list[1], boost::json::parse(R"({"statusType":2,"canChangeAvailable":false,"id":-2,
      "image":null,"imageType":null,"title":"Closed","description":null,"color":"#83888d",
      "order":0,"isDefault":true,"available":true})"));
  EXPECT_EQ(list[2].at("isDefault"), false);
}

TEST_F(StatusesTest, TheAdminCreatesAStatusWithEveryField) {
  const auto s = create({{"title", "In review"},
                         {"statusType", 2},
                         {"description", "a reviewer looks at it"},
                         {"color", "#ff8800"},
                         {"image", "PHN2Zy8+"},
                         {"imageType", "image/svg+xml"},
                         {"order", 40},
                         {"available", false}});
  EXPECT_EQ(keys_of(s), kMembers);
  EXPECT_GT(s.at("id").as_int64(), 0);
  EXPECT_EQ(s.at("statusType"), 2);
  EXPECT_EQ(s.at("canChangeAvailable"), true);
  EXPECT_EQ(s.at("title"), "In review");
  EXPECT_EQ(s.at("description"), "a reviewer looks at it");
  EXPECT_EQ(s.at("color"), "#ff8800");
  EXPECT_EQ(s.at("image"), "PHN2Zy8+");
  EXPECT_EQ(s.at("imageType"), "image/svg+xml");
  EXPECT_EQ(s.at("order"), 40);
  EXPECT_EQ(s.at("isDefault"), false);
  EXPECT_EQ(s.at("available"), false);
  EXPECT_EQ(listed(s.at("id").as_int64()), s);
}

TEST_F(StatusesTest, WithoutAnOrderAStatusGoesAfterTheOthersOfItsType) {
  const auto first = create({{"title", "Q1"}, {"statusType", "Closed"}, {"order", 70}});
  const auto next = create({{"title", "Q2"}, {"statusType", "closed"}});
  EXPECT_EQ(next.at("order"), 71);
  EXPECT_EQ(next.at("available"), true);
  EXPECT_EQ(next.at("color"), nullptr);
  EXPECT_EQ(first.at("canChangeAvailable"), true);
  const auto open = create({{"title", "Q3"}, {"statusType", "open"}});
  EXPECT_EQ(open.at("canChangeAvailable"), false);
}

TEST_F(StatusesTest, CreatingValidatesAndNeedsAnAdmin) {
  const auto count = get_ok(kStatus, admin()).as_array().size();
  auto post = [](const boost::json::object& body, const Headers& auth) {
    return client().post_json(kStatus, body, auth).status;
  };
  EXPECT_EQ(post({{"title", "X"}, {"statusType", "open"}}, member().auth()), 403);
  EXPECT_EQ(post({{"statusType", "open"}}, admin()), 400);
  EXPECT_EQ(post({{"title", "  "}, {"statusType", "open"}}, admin()), 400);
  EXPECT_EQ(post({{"title", "X"}}, admin()), 400);
  EXPECT_EQ(post({{"title", "X"}, {"statusType", "paused"}}, admin()), 400);
  EXPECT_EQ(post({{"title", "X"}, {"statusType", "open"}, {"order", "first"}}, admin()), 400);
  EXPECT_EQ(post({{"title", "X"}, {"statusType", "open"}, {"isDefault", true}}, admin()), 400);
  const auto missing = client().post_json(kStatus, {{"title", "X"}}, admin());
  EXPECT_NE(error_message(missing).find("statusType"), std::string::npos);
  EXPECT_EQ(get_ok(kStatus, admin()).as_array().size(), count);
}

TEST_F(StatusesTest, UpdateKeepsWhatIsNotSentAndClearsWhatIsSentEmpty) {
  const auto s = create({{"title", "Draft"},
                         {"statusType", "open"},
                         {"description", "first"},
                         {"color", "#111111"},
                         {"order", 5}});
  const auto id = s.at("id").as_int64();
  const auto changed = response_of(
      client().put_json(kStatus, {{"id", id}, {"title", "Drafting"}, {"description", nullptr}},
                        admin()),
      200);
  EXPECT_EQ(changed.at("title"), "Drafting");
  EXPECT_EQ(changed.at("description"), nullptr);
  EXPECT_EQ(changed.at("color"), "#111111");
  EXPECT_EQ(changed.at("order"), 5);
  EXPECT_EQ(changed.at("statusType"), 1);
  EXPECT_EQ(listed(id), changed);

  EXPECT_EQ(client().put_json(kStatus, {{"id", id}, {"title", "X"}}, member().auth()).status, 403);
  EXPECT_EQ(client().put_json(kStatus, {{"title", "X"}}, admin()).status, 400);
  EXPECT_EQ(client().put_json(kStatus, {{"id", 987654}, {"title", "X"}}, admin()).status, 404);
  EXPECT_EQ(client().put_json(kStatus, {{"id", id}, {"title", ""}}, admin()).status, 400);
  EXPECT_EQ(listed(id), changed);
}

TEST_F(StatusesTest, TheDefaultsCannotBeChangedOrDeleted) {
  for (int id : {-1, -2}) {
    const auto put = client().put_json(kStatus, {{"id", id}, {"title", "Mine"}}, admin());
    EXPECT_EQ(put.status, 409);
    EXPECT_NE(error_message(put).find("built-in"), std::string::npos);
    EXPECT_EQ(remove(id, admin()).status, 409);
  }
  const auto list = get_ok(kStatus, admin()).as_array();
  EXPECT_EQ(list[0].at("title"), "Open");
  EXPECT_EQ(list[1].at("title"), "Closed");
}

TEST_F(StatusesTest, BulkUpdateChangesAllOrNone) {
  const auto a = create({{"title", "A"}, {"statusType", "open"}, {"order", 1}}).at("id").as_int64();
  const auto b = create({{"title", "B"}, {"statusType", "open"}, {"order", 2}}).at("id").as_int64();
  const boost::json::array swap{boost::json::object{{"id", a}, {"order", 2}},
                                boost::json::object{{"id", b}, {"order", 1}, {"color", "#222222"}}};
  const auto res = response_of(
      client().put_json("/api/2.0/project/statuses", {{"statuses", swap}}, admin()), 200);
  ASSERT_EQ(res.as_array().size(), 2u);
  EXPECT_EQ(listed(a).at("order"), 2);
  EXPECT_EQ(listed(b).at("order"), 1);
  EXPECT_EQ(listed(b).at("color"), "#222222");
  EXPECT_EQ(listed(a).at("title"), "A");

  const boost::json::array bad{boost::json::object{{"id", a}, {"order", 9}},
                               boost::json::object{{"id", -1}, {"order", 9}}};
  EXPECT_EQ(client().put_json("/api/2.0/project/statuses", {{"statuses", bad}}, admin()).status,
            409);
  EXPECT_EQ(listed(a).at("order"), 2);
  EXPECT_EQ(
      client().put_json("/api/2.0/project/statuses", {{"statuses", swap}}, member().auth()).status,
      403);
  EXPECT_EQ(client().put_json("/api/2.0/project/statuses", {{"x", 1}}, admin()).status, 400);
}

TEST_F(StatusesTest, DeletingAnswersTheStatusAndNeedsAnAdmin) {
  const auto s = create({{"title", "Gone soon"}, {"statusType", "closed"}});
  const auto id = s.at("id").as_int64();
  EXPECT_EQ(remove(id, member().auth()).status, 403);
  EXPECT_EQ(listed(id), s);
  EXPECT_EQ(response_of(remove(id, admin()), 200), s);
  EXPECT_EQ(listed(id), nullptr);
  EXPECT_EQ(remove(id, admin()).status, 404);
  EXPECT_EQ(remove(-7, admin()).status, 404);
}

TEST_F(StatusesTest, TasksMoveToCustomStatusesWithTheAvailabilityRule) {
  const auto review =
      create({{"title", "In review"}, {"statusType", "open"}, {"available", false}});
  const auto review_id = review.at("id").as_int64();
  const Person pm = add_person();
  const auto project =
      create_project_id({{"title", "Statuses"},
                         {"responsibleId", pm.id},
                         {"participants", boost::json::array{boost::json::string(member().id)}}},
                        admin());
  const auto task = response_of(
      client().post_json(project_path(project, "/task"),
                         {{"title", "Write it"},
                          {"responsibles", boost::json::array{boost::json::string(member().id)}}},
                         pm.auth()),
      201);
  const std::string path = "/api/2.0/project/task/" + std::to_string(task.at("id").as_int64());
  EXPECT_FALSE(task.as_object().contains("customTaskStatus"));

  // The responsible may edit the task, but not set a status that is not available to everyone.
  const auto refused =
      client().put_json(path + "/status", {{"statusId", review_id}}, member().auth());
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_FALSE(get_ok(path, pm.auth()).as_object().contains("customTaskStatus"));
  EXPECT_EQ(client().put_json(path + "/status", {{"statusId", 987654}}, pm.auth()).status, 400);
  EXPECT_EQ(client().put_json(path + "/status", boost::json::object{}, pm.auth()).status, 400);

  const auto moved =
      response_of(client().put_json(path + "/status", {{"statusId", review_id}}, pm.auth()), 200);
  EXPECT_EQ(moved.at("customTaskStatus").as_int64(), review_id);
  EXPECT_EQ(moved.at("status"), 1);
  const auto filtered =
      get_ok("/api/2.0/project/task/filter?substatus=" + std::to_string(review_id), pm.auth());
  ASSERT_EQ(filtered.as_array().size(), 1u);
  EXPECT_EQ(filtered.as_array()[0].at("id"), task.at("id"));
  // In use: it cannot go.
  EXPECT_EQ(remove(review_id, admin()).status, 409);

  const auto closed =
      response_of(client().put_json(path + "/status", {{"status", "closed"}}, pm.auth()), 200);
  EXPECT_EQ(closed.at("status"), 2);
  EXPECT_FALSE(closed.as_object().contains("customTaskStatus"));
  EXPECT_EQ(remove(review_id, admin()).status, 200);
}

TEST_F(StatusesTest, TheXmlFormListsEachStatusAsAResponseElement) {
  const auto res = client().get(std::string(kStatus) + ".xml", member().auth());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_NE(res.header("content-type").find("text/xml"), std::string::npos);
  EXPECT_NE(res.body.find("<response><statusType>1</statusType><canChangeAvailable>false</"
                          "canChangeAvailable><id>-1</id><image /><imageType /><title>Open</"
                          "title><description /><color>#83888d</color><order>0</"
                          "order><isDefault>true</isDefault><available>true</available></"
                          "response><response><statusType>2</statusType>"),
            std::string::npos)
      << res.body;
}

}  // namespace
}  // namespace projectd::test
