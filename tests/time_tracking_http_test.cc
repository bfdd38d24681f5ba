// api/2.0/project time tracking: TimeWrapper as the original writes it, exact sums, every filter,
// the rights (404 -> 409 -> 403 -> 400) and what deleting a task or a project does to its time.
#include "task_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class TimeTrackingTest : public TaskSuite {
 protected:
  // POST task/{task}/time; `body` gets the defaults it lacks.
  static HttpResponse log(std::int64_t task, boost::json::object body, const Headers& auth) {
    if (!body.contains("date")) body["date"] = "2026-12-06";
    if (!body.contains("hours")) body["hours"] = 1;
    return call("POST", task_path(task, "/time"), body, auth);
  }
  // Logs time and returns the entry's id; fails the test unless 201.
  static std::int64_t log_id(std::int64_t task, boost::json::object body, const Headers& auth) {
    const auto res = log(task, std::move(body), auth);
    EXPECT_EQ(res.status, 201) << res.body;
    if (res.status != 201) return 0;
    return res.json().at("response").at("id").as_int64();
  }
  static boost::json::value filter(const std::string& query, const Headers& auth) {
    return get_ok("/api/2.0/project/time/filter?" + query, auth);
  }
  static boost::json::value filter_total(const std::string& query, const Headers& auth) {
    return get_ok("/api/2.0/project/time/filter/total?" + query, auth);
  }
  static std::string project_q(std::int64_t project) {
    return "projectid=" + std::to_string(project);
  }
};

TEST_F(TimeTrackingTest, LoggedTimeIsATimeWrapperWithTheOriginalsMembersAndTypes) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t task = create_task_id(project, {{"title", "Measured"}}, admin());
  const auto res = log(task,
                       {{"note", "Wrote it"},
                        {"date", "2026-12-06T15:30:00"},
                        {"personId", member.id},
                        {"hours", 1.5},
                        {"projectId", project}},
                       member.auth());
  ASSERT_EQ(res.status, 201) << res.body;
  const auto entry = res.json().at("response").as_object();
  EXPECT_THAT(keys_of(entry),
              ElementsAre("canEdit", "id", "date", "hours", "note", "relatedProject", "task",
                          "relatedTask", "relatedTaskTitle", "createdBy", "person", "paymentStatus",
                          "statusChanged", "canEditPaymentStatus", "createOn"));
  EXPECT_EQ(entry.at("canEdit"), true);
  EXPECT_TRUE(entry.at("id").is_int64());
  EXPECT_EQ(entry.at("date"), "2026-12-06T00:00:00.0000000Z");  // the day, as the original keeps it
  EXPECT_EQ(entry.at("hours"), 1.5);
  EXPECT_THAT(res.body, HasSubstr("\"hours\":1.5,"));
  EXPECT_EQ(entry.at("note"), "Wrote it");
  EXPECT_EQ(entry.at("relatedProject"), project);
  EXPECT_EQ(entry.at("task").at("id"), task);
  EXPECT_EQ(entry.at("relatedTask"), task);
  EXPECT_EQ(entry.at("relatedTaskTitle"), "Measured");
  EXPECT_EQ(entry.at("createdBy").at("id").as_string(), member.id);
  EXPECT_TRUE(entry.at("person").is_null());  // the creator spent it
  EXPECT_EQ(entry.at("paymentStatus"), 0);
  EXPECT_EQ(entry.at("statusChanged"), "0001-01-01T00:00:00.0000000Z");
  EXPECT_EQ(entry.at("canEditPaymentStatus"), false);
  EXPECT_TRUE(entry.at("createOn").is_string());

  // The manager logs for the member: `person` is the member, and the manager sets the status.
  const auto other = log(task, {{"personId", member.id}, {"hours", "2"}}, admin());
  ASSERT_EQ(other.status, 201) << other.body;
  EXPECT_EQ(other.json().at("response").at("person").at("id").as_string(), member.id);
  EXPECT_EQ(other.json().at("response").at("canEditPaymentStatus"), true);
  EXPECT_THAT(other.body, HasSubstr("\"hours\":2.0,"));

  const auto list = get_ok("/api/2.0/project/task/" + std::to_string(task) + "/time", admin());
  ASSERT_EQ(list.as_array().size(), 2u);
  const auto xml = HttpClient(port()).get(
      "/api/2.0/project/task/" + std::to_string(task) + "/time.xml", admin());
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_THAT(xml.body, HasSubstr("<hours>1.5</hours>"));
  EXPECT_THAT(xml.body, HasSubstr("<person />"));
  EXPECT_THAT(xml.body, HasSubstr("<total>2</total>"));
}

// Time is kept in whole seconds and summed as integers: thirty times 0.1 h is exactly 3 h, and
// three times 0.7 h exactly 2.1 h, wherever a total shows.
TEST_F(TimeTrackingTest, TotalsAreExactlyWhatAPersonWouldCompute) {
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {}, admin());
  const std::int64_t other = create_task_id(project, {}, admin());
  for (int i = 0; i < 30; ++i)
    log_id(task, {{"personId", admin_id()}, {"hours", 0.1}}, admin());
  HttpClient client(port());
  auto res = client.get("/api/2.0/project/time/filter/total?" + project_q(project), admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_THAT(res.body, HasSubstr("\"response\":3.0}"));
  EXPECT_EQ(task_full(task).at("timeSpend"), 3.0);
  for (int i = 0; i < 3; ++i)
    log_id(other, {{"personId", admin_id()}, {"hours", "0.7"}}, admin());
  res = client.get("/api/2.0/project/time/filter/total?" + project_q(project), admin());
  EXPECT_THAT(res.body, HasSubstr("\"response\":5.1}"));
  EXPECT_EQ(task_full(other).at("timeSpend"), 2.1);
  EXPECT_EQ(get_ok(project_path(project, "/time/total"), admin()), "5:06");
  res = client.get("/api/2.0/project/time/filter/total.xml?" + project_q(project), admin());
  EXPECT_THAT(res.body, HasSubstr("<response>5.1</response>"));
  res = client.get(project_path(project, "/time/total.xml"), admin());
  EXPECT_THAT(res.body, HasSubstr("<response>5:06</response>"));
  EXPECT_EQ(get_ok(project_path(project), admin()).at("timeTrackingTotal"), "5:06");
  EXPECT_EQ(task_full(task).at("project").at("timeTrackingTotal"), "5:06");
  // Lists show the same total for each project of the page.
  bool listed = false;
  const auto projects = get_ok("/api/2.0/project/filter", admin());
  for (const auto& p : projects.as_array()) {
    if (p.at("id") == project) listed = p.at("timeTrackingTotal") == "5:06";
  }
  EXPECT_TRUE(listed);
  // A project without time shows the original's empty text and 0.0.
  const std::int64_t idle = make_project();
  EXPECT_EQ(get_ok(project_path(idle, "/time/total"), admin()), "");
  EXPECT_EQ(get_ok(project_path(idle), admin()).at("timeTrackingTotal"), "");
  res = client.get("/api/2.0/project/time/filter/total?" + project_q(idle), admin());
  EXPECT_THAT(res.body, HasSubstr("\"response\":0.0}"));
  // 20 minutes as the web UI sends it: a third of an hour.
  log_id(create_task_id(idle, {}, admin()), {{"personId", admin_id()}, {"hours", 1.0 / 3}},
         admin());
  EXPECT_EQ(get_ok(project_path(idle, "/time/total"), admin()), "0:20");
}

TEST_F(TimeTrackingTest, BadInputAnswers400AndStoresNothing) {
  const Person guest = add_person(true);
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {}, admin());
  const std::int64_t elsewhere = make_project();
  const std::vector<std::pair<boost::json::object, std::string>> cases = {
      {{{"personId", admin_id()}, {"hours", 0}}, "more than 0"},
      {{{"personId", admin_id()}, {"hours", -1}}, "more than 0"},
      {{{"personId", admin_id()}, {"hours", 24.5}}, "at most 24"},
      {{{"personId", admin_id()}, {"hours", "abc"}}, "number of hours"},
      {{{"personId", admin_id()}, {"hours", "NaN"}}, "number of hours"},
      {{{"personId", admin_id()}, {"hours", 0.0001}}, "less than one second"},
      {{{"personId", admin_id()}, {"date", nullptr}}, "'date' is required"},
      {{{"personId", admin_id()}, {"date", "yesterday"}}, "date"},
      {{{"hours", 1}}, "'personId' is required"},
      {{{"personId", "00000000-0000-0000-0000-000000000000"}}, "'personId' is required"},
      {{{"personId", "not-a-guid"}}, "personId"},
      {{{"personId", "11111111-2222-3333-4444-555555555555"}}, "there is no user"},
      {{{"personId", guest.id}}, "guest"},
      {{{"personId", admin_id()}, {"projectId", elsewhere}}, "is in project"},
  };
  for (const auto& [body, message] : cases) {
    boost::json::object sent = body;
    if (!sent.contains("hours")) sent["hours"] = 1;
    if (!sent.contains("date")) sent["date"] = "2026-12-06";
    if (sent.at("date").is_null()) sent.erase("date");
    const auto res = call("POST", task_path(task, "/time"), sent, admin());
    EXPECT_EQ(res.status, 400) << boost::json::serialize(sent) << " " << res.body;
    EXPECT_THAT(error_message(res), HasSubstr(message)) << boost::json::serialize(sent);
  }
  EXPECT_EQ(get_ok("/api/2.0/project/" + task_path(task, "/time"), admin()), boost::json::array());
  const std::int64_t id = log_id(task, {{"personId", admin_id()}}, admin());
  EXPECT_EQ(call("PUT", "time/" + std::to_string(id), {{"hours", 30}}, admin()).status, 400);
  EXPECT_EQ(call("PUT", "time/times/status",
                 {{"timeids", boost::json::array{id}}, {"status", "paid"}}, admin())
                .status,
            400);
  EXPECT_EQ(call("PUT", "time/times/status", {{"timeids", boost::json::array{id}}}, admin()).status,
            400);
  EXPECT_EQ(call("DELETE", "time/times/remove", {}, admin()).status, 400);
  EXPECT_EQ(HttpClient(port()).get("/api/2.0/project/time/filter?status=sometimes", admin()).status,
            400);
  EXPECT_EQ(filter_total(project_q(project), admin()), 1.0);
}

TEST_F(TimeTrackingTest, RightsFollowTheTaskAndTheEntry) {
  const Person member = add_person();
  const Person peer = add_person();
  const Person outsider = add_person();
  const std::int64_t project =
      create_project_id({{"title", "Timed"},
                         {"private", true},
                         {"participants", boost::json::array{member.id, peer.id}}},
                        admin());
  const std::int64_t task = create_task_id(project, {}, admin());
  const std::string task_time = "task/" + std::to_string(task) + "/time";
  // Hidden: 404 for reading and writing; anonymous: 401.
  EXPECT_EQ(call("GET", task_time, nullptr, outsider.auth()).status, 404);
  EXPECT_EQ(log(task, {{"personId", outsider.id}}, outsider.auth()).status, 404);
  EXPECT_EQ(call("GET", task_time, nullptr, {}).status, 401);
  EXPECT_EQ(call("GET", std::to_string(project) + "/time", nullptr, outsider.auth()).status, 404);
  EXPECT_EQ(call("GET", std::to_string(project) + "/time/total", nullptr, outsider.auth()).status,
            404);

  const std::int64_t mine = log_id(task, {{"personId", member.id}}, member.auth());
  const std::int64_t managers = log_id(task, {{"personId", admin_id()}}, admin());
  const std::int64_t for_member = log_id(task, {{"personId", member.id}}, admin());
  EXPECT_THAT(ids_of(filter("", outsider.auth())), ::testing::Not(::testing::Contains(mine)));
  // The member changes what they spent or logged, never the manager's own; the peer nothing.
  EXPECT_EQ(call("PUT", "time/" + std::to_string(mine), {{"note", "mine"}}, member.auth()).status,
            200);
  EXPECT_EQ(call("PUT", "time/" + std::to_string(for_member), {{"hours", 2}}, member.auth()).status,
            200);
  auto res = call("PUT", "time/" + std::to_string(managers), {{"hours", 2}}, member.auth());
  EXPECT_EQ(res.status, 403) << res.body;
  EXPECT_EQ(call("PUT", "time/" + std::to_string(mine), {{"hours", 2}}, peer.auth()).status, 403);
  // Handing one's entry to someone else would lose it: 403 unless one logged it.
  EXPECT_EQ(
      call("PUT", "time/" + std::to_string(for_member), {{"personId", peer.id}}, member.auth())
          .status,
      403);
  // Only the manager sets the payment status; a billed entry is the manager's alone.
  res = call("PUT", "time/times/status",
             {{"timeids", boost::json::array{mine}}, {"status", "billed"}}, member.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("failed").at(0).at("statusCode"), 403);
  res = call("PUT", "time/times/status",
             {{"timeids", boost::json::array{mine, 999999}}, {"status", 2}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at(0).at("paymentStatus"), 2);
  EXPECT_NE(res.json().at("response").at(0).at("statusChanged"), "0001-01-01T00:00:00.0000000Z");
  EXPECT_EQ(res.json().at("failed").at(0).at("id"), 999999);
  EXPECT_EQ(res.json().at("failed").at(0).at("statusCode"), 404);
  EXPECT_EQ(call("PUT", "time/" + std::to_string(mine), {{"note", "x"}}, member.auth()).status,
            403);
  res = call("DELETE", "time/times/remove", {{"timeids", boost::json::array{mine}}}, member.auth());
  EXPECT_EQ(res.json().at("failed").at(0).at("statusCode"), 403);
  EXPECT_EQ(get_ok("/api/2.0/project/" + task_time, member.auth()).at(0).at("canEdit"), true);
  // A member whose team security denies tasks sees none of their time.
  ASSERT_EQ(call("PUT", std::to_string(project) + "/team/security",
                 {{"userId", peer.id}, {"security", "tasks"}, {"visible", false}}, admin())
                .status,
            200);
  EXPECT_EQ(call("GET", task_time, nullptr, peer.auth()).status, 404);
  EXPECT_EQ(filter(project_q(project), peer.auth()), boost::json::array());
  EXPECT_EQ(filter_total(project_q(project), peer.auth()), 0.0);
  EXPECT_EQ(get_ok(project_path(project, "/time/total"), peer.auth()), "");
  // A closed project refuses every change with 409, to the manager too.
  set_project_status(project, "closed");
  EXPECT_EQ(log(task, {{"personId", admin_id()}}, admin()).status, 409);
  EXPECT_EQ(call("PUT", "time/" + std::to_string(managers), {{"hours", 2}}, admin()).status, 409);
  res = call("DELETE", "time/times/remove", {{"timeids", boost::json::array{managers}}}, admin());
  EXPECT_EQ(res.json().at("failed").at(0).at("statusCode"), 409);
  res = call("PUT", "time/times/status",
             {{"timeids", boost::json::array{managers}}, {"status", "notBilled"}}, admin());
  EXPECT_EQ(res.json().at("failed").at(0).at("statusCode"), 409);
  set_project_status(project, "open");
  res = call("DELETE", "time/times/remove", {{"timeids", boost::json::array{managers, mine}}},
             admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(ids_of(res.json().at("response")), (std::vector<std::int64_t>{managers, mine}));
  EXPECT_EQ(ids_of(get_ok("/api/2.0/project/" + task_time, admin())),
            std::vector<std::int64_t>{for_member});
}

TEST_F(TimeTrackingTest, PutKeepsWhatIsNotSent) {
  const std::int64_t project = make_project();
  const std::int64_t task = create_task_id(project, {}, admin());
  const std::int64_t id =
      log_id(task, {{"personId", admin_id()}, {"note", "first"}, {"hours", 0.5}}, admin());
  auto res = call("PUT", "time/" + std::to_string(id), {{"date", "2026-11-30"}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  auto entry = res.json().at("response");
  EXPECT_EQ(entry.at("note"), "first");
  EXPECT_EQ(entry.at("hours"), 0.5);
  EXPECT_EQ(entry.at("date"), "2026-11-30T00:00:00.0000000Z");
  res = call("PUT", "time/" + std::to_string(id), {{"note", nullptr}, {"hours", 0.25}}, admin());
  entry = res.json().at("response");
  EXPECT_TRUE(entry.at("note").is_null());
  EXPECT_EQ(entry.at("hours"), 0.25);
  EXPECT_EQ(call("PUT", "time/999999", {{"hours", 1}}, admin()).status, 404);
}

TEST_F(TimeTrackingTest, TheFilterHonoursEveryParameterAndPagesHonestly) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t other_project = make_project();
  const std::int64_t milestone = insert_milestone(project, "M", "2027-01-01T00:00:00Z", admin_id());
  const std::int64_t in_milestone =
      create_task_id(project, {{"title", "Milestone work"}, {"milestoneid", milestone}}, admin());
  const std::int64_t plain = create_task_id(project, {{"title", "Plain"}}, admin());
  const std::int64_t other = create_task_id(other_project, {}, admin());
  const std::int64_t a = log_id(
      in_milestone, {{"personId", member.id}, {"date", "2026-12-01"}, {"hours", 3}}, admin());
  const std::int64_t b = log_id(
      plain, {{"personId", admin_id()}, {"date", "2026-12-02"}, {"hours", 1}, {"note", "zebra"}},
      admin());
  const std::int64_t c = log_id(
      plain, {{"personId", member.id}, {"date", "2026-12-03"}, {"hours", 2}, {"note", "Apple"}},
      admin());
  const std::int64_t d = log_id(other, {{"personId", admin_id()}, {"date", "2026-12-04"}}, admin());
  ASSERT_EQ(call("PUT", "time/times/status",
                 {{"timeids", boost::json::array{c}}, {"status", "billed"}}, admin())
                .status,
            200);

  EXPECT_EQ(ids_of(filter(project_q(project), admin())), (std::vector<std::int64_t>{a, b, c}));
  EXPECT_EQ(ids_of(filter("participant=" + member.id, admin())), (std::vector<std::int64_t>{a, c}));
  EXPECT_EQ(ids_of(filter("milestone=" + std::to_string(milestone), admin())),
            std::vector<std::int64_t>{a});
  EXPECT_EQ(ids_of(filter("status=Billed&" + project_q(project), admin())),
            std::vector<std::int64_t>{c});
  EXPECT_EQ(ids_of(filter("status=0&" + project_q(project), admin())),
            (std::vector<std::int64_t>{a, b}));
  EXPECT_EQ(ids_of(filter("createdStart=2026-12-02&createdStop=2026-12-03&" + project_q(project),
                          admin())),
            (std::vector<std::int64_t>{b, c}));
  EXPECT_EQ(ids_of(filter("FilterValue=ZEBRA&" + project_q(project), admin())),
            std::vector<std::int64_t>{b});
  EXPECT_EQ(ids_of(filter("filterValue=milestone%20work&" + project_q(project), admin())),
            std::vector<std::int64_t>{a});
  EXPECT_EQ(ids_of(filter("lastId=" + std::to_string(b) + "&" + project_q(project), admin())),
            std::vector<std::int64_t>{c});
  EXPECT_EQ(ids_of(filter("myProjects=true", member.auth())), (std::vector<std::int64_t>{a, b, c}));
  EXPECT_EQ(filter("departament=11111111-2222-3333-4444-555555555555", admin()),
            boost::json::array());
  EXPECT_EQ(ids_of(filter("sortBy=hours&sortOrder=descending&" + project_q(project), admin())),
            (std::vector<std::int64_t>{a, c, b}));
  EXPECT_EQ(ids_of(filter("sortBy=note&" + project_q(project), admin())),
            (std::vector<std::int64_t>{a, c, b}));  // no note, Apple, zebra
  EXPECT_EQ(ids_of(filter("sortBy=nonsense&sortOrder=descending&" + project_q(project), admin())),
            (std::vector<std::int64_t>{c, b, a}));  // the default column: date
  EXPECT_EQ(ids_of(filter(project_q(other_project), admin())), std::vector<std::int64_t>{d});
  EXPECT_EQ(filter_total("participant=" + member.id, admin()), 5.0);

  const auto page = HttpClient(port()).get(
      "/api/2.0/project/time/filter?Count=2&StartIndex=1&" + project_q(project), admin());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(ids_of(page.json().at("response")), (std::vector<std::int64_t>{b, c}));
  EXPECT_EQ(page.json().at("total"), 3);
  const auto task_page =
      get_ok("/api/2.0/project/task/" + std::to_string(plain) + "/time?count=1", admin());
  EXPECT_EQ(ids_of(task_page), std::vector<std::int64_t>{c});  // the newest day first
  EXPECT_EQ(ids_of(get_ok(project_path(project, "/time"), admin())),
            (std::vector<std::int64_t>{c, b, a}));
}

// The original deletes a project's time with it, and a deleted task's time shows nowhere again:
// the entries go with their task.
TEST_F(TimeTrackingTest, DeletingATaskOrAProjectDeletesItsTime) {
  const std::int64_t project = make_project();
  const std::int64_t doomed = create_task_id(project, {}, admin());
  const std::int64_t kept = create_task_id(project, {}, admin());
  log_id(doomed, {{"personId", admin_id()}, {"hours", 2}}, admin());
  const std::int64_t survivor = log_id(kept, {{"personId", admin_id()}}, admin());
  ASSERT_EQ(call("DELETE", "task/" + std::to_string(doomed), nullptr, admin()).status, 200);
  EXPECT_EQ(ids_of(filter(project_q(project), admin())), std::vector<std::int64_t>{survivor});
  EXPECT_EQ(get_ok(project_path(project, "/time/total"), admin()), "1:00");
  ASSERT_EQ(HttpClient(port()).request("DELETE", project_path(project), "", admin()).status, 200);
  EXPECT_EQ(filter(project_q(project), admin()), boost::json::array());
  EXPECT_EQ(call("PUT", "time/" + std::to_string(survivor), {{"hours", 1}}, admin()).status, 404);
}

}  // namespace
}  // namespace projectd::test
