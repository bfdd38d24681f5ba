// The TaskWrapperFull of GET task/{id}, byte for byte, against tests/golden/task-full.xml (and its
// JSON twin): a rich task built through the API (two responsibles, three subtasks of which one is
// closed and one assigned, a link, a milestone, three attached files, two comments one of which
// has a reply, a followed project with tags, progress set), asked for with
// `Accept: application/xml` and with the `.xml` suffix. The golden was written from the
// specification (tests/golden/README.md says where each part comes from); the test fills its
// {{PLACEHOLDERS}} with the fixture's ids, host and the dates other endpoints report.
#include "files_test_support.h"
#include "golden_support.h"

#include <map>

namespace projectd::test {
namespace {

constexpr const char* kDeadline = "2020-12-22T04:11:56.5768573Z";

class TaskFullGoldenTest : public FilesSuite {
 protected:
  void SetUp() override {
    HttpClient client(port());
    const auto renamed = client.put_json(
        "/api/2.0/people/" + admin_id(),
        {{"firstName", "Mike"}, {"lastName", "Zanyatski"}, {"title", "Manager"}}, admin());
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    // Each test builds its own fixture on the suite's server, so each has its own Anna.
    static int annas = 0;
    const std::string email = "anna" + std::to_string(++annas) + "@example.com";
    const auto anna = client.post_json("/api/2.0/people",
                                       {{"email", email},
                                        {"firstName", "Anna"},
                                        {"lastName", "Rostova"},
                                        {"title", "Designer"},
                                        {"password", kMemberPassword}},
                                       admin());
    ASSERT_EQ(anna.status, 201) << anna.body;
    anna_id_ = std::string(anna.json().at("response").at("id").as_string());
    anna_ = HttpClient::auth(sign_in(port(), email, kMemberPassword));
    values_ = {{"HOST", "http://127.0.0.1:" + std::to_string(port())},
               {"ADMIN_ID", admin_id()},
               {"ANNA_ID", anna_id_},
               // Every comment is seconds old when the task is read.
               {"AGO", "Just now"}};
    build_fixture();
  }

  void set(const std::string& name, std::int64_t value) { values_[name] = std::to_string(value); }

  void build_fixture() {
    const std::int64_t project = create_project_id({{"title", "Sample project"},
                                                    {"description", "Project description"},
                                                    {"responsibleId", admin_id()},
                                                    {"participants", {anna_id_}},
                                                    {"tags", "design,q3"}},
                                                   admin());
    set("PROJECT_ID", project);
    ASSERT_EQ(call("PUT", std::to_string(project) + "/follow", nullptr, admin()).status, 200);
    const std::int64_t milestone = insert_milestone(project, "Title", kDeadline, admin_id());
    set("MILESTONE_ID", milestone);

    task_ = create_task_id(project,
                           {{"title", "Full Title"},
                            {"description", "Full description"},
                            {"startDate", "2020-12-21T09:30:00Z"},
                            {"deadline", kDeadline},
                            {"priority", 1},
                            {"milestoneid", milestone},
                            {"responsibles", {admin_id(), anna_id_}}},
                           admin());
    set("TASK_ID", task_);
    ASSERT_EQ(call("PUT", task_path(task_), {{"progress", 40}}, admin()).status, 200);
    const std::int64_t next =
        create_task_id(project, {{"title", "Next"}, {"milestoneid", milestone}}, admin());
    set("NEXT_ID", next);
    const auto linked = call("POST", task_path(task_, "/link"),
                             {{"dependenceTaskId", next}, {"linkType", "End"}}, admin());
    ASSERT_EQ(linked.status, 201) << linked.body;

    set("SUB1_ID",
        create_subtask_id(task_, {{"title", "Draft"}, {"responsible", anna_id_}}, admin()));
    set("SUB2_ID", create_subtask_id(task_, {{"title", "Review"}}, admin()));
    const std::int64_t publish = create_subtask_id(task_, {{"title", "Publish"}}, admin());
    set("SUB3_ID", publish);
    const auto closed = call("PUT", task_path(task_, "/" + std::to_string(publish) + "/status"),
                             {{"status", "closed"}}, admin());
    ASSERT_EQ(closed.status, 200) << closed.body;

    const std::int64_t folder = project_folder(project);
    set("FOLDER_ID", folder);
    const std::string in = std::to_string(folder);
    const std::int64_t plan = upload_id(in, "plan.txt", "Hello, world", admin());
    const std::int64_t diagram = upload_id(in, "diagram.png", std::string(2048, 'd'), admin());
    const std::int64_t data = upload_id(in, "data.bin", std::string(1536, 'b'), admin());
    set("FILE1_ID", plan);
    set("FILE2_ID", diagram);
    set("FILE3_ID", data);
    const auto attached =
        call("POST", task_path(task_, "/files"), {{"files", {plan, diagram, data}}}, admin());
    ASSERT_EQ(attached.status, 201) << attached.body;

    values_["COMMENT1_ID"] = comment("<p>First comment</p>", "", admin());
    values_["REPLY_ID"] = comment("<p>A reply</p>", values_["COMMENT1_ID"], anna_);
    values_["COMMENT2_ID"] = comment("<p>Second comment</p>", "", admin());
    dates_from_other_endpoints(project);
  }

  // POST task/{id}/comment; returns the comment's id.
  std::string comment(const std::string& content, const std::string& parent, const Headers& auth) {
    boost::json::object body{{"content", content}};
    if (!parent.empty()) body["parentid"] = parent;
    const auto res = call("POST", task_path(task_, "/comment"), body, auth);
    EXPECT_EQ(res.status, 201) << res.body;
    return res.status == 201 ? std::string(res.json().at("response").at("id").as_string()) : "";
  }

  // The dates nobody can know in advance, as the TaskWrapper (task/{id}/notify), the task's file
  // list and the project report them: the full wrapper must agree with them.
  void dates_from_other_endpoints(std::int64_t project) {
    const auto dated = [this](const std::string& prefix, const boost::json::value& entity) {
      values_[prefix + "_CREATED"] = std::string(entity.at("created").as_string());
      values_[prefix + "_UPDATED"] = std::string(entity.at("updated").as_string());
    };
    const auto task = get_ok("/api/2.0/project/" + task_path(task_, "/notify"), admin());
    dated("TASK", task);
    const auto& subtasks = task.at("subtasks").as_array();
    ASSERT_EQ(subtasks.size(), 3u);
    for (std::size_t i = 0; i < subtasks.size(); ++i)
      dated("SUB" + std::to_string(i + 1), subtasks[i]);
    const auto files = get_ok("/api/2.0/project/" + task_path(task_, "/files"), admin());
    ASSERT_EQ(files.as_array().size(), 3u);
    for (std::size_t i = 0; i < 3; ++i)
      dated("FILE" + std::to_string(i + 1), files.as_array()[i]);
    dated("PROJECT", get_ok(project_path(project), admin()));
  }

  HttpResponse get_task(const std::string& suffix, const Headers& extra) const {
    Headers headers = admin();
    headers.insert(headers.end(), extra.begin(), extra.end());
    return HttpClient(port()).get("/api/2.0/project/" + task_path(task_) + suffix, headers);
  }

  std::int64_t task_ = 0;
  std::string anna_id_;
  Headers anna_;
  std::map<std::string, std::string> values_;
};

TEST_F(TaskFullGoldenTest, XmlByAcceptHeaderIsTheGolden) {
  const auto res = get_task("", {{"Accept", "application/xml"}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, filled(own_golden("task-full.xml"), values_));
}

TEST_F(TaskFullGoldenTest, XmlBySuffixIsTheGolden) {
  const auto res = get_task(".xml", {});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, filled(own_golden("task-full.xml"), values_));
}

TEST_F(TaskFullGoldenTest, JsonIsTheGoldenTwin) {
  const auto res = get_task("", {});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, filled(own_golden("task-full.json"), values_));
}

}  // namespace
}  // namespace projectd::test
