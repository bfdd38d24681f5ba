// Behind a reverse proxy (docs/security.md, "Behind a proxy"): the client address a trusted
// proxy forwards is the one of the sign-in throttle and the request log, an untrusted peer's
// X-Forwarded-For is ignored, X-Forwarded-Proto makes the base URL https, and --log-format json
// writes one JSON object per line. On loopback every peer is 127.0.0.1, so the tests play the
// proxy: the server trusts 127.0.0.1 and the test sets X-Forwarded-For itself.
#include "http_client.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace projectd::test {
namespace {

// A sign-in through the proxy on behalf of `client` (empty: no X-Forwarded-For).
int proxied_sign_in_status(unsigned short port, const std::string& client, const std::string& user,
                           const std::string& password) {
  Headers headers;
  if (!client.empty()) headers.emplace_back("X-Forwarded-For", client);
  return HttpClient(port)
      .post_json("/api/2.0/authentication", {{"userName", user}, {"password", password}}, headers)
      .status;
}

std::string add_proxy_test_person(unsigned short port, const std::string& email) {
  const std::string admin = sign_in(port, kAdminEmail, kAdminPassword);
  const auto res = HttpClient(port).post_json("/api/2.0/people",
                                              {{"email", email},
                                               {"firstName", "Proxy"},
                                               {"lastName", "Person"},
                                               {"password", "right-password-1"}},
                                              HttpClient::auth(admin));
  EXPECT_EQ(res.status, 201) << res.body;
  return email;
}

// The request lines of a --log-format json server's output, each parsed; every line that looks
// like a log line (starts with '{') must be JSON.
std::vector<boost::json::object> json_request_lines(const std::string& output) {
  std::vector<boost::json::object> lines;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() != '{') continue;
    boost::system::error_code ec;
    const boost::json::value parsed = boost::json::parse(line, ec);
    EXPECT_FALSE(ec) << line;
    if (ec || !parsed.is_object()) continue;
    const auto& object = parsed.as_object();
    EXPECT_TRUE(object.contains("time") && object.contains("level")) << line;
    if (object.contains("type") && object.at("type") == "request") lines.push_back(object);
  }
  return lines;
}

class TrustedProxyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer({"--trusted-proxy", "10.0.0.0/8,127.0.0.1", "--log-format", "json"});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static unsigned short port() { return server_->port(); }
  static TestServer* server_;
};
TestServer* TrustedProxyTest::server_ = nullptr;

TEST_F(TrustedProxyTest, AnAttackerBehindTheProxyIsThrottledAndTheOwnerStillSignsIn) {
  const std::string owner = add_proxy_test_person(port(), "owner@example.com");
  // The client sent its own X-Forwarded-For; the proxy appended what it saw: the right-most wins.
  const std::string attacker = "203.0.113.1, 198.51.100.66";
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(proxied_sign_in_status(port(), attacker, owner, "wrong-pass"), 401);
  EXPECT_EQ(proxied_sign_in_status(port(), attacker, owner, "right-password-1"), 429);
  EXPECT_EQ(proxied_sign_in_status(port(), "198.51.100.66", owner, "right-password-1"), 429);
  // The owner, from elsewhere, through the same proxy (and the proxy itself) still signs in.
  EXPECT_EQ(proxied_sign_in_status(port(), "198.51.100.77", owner, "right-password-1"), 201);
  EXPECT_EQ(proxied_sign_in_status(port(), "", owner, "right-password-1"), 201);
}

TEST_F(TrustedProxyTest, OneAddressGuessingManyAccountsIsSlowedAcrossAccounts) {
  const std::string guesser = "198.51.100.88";
  std::vector<std::string> accounts;
  for (int i = 0; i < 6; ++i)
    accounts.push_back(add_proxy_test_person(port(), "many" + std::to_string(i) + "@example.com"));
  // Four accounts x 5 failures = 20, the per-address limit; each account's own window is not full.
  for (int a = 0; a < 4; ++a)
    for (int i = 0; i < 5; ++i)
      EXPECT_EQ(proxied_sign_in_status(port(), guesser, accounts[a], "wrong-pass"), 401);
  EXPECT_EQ(proxied_sign_in_status(port(), guesser, accounts[4], "wrong-pass"), 429);
  EXPECT_EQ(proxied_sign_in_status(port(), guesser, accounts[5], "right-password-1"), 429);
  // Nobody else is locked out: every account signs in from another address.
  for (const std::string& account : accounts)
    EXPECT_EQ(proxied_sign_in_status(port(), "198.51.100.99", account, "right-password-1"), 201);
}

TEST_F(TrustedProxyTest, ARightPasswordDoesNotResetTheAddressWindow) {
  const std::string guesser = "198.51.100.111";
  const std::string own = add_proxy_test_person(port(), "known@example.com");
  std::vector<std::string> accounts;
  for (int i = 0; i < 4; ++i)
    accounts.push_back(add_proxy_test_person(port(), "reset" + std::to_string(i) + "@example.com"));
  for (int a = 0; a < 4; ++a) {
    for (int i = 0; i < 4; ++i)
      EXPECT_EQ(proxied_sign_in_status(port(), guesser, accounts[a], "wrong-pass"), 401);
    EXPECT_EQ(proxied_sign_in_status(port(), guesser, own, "right-password-1"), 201);
  }
  // 16 failures; four more, and the next is refused whatever the account.
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(proxied_sign_in_status(port(), guesser, own, "wrong-pass"), 401);
  EXPECT_EQ(proxied_sign_in_status(port(), guesser, own, "right-password-1"), 429);
}

TEST_F(TrustedProxyTest, ForwardedProtoHttpsMakesTheBaseUrlHttps) {
  const std::string admin = sign_in(port(), kAdminEmail, kAdminPassword);
  Headers headers = HttpClient::auth(admin);
  headers.emplace_back("X-Forwarded-Proto", "https");
  const auto https =
      HttpClient(port()).post_json("/api/2.0/files/@my/upload/create_session",
                                   {{"fileName", "a.bin"}, {"fileSize", 10}}, headers);
  ASSERT_EQ(https.status, 201) << https.body;
  EXPECT_NE(https.body.find("\"location\":\"https://"), std::string::npos) << https.body;
  const auto http = HttpClient(port()).post_json("/api/2.0/files/@my/upload/create_session",
                                                 {{"fileName", "b.bin"}, {"fileSize", 10}},
                                                 HttpClient::auth(admin));
  ASSERT_EQ(http.status, 201) << http.body;
  EXPECT_NE(http.body.find("\"location\":\"http://"), std::string::npos) << http.body;
}

TEST_F(TrustedProxyTest, JsonRequestLinesCarryTheClientTheRequestIdAndTheBytes) {
  const std::string body = R"({"userName":"nobody@example.com","password":"x"})";
  const auto res =
      HttpClient(port()).request("POST", "/api/2.0/authentication?asc_auth_key=secret", body,
                                 {{"Content-Type", "application/json"},
                                  {"X-Forwarded-For", "2001:db8::42"},
                                  {"X-Request-Id", "proxy-test.1"}});
  EXPECT_EQ(res.status, 401) << res.body;
  EXPECT_EQ(res.header("x-request-id"), "proxy-test.1");
  // A request id that is not a sane token is replaced by a generated one.
  const auto odd = HttpClient(port()).get("/api/2.0/%22quote%0A", {{"X-Request-Id", "a\"b"}});
  const std::string generated = odd.header("x-request-id");
  EXPECT_FALSE(generated.empty());
  EXPECT_NE(generated, "a\"b");

  bool saw_sign_in = false;
  bool saw_odd = false;
  for (int attempt = 0; attempt < 50 && !(saw_sign_in && saw_odd); ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (const auto& line : json_request_lines(server_->output())) {
      if (line.at("id") == "proxy-test.1") {
        saw_sign_in = true;
        EXPECT_EQ(line.at("method"), "POST");
        EXPECT_EQ(line.at("path"), "/api/2.0/authentication");  // no query string
        EXPECT_EQ(line.at("status"), 401);
        EXPECT_EQ(line.at("client"), "2001:db8::42");
        EXPECT_EQ(line.at("user"), "-");
        EXPECT_EQ(line.at("in"), body.size());
        EXPECT_EQ(line.at("out"), res.body.size());
        EXPECT_TRUE(line.at("ms").is_double());
        EXPECT_EQ(line.at("level"), "info");
      }
      if (line.at("id") == boost::json::value(generated)) {
        saw_odd = true;
        EXPECT_EQ(line.at("path"), "/api/2.0/%22quote%0A");
        EXPECT_EQ(line.at("client"), "127.0.0.1");
        EXPECT_EQ(line.at("in"), 0);
        EXPECT_EQ(line.at("out"), odd.body.size());
      }
    }
  }
  EXPECT_TRUE(saw_sign_in) << server_->output();
  EXPECT_TRUE(saw_odd) << server_->output();
}

// A peer that is not a trusted proxy is the client, whatever X-Forwarded-For it sends.
TEST(UntrustedPeerTest, ASpoofedForwardedForDoesNotEscapeTheThrottle) {
  TestServer server({"--trusted-proxy", "10.0.0.0/8"});
  const std::string victim = add_proxy_test_person(server.port(), "victim@example.com");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(proxied_sign_in_status(server.port(), "198.51.100." + std::to_string(i), victim,
                                     "wrong-pass"),
              401);
  EXPECT_EQ(proxied_sign_in_status(server.port(), "198.51.100.200", victim, "right-password-1"),
            429);
  EXPECT_EQ(proxied_sign_in_status(server.port(), "", victim, "right-password-1"), 429);
  EXPECT_NE(server.output().find("client=127.0.0.1"), std::string::npos);
  EXPECT_EQ(server.output().find("client=198.51.100"), std::string::npos);
}

TEST(TrustedProxyFlagTest, AMalformedNetworkIsRefusedAtStart) {
  const ProcessResult result = run_projectd({"serve", "--trusted-proxy", "10.0.0.0/33"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("10.0.0.0/33"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace projectd::test
