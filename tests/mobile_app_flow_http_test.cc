// A working day with the official ONLYOFFICE Projects mobile app, replayed call by call as the
// app sends them (its headers, its query strings with `?&`, `Count`/`StartIndex`, its bodies;
// docs/wire-compatibility.md and lib/data/api/ of ONLYOFFICE/projects-mobile): the portal screen,
// login, the dashboard, a new project with tags, a task with a subtask, a comment and an attached
// file that is downloaded, the discussions tab, time spent, the people pickers and avatars; and
// the documents tab. Every
// answer must be what the app's models parse without throwing (mobile_app_models.h): the types they
// cast, no null where they cast without `?`.
#include "files_test_support.h"
#include "mobile_app_models.h"
#include "task_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace projectd::test {
namespace {

// The app's HTTP calls (core_api.dart): every call carries these three headers, the token raw and,
// before login, empty; bodies are compact JSON, and an empty PUT sends none.
class AppSession {
 public:
  explicit AppSession(unsigned short port) : client_(port) {}

  void sign_in_as(const std::string& token) { token_ = token; }

  HttpResponse call(const std::string& method, const std::string& target,
                    const boost::json::value& body = nullptr) {
    const Headers headers = {{"Content-Type", "application/json; charset=UTF-8"},
                             {"Accept", "application/json"},
                             {"Authorization", token_}};
    return client_.request(method, "/api/2.0/" + target,
                           body.is_null() ? "" : boost::json::serialize(body), headers);
  }

  // The `response` of a call the app reads as `model` (or a list of it), after checking what the
  // app relies on: 200 or 201, JSON in UTF-8 said so, and nothing its fromJson throws on.
  boost::json::value parsed(const std::string& method, const std::string& target,
                            const std::string& model, const boost::json::value& body = nullptr) {
    const HttpResponse res = call(method, target, body);
    const std::string what = method + " " + target;
    EXPECT_TRUE(res.status == 200 || res.status == 201)
        << what << ": " << res.status << " " << res.body;
    EXPECT_NE(res.header("content-type").find("charset=utf-8"), std::string::npos) << what;
    boost::system::error_code ec;
    const boost::json::value parsed_body = boost::json::parse(res.body, ec);
    const boost::json::value* found =
        parsed_body.is_object() ? parsed_body.as_object().if_contains("response") : nullptr;
    if (!found) {
      ADD_FAILURE() << what << ": no response in " << res.body;
      return nullptr;
    }
    boost::json::value response = *found;
    if (model.empty()) return response;
    if (response.is_array()) {
      for (const auto& element : response.as_array())
        expect_app_parses(model, element, what);
    } else {
      expect_app_parses(model, response, what);
    }
    return response;
  }

  static void expect_app_parses(const std::string& model, const boost::json::value& value,
                                const std::string& what) {
    for (const std::string& problem : app_parse_problems(model, value))
      ADD_FAILURE() << what << " as " << model << ": " << problem;
  }

 private:
  HttpClient client_;
  std::string token_;
};

class MobileAppFlowTest : public FilesSuite {};

std::string path_of_url(const std::string& url) {
  const std::size_t scheme = url.find("://");
  return scheme == std::string::npos ? url : url.substr(url.find('/', scheme + 3));
}

TEST_F(MobileAppFlowTest, AWorkingDayFromThePortalScreenToTimeSpent) {
  const Person maya = add_person();
  const Person lee = add_person();
  AppSession app(port());

  SCOPED_TRACE("1. the portal screen, before login");
  const auto caps = app.parsed("GET", "capabilities", "Capabilities");
  EXPECT_EQ(caps.at("providers"), boost::json::array());

  SCOPED_TRACE("2. login");
  const HttpResponse refused = app.call(
      "POST", "authentication", boost::json::object{{"userName", maya.email}, {"password", "no"}});
  EXPECT_EQ(refused.status, 401) << refused.body;
  EXPECT_NE(error_message(refused).find("uthentication"), std::string::npos) << refused.body;
  const auto auth = app.parsed("POST", "authentication", "",
                               {{"userName", maya.email}, {"password", kMemberPassword}});
  ASSERT_TRUE(auth.at("token").is_string());
  AppSession::expect_app_parses("AuthToken", auth, "POST authentication");
  app.sign_in_as(std::string(auth.at("token").as_string()));
  for (int twice = 0; twice < 2; ++twice)
    EXPECT_EQ(app.parsed("GET", "people/@self", "SelfUserProfile").at("id"), maya.id.c_str());
  app.parsed("POST", "portal/mobile/registration", "", {{"type", 1}});
  const auto security = app.parsed("GET", "project/securityinfo", "SecurityInfo");
  EXPECT_EQ(security.at("canCreateProject"), true);

  SCOPED_TRACE("3. the dashboard");
  const std::string self = "&participant=" + maya.id;
  app.parsed("GET",
             "project/task/filter?&Count=25&StartIndex=0&sortBy=deadline&sortOrder=ascending" +
                 self + "&status=open",
             "PortalTask");
  app.parsed("GET",
             "project/task/filter?&Count=25&StartIndex=0" + self +
                 "&status=open&deadlineStart=2030-01-01T00:00:00&deadlineStop=2030-01-08T00:00:00",
             "PortalTask");
  for (const std::string& filter : {"&manager=" + maya.id, self, std::string("&follow=true")})
    app.parsed("GET", "project/filter?&Count=25&StartIndex=0" + filter + "&status=open",
               "ProjectDetailed");
  const auto statuses = app.parsed("GET", "project/status", "Status");
  ASSERT_FALSE(statuses.as_array().empty());

  SCOPED_TRACE("4. a new project with tags");
  app.parsed("GET", "project/tag", "ProjectTag");
  const auto tag = app.parsed("POST", "project/tag", "ProjectTag", {{"data", "Field work"}});
  // The app's own malformed search URL (`tagName=x?&Count=...`) is answered.
  const auto found =
      app.parsed("GET", "project/tag/search?tagName=Field?&Count=25&StartIndex=0", "");
  EXPECT_EQ(found, boost::json::array{"Field work"});
  const auto created =
      app.parsed("POST", "project/withSecurity", "",
                 {{"title", "Bridge survey"},
                  {"description", "Inspect the north bridge"},
                  {"responsibleId", maya.id},
                  {"tags", "Field work"},
                  {"private", false},
                  {"notify", false},
                  {"participants", boost::json::array{{{"ID", lee.id},
                                                       {"CanReadFiles", true},
                                                       {"CanReadMilestones", true},
                                                       {"CanReadMessages", true},
                                                       {"CanReadTasks", true},
                                                       {"CanReadContacts", false}}}}});
  ASSERT_TRUE(created.as_object().contains("id")) << created;
  const std::int64_t project = created.at("id").as_int64();
  const std::string p = "project/" + std::to_string(project);
  const auto detailed = app.parsed("GET", p, "ProjectDetailed");
  EXPECT_EQ(detailed.at("tags"), boost::json::array{"Field work"});
  EXPECT_EQ(tag.at("title"), "Field work");
  const auto team = app.parsed("GET", p + "/team", "PortalUser");
  EXPECT_EQ(team.as_array().size(), 2u) << team;

  SCOPED_TRACE("5. a task, its subtask, a comment, an attached file");
  const auto task_json = app.parsed("POST", p + "/task", "PortalTask",
                                    {{"title", "Measure the span"},
                                     {"description", ""},
                                     {"deadline", "2030-01-03T00:00:00"},
                                     {"priority", 1},
                                     {"projectId", project},
                                     {"responsibles", boost::json::array{maya.id, lee.id}},
                                     {"notify", false}});
  const std::int64_t task = task_json.at("id").as_int64();
  const std::string t = "project/task/" + std::to_string(task);
  app.parsed("POST", t, "Subtask", {{"responsible", lee.id}, {"title", "Bring the laser"}});
  const auto comment = app.parsed("POST", t + "/comment", "PortalComment",
                                  {{"content", "<p>On my way</p>"}, {"parentId", ""}});
  const std::string comment_id(comment.at("id").as_string());
  app.parsed("PUT", "project/comment/" + comment_id, "", {{"content", "<p>On site</p>"}});
  const std::int64_t folder = detailed.at("projectFolder").as_int64();
  const std::string bytes = "span: 42.5 m\n";
  const std::int64_t file = upload_id(std::to_string(folder), "span.txt", bytes, maya.auth());
  app.parsed("POST", t + "/files", "PortalTask", {{"files", boost::json::array{file}}});
  const auto full = app.parsed("GET", t, "PortalTask");
  EXPECT_EQ(full.at("subtasks").as_array().size(), 1u);
  EXPECT_EQ(full.at("comments").as_array().size(), 1u);
  EXPECT_EQ(full.at("files").as_array().size(), 1u);
  const auto files = app.parsed(
      "GET",
      "project/" + std::to_string(task) + "/entityfiles?entityType=task&Count=25&StartIndex=0",
      "PortalFile");
  ASSERT_EQ(files.as_array().size(), 1u);
  // The app downloads viewUrl with its token when the host is the portal's.
  const std::string view_url(files.at(0).at("viewUrl").as_string());
  const HttpResponse download = HttpClient(port()).get(
      path_of_url(view_url), HttpClient::auth(std::string(auth.at("token").as_string())));
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, bytes);
  app.parsed("PUT", t + "/subscribe", "");
  app.parsed("PUT", t + "/status", "PortalTask", {{"status", 2}, {"statusId", nullptr}});

  SCOPED_TRACE("6. the discussions tab");
  const auto discussion = app.parsed(
      "POST", p + "/message", "Discussion",
      {{"title", "Traffic plan"}, {"content", "<p>Close one lane?</p>"}, {"participants", lee.id}});
  const std::int64_t message = discussion.at("id").as_int64();
  const std::string m = "project/message/" + std::to_string(message);
  const auto tab = app.parsed(
      "GET", "project/message/filter?&Count=25&StartIndex=0&projectid=" + std::to_string(project),
      "Discussion");
  EXPECT_EQ(ids_of(tab), std::vector<std::int64_t>{message});
  app.parsed("POST", m + "/comment", "PortalComment", {{"content", "Yes"}, {"parentId", ""}});
  app.parsed("GET", m, "Discussion");
  app.parsed("PUT", m + "/subscribe", "");
  EXPECT_EQ(app.parsed("PUT", m + "/status", "Discussion", {{"status", "archived"}}).at("status"),
            1);
  EXPECT_EQ(app.parsed("PUT", m + "/status", "Discussion", {{"status", "open"}}).at("status"), 0);

  SCOPED_TRACE("7. time spent");
  app.parsed("POST", t + "/time", "",
             {{"date", "2030-01-02T00:00:00"},
              {"hours", 1.5},
              {"note", "Survey"},
              {"personId", maya.id},
              {"projectId", project}});
  EXPECT_EQ(app.parsed("GET", t, "PortalTask").at("timeSpend"), 1.5);

  SCOPED_TRACE("8. the people pickers and avatars");
  const auto people =
      app.parsed("GET", "people/filter?&Count=25&StartIndex=0&FilterValue=", "PortalUser");
  EXPECT_GE(people.as_array().size(), 3u);
  app.parsed("GET", "group", "PortalGroup");
  const auto photo = app.parsed("GET", "people/" + lee.id + "/photo", "UserPhoto");
  const auto avatar =
      HttpClient(port()).get(path_of_url(std::string(photo.at("medium").as_string())));
  EXPECT_EQ(avatar.status, 200);
  EXPECT_EQ(avatar.header("content-type").rfind("image/", 0), 0u) << avatar.header("content-type");

  SCOPED_TRACE("9. the account");
  app.parsed("POST", "people/password", "", {{"email", maya.email}});
}

// The documents tab (files_api.dart): the project folders, a folder's content, the conflict
// check, a copy and a move as the app sends them (ids as strings, `skip`), a delete, and the
// operations list it polls until each is finished without an error.
TEST_F(MobileAppFlowTest, TheDocumentsTab) {
  const Person maya = add_person();
  AppSession app(port());
  app.sign_in_as(maya.token);
  const std::int64_t project = create_project_id({{"title", "Harbour works"}}, maya.auth());
  const std::int64_t folder = project_folder(project);
  const std::int64_t file = upload_id(std::to_string(folder), "quay.txt", "quay\n", maya.auth());
  const std::string page = "&Count=25&StartIndex=0";

  const auto sections = app.parsed("GET", "files/@projects?" + page, "FoldersResponse");
  const auto readable = ids_of(sections.at("folders"));
  EXPECT_NE(std::find(readable.begin(), readable.end(), folder), readable.end()) << sections;
  const auto searched = app.parsed(
      "GET", "files/@projects?&filterBy=title&filterOp=contains&filterValue=Harbour" + page,
      "FoldersResponse");
  EXPECT_EQ(ids_of(searched.at("folders")), std::vector<std::int64_t>{folder});
  const auto content =
      app.parsed("GET", "files/" + std::to_string(folder) + "?" + page, "FoldersResponse");
  EXPECT_EQ(ids_of(content.at("files")), std::vector<std::int64_t>{file});

  const std::int64_t sub =
      app.parsed("POST", "files/folder/" + std::to_string(folder), "Folder", {{"title", "Plans"}})
          .at("id")
          .as_int64();
  const auto conflicts = app.parsed(
      "GET",
      "files/fileops/move?destFolderId=" + std::to_string(sub) + "&fileIds=" + std::to_string(file),
      "PortalFile");
  EXPECT_TRUE(conflicts.as_array().empty()) << conflicts;
  const boost::json::object selection = {{"destFolderId", std::to_string(sub)},
                                         {"folderIds", boost::json::array{}},
                                         {"fileIds", boost::json::array{std::to_string(file)}},
                                         {"conflictResolveType", "skip"},
                                         {"deleteAfter", true}};
  for (const char* operation : {"copy", "move"}) {
    const auto answer =
        app.parsed("PUT", std::string("files/fileops/") + operation, "Operation", selection);
    ASSERT_FALSE(answer.as_array().empty()) << operation;
    EXPECT_EQ(answer.at(0).at("finished"), true) << answer;
    EXPECT_TRUE(answer.at(0).at("error").is_null()) << answer;
  }
  // The copy landed; the move met the copy's title and skipped, as the app asked.
  const auto plans =
      app.parsed("GET", "files/" + std::to_string(sub) + "?" + page, "FoldersResponse");
  EXPECT_EQ(plans.at("files").as_array().size(), 1u) << plans;
  EXPECT_EQ(
      ids_of(app.parsed("GET", "files/" + std::to_string(folder) + "?" + page, "").at("files")),
      std::vector<std::int64_t>{file});

  app.parsed("DELETE", "files/file/" + std::to_string(file), "Operation");
  const auto operations = app.parsed("GET", "files/fileops", "Operation");
  ASSERT_EQ(operations.as_array().size(), 3u) << operations;
  for (const auto& operation : operations.as_array()) {
    EXPECT_EQ(operation.at("finished"), true) << operation;
    EXPECT_TRUE(operation.at("error").is_null()) << operation;
  }
}

}  // namespace
}  // namespace projectd::test
