// The TaskWrapper of tests/golden/seed-response.json and .xml, byte for byte in JSON and XML, with
// the test's own ids, dates, host and person substituted: the answer to the seed request (the
// published page of POST task/{taskid}/files, tests/golden/README.md) sent byte for byte, and to
// its XML twin; and a new task (POST {projectid}/task), whose golden lacks what a new task cannot
// have yet.
#include "files_test_support.h"
#include "golden_support.h"
#include "raw_socket.h"

#include <regex>

namespace projectd::test {
namespace {

constexpr const char* kGoldenUser = "5e8a1c2d-3f4b-4a6e-9c7d-1b2e3f4a5b6c";
constexpr const char* kGoldenDate = "2020-12-22T04:11:56.5768573Z";

class TaskGoldenTest : public FilesSuite {
 protected:
  struct Ids {
    std::string task, project, milestone, dependent, subtask;
  };

  // The golden's ids, person and host replaced by the test's, in the JSON or XML text.
  std::string substituted(std::string text, const Ids& ids, bool xml) const {
    replace_all(text, kGoldenUser, admin_id());
    replace_all(text, "http://portal.example.com", "http://127.0.0.1:" + std::to_string(port()));
    const auto member = [&](const std::string& name, const std::string& value) {
      return xml ? "<" + name + ">" + value + "</" + name + ">" : "\"" + name + "\":" + value;
    };
    replace_all(text, member("id", "1234"), member("id", ids.task));
    replace_all(text, member("taskId", "1234"), member("taskId", ids.task));
    replace_all(text, member("parentTaskId", "1234"), member("parentTaskId", ids.task));
    replace_all(text, member("dependenceTaskId", "123"), member("dependenceTaskId", ids.dependent));
    replace_all(text, member("milestoneId", "123"), member("milestoneId", ids.milestone));
    const std::string open = xml ? "<projectOwner>" : "\"projectOwner\":{";
    replace_all(text, open + member("id", "123"), open + member("id", ids.project));
    const std::string milestone = xml ? "<milestone>" : "\"milestone\":{";
    replace_all(text, milestone + member("id", "123"), milestone + member("id", ids.milestone));
    replace_all(text, member("id", "10"), member("id", ids.subtask));
    return text;
  }

  // The golden's dates of `created`/`updated` (occurrences `first`, `first + 1`, ...) replaced by
  // the answer's; the dates the test sets itself stay as in the golden.
  static void set_dates(std::string& text, const std::vector<std::string>& dates, int first) {
    for (std::size_t i = 0; i < dates.size(); ++i)
      replace_nth(text, kGoldenDate, dates[i], first);  // each replacement removes one occurrence
  }

  static std::string first_match(const std::string& text, const std::string& pattern) {
    std::smatch match;
    EXPECT_TRUE(std::regex_search(text, match, std::regex(pattern))) << pattern;
    return match.size() > 1 ? match[1].str() : std::string();
  }

  static std::string date_at(const boost::json::value& object, const char* member) {
    return std::string(object.at(member).as_string());
  }

  void SetUp() override {
    const auto renamed = HttpClient(port()).put_json(
        "/api/2.0/people/" + admin_id(),
        {{"firstName", "Mike"}, {"lastName", "Zanyatski"}, {"title", "Manager"}}, admin());
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    ids_.project = std::to_string(make_project({}, "Sample project"));
    ids_.milestone = std::to_string(
        insert_milestone(std::stoll(ids_.project), "Title", kGoldenDate, admin_id()));
  }

  HttpResponse create_sample(const std::string& suffix) {
    return call("POST", ids_.project + "/task" + suffix,
                {{"title", "Sample Title"},
                 {"description", "Sample description"},
                 {"startDate", kGoldenDate},
                 {"deadline", kGoldenDate},
                 {"priority", 1},
                 {"milestoneid", std::stoll(ids_.milestone)},
                 {"responsibles", {admin_id()}}},
                admin());
  }

  Ids ids_;
};

TEST_F(TaskGoldenTest, ANewTaskIsTheGoldenTaskWrapperWithoutWhatItCannotHaveYet) {
  for (const bool xml : {false, true}) {
    const auto res = create_sample(xml ? ".xml" : "");
    ASSERT_EQ(res.status, 201) << res.body;
    // A new task has no subtasks or links yet and is at 0 %.
    std::string expected = own_golden(xml ? "seed-response.xml" : "seed-response.json");
    if (xml) {
      replace_all(expected, "<progress>55</progress>", "");
      cut(expected, "<subtasks>", "</subtasks>");
      cut(expected, "<links>", "</links>");
    } else {
      replace_all(expected, "\"progress\":55,", "");
      cut(expected, "\"subtasks\":[", "}],");
      cut(expected, "\"links\":[", "],");
      replace_all(expected, "\"status\":1,\"created\"", "\"status\":1,\"subtasks\":[],\"created\"");
    }
    const std::string tag_id = xml ? "</startDate><id>([0-9]+)</id>" : "\"id\":([0-9]+),\"title";
    const std::string tag_created = xml ? "<created>([^<]+)</created>" : "\"created\":\"([^\"]+)\"";
    const std::string tag_updated = xml ? "<updated>([^<]+)</updated>" : "\"updated\":\"([^\"]+)\"";
    ids_.task = first_match(res.body, tag_id);
    expected = substituted(expected, ids_, xml);
    set_dates(expected, {first_match(res.body, tag_created), first_match(res.body, tag_updated)},
              2);
    EXPECT_EQ(res.body, expected) << (xml ? "XML" : "JSON");
  }
}

// The published request, with the test's task and file ids, its Host, and a token: the page says
// the call requires authentication. `accept` is the published application/json or its XML twin.
std::string seed_request(std::int64_t task, std::int64_t file, const std::string& host,
                         const std::string& token, const std::string& accept) {
  const std::string body = "{\n  \"files\": [\n    " + std::to_string(file) + "\n  ]\n}";
  return "POST /api/2.0/project/task/" + std::to_string(task) +
         "/files HTTP/1.1\r\n"
         "Host: " +
         host +
         "\r\n"
         "Content-Type: application/json\r\n"
         "Accept: " +
         accept +
         "\r\n"
         "Authorization: " +
         token +
         "\r\n"
         "Content-Length: " +
         std::to_string(body.size()) +
         "\r\n"
         "Connection: close\r\n\r\n" +
         body;
}

std::string body_of(const std::string& response) {
  const std::size_t at = response.find("\r\n\r\n");
  return at == std::string::npos ? std::string() : response.substr(at + 4);
}

TEST_F(TaskGoldenTest, TheSeedRequestAnswersTheGoldenTaskWrapper) {
  const auto res = create_sample("");
  ASSERT_EQ(res.status, 201) << res.body;
  const std::int64_t task = res.json().at("response").at("id").as_int64();
  ids_.task = std::to_string(task);
  ASSERT_EQ(call("PUT", task_path(task), {{"progress", 55}}, admin()).status, 200);
  ids_.subtask = std::to_string(
      create_subtask_id(task, {{"title", "Sample Title"}, {"responsible", admin_id()}}, admin()));
  const std::int64_t dependent =
      create_task_id(std::stoll(ids_.project),
                     {{"title", "Next"}, {"milestoneid", std::stoll(ids_.milestone)}}, admin());
  ids_.dependent = std::to_string(dependent);
  const auto linked = call("POST", task_path(task, "/link"),
                           {{"dependenceTaskId", dependent}, {"linkType", "End"}}, admin());
  ASSERT_EQ(linked.status, 201) << linked.body;
  const std::int64_t file = create_text_id(std::to_string(project_folder(std::stoll(ids_.project))),
                                           "Sample", "x", admin());

  for (const bool xml : {false, true}) {
    RawSocket socket(port());
    socket.send(seed_request(task, file, "127.0.0.1:" + std::to_string(port()), admin_->token,
                             xml ? "application/xml" : "application/json"));
    const std::string answer = socket.receive(std::chrono::seconds(10));
    ASSERT_EQ(answer.rfind("HTTP/1.1 201", 0), 0u) << answer;
    const auto json = call("GET", task_path(task, "/notify"), nullptr, admin()).json();
    const auto& view = json.at("response");
    std::string expected =
        substituted(own_golden(xml ? "seed-response.xml" : "seed-response.json"), ids_, xml);
    set_dates(expected,
              {date_at(view.at("subtasks").at(0), "created"),
               date_at(view.at("subtasks").at(0), "updated"), date_at(view, "created"),
               date_at(view, "updated")},
              2);
    EXPECT_EQ(body_of(answer), expected) << (xml ? "XML" : "JSON");
  }
  EXPECT_EQ(attached(task, admin()), std::vector<std::int64_t>{file});
}

}  // namespace
}  // namespace projectd::test
