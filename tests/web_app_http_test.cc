// The web app as the server delivers it (docs/web-app.md, "Serving" and "Security"): its pages
// and bundles, their caching and compression, and the cross-site and password-prompt rules the
// app relies on. What the app does in a browser is tested in tests/browser/.
#include "files_test_support.h"

#include <gtest/gtest.h>

#include <regex>

namespace projectd::test {
namespace {

class WebAppTest : public FilesSuite {
 protected:
  // The path of the page's script bundle, /assets/app.<hash>.js.
  static std::string script_path() {
    const HttpResponse page = HttpClient(port()).get("/");
    std::smatch m;
    const std::regex script(R"re(src="(/assets/app\.[0-9a-f]{16}\.js)")re");
    if (!std::regex_search(page.body, m, script)) ADD_FAILURE() << page.body;
    return m.size() > 1 ? m[1].str() : "";
  }

  // A signed-in browser's cookie for the admin.
  static Headers cookie() {
    const HttpResponse res = HttpClient(port()).post_json(
        "/api/2.0/authentication", {{"userName", kAdminEmail}, {"password", kAdminPassword}});
    EXPECT_EQ(res.status, 201) << res.body;
    const std::string set_cookie = res.header("set-cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
    return {{"Cookie", set_cookie.substr(0, set_cookie.find(';'))}};
  }

  static Headers with(Headers headers, const std::string& name, const std::string& value) {
    headers.emplace_back(name, value);
    return headers;
  }

  static std::string host() { return "127.0.0.1:" + std::to_string(port()); }
};

TEST_F(WebAppTest, EveryAddressOfTheAppAnswersThePageWithItsSecurityHeaders) {
  std::string etag;
  for (const std::string path : {"/", "/signin", "/reset-password", "/projects", "/projects/12",
                                 "/tasks/7", "/people", "/profile", "/projects/?view=board"}) {
    const HttpResponse res = HttpClient(port()).get(path);
    ASSERT_EQ(res.status, 200) << path;
    EXPECT_EQ(res.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(res.body.find("<div id=\"app\">"), std::string::npos);
    const std::string csp = res.header("content-security-policy");
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe"), std::string::npos);
    EXPECT_EQ(res.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(res.header("referrer-policy"), "same-origin");
    EXPECT_EQ(res.header("x-frame-options"), "DENY");
    EXPECT_EQ(res.header("cache-control"), "no-cache");
    EXPECT_FALSE(res.header("etag").empty());
    etag = res.header("etag");
  }
  // No inline script: the page's only script is the bundle.
  const HttpResponse page = HttpClient(port()).get("/");
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);
  EXPECT_EQ(page.body.find("style="), std::string::npos);
  // A revalidation costs no body; HEAD has the headers only.
  const HttpResponse again = HttpClient(port()).get("/tasks/7", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  const HttpResponse head = HttpClient(port()).request("HEAD", "/projects");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(page.body.size()));
}

TEST_F(WebAppTest, AddressesOutsideTheAppAndTheApiStayNotFound) {
  for (const std::string path : {"/projects/abc", "/tasks", "/nothing", "/assets/app.js",
                                 "/assets/app.0000000000000000.js"}) {
    const HttpResponse res = HttpClient(port()).get(path);
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.json().at("statusCode"), 404) << path;
  }
}

TEST_F(WebAppTest, BundlesAreImmutableAndSentInTheBestEncodingTheClientTakes) {
  const std::string path = script_path();
  ASSERT_FALSE(path.empty());
  const HttpResponse plain = HttpClient(port()).get(path);
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(plain.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");
  EXPECT_TRUE(plain.header("content-encoding").empty());
  // The name is the content's hash: the body's SHA-256 starts with it.
  const std::string hash = path.substr(std::string("/assets/app.").size(), 16);
  EXPECT_EQ(sha256_hex(plain.body).substr(0, 16), hash);

  const HttpResponse br = HttpClient(port()).get(path, {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_LT(br.body.size(), plain.body.size() / 2);
  const HttpResponse gzip =
      HttpClient(port()).get(path, {{"Accept-Encoding", "br;q=0, gzip;q=0.8"}});
  EXPECT_EQ(gzip.header("content-encoding"), "gzip");
  ASSERT_GE(gzip.body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(gzip.body[0]), 0x1f);  // gzip's magic number
  EXPECT_EQ(static_cast<unsigned char>(gzip.body[1]), 0x8b);
  const HttpResponse refused = HttpClient(port()).get(path, {{"Accept-Encoding", "*;q=0"}});
  EXPECT_TRUE(refused.header("content-encoding").empty());
  EXPECT_EQ(refused.body, plain.body);
  const HttpResponse star = HttpClient(port()).get(path, {{"Accept-Encoding", "*"}});
  EXPECT_EQ(star.header("content-encoding"), "br");
}

TEST_F(WebAppTest, ACookieSignedChangeFromAnotherSiteIsRefusedAndChangesNothing) {
  const std::int64_t project = make_project();
  const std::string tasks = project_path(project, "/task");
  const Headers browser = cookie();
  const std::size_t before = get_ok(tasks, admin()).as_array().size();
  const boost::json::object body{{"title", "forged"}};

  for (const Headers& foreign :
       {with(browser, "Origin", "http://evil.example"), with(browser, "Origin", "null"),
        with(browser, "Origin", "http://127.0.0.1:1"),
        with(browser, "Sec-Fetch-Site", "cross-site")}) {
    const HttpResponse res = json_request(port(), "POST", tasks, body, foreign);
    EXPECT_EQ(res.status, 403) << res.body;
    EXPECT_NE(error_message(res).find("another site"), std::string::npos) << res.body;
  }
  EXPECT_EQ(get_ok(tasks, admin()).as_array().size(), before);

  // From the app's own origin it goes through; so does a script's token whatever its Origin.
  EXPECT_EQ(
      json_request(port(), "POST", tasks, body, with(browser, "Origin", "http://" + host())).status,
      201);
  EXPECT_EQ(
      json_request(port(), "POST", tasks, body, with(admin(), "Origin", "http://evil.example"))
          .status,
      201);
  EXPECT_EQ(json_request(port(), "POST", tasks, body, browser).status, 201);  // not a browser
  // Reads are never refused: nothing changes.
  EXPECT_EQ(
      json_request(port(), "GET", tasks, nullptr, with(browser, "Origin", "http://evil.example"))
          .status,
      200);
  EXPECT_EQ(get_ok(tasks, admin()).as_array().size(), before + 3);
}

TEST_F(WebAppTest, ACrossSiteUploadIsRefusedBeforeItsBodyIsStored) {
  const std::string folder = std::to_string(my_folder(admin()));
  const auto [body, content_type] = multipart_body({{"file", "forged.txt", "text/plain", "x"}});
  Headers headers = with(cookie(), "Origin", "http://evil.example");
  headers.emplace_back("Content-Type", content_type);
  const HttpResponse res = post_raw(folder + "/upload", body, headers);
  EXPECT_EQ(res.status, 403) << res.body;
  EXPECT_EQ(folder_content(folder, admin()).at("files").as_array().size(), 0u);
  EXPECT_EQ(spooled_files(server_->data_dir()), 0u);
}

TEST_F(WebAppTest, AScriptsUnauthorizedAnswerHasNoPasswordPrompt) {
  const HttpResponse app_call = HttpClient(port()).get(
      "/api/2.0/people/@self", {{"X-Requested-With", "XMLHttpRequest"}, {"Cookie", "x=1"}});
  EXPECT_EQ(app_call.status, 401);
  EXPECT_TRUE(app_call.header("www-authenticate").empty());
  const HttpResponse script = HttpClient(port()).get("/api/2.0/people/@self");
  EXPECT_EQ(script.status, 401);
  EXPECT_NE(script.header("www-authenticate").find("Basic"), std::string::npos);
}

}  // namespace
}  // namespace projectd::test
