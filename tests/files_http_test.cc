// api/2.0/files (docs/wire-compatibility.md, "Folders", "Uploads", "Downloads"): folder content
// with paging and filters, subfolders, the upload limit setting, the FileWrapper as written,
// renames and deletes.
#include "files_test_support.h"

#include <algorithm>
#include <regex>

namespace projectd::test {
namespace {

std::vector<std::string> titles_of(const boost::json::value& array) {
  std::vector<std::string> titles;
  for (const auto& item : array.as_array())
    titles.emplace_back(item.at("title").as_string());
  return titles;
}

std::vector<std::string> sorted_titles(const boost::json::value& array) {
  auto titles = titles_of(array);
  std::sort(titles.begin(), titles.end());
  return titles;
}

bool is_api_date(const boost::json::value& value) {
  static const std::regex shape(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z)");
  return value.is_string() && std::regex_match(std::string(value.as_string()), shape);
}

// The FolderWrapper members a test pins.
struct FolderFacts {
  std::string title;
  std::int64_t parent_id;
  int files, folders, root_folder_type;
};

void expect_folder(const boost::json::value& folder, const FolderFacts& facts) {
  EXPECT_EQ(folder.at("title").as_string(), facts.title);
  EXPECT_EQ(folder.at("parentId"), facts.parent_id) << facts.title;
  EXPECT_EQ(folder.at("filesCount"), facts.files) << facts.title;
  EXPECT_EQ(folder.at("foldersCount"), facts.folders) << facts.title;
  EXPECT_EQ(folder.at("rootFolderType"), facts.root_folder_type) << facts.title;
}

// A query of GET files/@my and the titles its page must hold.
struct Listing {
  std::string query;
  std::vector<std::string> folders, files;
  std::size_t size() const { return folders.size() + files.size(); }
};

class DocumentsTest : public FilesSuite {
 protected:
  // Checks the page's titles (in order, or in any order) and answers the content.
  static boost::json::value expect_listing(const Headers& auth, const Listing& listing,
                                           bool any_order) {
    const auto content = folder_content("@my", auth, listing.query);
    if (!content.is_object()) return boost::json::object();
    const auto titles = any_order ? sorted_titles : titles_of;
    EXPECT_EQ(titles(content.at("folders")), listing.folders) << listing.query;
    EXPECT_EQ(titles(content.at("files")), listing.files) << listing.query;
    return content;
  }
  // POST files/folder/<parent>; fails the test unless 201. Returns the FolderWrapper.
  static boost::json::object create_folder(const std::string& parent, const std::string& title,
                                           const Headers& auth) {
    const auto folder =
        response_of(files_call("POST", "folder/" + parent, {{"title", title}}, auth), 201);
    return folder.is_object() ? folder.as_object() : boost::json::object();
  }
  static std::int64_t create_folder_id(const std::string& parent, const std::string& title,
                                       const Headers& auth) {
    const auto folder = create_folder(parent, title, auth);
    return folder.contains("id") ? folder.at("id").as_int64() : 0;
  }
  static int folder_status(std::int64_t folder, const Headers& auth) {
    return files_call("GET", std::to_string(folder), nullptr, auth).status;
  }
};

TEST_F(DocumentsTest, MyDocumentsAnswersTheFolderContentWrapper) {
  const Person person = add_person();
  const auto sub = create_folder("@my", "Sub", person.auth());
  const std::int64_t my = sub.at("parentId").as_int64();
  const std::int64_t file = create_text_id("@my", "a", "alpha", person.auth());

  const auto content = folder_content("@my", person.auth());
  ASSERT_TRUE(content.is_object());
  EXPECT_EQ(keys_of(content.as_object()),
            std::vector<std::string>({"files", "folders", "current", "pathParts", "startIndex",
                                      "count", "total", "new"}));
  const auto& current = content.at("current");
  EXPECT_EQ(current.at("id"), my);
  expect_folder(current, {"My Documents", 0, 1, 1, 5});
  EXPECT_EQ(content.at("pathParts"), boost::json::array({my}));
  EXPECT_EQ(content.at("startIndex"), 0);
  EXPECT_EQ(content.at("count"), 2);
  EXPECT_EQ(content.at("total"), 2);
  EXPECT_EQ(ids_of(content.at("folders")), std::vector<std::int64_t>{sub.at("id").as_int64()});
  EXPECT_EQ(ids_of(content.at("files")), std::vector<std::int64_t>{file});
  EXPECT_EQ(content.at("files").at(0).at("folderId"), my);
  // The same folder by its id.
  EXPECT_EQ(folder_content(std::to_string(my), person.auth()).at("current").at("id"), my);
}

TEST_F(DocumentsTest, CommonAndProjectFoldersAnswerTheirContent) {
  const Person reader = add_person();
  const std::int64_t shared = create_text_id("@common", "shared", "for all", admin());
  const auto common = folder_content("@common", reader.auth());
  EXPECT_EQ(common.at("current").at("rootFolderType"), 1);
  const auto common_ids = ids_of(common.at("files"));
  EXPECT_NE(std::find(common_ids.begin(), common_ids.end(), shared), common_ids.end());

  const std::int64_t project = make_project({}, "Documents");
  const std::int64_t folder = project_folder(project);
  const std::int64_t file = create_text_id(std::to_string(folder), "plan", "p", admin());
  for (const std::string& path :
       {files_path(std::to_string(folder)), project_path(project, "/files")}) {
    const auto content = get_ok(path, reader.auth());
    ASSERT_TRUE(content.is_object()) << path;
    EXPECT_EQ(content.at("current").at("id"), folder) << path;
    EXPECT_EQ(content.at("current").at("rootFolderType"), 2) << path;
    EXPECT_EQ(content.at("current").at("filesCount"), 1) << path;
    EXPECT_EQ(content.at("pathParts"), boost::json::array({folder})) << path;
    EXPECT_EQ(ids_of(content.at("files")), std::vector<std::int64_t>{file}) << path;
    EXPECT_EQ(content.at("total"), 1) << path;
  }
}

TEST_F(DocumentsTest, PagingRunsOverFoldersThenFiles) {
  const Person person = add_person();
  for (const char* title : {"A", "B", "C"})
    create_folder("@my", title, person.auth());
  for (const char* title : {"f1", "f2", "f3"})
    create_text("@my", title, title, person.auth());

  const std::vector<Listing> pages = {
      {"?startIndex=0&count=2", {"A", "B"}, {}},
      {"?startIndex=2&count=2", {"C"}, {"f1.txt"}},
      {"?startIndex=4&count=5", {}, {"f2.txt", "f3.txt"}},
      {"?startIndex=6&count=2", {}, {}},
  };
  for (const Listing& page : pages) {
    const auto content = expect_listing(person.auth(), page, false);
    EXPECT_EQ(content.at("count"), page.size()) << page.query;
    EXPECT_EQ(content.at("total"), 6) << page.query;
    EXPECT_EQ(content.at("current").at("filesCount"), 3) << page.query;
    EXPECT_EQ(content.at("current").at("foldersCount"), 3) << page.query;
  }
  EXPECT_EQ(folder_content("@my", person.auth(), "?startIndex=2&count=2").at("startIndex"), 2);
}

TEST_F(DocumentsTest, FilterTypeAndFilterValueNarrowTheList) {
  const Person person = add_person();
  create_folder("@my", "Reports", person.auth());
  for (const char* title : {"report.docx", "budget.xlsx", "data.bin"})
    upload_id("@my", title, "bytes", person.auth());

  const std::vector<Listing> filters = {
      {"?filterType=1", {}, {"budget.xlsx", "data.bin", "report.docx"}},
      {"?filterType=2", {"Reports"}, {}},
      {"?filterType=3", {}, {"report.docx"}},
      {"?filterValue=ep", {"Reports"}, {"report.docx"}},
      {"?filterType=1&filterValue=ep", {}, {"report.docx"}},
      {"?filterValue=nothing-like-it", {}, {}},
  };
  for (const Listing& filter : filters)
    EXPECT_EQ(expect_listing(person.auth(), filter, true).at("total"), filter.size())
        << filter.query;
}

TEST_F(DocumentsTest, CreateFolderAnswersTheFolderWrapper) {
  const Person person = add_person();
  const std::int64_t my = my_folder(person.auth());
  const auto plans = create_folder("@my", "Plans", person.auth());
  EXPECT_EQ(keys_of(plans),
            std::vector<std::string>({"parentId", "filesCount", "foldersCount", "id", "title",
                                      "access", "shared", "rootFolderType", "updatedBy", "created",
                                      "createdBy", "updated"}));
  expect_folder(plans, {"Plans", my, 0, 0, 5});
  EXPECT_EQ(plans.at("access"), 0);
  EXPECT_EQ(plans.at("createdBy").at("id").as_string(), person.id);
  EXPECT_TRUE(is_api_date(plans.at("created"))) << plans.at("created");

  const std::int64_t plans_id = plans.at("id").as_int64();
  const auto q1 = create_folder(std::to_string(plans_id), "Q1", person.auth());
  EXPECT_EQ(q1.at("parentId"), plans_id);
  const auto content = folder_content(std::to_string(q1.at("id").as_int64()), person.auth());
  EXPECT_EQ(content.at("current").at("title"), "Q1");
  EXPECT_EQ(content.at("pathParts"), boost::json::array({my, plans_id, q1.at("id").as_int64()}));
  EXPECT_EQ(folder_content("@my", person.auth()).at("current").at("foldersCount"), 1);

  const std::int64_t project_root = project_folder(make_project({}, "Folders"));
  const auto in_project = create_folder(std::to_string(project_root), "Specs", admin());
  EXPECT_EQ(in_project.at("parentId"), project_root);
  EXPECT_EQ(in_project.at("rootFolderType"), 2);
}

TEST_F(DocumentsTest, RenameFolderAnswersItWithTheNewTitle) {
  const Person person = add_person();
  const std::int64_t folder = create_folder_id("@my", "Plans", person.auth());
  const auto renamed = response_of(
      files_call("PUT", "folder/" + std::to_string(folder), {{"title", "Ideas"}}, person.auth()),
      200);
  ASSERT_TRUE(renamed.is_object());
  EXPECT_EQ(renamed.at("id"), folder);
  EXPECT_EQ(renamed.at("title"), "Ideas");
  EXPECT_EQ(folder_content(std::to_string(folder), person.auth()).at("current").at("title"),
            "Ideas");
}

// `immediately` deletes for good; without it the folder goes into the trash (trash_http_test.cc).
TEST_F(DocumentsTest, DeletingAFolderDeletesEverythingInIt) {
  const Person person = add_person();
  const std::int64_t plans = create_folder_id("@my", "Plans", person.auth());
  const std::int64_t nested = create_folder_id(std::to_string(plans), "Nested", person.auth());
  const std::int64_t top_file = create_text_id(std::to_string(plans), "a", "a", person.auth());
  const std::int64_t deep_file = create_text_id(std::to_string(nested), "b", "b", person.auth());

  const auto res = files_call("DELETE", "folder/" + std::to_string(plans) + "?immediately=true",
                              nullptr, person.auth());
  const auto operations = response_of(res, 200);
  ASSERT_TRUE(operations.is_array());
  ASSERT_EQ(operations.as_array().size(), 1u);
  EXPECT_EQ(operations.at(0).at("operation"), 2);
  EXPECT_EQ(operations.at(0).at("finished"), true);
  EXPECT_EQ(ids_of(operations.at(0).at("folders")), std::vector<std::int64_t>{plans});

  EXPECT_EQ(file_status(top_file, person.auth()), 404);
  EXPECT_EQ(file_status(deep_file, person.auth()), 404);
  EXPECT_EQ(folder_status(plans, person.auth()), 404);
  EXPECT_EQ(folder_status(nested, person.auth()), 404);
  EXPECT_EQ(folder_content("@my", person.auth()).at("total"), 0);
}

TEST_F(DocumentsTest, SectionAndProjectRootsCannotBeRenamedOrDeleted) {
  const std::int64_t common = folder_content("@common", admin()).at("current").at("id").as_int64();
  const std::int64_t project_root = project_folder(make_project({}, "Roots"));
  for (const std::int64_t root : {my_folder(admin()), common, project_root}) {
    const std::string path = "folder/" + std::to_string(root);
    EXPECT_EQ(files_call("PUT", path, {{"title", "Renamed"}}, admin()).status, 403) << root;
    EXPECT_EQ(files_call("DELETE", path, nullptr, admin()).status, 403) << root;
    const auto content = folder_content(std::to_string(root), admin());
    ASSERT_TRUE(content.is_object());
    EXPECT_NE(content.at("current").at("title"), "Renamed");
  }
}

TEST_F(DocumentsTest, AnEmptyFolderTitleIs400) {
  const Person person = add_person();
  EXPECT_EQ(files_call("POST", "folder/@my", {{"title", ""}}, person.auth()).status, 400);
  EXPECT_EQ(files_call("POST", "folder/@my", nullptr, person.auth()).status, 400);
  const std::int64_t folder = create_folder_id("@my", "Kept", person.auth());
  EXPECT_EQ(
      files_call("PUT", "folder/" + std::to_string(folder), {{"title", ""}}, person.auth()).status,
      400);
  const auto content = folder_content("@my", person.auth());
  EXPECT_EQ(titles_of(content.at("folders")), std::vector<std::string>{"Kept"});
}

TEST_F(DocumentsTest, SettingsReportTheDefaultUploadLimit) {
  const auto settings = get_ok(files_path("settings"), add_person().auth());
  ASSERT_TRUE(settings.is_object());
  EXPECT_EQ(settings.at("maxUploadSize"), 100 * 1024 * 1024);
  EXPECT_EQ(files_call("GET", "settings", nullptr, {}).status, 401);
}

TEST_F(DocumentsTest, FileWrapperMembersAreInTheOriginalOrder) {
  const Person person = add_person();
  const std::int64_t id = upload_id("@my", "big.docx", std::string(12345, 'x'), person.auth());
  const auto file = file_info(id, person.auth());
  ASSERT_TRUE(file.is_object());
  EXPECT_EQ(
      keys_of(file.as_object()),
      std::vector<std::string>(
          {"folderId",       "version",   "versionGroup", "contentLength", "pureContentLength",
           "fileStatus",     "viewUrl",   "webUrl",       "fileType",      "fileExst",
           "comment",        "id",        "title",        "access",        "shared",
           "rootFolderType", "updatedBy", "created",      "createdBy",     "updated"}));
  const std::string base = "http://127.0.0.1:" + std::to_string(port());
  EXPECT_EQ(file.at("folderId"), my_folder(person.auth()));
  EXPECT_EQ(file.at("version"), 1);
  EXPECT_EQ(file.at("versionGroup"), 1);
  EXPECT_EQ(file.at("contentLength"), "12.06 KB");
  EXPECT_EQ(file.at("pureContentLength"), 12345);
  EXPECT_EQ(file.at("fileStatus"), 0);
  EXPECT_EQ(file.at("viewUrl").as_string(),
            base + "/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" +
                std::to_string(id));
  EXPECT_EQ(std::string(file.at("webUrl").as_string()).rfind(base + "/", 0), 0u)
      << file.at("webUrl");
  EXPECT_EQ(file.at("fileType"), 7);
  EXPECT_EQ(file.at("fileExst"), ".docx");
  EXPECT_TRUE(file.at("comment").is_null());
  EXPECT_EQ(file.at("id"), id);
  EXPECT_EQ(file.at("title"), "big.docx");
  EXPECT_EQ(file.at("access"), 0);
  EXPECT_EQ(file.at("shared"), false);
  EXPECT_EQ(file.at("rootFolderType"), 5);
  EXPECT_EQ(file.at("updatedBy").at("id").as_string(), person.id);
  EXPECT_EQ(file.at("createdBy").at("id").as_string(), person.id);
  EXPECT_TRUE(is_api_date(file.at("created"))) << file.at("created");
  EXPECT_TRUE(is_api_date(file.at("updated"))) << file.at("updated");
}

TEST_F(DocumentsTest, SizeTypeAndRootFollowTheFile) {
  const Person person = add_person();
  struct Expected {
    std::string folder, title, bytes, size;
    int type;  // 0: no fileType member
    int root;
    const Headers& auth;
  };
  const Headers mine = person.auth(), admins = admin();
  const std::vector<Expected> files = {
      {"@my", "tiny.xlsx", "hello", "5 bytes", 5, 5, mine},
      {"@my", "strange.xyz", "??", "2 bytes", 0, 5, mine},
      {"@my", "big.bin", std::string(3 * 512 * 1024, 'z'), "1.5 MB", 0, 5, mine},
      {"@common", "common.docx", "cc", "2 bytes", 7, 1, admins},
      {std::to_string(project_folder(make_project({}, "Types"))), "p.docx", "pp", "2 bytes", 7, 2,
       admins},
  };
  for (const Expected& expected : files) {
    const auto file = file_info(
        upload_id(expected.folder, expected.title, expected.bytes, expected.auth), expected.auth);
    ASSERT_TRUE(file.is_object()) << expected.title;
    EXPECT_EQ(file.at("contentLength").as_string(), expected.size) << expected.title;
    EXPECT_EQ(file.at("pureContentLength"), expected.bytes.size()) << expected.title;
    EXPECT_EQ(file.at("fileExst").as_string(), expected.title.substr(expected.title.rfind('.')));
    if (expected.type == 0)
      EXPECT_FALSE(file.as_object().contains("fileType")) << expected.title;
    else
      EXPECT_EQ(file.at("fileType"), expected.type) << expected.title;
    EXPECT_EQ(file.at("rootFolderType"), expected.root) << expected.title;
  }
}

TEST_F(DocumentsTest, RenameKeepsTheExtension) {
  const Person person = add_person();
  const std::int64_t id = upload_id("@my", "a.txt", "text", person.auth());
  const std::string path = "file/" + std::to_string(id);
  struct Rename {
    std::string title, expected;
  };
  for (const Rename& rename :
       std::vector<Rename>{{"report", "report.txt"}, {"summary.txt", "summary.txt"}}) {
    const auto file =
        response_of(files_call("PUT", path, {{"title", rename.title}}, person.auth()), 200);
    ASSERT_TRUE(file.is_object()) << rename.title;
    EXPECT_EQ(file.at("id"), id);
    EXPECT_EQ(file.at("title").as_string(), rename.expected);
    EXPECT_EQ(file_info(id, person.auth()).at("title").as_string(), rename.expected);
  }
  EXPECT_EQ(files_call("PUT", path, {{"title", ""}}, person.auth()).status, 400);
  EXPECT_EQ(file_info(id, person.auth()).at("title"), "summary.txt");
}

TEST_F(DocumentsTest, DeleteAnswersTheFinishedOperationAndTheFileIsGone) {
  const Person person = add_person();
  const std::int64_t id = upload_id("@my", "gone.txt", "soon gone", person.auth());
  const std::string for_good = "file/" + std::to_string(id) + "?immediately=true";
  const auto operations = response_of(files_call("DELETE", for_good, nullptr, person.auth()), 200);
  ASSERT_TRUE(operations.is_array());
  ASSERT_EQ(operations.as_array().size(), 1u);
  const auto& operation = operations.at(0);
  EXPECT_TRUE(operation.at("id").is_string());
  EXPECT_EQ(operation.at("operation"), 2);
  EXPECT_EQ(operation.at("finished"), true);
  EXPECT_EQ(ids_of(operation.at("files")), std::vector<std::int64_t>{id});
  EXPECT_EQ(operation.at("files").at(0).at("title"), "gone.txt");

  const auto again = files_call("GET", "file/" + std::to_string(id), nullptr, person.auth());
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(error_message(again), "Item not found");
  EXPECT_EQ(download(id, person.auth()).status, 404);
  EXPECT_EQ(files_call("DELETE", for_good, nullptr, person.auth()).status, 404);
  EXPECT_EQ(folder_content("@my", person.auth()).at("total"), 0);
}

TEST_F(DocumentsTest, FileOpsDeleteDeletesWhatItMayAndListsTheRest) {
  const Person owner = add_person();
  const Person person = add_person();
  const std::int64_t a = upload_id("@my", "a.txt", "a", person.auth());
  const std::int64_t b = upload_id("@my", "b.txt", "b", person.auth());
  const std::int64_t theirs = upload_id("@my", "theirs.txt", "c", owner.auth());
  const std::int64_t folder = create_folder_id("@my", "Old", person.auth());

  const auto res = files_call(
      "PUT", "fileops/delete",
      {{"fileIds", {a, theirs, b}}, {"folderIds", {folder}}, {"immediately", true}}, person.auth());
  const auto operations = response_of(res, 200);
  ASSERT_TRUE(operations.is_array());
  ASSERT_EQ(operations.as_array().size(), 1u);
  EXPECT_EQ(ids_of(operations.at(0).at("files")), std::vector<std::int64_t>({a, b}));
  EXPECT_EQ(ids_of(operations.at(0).at("folders")), std::vector<std::int64_t>{folder});
  const auto json = res.json();
  const auto& failed = json.at("failed");
  ASSERT_EQ(failed.as_array().size(), 1u) << res.body;
  EXPECT_EQ(failed.at(0).at("fileId"), theirs);
  EXPECT_EQ(failed.at(0).at("statusCode"), 404);
  EXPECT_EQ(failed.at(0).at("message"), "Item not found");

  EXPECT_EQ(file_status(a, person.auth()), 404);
  EXPECT_EQ(file_status(b, person.auth()), 404);
  EXPECT_EQ(file_status(theirs, owner.auth()), 200);
  EXPECT_EQ(folder_content("@my", person.auth()).at("total"), 0);
}

}  // namespace
}  // namespace projectd::test
