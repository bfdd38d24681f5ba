// The HTTP and wire layer as clients meet it: routing, formats, tolerant input, limits, errors.
#include "http_client.h"
#include "raw_socket.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <thread>

namespace projectd::test {
namespace {

class WireTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // An upload must average one byte a second after its first 1.5 s (--min-body-rate).
    server_ = new TestServer(
        {"--header-timeout-ms", "1500", "--body-timeout-ms", "1500", "--min-body-rate", "1"});
    token_ = new std::string(sign_in(server_->port(), kAdminEmail, kAdminPassword));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete token_;
  }
  static unsigned short port() { return server_->port(); }
  static Headers auth() { return HttpClient::auth(*token_); }

  static TestServer* server_;
  static std::string* token_;
};
TestServer* WireTest::server_ = nullptr;
std::string* WireTest::token_ = nullptr;

TEST_F(WireTest, HealthzAnswersWithoutAuthentication) {
  HttpClient client(port());
  const auto res = client.get("/healthz");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"status":"ok"})");
}

TEST_F(WireTest, UnknownRouteIs404EnvelopeAndWrongMethodIs405WithAllow) {
  HttpClient client(port());
  const auto missing = client.get("/api/2.0/nothing/here", auth());
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, R"({"status":1,"statusCode":404,"error":{"message":"Method not found",)"
                          R"("hresult":-2147467259,"data":{}}})");
  const auto wrong = client.request("POST", "/api/2.0/people/@self", "", auth());
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "GET, PUT, DELETE");  // people/{userid} answers all three
  EXPECT_EQ(wrong.json().at("statusCode"), 405);
  const auto wrong_xml = client.request("PATCH", "/api/2.0/authentication.xml");
  EXPECT_EQ(wrong_xml.status, 405);
  EXPECT_EQ(wrong_xml.header("allow"), "POST");
  EXPECT_EQ(wrong_xml.body.rfind("<result><status>1</status><statusCode>405</statusCode>", 0), 0u);
}

TEST_F(WireTest, SuffixesAndAcceptChooseTheFormat) {
  HttpClient client(port());
  const auto xml = client.get("/api/2.0/people/@self.xml", auth());
  ASSERT_EQ(xml.status, 200);
  EXPECT_EQ(xml.header("content-type"), "text/xml; charset=utf-8");
  EXPECT_EQ(xml.body.rfind("<result><count>1</count><status>0</status><statusCode>200</statusCode>"
                           "<response><id>",
                           0),
            0u)
      << xml.body;
  EXPECT_NE(xml.body.find("<isAdmin>true</isAdmin>"), std::string::npos);
  EXPECT_NE(xml.body.find("<terminated />"), std::string::npos);
  EXPECT_EQ(client.get("/api/2.0/people/@self.tml", auth()).body, xml.body);

  Headers accept_xml = auth();
  accept_xml.emplace_back("Accept", "application/xml");
  EXPECT_EQ(client.get("/api/2.0/people/@self", accept_xml).body, xml.body);
  Headers prefer_json = auth();
  prefer_json.emplace_back("Accept", "text/xml;q=0.5, application/json");
  EXPECT_EQ(client.get("/api/2.0/people/@self", prefer_json).body.front(), '{');
  // A .json suffix forces JSON whatever Accept says.
  const auto forced = client.get("/api/2.0/people/@self.json", accept_xml);
  EXPECT_EQ(forced.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(forced.json().at("statusCode"), 200);
}

TEST_F(WireTest, TolerantPathsAndQueries) {
  HttpClient client(port());
  for (const char* target :
       {"/api/2.0//people/@self", "/api/2.0/people/@self/", "/api/2.0/people/@self?",
        "/api/2.0/people/@self?&count=25&__=123456", "/api/2.0/people/%40self"}) {
    EXPECT_EQ(client.get(target, auth()).status, 200) << target;
  }
  // Some clients send a JSON content type with an empty body on GET.
  Headers json = auth();
  json.emplace_back("Content-Type", "application/json");
  EXPECT_EQ(client.request("GET", "/api/2.0/people", "", json).status, 200);
}

TEST_F(WireTest, XmlRequestBodiesAreRead) {
  HttpClient client(port());
  const auto res = client.request(
      "POST", "/api/2.0/authentication",
      "<request><userName>admin@example.com</userName><password>admin-password-1</password>"
      "</request>",
      {{"Content-Type", "text/xml"}});
  EXPECT_EQ(res.status, 201) << res.body;
}

TEST_F(WireTest, OversizedBodyIsRefusedBeforeItIsSent) {
  RawSocket socket(port());
  socket.send("POST /api/2.0/people HTTP/1.1\r\nHost: x\r\nAuthorization: " + *token_ +
              "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n"
              "Expect: 100-continue\r\n\r\n");
  const std::string answer = socket.receive(std::chrono::seconds(5));
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"statusCode\":413"), std::string::npos);
}

TEST_F(WireTest, ExpectContinueIsAnsweredForAcceptableBodies) {
  RawSocket socket(port());
  const std::string body = R"({"userName":"admin@example.com","password":"admin-password-1"})";
  socket.send(
      "POST /api/2.0/authentication HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
      "\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(socket.receive(std::chrono::seconds(5), 25).rfind("HTTP/1.1 100 Continue", 0), 0u);
  socket.send(body);
  EXPECT_EQ(socket.receive_status(std::chrono::seconds(5)), 201);
}

TEST_F(WireTest, OversizedHeadIs431) {
  RawSocket socket(port());
  socket.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  EXPECT_EQ(socket.receive_status(std::chrono::seconds(5)), 431);
}

TEST_F(WireTest, GarbageIs400) {
  RawSocket socket(port());
  socket.send("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(socket.receive_status(std::chrono::seconds(5)), 400);
}

TEST_F(WireTest, ASlowClientDoesNotBlockOthersAndIsCutOff) {
  std::vector<std::unique_ptr<RawSocket>> slow;
  for (int i = 0; i < 20; ++i) {
    slow.push_back(std::make_unique<RawSocket>(port()));
    slow.back()->send("GET /api/2.0/people/@self HTTP/1.1\r\nHost: x\r\n");
  }
  // Others are served at once while the slow ones hold their connections.
  HttpClient client(port());
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(client.get("/healthz").status, 200);
  // The half-sent requests are answered 408 once the header timeout passes.
  for (auto& s : slow)
    EXPECT_EQ(s->receive_status(std::chrono::seconds(10)), 408);
}

// The head of a raw upload into @my (a route that streams its body to disk) of `length` bytes.
std::string upload_head(const std::string& token, std::size_t length) {
  return "POST /api/2.0/files/@my/upload HTTP/1.1\r\nHost: x\r\nAuthorization: " + token +
         "\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"slow.txt\""
         "\r\nContent-Length: " +
         std::to_string(length) + "\r\n\r\n";
}

// body_timeout on a streamed upload is an idle timeout: a body that stops arriving is answered
// 408, one that keeps arriving slowly, above the minimum rate, is read to its end however long
// that takes (tests/connection_limits_http_test.cc shows the minimum rate cutting off a trickle).
TEST_F(WireTest, AnUploadBodyThatStopsArrivingIs408) {
  RawSocket socket(port());
  socket.send(upload_head(*token_, 1000) + "first bytes");
  EXPECT_EQ(socket.receive_status(std::chrono::seconds(15)), 408);
}

TEST_F(WireTest, AnUploadBodyThatIsSlowButKeepsArrivingIsNotCutOff) {
  // Twelve pieces a third of the timeout apart: four times as long as the timeout in all.
  const std::string body = "slow but on!";
  RawSocket socket(port());
  socket.send(upload_head(*token_, body.size()));
  for (const char c : body) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    socket.send(std::string(1, c));
  }
  EXPECT_EQ(socket.receive_status(std::chrono::seconds(15)), 201);
}

TEST_F(WireTest, KeepAliveServesManyRequestsOnOneConnection) {
  RawSocket socket(port());
  std::string two =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n"
      "Connection: close\r\n\r\n";
  socket.send(two);
  const std::string answers = socket.receive(std::chrono::seconds(5));
  EXPECT_EQ(answers.find("HTTP/1.1 200"), 0u);
  EXPECT_NE(answers.find("HTTP/1.1 200", 10), std::string::npos);
}

TEST_F(WireTest, OpenApiDocumentListsEveryRouteWithItsParameters) {
  HttpClient client(port());
  const auto res = client.get("/api/2.0/openapi.json");
  ASSERT_EQ(res.status, 200);
  const auto doc = res.json();
  EXPECT_EQ(doc.at("openapi"), "3.0.3");
  const auto& paths = doc.at("paths").as_object();
  ASSERT_TRUE(paths.contains("/api/2.0/people/{userid}"));
  const auto& person = paths.at("/api/2.0/people/{userid}").as_object();
  EXPECT_TRUE(person.contains("get"));
  EXPECT_TRUE(person.contains("put"));
  EXPECT_EQ(person.at("get").at("parameters").as_array()[0].at("name"), "userid");
  EXPECT_TRUE(paths.at("/api/2.0/authentication").at("post").at("requestBody").is_object());
  EXPECT_TRUE(paths.contains("/api/2.0/people/filter"));
  EXPECT_TRUE(paths.contains("/healthz"));
  // HEAD is listed where it is served: downloads only.
  EXPECT_FALSE(person.contains("head"));
  const auto& download = paths.at("/Products/Files/HttpHandlers/filehandler.ashx").as_object();
  EXPECT_TRUE(download.contains("get"));
  EXPECT_TRUE(download.contains("head"));
}

TEST(ServerLifecycle, SigtermFinishesCleanlyAndDataSurvivesARestart) {
  TempDir data;
  std::string id;
  {
    TestServer server({}, data.path());
    const std::string token = sign_in(server.port(), kAdminEmail, kAdminPassword);
    HttpClient client(server.port());
    const auto res =
        client.post_json("/api/2.0/people",
                         {{"email", "durable@example.com"}, {"firstName", "D"}, {"lastName", "U"}},
                         HttpClient::auth(token));
    ASSERT_EQ(res.status, 201);
    id = std::string(res.json().at("response").at("id").as_string());
    EXPECT_EQ(server.stop(), 0) << server.output();
    EXPECT_NE(server.output().find("stopped"), std::string::npos);
  }
  TestServer again({}, data.path());
  const std::string token = sign_in(again.port(), kAdminEmail, kAdminPassword);
  HttpClient client(again.port());
  EXPECT_EQ(client.get("/api/2.0/people/" + id, HttpClient::auth(token)).status, 200);
  // The first administrator is made only once.
  EXPECT_EQ(again.output().find("Created the first administrator"), std::string::npos);
}

}  // namespace
}  // namespace projectd::test
