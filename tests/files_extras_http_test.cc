// The per-person part of Documents (issue 16): title search with Unicode case folding, each
// person's settings (and updateifexist changing what an upload does), favourites, templates and
// recent with their sections, entry properties, and the third-party and document service stubs.
#include "files_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::HasSubstr;
namespace json = boost::json;

class FilesExtrasTest : public FilesSuite {
 protected:
  static json::value ok_call(const std::string& method, const std::string& path,
                             const json::value& body, const Headers& auth, int status = 200) {
    return response_of(files_call(method, path, body, auth), status);
  }
  static std::vector<std::string> titles(const json::array& entries) {
    std::vector<std::string> out;
    for (const json::value& entry : entries)
      out.push_back(std::string(entry.at("title").as_string()));
    return out;
  }
  static std::vector<std::string> file_titles(const json::value& content) {
    return titles(content.at("files").as_array());
  }
};

TEST_F(FilesExtrasTest, SearchFoldsUnicodeCaseInEverythingTheCallerMayRead) {
  const Person person = add_person();
  const Person other = add_person();
  upload_id("@my", "ärger.txt", "a", person.auth());
  upload_id("@my", "проект план.txt", "b", person.auth());
  upload_id("@my", "σοφια.txt", "c", person.auth());
  upload_id("@my", "unrelated.txt", "d", person.auth());
  ok_call("POST", "folder/@my", {{"title", "Ärger folder"}}, person.auth(), 201);
  upload_id("@my", "ärger secret.txt", "e", other.auth());
  const std::int64_t common = create_text_id("@common", "Common ÄRGER notes", "f", admin());
  const std::int64_t hidden_project = create_project_id(
      {{"title", "Hidden"}, {"private", true}, {"participants", {other.id}}}, admin());
  upload_id(std::to_string(project_folder(hidden_project)), "ärger in hiding.txt", "g", admin());

  // The queries are percent-encoded UTF-8: ÄRGER, ПРОЕКТ, ΣΟΦΙΑ, ärger.
  auto found = response_of(files_call("GET", "@search/%C3%84RGER", nullptr, person.auth()), 200);
  ASSERT_TRUE(found.is_array());
  EXPECT_EQ(titles(found.as_array()),
            (std::vector<std::string>{"ärger.txt", "Common ÄRGER notes.txt", "Ärger folder"}));
  EXPECT_EQ(found.at(1).at("id").as_int64(), common);
  EXPECT_TRUE(found.at(0).at("fileExst").is_string());   // a FileWrapper
  EXPECT_TRUE(found.at(2).at("filesCount").is_int64());  // a FolderWrapper
  EXPECT_EQ(titles(response_of(files_call("GET", "@search/%D0%9F%D0%A0%D0%9E%D0%95%D0%9A%D0%A2",
                                          nullptr, person.auth()),
                               200)
                       .as_array()),
            std::vector<std::string>{"проект план.txt"});
  EXPECT_EQ(titles(response_of(files_call("GET", "@search/%CE%A3%CE%9F%CE%A6%CE%99%CE%91", nullptr,
                                          person.auth()),
                               200)
                       .as_array()),
            std::vector<std::string>{"σοφια.txt"});
  // The other person finds their own and what the project lets them read, not the person's.
  EXPECT_EQ(titles(response_of(files_call("GET", "@search/%C3%A4rger", nullptr, other.auth()), 200)
                       .as_array()),
            (std::vector<std::string>{"ärger secret.txt", "Common ÄRGER notes.txt",
                                      "ärger in hiding.txt"}));

  // Paged, with the total of every match.
  const HttpResponse page =
      files_call("GET", "@search/%C3%84rger?count=1&startIndex=1", nullptr, person.auth());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(titles(page.json().at("response").as_array()),
            std::vector<std::string>{"Common ÄRGER notes.txt"});
  EXPECT_EQ(page.json().at("total"), 3);

  const HttpResponse xml = files_call("GET", "@search/%C3%A4rger.xml", nullptr, person.auth());
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_THAT(xml.body, HasSubstr("<title>Ärger folder</title>"));
  EXPECT_EQ(files_call("GET", "@search/%20", nullptr, person.auth()).status, 400);
  EXPECT_THAT(error_message(files_call("GET", "@search/%20", nullptr, person.auth())),
              HasSubstr("query"));
  EXPECT_EQ(files_call("GET", "@search/%C3%A4rger", nullptr, {}).status, 401);
}

TEST_F(FilesExtrasTest, SettingsAreEachPersonsOwnAndStored) {
  const Person person = add_person();
  const Person other = add_person();
  const Person guest = add_person(true);
  auto cleanup = ok_call("GET", "settings/autocleanup", nullptr, person.auth());
  EXPECT_EQ(cleanup, (json::value{{"isAutoCleanUp", false}, {"gap", 0}}));
  cleanup =
      ok_call("PUT", "settings/autocleanup", {{"set", true}, {"gap", "TwoWeeks"}}, person.auth());
  EXPECT_EQ(cleanup, (json::value{{"isAutoCleanUp", true}, {"gap", 2}}));
  EXPECT_EQ(ok_call("PUT", "settings/autocleanup", {{"set", false}}, person.auth()),
            (json::value{{"isAutoCleanUp", false}, {"gap", 2}}));
  EXPECT_EQ(ok_call("PUT", "settings/autocleanup", {{"set", true}, {"gap", 5}}, person.auth()),
            (json::value{{"isAutoCleanUp", true}, {"gap", 5}}));
  EXPECT_EQ(ok_call("GET", "settings/autocleanup", nullptr, person.auth()).at("gap"), 5);
  EXPECT_EQ(ok_call("GET", "settings/autocleanup", nullptr, other.auth()).at("gap"), 0);

  EXPECT_EQ(ok_call("PUT", "updateifexist", {{"set", true}}, person.auth()), true);
  EXPECT_EQ(ok_call("PUT", "storeoriginal", {{"set", false}}, person.auth()), false);
  EXPECT_EQ(ok_call("PUT", "hideconfirmconvert", {{"save", true}}, person.auth()), true);
  EXPECT_EQ(ok_call("PUT", "displayRecent", {{"set", false}}, person.auth()), false);
  EXPECT_EQ(ok_call("PUT", "settings/favorites", {{"set", false}}, person.auth()), false);
  EXPECT_EQ(ok_call("PUT", "settings/templates", {{"set", false}}, person.auth()), false);
  const auto mine = ok_call("GET", "settings", nullptr, person.auth());
  EXPECT_TRUE(mine.at("maxUploadSize").is_int64());
  EXPECT_EQ(mine.at("updateIfExist"), true);
  EXPECT_EQ(mine.at("storeOriginalFiles"), false);
  EXPECT_EQ(mine.at("hideConfirmConvertSave"), true);
  EXPECT_EQ(mine.at("hideConfirmConvertOpen"), false);
  EXPECT_EQ(mine.at("recentSection"), false);
  EXPECT_EQ(mine.at("favoritesSection"), false);
  EXPECT_EQ(mine.at("templatesSection"), false);
  EXPECT_EQ(mine.at("automaticallyCleanUp"), (json::value{{"isAutoCleanUp", true}, {"gap", 5}}));
  const auto theirs = ok_call("GET", "settings", nullptr, other.auth());
  EXPECT_EQ(theirs.at("updateIfExist"), false);
  EXPECT_EQ(theirs.at("storeOriginalFiles"), true);

  // Bad input changes nothing.
  EXPECT_EQ(files_call("PUT", "updateifexist", json::object{}, person.auth()).status, 400);
  EXPECT_EQ(files_call("PUT", "updateifexist", {{"set", "maybe"}}, person.auth()).status, 400);
  EXPECT_EQ(
      files_call("PUT", "settings/autocleanup", {{"set", true}, {"gap", "Never"}}, person.auth())
          .status,
      400);
  EXPECT_EQ(ok_call("GET", "settings", nullptr, person.auth()).at("updateIfExist"), true);
  EXPECT_EQ(ok_call("GET", "settings/autocleanup", nullptr, person.auth()).at("gap"), 5);
  // Guests keep none; nobody unsigned.
  EXPECT_EQ(files_call("PUT", "updateifexist", {{"set", true}}, guest.auth()).status, 403);
  EXPECT_EQ(ok_call("GET", "settings/autocleanup", nullptr, guest.auth()).at("gap"), 0);
  EXPECT_EQ(files_call("PUT", "updateifexist", {{"set", true}}, {}).status, 401);
  EXPECT_EQ(files_call("GET", "settings/autocleanup", nullptr, {}).status, 401);

  const HttpResponse xml = files_call("PUT", "displayRecent.xml", {{"set", true}}, person.auth());
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_THAT(xml.body, HasSubstr("<response>true</response>"));
  const HttpResponse xml_cleanup =
      files_call("GET", "settings/autocleanup.xml", nullptr, person.auth());
  EXPECT_THAT(xml_cleanup.body, HasSubstr("<isAutoCleanUp>true</isAutoCleanUp><gap>5</gap>"));
}

TEST_F(FilesExtrasTest, UpdateIfExistDecidesWhatAnUploadOfATakenNameDoes) {
  const Person person = add_person();
  const std::int64_t first = upload_id("@my", "report.txt", "one", person.auth());
  const std::int64_t second = upload_id("@my", "report.txt", "two", person.auth());
  EXPECT_NE(second, first);
  EXPECT_EQ(file_info(second, person.auth()).at("title"), "report (1).txt");

  EXPECT_EQ(ok_call("PUT", "updateifexist", {{"set", true}}, person.auth()), true);
  EXPECT_EQ(upload_id("@my", "report.txt", "three", person.auth()), first);
  EXPECT_EQ(file_info(first, person.auth()).at("version"), 2);
  EXPECT_EQ(downloaded(first, person.auth()), "three");
  // An explicit createNewIfExist still wins over the setting.
  const HttpResponse explicit_new =
      upload("@my", {{"file", "report.txt", "four"}}, person.auth(), "?createNewIfExist=true");
  ASSERT_EQ(explicit_new.status, 201) << explicit_new.body;
  EXPECT_EQ(explicit_new.json().at("response").at("title"), "report (2).txt");
  // Another person's default is unchanged.
  const Person other = add_person();
  const std::int64_t theirs = upload_id("@my", "report.txt", "x", other.auth());
  EXPECT_NE(upload_id("@my", "report.txt", "y", other.auth()), theirs);
}

TEST_F(FilesExtrasTest, FavouritesTemplatesAndRecentArePerPersonSections) {
  const Person person = add_person();
  const Person other = add_person();
  const Person guest = add_person(true);
  const std::int64_t text = upload_id("@my", "notes.txt", "n", person.auth());
  const std::int64_t archive = upload_id("@my", "backup.zip", "z", person.auth());
  const std::int64_t plan =
      ok_call("POST", "@my/file", {{"title", "Plan.docx"}}, person.auth(), 201).at("id").as_int64();
  const std::int64_t sub =
      ok_call("POST", "folder/@my", {{"title", "Starred"}}, person.auth(), 201).at("id").as_int64();
  const std::int64_t foreign = upload_id("@my", "theirs.txt", "t", other.auth());

  EXPECT_EQ(
      ok_call("POST", "favorites", {{"fileIds", {text}}, {"folderIds", {sub}}}, person.auth(), 201),
      true);
  auto favorites = folder_content("@favorites", person.auth());
  EXPECT_EQ(file_titles(favorites), std::vector<std::string>{"notes.txt"});
  EXPECT_EQ(titles(favorites.at("folders").as_array()), std::vector<std::string>{"Starred"});
  // A virtual section, like @projects: no folder of its own (id 0), its FolderType.
  EXPECT_EQ(favorites.at("current").at("id"), 0);
  EXPECT_EQ(favorites.at("pathParts"), boost::json::array{0});
  EXPECT_EQ(favorites.at("current").at("rootFolderType"), 10);
  EXPECT_EQ(favorites.at("total"), 2);
  EXPECT_EQ(folder_content("@favorites", other.auth()).at("total"), 0);

  // A refused id is reported, the others are marked.
  const HttpResponse templates = files_call(
      "POST", "templates", {{"fileIds", {plan, archive, foreign, 999999}}}, person.auth());
  ASSERT_EQ(templates.status, 201) << templates.body;
  const json::value templates_answer = templates.json();
  const auto& failed = templates_answer.at("failed").as_array();
  ASSERT_EQ(failed.size(), 3u);
  EXPECT_EQ(failed[0].at("fileId").as_int64(), archive);
  EXPECT_EQ(failed[0].at("statusCode"), 400);
  EXPECT_EQ(failed[1].at("statusCode"), 404);
  EXPECT_EQ(failed[2].at("statusCode"), 404);
  auto templates_section = folder_content("@templates", person.auth());
  EXPECT_EQ(file_titles(templates_section), std::vector<std::string>{"Plan.docx"});
  EXPECT_EQ(templates_section.at("current").at("rootFolderType"), 12);

  // Recent: what the person made, renamed or downloaded, newest first.
  const std::int64_t notice = create_text_id("@common", "Notice", "hello", admin());
  EXPECT_EQ(downloaded(notice, person.auth()), "hello");
  auto recent = folder_content("@recent", person.auth());
  EXPECT_EQ(file_titles(recent),
            (std::vector<std::string>{"Notice.txt", "Plan.docx", "backup.zip", "notes.txt"}));
  EXPECT_EQ(recent.at("current").at("rootFolderType"), 11);
  EXPECT_EQ(folder_content("@recent", person.auth(), "?filterType=10").at("total"), 1);
  EXPECT_EQ(file_titles(folder_content("@recent", person.auth(), "?filterValue=NOTI")),
            std::vector<std::string>{"Notice.txt"});
  EXPECT_EQ(file_titles(folder_content("@recent", person.auth(), "?count=1&startIndex=1")),
            std::vector<std::string>{"Plan.docx"});

  EXPECT_EQ(ok_call("DELETE", "favorites", {{"fileIds", {text}}}, person.auth()), true);
  EXPECT_EQ(ok_call("DELETE", "templates", {{"fileIds", {plan}}}, person.auth()), true);
  EXPECT_EQ(file_titles(folder_content("@favorites", person.auth())), std::vector<std::string>{});
  EXPECT_EQ(folder_content("@favorites", person.auth()).at("total"), 1);  // the folder
  EXPECT_EQ(folder_content("@templates", person.auth()).at("total"), 0);

  // Refusals and bad input.
  // A guest may name only what they may read, and marks nothing.
  const HttpResponse by_guest =
      files_call("POST", "favorites", {{"fileIds", {notice, text}}}, guest.auth());
  ASSERT_EQ(by_guest.status, 201) << by_guest.body;
  EXPECT_EQ(by_guest.json().at("failed").at(0).at("statusCode"), 403);
  EXPECT_EQ(by_guest.json().at("failed").at(1).at("statusCode"), 404);
  EXPECT_EQ(files_call("GET", "@favorites", nullptr, guest.auth()).status, 404);
  EXPECT_EQ(files_call("POST", "favorites", {{"fileIds", {text}}}, {}).status, 401);
  EXPECT_EQ(files_call("GET", "@recent", nullptr, {}).status, 401);
  EXPECT_EQ(files_call("POST", "favorites", {{"fileIds", {"x"}}}, person.auth()).status, 400);
  EXPECT_EQ(files_call("POST", "@recent/text", {{"title", "t"}}, person.auth()).status, 404);
  const HttpResponse xml = files_call("GET", "@recent.xml", nullptr, person.auth());
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_THAT(xml.body, HasSubstr("<title>Notice.txt</title>"));
}

TEST_F(FilesExtrasTest, AMarkedFileTheCallerMayNoLongerReadIsNeverShown) {
  const Person member = add_person();
  const std::int64_t project = create_project_id(
      {{"title", "Closing doors"}, {"private", true}, {"participants", {member.id}}}, admin());
  const std::string folder = std::to_string(project_folder(project));
  const std::int64_t file = upload_id(folder, "Shared.docx", "s", admin());
  EXPECT_EQ(downloaded(file, member.auth()), "s");
  EXPECT_EQ(ok_call("POST", "favorites", {{"fileIds", {file}}}, member.auth(), 201), true);
  EXPECT_EQ(ok_call("POST", "templates", {{"fileIds", {file}}}, member.auth(), 201), true);
  EXPECT_EQ(file_titles(folder_content("@recent", member.auth())),
            std::vector<std::string>{"Shared.docx"});
  EXPECT_EQ(
      titles(
          response_of(files_call("GET", "@search/shared", nullptr, member.auth()), 200).as_array()),
      std::vector<std::string>{"Shared.docx"});

  const HttpResponse left = HttpClient(port()).request(
      "DELETE", project_path(project, "/team") + "?userId=" + member.id, "", admin());
  ASSERT_EQ(left.status, 200) << left.body;
  for (const char* section : {"@favorites", "@templates", "@recent"}) {
    const auto content = folder_content(section, member.auth());
    EXPECT_EQ(content.at("total"), 0) << section;
    EXPECT_THAT(serialize(content), ::testing::Not(HasSubstr("Shared.docx"))) << section;
  }
  EXPECT_EQ(response_of(files_call("GET", "@search/shared", nullptr, member.auth()), 200),
            json::array{});
}

TEST_F(FilesExtrasTest, PropertiesAndTheStubsAnswerTheOriginalsShapes) {
  const Person person = add_person();
  const std::int64_t mine = upload_id("@my", "form.docx", "f", person.auth());
  const std::int64_t common = create_text_id("@common", "Rules", "r", admin());
  const std::string props = std::to_string(mine) + "/properties";
  EXPECT_EQ(ok_call("GET", props, nullptr, person.auth()), (json::value{{"formFilling", nullptr}}));
  EXPECT_EQ(ok_call("PUT", props, {{"formFilling", {{"collectFillForm", true}}}}, person.auth()),
            (json::value{{"formFilling", nullptr}}));
  EXPECT_EQ(files_call("GET", props, nullptr, admin()).status, 404);  // another's @my
  EXPECT_EQ(
      files_call("GET", std::to_string(common) + "/properties", nullptr, person.auth()).status,
      200);
  EXPECT_EQ(files_call("PUT", std::to_string(common) + "/properties", json::object{}, person.auth())
                .status,
            403);
  EXPECT_EQ(files_call("GET", props, nullptr, {}).status, 401);

  // Literal routes win over files/{folderid}.
  EXPECT_EQ(ok_call("GET", "thirdparty", nullptr, person.auth()), json::array{});
  EXPECT_EQ(ok_call("GET", "thirdparty/capabilities", nullptr, person.auth()), json::array{});
  EXPECT_EQ(ok_call("GET", "docservice", nullptr, person.auth()), "");
  EXPECT_EQ(ok_call("GET", "docservice?version=true", nullptr, person.auth()),
            (json::value{{"version", nullptr}, {"docServiceUrlApi", ""}}));
  EXPECT_EQ(files_call("GET", "docservice?version=perhaps", nullptr, person.auth()).status, 400);
  EXPECT_EQ(files_call("GET", "thirdparty", nullptr, {}).status, 401);
  const HttpResponse xml = files_call("GET", "thirdparty/capabilities.xml", nullptr, person.auth());
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_THAT(xml.body, HasSubstr("<statusCode>200</statusCode>"));
}

}  // namespace
}  // namespace projectd::test
