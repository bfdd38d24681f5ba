// Downloads at the FileWrapper's viewUrl, /Products/Files/HttpHandlers/filehandler.ashx
// (docs/wire-compatibility.md, "Downloads"): the exact bytes with their type, a SHA-256 ETag,
// If-None-Match, Range, RFC 6266 names, every way of authenticating, refusals.
#include "files_test_support.h"
#include "raw_socket.h"

#include <algorithm>
#include <cctype>

namespace projectd::test {
namespace {

constexpr const char* kHello = "hello world";
constexpr const char* kHelloTag =
    "\"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9\"";

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

class DownloadsTest : public FilesSuite {
 protected:
  // A fresh project folder per test, so every title is new there.
  void SetUp() override {
    folder_ = std::to_string(project_folder(make_project({}, "Downloads")));
    hello_ = upload_id(folder_, "hello.txt", kHello, admin());
  }

  // GET filehandler.ashx?<query> as it is.
  static HttpResponse handler(const std::string& query, const Headers& headers) {
    return HttpClient(port()).get("/Products/Files/HttpHandlers/filehandler.ashx?" + query,
                                  headers);
  }
  static Headers with(Headers headers, const std::string& name, const std::string& value) {
    headers.emplace_back(name, value);
    return headers;
  }

  std::string folder_;
  std::int64_t hello_ = 0;
};

TEST_F(DownloadsTest, ADownloadAnswersTheBytesWithTheirHeaders) {
  const auto res = download(hello_, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, kHello);
  EXPECT_EQ(res.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(res.header("etag"), kHelloTag);
  EXPECT_EQ(res.header("etag"), "\"" + sha256_hex(kHello) + "\"");
  EXPECT_EQ(res.header("accept-ranges"), "bytes");
  EXPECT_EQ(res.header("content-length"), "11");
  const std::string disposition = res.header("content-disposition");
  EXPECT_EQ(disposition.rfind("attachment", 0), 0u) << disposition;
  EXPECT_NE(disposition.find("hello.txt"), std::string::npos) << disposition;
}

// Issue 21, item 16b: HEAD answers what GET would, headers and all, without the content.
TEST_F(DownloadsTest, HeadAnswersTheHeadersOfGetWithoutTheBody) {
  auto raw = [&](const std::string& method, std::int64_t file, const std::string& token) {
    RawSocket socket(port());
    socket.send(method + " /Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" +
                std::to_string(file) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + token +
                "\r\nX-Request-Id: same-for-both\r\nConnection: close\r\n\r\n");
    return socket.receive(std::chrono::seconds(5));
  };
  // The head of an answer (each line ending in CRLF), lowercased, and what follows it.
  auto split = [](const std::string& answer) {
    const std::size_t end = answer.find("\r\n\r\n");
    EXPECT_NE(end, std::string::npos) << answer;
    return std::pair{lowercase(answer.substr(0, end + 2)), answer.substr(end + 4)};
  };
  const auto [head, head_body] = split(raw("HEAD", hello_, admin_->token));
  const auto [get, get_body] = split(raw("GET", hello_, admin_->token));
  EXPECT_EQ(head.rfind("http/1.1 200 ok\r\n", 0), 0u) << head;
  EXPECT_EQ(head_body, "");
  EXPECT_EQ(get_body, kHello);
  EXPECT_NE(head.find("\r\ncontent-length: 11\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\netag: " + lowercase(kHelloTag) + "\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\ncontent-disposition: attachment"), std::string::npos) << head;
  // The very same head as GET's (the request id is the client's, so it is the same too).
  EXPECT_EQ(head, get);
  // A file the caller may not read: GET's 404, without its body.
  const Person outsider = add_person();
  const std::int64_t hidden =
      create_text_id(std::to_string(my_folder(admin())), "mine", "m", admin());
  const auto [refused, refused_body] = split(raw("HEAD", hidden, outsider.token));
  EXPECT_EQ(refused.rfind("http/1.1 404 not found\r\n", 0), 0u) << refused;
  EXPECT_EQ(refused_body, "");
  // Another route still answers HEAD with 405 and says what it allows.
  const auto other = HttpClient(port()).request("HEAD", "/api/2.0/people/@self", "", admin());
  EXPECT_EQ(other.status, 405);
}

TEST_F(DownloadsTest, ANonAsciiNameIsSentAsAnRfc6266ExtendedFilename) {
  Headers headers = with(admin(), "Content-Type", "application/octet-stream");
  headers.emplace_back("Content-Disposition",
                       "attachment; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.txt");
  const auto file = response_of(post_raw(folder_ + "/upload", "report", headers), 201);
  ASSERT_TRUE(file.is_object());
  const auto res = download(file.at("id").as_int64(), admin());
  ASSERT_EQ(res.status, 200);
  EXPECT_NE(lowercase(res.header("content-disposition"))
                .find("filename*=utf-8''%d0%9e%d1%82%d1%87%d1%91%d1%82.txt"),
            std::string::npos)
      << res.header("content-disposition");
}

TEST_F(DownloadsTest, IfNoneMatchWithTheETagIs304WithoutABody) {
  const auto same = download(hello_, with(admin(), "If-None-Match", kHelloTag));
  EXPECT_EQ(same.status, 304);
  EXPECT_EQ(same.body, "");
  const auto other = download(hello_, with(admin(), "If-None-Match", "\"something-else\""));
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(other.body, kHello);
}

TEST_F(DownloadsTest, RangesAnswerPartialContentOr416) {
  struct Case {
    std::string range;
    int status;
    std::string content_range, body;
  };
  const std::vector<Case> cases = {
      {"bytes=0-4", 206, "bytes 0-4/11", "hello"},
      {"bytes=-3", 206, "bytes 8-10/11", "rld"},
      {"bytes=6-", 206, "bytes 6-10/11", "world"},
      {"bytes=11-", 416, "bytes */11", ""},
  };
  for (const Case& c : cases) {
    const auto res = download(hello_, with(admin(), "Range", c.range));
    EXPECT_EQ(res.status, c.status) << c.range;
    EXPECT_EQ(res.header("content-range"), c.content_range) << c.range;
    if (c.status == 206) {
      EXPECT_EQ(res.body, c.body) << c.range;
    }
  }
}

// A file of several of the server's 1 MiB pieces and a short last one, whole and as a range that
// starts inside one piece and ends inside another.
TEST_F(DownloadsTest, ALargeFileComesWholeAndInRangesAcrossPieces) {
  std::string content(5 * 1024 * 1024 / 2 + 7, '\0');
  for (std::size_t i = 0; i < content.size(); ++i)
    content[i] = static_cast<char>((i * 131 + i / 7) & 0xff);
  const std::int64_t id = upload_id(folder_, "large.bin", content, admin());
  const auto whole = download(id, admin());
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body.size(), content.size());
  EXPECT_TRUE(whole.body == content);
  const std::size_t from = 1024 * 1024 - 5;
  const std::size_t to = 2 * 1024 * 1024 + 5;
  const auto part = download(
      id, with(admin(), "Range", "bytes=" + std::to_string(from) + "-" + std::to_string(to)));
  ASSERT_EQ(part.status, 206);
  EXPECT_EQ(part.body.size(), to - from + 1);
  EXPECT_TRUE(part.body == content.substr(from, to - from + 1));
}

TEST_F(DownloadsTest, TheTokenWorksAsHeaderCookieAndBasicCredentials) {
  const std::string basic = "Basic " + base64(std::string(kAdminEmail) + ":" + kAdminPassword);
  const std::vector<Headers> ways = {
      admin(),
      {{"Cookie", "theme=dark; asc_auth_key=" + admin_->token}},
      {{"Authorization", basic}},
  };
  for (const Headers& headers : ways) {
    const auto res = download(hello_, headers);
    EXPECT_EQ(res.status, 200) << headers.front().first << ": " << headers.front().second;
    EXPECT_EQ(res.body, kHello);
  }
  EXPECT_EQ(download(hello_, {}).status, 401);
  EXPECT_EQ(
      download(hello_, {{"Authorization", "Basic " + base64("admin@example.com:wrong")}}).status,
      401);
}

TEST_F(DownloadsTest, BadParametersAre400AndInvisibleFilesAre404) {
  EXPECT_EQ(handler("action=download", admin()).status, 400);
  EXPECT_EQ(handler("action=other&fileid=" + std::to_string(hello_), admin()).status, 400);
  EXPECT_EQ(handler("action=download&fileid=abc", admin()).status, 400);
  EXPECT_EQ(download(987654321, admin()).status, 404);
  EXPECT_EQ(download(hello_, admin(), "&version=9").status, 404);
  const Person owner = add_person();
  const std::int64_t theirs = upload_id("@my", "diary.txt", "secret", owner.auth());
  const auto res = download(theirs, admin());
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(error_message(res), "Item not found");
  EXPECT_EQ(downloaded(theirs, owner.auth()), "secret");
}

}  // namespace
}  // namespace projectd::test
