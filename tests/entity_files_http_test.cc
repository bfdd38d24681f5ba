// The web front end's generic attachment paths (project/{id}/entityfiles?entityType=...) and the
// discussion paths (project/message/{id}/files): same rules as task files, other answers.
#include "files_test_support.h"

namespace projectd::test {
namespace {

class EntityFilesTest : public FilesSuite {
 protected:
  void SetUp() override {
    project_ = make_project({}, "Entity files");
    folder_ = project_folder(project_);
    task_ = create_task_id(project_, {{"title", "Task"}}, admin());
    file_ = create_text_id(std::to_string(folder_), "a", "alpha", admin());
    other_ = create_text_id(std::to_string(folder_), "b", "beta", admin());
    const auto res = HttpClient(port()).post_json(
        project_path(project_, "/message"), {{"title", "Talk"}, {"content", "<p>hi</p>"}}, admin());
    ASSERT_EQ(res.status, 201) << res.body;
    message_ = res.json().at("response").at("id").as_int64();
  }

  std::string entity(std::int64_t id, const std::string& rest, const std::string& type) {
    return std::to_string(id) + "/" + rest + "?entityType=" + type;
  }

  std::int64_t project_ = 0, folder_ = 0, task_ = 0, file_ = 0, other_ = 0, message_ = 0;
};

TEST_F(EntityFilesTest, PostAnswersTheFilesAndGetListsThem) {
  auto res =
      call("POST", entity(task_, "entityfiles", "Task"), {{"files", {file_, other_}}}, admin());
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(ids_of(res.json().at("response")), std::vector<std::int64_t>({file_, other_}));
  res = call("GET", entity(task_, "entityfiles", "2"), nullptr, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(ids_of(res.json().at("response")), std::vector<std::int64_t>({file_, other_}));
  EXPECT_EQ(attached(task_, admin()), std::vector<std::int64_t>({file_, other_}));
}

TEST_F(EntityFilesTest, DeleteAnswersTheFileAndManyAnswersTheFiles) {
  ASSERT_EQ(
      call("POST", entity(task_, "entityfiles", "task"), {{"files", {file_, other_}}}, admin())
          .status,
      201);
  auto res = call("DELETE", entity(task_, "entityfiles", "task"), {{"fileid", file_}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at("id"), file_);
  res = call("DELETE", entity(task_, "entityfilesmany", "task"), {{"files", {other_}}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(ids_of(res.json().at("response")), std::vector<std::int64_t>{other_});
  EXPECT_TRUE(attached(task_, admin()).empty());
}

TEST_F(EntityFilesTest, AnotherEntityTypeHasNoFilesAndAMissingTypeIs400) {
  auto res = call("GET", entity(task_, "entityfiles", "Milestone"), nullptr, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response"), boost::json::array());
  EXPECT_EQ(call("GET", std::to_string(task_) + "/entityfiles", nullptr, admin()).status, 400);
  EXPECT_EQ(
      call("POST", entity(task_, "entityfiles", "Milestone"), {{"files", {file_}}}, admin()).status,
      400);
}

TEST_F(EntityFilesTest, UploadStoresInTheProjectFolderAndAttaches) {
  auto [body, type] = multipart_body(
      {{"entityType", "", "task"}, {"userfile", "report.txt", "quarterly numbers", "text/plain"}});
  Headers headers = admin();
  headers.emplace_back("Content-Type", type);
  const auto res = HttpClient(port()).request(
      "POST", "/api/2.0/project/" + std::to_string(task_) + "/entityfiles/upload", body, headers);
  ASSERT_EQ(res.status, 201) << res.body;
  const auto json = res.json();
  const auto& file = json.at("response");
  EXPECT_EQ(file.at("title"), "report.txt");
  EXPECT_EQ(file.at("folderId"), folder_);
  EXPECT_EQ(attached(task_, admin()), std::vector<std::int64_t>{file.at("id").as_int64()});
}

TEST_F(EntityFilesTest, UploadIntoAFolderOutsideTheProjectIs400AndStoresNothing) {
  const std::int64_t elsewhere = project_folder(make_project({}, "Elsewhere"));
  auto [body, type] = multipart_body({{"entityType", "", "task"},
                                      {"folderid", "", std::to_string(elsewhere)},
                                      {"userfile", "x.txt", "x", "text/plain"}});
  Headers headers = admin();
  headers.emplace_back("Content-Type", type);
  const auto res = HttpClient(port()).request(
      "POST", "/api/2.0/project/" + std::to_string(task_) + "/entityfiles/upload", body, headers);
  EXPECT_EQ(res.status, 400) << res.body;
  const auto content = files_call("GET", std::to_string(elsewhere), nullptr, admin());
  EXPECT_EQ(content.json().at("response").at("total"), 0);
  EXPECT_TRUE(attached(task_, admin()).empty());
}

TEST_F(EntityFilesTest, DiscussionFilesManyDetachesAndAnswersTheDiscussion) {
  const std::string message = "message/" + std::to_string(message_);
  ASSERT_EQ(call("POST", message + "/files", {{"files", {file_, other_}}}, admin()).status, 201);
  auto res = call("DELETE", message + "/filesmany", {{"files", {file_, other_}}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto answer = res.json().at("response").as_object();
  EXPECT_EQ(answer.at("id"), message_);
  EXPECT_EQ(answer.at("title"), "Talk");
  EXPECT_EQ(answer.at("status"), 0);
  EXPECT_FALSE(answer.contains("files"));  // MessageWrapper, as the original answers
  res = call("GET", message + "/files", nullptr, admin());
  EXPECT_EQ(res.json().at("response"), boost::json::array());
  // Records of both detaches, after the two attaches.
  res = call("GET", message + "/files/history", nullptr, admin());
  EXPECT_EQ(res.json().at("response").as_array().size(), 4u) << res.body;
  EXPECT_EQ(call("DELETE", "message/999999/filesmany", {{"files", {file_}}}, admin()).status, 404);
  EXPECT_EQ(call("DELETE", message + "/filesmany", {{"files", {file_}}}, {}).status, 401);
  res = call("DELETE", message + "/filesmany.xml", {{"files", {file_}}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_NE(res.body.find("<response><canCreateComment>true</canCreateComment>"), std::string::npos)
      << res.body;
}

TEST_F(EntityFilesTest, DiscussionsTakeFilesToo) {
  const std::string path = "message/" + std::to_string(message_) + "/files";
  auto res = call("POST", path, {{"files", {file_}}}, admin());
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(res.json().at("response").at("id"), message_);
  res = call("GET", path, nullptr, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(ids_of(res.json().at("response")), std::vector<std::int64_t>{file_});
  res = call("GET", entity(message_, "entityfiles", "Message"), nullptr, admin());
  EXPECT_EQ(ids_of(res.json().at("response")), std::vector<std::int64_t>{file_});
  const auto full = get_ok("/api/2.0/project/message/" + std::to_string(message_), admin());
  EXPECT_EQ(ids_of(full.at("files")), std::vector<std::int64_t>{file_});
  res = call("DELETE", path, {{"fileid", file_}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  res = call("GET", path, nullptr, admin());
  EXPECT_EQ(res.json().at("response"), boost::json::array());
}

TEST_F(EntityFilesTest, ATaskMadeFromADiscussionCarriesItsTextCommentsFilesAndSubscribers) {
  const std::string message = "message/" + std::to_string(message_);
  ASSERT_EQ(call("POST", message + "/files", {{"files", {file_}}}, admin()).status, 201);
  auto res = call("POST", message + "/comment", {{"content", "<p>first reply</p>"}}, admin());
  ASSERT_EQ(res.status, 201) << res.body;
  const std::string parent = std::string(res.json().at("response").at("id").as_string());
  res = call("POST", message + "/comment", {{"content", "<p>nested</p>"}, {"parentid", parent}},
             admin());
  ASSERT_EQ(res.status, 201) << res.body;

  res = call("POST", std::to_string(project_) + "/task/" + std::to_string(message_), nullptr,
             admin());
  ASSERT_EQ(res.status, 201) << res.body;
  const std::int64_t task = res.json().at("response").at("id").as_int64();
  EXPECT_EQ(res.json().at("response").at("title"), "Talk");
  const auto full = task_full(task);
  EXPECT_EQ(full.at("commentsCount"), 3);
  ASSERT_EQ(full.at("comments").as_array().size(), 2u);
  EXPECT_EQ(full.at("comments").at(0).at("commentBody"), "<p>hi</p>");
  EXPECT_EQ(full.at("comments").at(1).at("commentList").at(0).at("commentBody"), "<p>nested</p>");
  EXPECT_EQ(ids_of(full.at("files")), std::vector<std::int64_t>{file_});
  EXPECT_EQ(full.at("isSubscribed"), true);

  const Person outsider = add_person();
  EXPECT_EQ(call("POST", std::to_string(project_) + "/task/987654321", nullptr, admin()).status,
            404);
  EXPECT_EQ(call("POST", std::to_string(project_) + "/task/" + std::to_string(message_), nullptr,
                 outsider.auth())
                .status,
            403);
}

// Issue 21, item 8: a discussion moved out of a private project must not carry that project's
// files along, or the new project's readers would see their ids, titles, sizes and creators.
TEST_F(EntityFilesTest, MovingADiscussionDetachesTheFilesOutsideItsNewProject) {
  const Person member = add_person();
  const Person outsider = add_person();
  const std::int64_t secret = create_project_id(
      {{"title", "Secret source"}, {"private", true}, {"participants", {member.id}}}, admin());
  const std::string secret_folder = std::to_string(project_folder(secret));
  const std::int64_t first = create_text_id(secret_folder, "merger plan", "a", member.auth());
  const std::int64_t second = create_text_id(secret_folder, "layoffs", "b", member.auth());
  const std::int64_t open = make_project({member.id}, "Open target");
  auto res = HttpClient(port()).post_json(project_path(secret, "/message"),
                                          {{"title", "Plans"}, {"content", "<p>see files</p>"}},
                                          member.auth());
  ASSERT_EQ(res.status, 201) << res.body;
  const std::string message =
      "message/" + std::to_string(res.json().at("response").at("id").as_int64());
  ASSERT_EQ(call("POST", message + "/files", {{"files", {first, second}}}, member.auth()).status,
            201);

  res = call("PUT", message, {{"projectid", open}}, member.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json().at("response").at("projectOwner").at("id"), open);
  EXPECT_EQ(res.json().at("response").at("files"), boost::json::array());

  // Nobody sees them through the discussion any more; the files stay where they were.
  for (const Headers& auth : {outsider.auth(), member.auth(), admin()}) {
    res = call("GET", message + "/files", nullptr, auth);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("response"), boost::json::array());
  }
  EXPECT_EQ(ids_of(get_ok("/api/2.0/project/" + message, outsider.auth()).at("files")),
            std::vector<std::int64_t>{});
  EXPECT_EQ(file_status(first, member.auth()), 200);
  EXPECT_EQ(file_status(first, outsider.auth()), 404);
  // The detach is on record as the mover's, and only for those who may read the files.
  const auto history = get_ok("/api/2.0/project/" + message + "/files/history", member.auth());
  ASSERT_EQ(history.as_array().size(), 4u) << history;
  for (int i : {2, 3}) {
    EXPECT_EQ(history.at(i).at("action"), "detach");
    EXPECT_EQ(history.at(i).at("reason"), "discussion moved to another project");
    EXPECT_EQ(history.at(i).at("by").at("id").as_string(), member.id);
  }
  const auto seen_outside =
      get_ok("/api/2.0/project/" + message + "/files/history", outsider.auth());
  EXPECT_EQ(seen_outside, boost::json::array()) << seen_outside;
}

// A move keeps the files in the new project's documents: here the discussion moves between two
// projects of the same person and only the file of the old one is detached.
TEST_F(EntityFilesTest, AMovedDiscussionKeepsNothingButTheNewProjectsFiles) {
  const std::int64_t target = make_project({}, "Move target");
  const std::string message = "message/" + std::to_string(message_);
  ASSERT_EQ(call("POST", message + "/files", {{"files", {file_, other_}}}, admin()).status, 201);
  auto res = call("PUT", message, {{"projectid", target}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(call("GET", message + "/files", nullptr, admin()).json().at("response"),
            boost::json::array());
  // Back where the files are, it may take them again; a move to the same project detaches nothing.
  ASSERT_EQ(call("PUT", message, {{"projectid", project_}}, admin()).status, 200);
  ASSERT_EQ(call("POST", message + "/files", {{"files", {file_}}}, admin()).status, 201);
  ASSERT_EQ(
      call("PUT", message, {{"projectid", project_}, {"title", "Same place"}}, admin()).status,
      200);
  res = call("GET", message + "/files", nullptr, admin());
  EXPECT_EQ(ids_of(res.json().at("response")), std::vector<std::int64_t>{file_});
}

// Tasks cannot change project in place (PUT task/{id} with projectID is 400); the move is a copy
// with removeOld, which takes only the files of the target's documents and detaches the rest.
TEST_F(EntityFilesTest, ATaskNeverCarriesAnotherProjectsFilesToItsNewProject) {
  const std::int64_t target = make_project({}, "Task target");
  ASSERT_EQ(call("POST", task_path(task_, "/files"), {{"files", {file_, other_}}}, admin()).status,
            201);
  auto res = call("PUT", task_path(task_), {{"projectID", target}}, admin());
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_EQ(attached(task_, admin()), std::vector<std::int64_t>({file_, other_}));
  res = call("POST", task_path(task_, "/copy"),
             {{"title", "Moved"}, {"projectId", target}, {"copyFiles", true}, {"removeOld", true}},
             admin());
  ASSERT_EQ(res.status, 201) << res.body;
  const std::int64_t moved = res.json().at("response").at("id").as_int64();
  EXPECT_EQ(attached(moved, admin()), std::vector<std::int64_t>{});
  EXPECT_EQ(call("GET", task_path(task_), nullptr, admin()).status, 404);
}

}  // namespace
}  // namespace projectd::test
