// project/task/{id}/files, the seed endpoint (docs/wire-compatibility.md, "Attach is atomic and
// checked"): every list form, atomicity, idempotency, each refusal with its status, detaching, the
// audit trail, and what deleting a task or a file does to attachments.
#include "files_test_support.h"

#include "store/store.h"

#include <thread>

namespace projectd::test {
namespace {

class TaskFilesTest : public FilesSuite {
 protected:
  void SetUp() override {
    project_ = make_project({}, "Files project");
    folder_ = project_folder(project_);
    task_ = create_task_id(project_, {{"title", "Attach here"}}, admin());
    file_ = create_text_id(std::to_string(folder_), "notes", "first notes", admin());
    other_ = create_text_id(std::to_string(folder_), "more", "more notes", admin());
  }

  // A private project whose team is one member, with a task and a file in its documents folder
  // attached to that task.
  struct MemberProject {
    Person member;
    std::int64_t project = 0;
    std::int64_t task = 0;
    std::int64_t file = 0;
  };
  MemberProject member_project(const std::string& file_title) {
    MemberProject out{add_person()};
    out.project = create_project_id({{"title", "Private " + file_title},
                                     {"responsibleId", admin_id()},
                                     {"private", true},
                                     {"participants", {out.member.id}}},
                                    admin());
    out.task = create_task_id(out.project, {{"title", "T"}}, admin());
    out.file =
        create_text_id(std::to_string(project_folder(out.project)), file_title, "f", admin());
    EXPECT_EQ(call("POST", task_path(out.task, "/files"), {{"files", {out.file}}}, admin()).status,
              201);
    return out;
  }
  // Hides the project's Files module from its member (team security).
  void hide_files(const MemberProject& p) {
    ASSERT_EQ(
        HttpClient(port())
            .put_json(project_path(p.project, "/team/security"),
                      {{"userId", p.member.id}, {"security", "Files"}, {"visible", false}}, admin())
            .status,
        200);
  }

  HttpResponse attach(const boost::json::value& body, const Headers& auth) {
    return call("POST", task_path(task_, "/files"), body, auth);
  }
  HttpResponse attach_raw(const std::string& target_suffix, const std::string& body,
                          const std::string& content_type) {
    Headers headers = admin();
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    return HttpClient(port()).request(
        "POST", "/api/2.0/project/" + task_path(task_, "/files") + target_suffix, body, headers);
  }
  std::vector<AttachmentAuditRecord> audit_in_database(std::int64_t task) {
    auto store =
        open_store(StoreOptions{.url = server_->store_url(), .reader_connections = 1}, false);
    auto records = store->read_value(
        [&](StoreTx& tx) { return tx.attachments().audit(EntityKind::kTask, task); });
    store->close();
    return records;
  }

  std::int64_t project_ = 0, folder_ = 0, task_ = 0, file_ = 0, other_ = 0;
};

TEST_F(TaskFilesTest, AttachAnswersTheTask201AndTheFileIsListed) {
  const auto res = attach({{"files", {file_}}}, admin());
  ASSERT_EQ(res.status, 201) << res.body;
  const auto json = res.json();
  EXPECT_EQ(json.at("status"), 0);
  EXPECT_EQ(json.at("statusCode"), 201);
  EXPECT_EQ(json.at("response").at("id"), task_);
  EXPECT_EQ(json.at("response").at("title"), "Attach here");
  EXPECT_EQ(attached(task_, admin()), std::vector<std::int64_t>{file_});

  const auto full = task_full(task_);
  ASSERT_EQ(full.at("files").as_array().size(), 1u);
  const auto& wrapper = full.at("files").at(0);
  EXPECT_EQ(wrapper.at("id"), file_);
  EXPECT_EQ(wrapper.at("title"), "notes.txt");
  EXPECT_EQ(wrapper.at("access"), 0);
  EXPECT_EQ(wrapper.at("rootFolderType"), 2);
  EXPECT_EQ(wrapper.at("folderId"), folder_);
  EXPECT_EQ(full.at("canEditFiles"), true);
}

TEST_F(TaskFilesTest, EveryListFormAttaches) {
  const std::string a = std::to_string(file_), b = std::to_string(other_);
  struct Form {
    std::string suffix, body, type;
  };
  const std::vector<Form> forms = {
      {"", "{\"files\":[" + a + "," + b + "]}", "application/json"},
      {"", "{\"files\":" + a + "}", "application/json"},
      {"", "{\"files\":\"" + a + "," + b + "\"}", "application/json"},
      {"", "files=" + a + "&files=" + b, "application/x-www-form-urlencoded"},
      {"", "files%5B%5D=" + a + "&files%5B%5D=" + b, "application/x-www-form-urlencoded"},
      {"?files=" + a + "," + b, "", ""},
      {"", "<request><files>" + a + "</files><files>" + b + "</files></request>", "text/xml"},
      // Whole FileWrappers, as a client that read them sends them back (issue 15).
      {"", "{\"files\":[{\"id\":" + a + ",\"title\":\"notes.txt\"},{\"id\":" + b + "}]}",
       "application/json"},
      {"", "files%5B%5D%5Bid%5D=" + a + "&files%5B%5D%5Btitle%5D=x&files%5B%5D%5Bid%5D=" + b,
       "application/x-www-form-urlencoded"},
  };
  for (const Form& form : forms) {
    ASSERT_EQ(call("DELETE", task_path(task_, "/filesmany"), {{"files", {file_, other_}}}, admin())
                  .status,
              200);
    const auto res = attach_raw(form.suffix, form.body, form.type);
    ASSERT_EQ(res.status, 201) << form.body << " " << res.body;
    auto ids = attached(task_, admin());
    std::sort(ids.begin(), ids.end());
    const bool scalar = form.body == "{\"files\":" + a + "}";
    const std::vector<std::int64_t> both{std::min(file_, other_), std::max(file_, other_)};
    const std::vector<std::int64_t> expected = scalar ? std::vector<std::int64_t>{file_} : both;
    EXPECT_EQ(ids, expected) << form.body;
  }
}

TEST_F(TaskFilesTest, AnEmptyNullOrUnknownShapeChangesNothing) {
  for (const std::string& body : {std::string("{\"files\":[]}"), std::string("{\"files\":null}"),
                                  std::string("{}"), std::string("")}) {
    const auto res = attach_raw("", body, "application/json");
    ASSERT_EQ(res.status, 201) << body << " " << res.body;
    EXPECT_EQ(res.json().at("response").at("id"), task_);
  }
  // Objects without an id name no file.
  const auto shape =
      attach_raw("", "files%5B%5D%5Btitle%5D=notes.txt", "application/x-www-form-urlencoded");
  EXPECT_EQ(shape.status, 201) << shape.body;
  EXPECT_TRUE(attached(task_, admin()).empty());
  EXPECT_TRUE(audit_in_database(task_).empty());
}

TEST_F(TaskFilesTest, AnUnknownIdAttachesNothingAndIsNamed) {
  const auto res = attach({{"files", {file_, 987654321, other_}}}, admin());
  ASSERT_EQ(res.status, 404) << res.body;
  EXPECT_EQ(error_message(res), "Item not found");
  EXPECT_EQ(res.json().at("error").at("data").at("ids"), boost::json::array({987654321}));
  EXPECT_TRUE(attached(task_, admin()).empty());
  EXPECT_TRUE(audit_in_database(task_).empty());
}

TEST_F(TaskFilesTest, ANonNumericIdIs400) {
  const auto res = attach_raw("", "{\"files\":[\"abc\"]}", "application/json");
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_TRUE(attached(task_, admin()).empty());
}

TEST_F(TaskFilesTest, AttachingTwiceIsANoOpWithOneAuditRecord) {
  ASSERT_EQ(attach({{"files", {file_}}}, admin()).status, 201);
  ASSERT_EQ(attach({{"files", {file_, file_}}}, admin()).status, 201);
  EXPECT_EQ(attached(task_, admin()), std::vector<std::int64_t>{file_});
  const auto audit = audit_in_database(task_);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, AttachmentAction::kAttach);
  EXPECT_EQ(audit[0].user_id, admin_id());
  EXPECT_EQ(audit[0].file_title, "notes.txt");
}

TEST_F(TaskFilesTest, AFileOutsideTheProjectIs400AndSaysWhereToUploadIt) {
  const std::int64_t mine = create_text_id("@my", "private", "mine", admin());
  const std::int64_t elsewhere =
      create_text_id(std::to_string(project_folder(make_project({}, "Other"))), "x", "x", admin());
  const std::int64_t common = create_text_id("@common", "shared", "all", admin());
  for (const std::int64_t id : {mine, elsewhere, common}) {
    const auto res = attach({{"files", {file_, id}}}, admin());
    ASSERT_EQ(res.status, 400) << res.body;
    EXPECT_NE(error_message(res).find(std::to_string(folder_)), std::string::npos)
        << error_message(res);
    EXPECT_EQ(res.json().at("error").at("data").at("ids"), boost::json::array({id}));
  }
  EXPECT_TRUE(attached(task_, admin()).empty());
}

TEST_F(TaskFilesTest, SomeoneElsesPrivateFileIsNotFound) {
  const Person owner = add_person();
  const std::int64_t theirs = create_text_id("@my", "diary", "secret", owner.auth());
  const auto res = attach({{"files", {theirs}}}, admin());
  EXPECT_EQ(res.status, 404) << res.body;
  EXPECT_EQ(res.json().at("error").at("data").at("ids"), boost::json::array({theirs}));
}

TEST_F(TaskFilesTest, AReaderWhoMayNotEditTheTaskGets403) {
  const Person outsider = add_person();  // public project: reads it, not in the team
  const Person member = add_person();
  const Person assignee = add_person();
  const std::int64_t project = make_project({member.id, assignee.id}, "Team project");
  const std::int64_t task =
      create_task_id(project, {{"title", "Theirs"}, {"responsibles", {assignee.id}}}, admin());
  const std::int64_t file =
      create_text_id(std::to_string(project_folder(project)), "f", "f", admin());
  for (const Person* who : {&outsider, &member}) {
    const auto full = get_ok("/api/2.0/project/" + task_path(task), who->auth());
    EXPECT_EQ(full.at("canEditFiles"), false);
    const auto res = call("POST", task_path(task, "/files"), {{"files", {file}}}, who->auth());
    EXPECT_EQ(res.status, 403) << res.body;
  }
  EXPECT_TRUE(attached(task, admin()).empty());
  // The responsible may.
  EXPECT_EQ(call("POST", task_path(task, "/files"), {{"files", {file}}}, assignee.auth()).status,
            201);
  EXPECT_EQ(attached(task, outsider.auth()), std::vector<std::int64_t>{file});
}

TEST_F(TaskFilesTest, AHiddenTaskIs404ForEveryVerb) {
  const Person outsider = add_person();
  const std::int64_t hidden = create_project_id(
      {{"title", "Hidden"}, {"responsibleId", admin_id()}, {"private", true}}, admin());
  const std::int64_t task = create_task_id(hidden, {{"title", "Secret"}}, admin());
  const std::int64_t file =
      create_text_id(std::to_string(project_folder(hidden)), "s", "s", admin());
  EXPECT_EQ(call("POST", task_path(task, "/files"), {{"files", {file}}}, outsider.auth()).status,
            404);
  EXPECT_EQ(
      call("POST", task_path(task, "/files"), {{"files", boost::json::array()}}, outsider.auth())
          .status,
      404);
  EXPECT_EQ(call("GET", task_path(task, "/files"), nullptr, outsider.auth()).status, 404);
  EXPECT_EQ(call("DELETE", task_path(task, "/files"), {{"fileid", file}}, outsider.auth()).status,
            404);
  EXPECT_EQ(call("POST", task_path(987654321, "/files"), {{"files", {file}}}, admin()).status, 404);
}

TEST_F(TaskFilesTest, AMemberWithoutFilesSeesNoFilesAndCannotList) {
  const MemberProject p = member_project("f");
  hide_files(p);
  const auto full = get_ok("/api/2.0/project/" + task_path(p.task), p.member.auth());
  EXPECT_EQ(full.at("files"), boost::json::array());
  EXPECT_EQ(full.at("canReadFiles"), false);
  EXPECT_EQ(full.at("canEditFiles"), false);
  EXPECT_EQ(call("GET", task_path(p.task, "/files"), nullptr, p.member.auth()).status, 403);
  EXPECT_EQ(
      call("POST", task_path(p.task, "/files"), {{"files", {p.file}}}, p.member.auth()).status,
      403);
}

// Issue 21, item 9: the history names files (ids, titles), so it needs the right the file list
// needs: a member whose team security hides Files gets 403 for both, tasks and discussions.
TEST_F(TaskFilesTest, TheHistoryNeedsTheFilesRightLikeTheList) {
  const MemberProject p = member_project("salaries");
  auto res = HttpClient(port()).post_json(project_path(p.project, "/message"),
                                          {{"title", "D"}, {"content", "<p>d</p>"}}, admin());
  ASSERT_EQ(res.status, 201) << res.body;
  const std::string message =
      "message/" + std::to_string(res.json().at("response").at("id").as_int64());
  ASSERT_EQ(call("POST", message + "/files", {{"files", {p.file}}}, admin()).status, 201);
  for (const std::string& entity : {task_path(p.task), message}) {
    res = call("GET", entity + "/files/history", nullptr, p.member.auth());
    ASSERT_EQ(res.status, 200) << entity << " " << res.body;
    EXPECT_EQ(res.json().at("response").at(0).at("fileTitle"), "salaries.txt");
  }
  hide_files(p);
  for (const std::string& entity : {task_path(p.task), message}) {
    EXPECT_EQ(call("GET", entity + "/files", nullptr, p.member.auth()).status, 403) << entity;
    res = call("GET", entity + "/files/history", nullptr, p.member.auth());
    EXPECT_EQ(res.status, 403) << entity << " " << res.body;
    EXPECT_EQ(res.body.find("salaries"), std::string::npos) << res.body;
    EXPECT_EQ(call("GET", entity + "/files/history", nullptr, admin()).status, 200) << entity;
  }
}

TEST_F(TaskFilesTest, AClosedProjectIs409AndChangesNothing) {
  ASSERT_EQ(attach({{"files", {file_}}}, admin()).status, 201);
  set_project_status(project_, "closed");
  const auto res = attach({{"files", {other_}}}, admin());
  EXPECT_EQ(res.status, 409) << res.body;
  EXPECT_EQ(call("DELETE", task_path(task_, "/files"), {{"fileid", file_}}, admin()).status, 409);
  EXPECT_EQ(attached(task_, admin()), std::vector<std::int64_t>{file_});
  EXPECT_EQ(task_full(task_).at("canEditFiles"), false);
  set_project_status(project_, "open");
}

TEST_F(TaskFilesTest, DetachAnswersTheTaskAndANotAttachedFileIsANoOp) {
  ASSERT_EQ(attach({{"files", {file_, other_}}}, admin()).status, 201);
  auto res = call("DELETE", task_path(task_, "/files"), {{"fileid", file_}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at("id"), task_);
  EXPECT_EQ(attached(task_, admin()), std::vector<std::int64_t>{other_});
  res =
      call("DELETE", task_path(task_, "/files?fileid=" + std::to_string(file_)), nullptr, admin());
  EXPECT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(call("DELETE", task_path(task_, "/files"), {{"fileid", 987654321}}, admin()).status,
            404);
  EXPECT_EQ(call("DELETE", task_path(task_, "/files"), nullptr, admin()).status, 400);
  const auto audit = audit_in_database(task_);
  ASSERT_EQ(audit.size(), 3u);  // two attaches, one detach; the no-op wrote nothing
  EXPECT_EQ(audit[2].action, AttachmentAction::kDetach);
  EXPECT_EQ(audit[2].file_id, file_);
}

TEST_F(TaskFilesTest, FilesManyDetaches) {
  ASSERT_EQ(attach({{"files", {file_, other_}}}, admin()).status, 201);
  const auto res =
      call("DELETE", task_path(task_, "/filesmany"), {{"files", {file_, other_}}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_TRUE(attached(task_, admin()).empty());
}

TEST_F(TaskFilesTest, HistoryListsAttachAndDetachForReaders) {
  ASSERT_EQ(attach({{"files", {file_}}}, admin()).status, 201);
  ASSERT_EQ(call("DELETE", task_path(task_, "/files"), {{"fileid", file_}}, admin()).status, 200);
  const Person reader = add_person();
  const auto history =
      get_ok("/api/2.0/project/" + task_path(task_, "/files/history"), reader.auth());
  ASSERT_EQ(history.as_array().size(), 2u);
  EXPECT_EQ(history.at(0).at("action"), "attach");
  EXPECT_EQ(history.at(1).at("action"), "detach");
  EXPECT_EQ(history.at(0).at("fileId"), file_);
  EXPECT_EQ(history.at(0).at("fileTitle"), "notes.txt");
  EXPECT_EQ(history.at(0).at("by").at("id").as_string(), admin_id());
}

TEST_F(TaskFilesTest, DeletingTheTaskDetachesButKeepsFilesAndAudit) {
  ASSERT_EQ(attach({{"files", {file_}}}, admin()).status, 201);
  ASSERT_EQ(call("DELETE", task_path(task_), nullptr, admin()).status, 200);
  EXPECT_EQ(files_call("GET", "file/" + std::to_string(file_), nullptr, admin()).status, 200);
  const auto audit = audit_in_database(task_);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].action, AttachmentAction::kDetach);
  EXPECT_EQ(audit[1].reason, "task deleted");
}

// Into the trash (trash_http_test.cc) or, as here, for good: detached either way.
TEST_F(TaskFilesTest, DeletingTheFileRemovesTheAttachmentWithAnAuditRecord) {
  ASSERT_EQ(attach({{"files", {file_, other_}}}, admin()).status, 201);
  ASSERT_EQ(
      files_call("DELETE", "file/" + std::to_string(file_) + "?immediately=true", nullptr, admin())
          .status,
      200);
  EXPECT_EQ(attached(task_, admin()), std::vector<std::int64_t>{other_});
  const auto audit = audit_in_database(task_);
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[2].reason, "file deleted");
  EXPECT_EQ(audit[2].file_title, "notes.txt");
}

TEST_F(TaskFilesTest, TwoClientsAttachingAtOnceLeaveOneLinkPerFile) {
  std::vector<std::int64_t> files;
  for (int i = 0; i < 8; ++i)
    files.push_back(create_text_id(std::to_string(folder_), "c" + std::to_string(i), "x", admin()));
  boost::json::array list(files.begin(), files.end());
  std::vector<int> statuses(2);
  std::vector<std::thread> clients;
  for (int c = 0; c < 2; ++c)
    clients.emplace_back([&, c] {
      for (int round = 0; round < 5; ++round) {
        const auto res = call("POST", task_path(task_, "/files"), {{"files", list}}, admin());
        if (res.status != 201) statuses[c] = res.status;
      }
    });
  for (auto& t : clients)
    t.join();
  EXPECT_EQ(statuses, std::vector<int>({0, 0}));
  auto ids = attached(task_, admin());
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, files);
  EXPECT_EQ(audit_in_database(task_).size(), files.size());
}

TEST_F(TaskFilesTest, TheXmlFormAnswersTheTaskInXml) {
  Headers headers = admin();
  headers.emplace_back("Accept", "application/xml");
  headers.emplace_back("Content-Type", "application/json");
  const auto res =
      HttpClient(port()).request("POST", "/api/2.0/project/" + task_path(task_, "/files"),
                                 "{\"files\":[" + std::to_string(file_) + "]}", headers);
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_NE(res.header("content-type").find("xml"), std::string::npos);
  EXPECT_NE(res.body.find("<statusCode>201</statusCode>"), std::string::npos) << res.body;
  EXPECT_NE(res.body.find("<id>" + std::to_string(task_) + "</id>"), std::string::npos);
}

}  // namespace
}  // namespace projectd::test
