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

}  // namespace
}  // namespace projectd::test
