// Making files under api/2.0/files (docs/wire-compatibility.md, "Uploads" and
// "Uploads with a taken name"): multipart and raw uploads, insert, text, html, blank office
// documents, and what a title already in the folder does: a numbered copy, or a new version with
// createNewIfExist=false.
#include "files_test_support.h"

namespace projectd::test {
namespace {

class UploadsTest : public FilesSuite {
 protected:
  void SetUp() override { person_ = add_person(); }

  Headers auth() const { return person_.auth(); }
  // The `response` of an answer that must be 201, as an object.
  static boost::json::object created(const HttpResponse& res) {
    const auto file = response_of(res, 201);
    return file.is_object() ? file.as_object() : boost::json::object();
  }
  std::int64_t my_total() const { return folder_content("@my", auth()).at("total").as_int64(); }

  Person person_;
};

TEST_F(UploadsTest, OneMultipartPartAnswersAFileWrapperObject) {
  const auto file =
      created(upload("@my", {{"userfile", "one.txt", "first", "text/plain"}}, auth()));
  ASSERT_TRUE(file.contains("id"));
  EXPECT_EQ(file.at("title"), "one.txt");
  EXPECT_EQ(file.at("pureContentLength"), 5);
  EXPECT_EQ(file.at("folderId"), my_folder(auth()));
  EXPECT_EQ(downloaded(file.at("id").as_int64(), auth()), "first");
}

TEST_F(UploadsTest, SeveralPartsAnswerAnArrayInTheirOrder) {
  const auto res = upload("@my",
                          {{"a", "x.txt", "ex", "text/plain"},
                           {"note", "", "a plain field, not a file"},
                           {"b", "y.csv", "1,2", "text/csv"}},
                          auth());
  const auto files = response_of(res, 201);
  ASSERT_TRUE(files.is_array()) << res.body;
  ASSERT_EQ(files.as_array().size(), 2u);
  EXPECT_EQ(files.at(0).at("title"), "x.txt");
  EXPECT_EQ(files.at(1).at("title"), "y.csv");
  EXPECT_EQ(downloaded(files.at(1).at("id").as_int64(), auth()), "1,2");
  EXPECT_EQ(my_total(), 2);
}

TEST_F(UploadsTest, ARawBodyIsNamedByItsContentDisposition) {
  const std::string bytes = "raw bytes\n";
  const auto file =
      created(post_raw("@my/upload", bytes, raw_upload_headers(auth(), "a.txt", "text/plain")));
  ASSERT_TRUE(file.contains("id"));
  EXPECT_EQ(file.at("title"), "a.txt");
  EXPECT_EQ(file.at("pureContentLength"), bytes.size());
  EXPECT_EQ(downloaded(file.at("id").as_int64(), auth()), bytes);
}

TEST_F(UploadsTest, AnRfc6266ExtendedFilenameIsDecodedAsUtf8) {
  Headers headers = auth();
  headers.emplace_back("Content-Type", "application/octet-stream");
  headers.emplace_back("Content-Disposition",
                       "attachment; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.txt");
  const auto file = created(post_raw("@my/upload", "report", headers));
  EXPECT_EQ(file.at("title"), "\xD0\x9E\xD1\x82\xD1\x87\xD1\x91\xD1\x82.txt");  // Отчёт.txt
}

TEST_F(UploadsTest, ARawBodyWithoutANameIsNamedAfterItsType) {
  Headers headers = auth();
  headers.emplace_back("Content-Type", "text/plain");
  const auto file = created(post_raw("@my/upload", "nameless", headers));
  EXPECT_EQ(file.at("title"), "file.txt");
  EXPECT_EQ(file.at("fileExst"), ".txt");
}

TEST_F(UploadsTest, NoFileIs400AndStoresNothing) {
  EXPECT_EQ(post_raw("@my/upload", "", auth()).status, 400);
  EXPECT_EQ(post_raw("@my/upload", "", raw_upload_headers(auth(), "empty.txt")).status, 400);
  EXPECT_EQ(upload("@my", {{"note", "", "only a field"}}, auth()).status, 400);
  EXPECT_EQ(my_total(), 0);
}

TEST_F(UploadsTest, InsertNamesTheRawBodyByTheTitleParameter) {
  const std::string bytes = "a,b\n1,2\n";
  Headers headers = auth();
  headers.emplace_back("Content-Type", "text/csv");
  const auto file = created(post_raw("@my/insert?title=x.csv", bytes, headers));
  ASSERT_TRUE(file.contains("id"));
  EXPECT_EQ(file.at("title"), "x.csv");
  EXPECT_EQ(file.at("fileExst"), ".csv");
  EXPECT_EQ(downloaded(file.at("id").as_int64(), auth()), bytes);
}

TEST_F(UploadsTest, TextMakesATxtFileOrAnHtmlOneWhenTheContentLooksLikeHtml) {
  struct Text {
    std::string title, content, expected;
  };
  const std::vector<Text> texts = {
      {"memo", "plain words", "memo.txt"},
      {"page", "<p>hi</p>", "page.html"},
      {"notes.txt", "already named", "notes.txt"},
  };
  for (const Text& text : texts) {
    const auto file = create_text("@my", text.title, text.content, auth());
    ASSERT_TRUE(file.contains("id")) << text.title;
    EXPECT_EQ(file.at("title").as_string(), text.expected);
    EXPECT_EQ(downloaded(file.at("id").as_int64(), auth()), text.content) << text.title;
  }
  EXPECT_EQ(files_call("POST", "@my/text", {{"title", ""}, {"content", "x"}}, auth()).status, 400);
}

TEST_F(UploadsTest, HtmlMakesAnHtmlFile) {
  const auto file = created(
      files_call("POST", "@my/html", {{"title", "page"}, {"content", "just text"}}, auth()));
  ASSERT_TRUE(file.contains("id"));
  EXPECT_EQ(file.at("title"), "page.html");
  EXPECT_EQ(downloaded(file.at("id").as_int64(), auth()), "just text");
}

TEST_F(UploadsTest, FileMakesABlankOfficeDocumentWithTheCommentCreated) {
  struct Blank {
    std::string title, expected;
    int type;
  };
  for (const Blank& blank :
       std::vector<Blank>{{"Plan.xlsx", "Plan.xlsx", 5}, {"Notes", "Notes.docx", 7}}) {
    const auto res = files_call("POST", "@my/file", {{"title", blank.title}}, auth());
    const auto file = created(res);
    ASSERT_TRUE(file.contains("id")) << res.body;
    EXPECT_EQ(file.at("title").as_string(), blank.expected);
    EXPECT_EQ(file.at("fileType"), blank.type) << blank.title;
    EXPECT_EQ(file.at("comment"), "Created") << blank.title;
    EXPECT_NE(res.body.find("\"comment\":\"Created\",\"id\":"), std::string::npos) << res.body;
    const std::string bytes = downloaded(file.at("id").as_int64(), auth());
    EXPECT_EQ(bytes.substr(0, 2), "PK") << blank.title;  // an OOXML package is a zip
    EXPECT_EQ(file.at("pureContentLength"), bytes.size()) << blank.title;
  }
}

TEST_F(UploadsTest, TheSameTitleMakesANumberedCopy) {
  const std::vector<std::string> expected = {"a.txt", "a (1).txt", "a (2).txt"};
  std::vector<std::int64_t> ids;
  for (const std::string& title : expected) {
    const auto file = created(upload("@my", {{"file", "a.txt", "copy"}}, auth()));
    ASSERT_TRUE(file.contains("id"));
    EXPECT_EQ(file.at("title").as_string(), title);
    EXPECT_EQ(file.at("version"), 1);
    ids.push_back(file.at("id").as_int64());
  }
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_NE(ids[1], ids[2]);
  EXPECT_EQ(my_total(), 3);
}

TEST_F(UploadsTest, CreateNewIfExistFalseAddsAVersionToTheFile) {
  const std::int64_t id = upload_id("@my", "a.txt", "one", auth());
  const auto second =
      created(upload("@my", {{"file", "a.txt", "second!"}}, auth(), "?createNewIfExist=false"));
  ASSERT_TRUE(second.contains("id"));
  EXPECT_EQ(second.at("id"), id);
  EXPECT_EQ(second.at("version"), 2);
  EXPECT_EQ(second.at("title"), "a.txt");
  EXPECT_EQ(my_total(), 1);

  const auto current = file_info(id, auth());
  EXPECT_EQ(current.at("version"), 2);
  EXPECT_EQ(current.at("pureContentLength"), 7);
  const auto first = file_info(id, auth(), "?version=1");
  EXPECT_EQ(first.at("version"), 1);
  EXPECT_EQ(first.at("pureContentLength"), 3);
  EXPECT_EQ(first.at("id"), id);

  const auto history = get_ok(files_path("file/" + std::to_string(id) + "/history"), auth());
  ASSERT_TRUE(history.is_array());
  ASSERT_EQ(history.as_array().size(), 2u);
  EXPECT_EQ(history.at(0).at("version"), 2);
  EXPECT_EQ(history.at(1).at("version"), 1);
  EXPECT_EQ(ids_of(history), std::vector<std::int64_t>({id, id}));

  EXPECT_EQ(downloaded(id, auth()), "second!");
  EXPECT_EQ(downloaded(id, auth(), "&version=1"), "one");
  EXPECT_EQ(downloaded(id, auth(), "&version=2"), "second!");
}

}  // namespace
}  // namespace projectd::test
