// Signing in, every way of passing a token, logout, throttling, revocation.
#include "http_client.h"
#include "raw_socket.h"
#include "store_sql.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <latch>
#include <regex>
#include <thread>
#include <vector>

namespace projectd::test {
namespace {

class AuthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static unsigned short port() { return server_->port(); }

  // A new non-admin person who can sign in.
  static std::string add_person(const std::string& email, const std::string& password) {
    HttpClient client(port());
    const std::string admin = sign_in(port(), kAdminEmail, kAdminPassword);
    const auto res = client.post_json(
        "/api/2.0/people",
        {{"email", email}, {"firstName", "Test"}, {"lastName", "Person"}, {"password", password}},
        HttpClient::auth(admin));
    EXPECT_EQ(res.status, 201) << res.body;
    return std::string(res.json().at("response").at("id").as_string());
  }

  static TestServer* server_;
};
TestServer* AuthTest::server_ = nullptr;

TEST_F(AuthTest, JsonSignInAnswers201WithTokenThenExpiresAndSetsTheCookie) {
  HttpClient client(port());
  const auto res = client.post_json("/api/2.0/authentication",
                                    {{"userName", kAdminEmail}, {"password", kAdminPassword}});
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
  const std::regex shape(
      R"re(^\{"count":1,"status":0,"statusCode":201,"response":\{"token":"([0-9a-f]{64})",)re"
      R"re("expires":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00"\}\}$)re");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(res.body, m, shape)) << res.body;
  const std::string cookie = res.header("set-cookie");
  EXPECT_NE(cookie.find("asc_auth_key=" + m[1].str() + ";"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
}

TEST_F(AuthTest, FormSignInAcceptsEverySpellingOfTheUserKey) {
  HttpClient client(port());
  for (const char* key : {"userName", "username", "UserName", "USERNAME"}) {
    const auto res =
        client.request("POST", "/api/2.0/authentication",
                       std::string(key) + "=" + "admin%40example.com&password=" + kAdminPassword,
                       {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(res.status, 201) << key << ": " << res.body;
  }
  // A JSON body with PascalCase keys, as some clients send.
  const auto res = client.post_json("/api/2.0/authentication",
                                    {{"UserName", kAdminEmail}, {"Password", kAdminPassword}});
  EXPECT_EQ(res.status, 201) << res.body;
}

TEST_F(AuthTest, WrongCredentialsAnswer401TheSameForUnknownUsers) {
  add_person("wrongpw@example.com", "right-password-1");
  HttpClient client(port());
  const auto wrong = client.post_json(
      "/api/2.0/authentication", {{"userName", "wrongpw@example.com"}, {"password", "nope-nope"}});
  const auto unknown = client.post_json(
      "/api/2.0/authentication", {{"userName", "nobody@example.com"}, {"password", "nope-nope"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.body,
            R"({"status":1,"statusCode":401,"error":{"message":"User authentication failed",)"
            R"("hresult":-2146233088,"data":{}}})");
}

TEST_F(AuthTest, MissingPasswordIs400) {
  HttpClient client(port());
  const auto res = client.post_json("/api/2.0/authentication", {{"userName", kAdminEmail}});
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.json().at("error").at("message"), "Parameter 'password' is required");
}

TEST_F(AuthTest, MalformedJsonBodyIs400) {
  HttpClient client(port());
  const auto res = client.request("POST", "/api/2.0/authentication",
                                  "{\"userName\":", {{"Content-Type", "application/json"}});
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.json().at("status"), 1);
}

TEST_F(AuthTest, EveryTokenFormAuthenticates) {
  const std::string token = sign_in(port(), kAdminEmail, kAdminPassword);
  HttpClient client(port());
  const std::string basic = "Basic YWRtaW5AZXhhbXBsZS5jb206YWRtaW4tcGFzc3dvcmQtMQ==";
  const std::vector<std::pair<std::string, Headers>> forms = {
      {"/api/2.0/people/@self", {{"Authorization", token}}},
      {"/api/2.0/people/@self", {{"Authorization", "Bearer " + token}}},
      {"/api/2.0/people/@self", {{"Cookie", "theme=dark; asc_auth_key=" + token}}},
      {"/api/2.0/people/@self?asc_auth_key=" + token, {}},
      {"/api/2.0/people/@self", {{"Authorization", basic}}},
  };
  for (const auto& [target, headers] : forms) {
    const auto res = client.get(target, headers);
    EXPECT_EQ(res.status, 200) << headers.size() << " " << res.body;
    if (res.status == 200) {
      EXPECT_EQ(res.json().at("response").at("email"), kAdminEmail);
    }
  }
}

TEST_F(AuthTest, NoOrBadCredentialsAnswer401InTheEnvelope) {
  HttpClient client(port());
  const auto none = client.get("/api/2.0/people/@self");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.json().at("statusCode"), 401);
  EXPECT_FALSE(none.header("www-authenticate").empty());
  EXPECT_EQ(client.get("/api/2.0/people/@self", HttpClient::auth("not-a-token")).status, 401);
  EXPECT_EQ(client.get("/api/2.0/people/@self", {{"Authorization", "Basic !!!"}}).status, 401);
  const auto xml = client.get("/api/2.0/people/@self.xml");
  EXPECT_EQ(xml.status, 401);
  EXPECT_EQ(xml.body.rfind("<result><status>1</status><statusCode>401</statusCode><error>", 0), 0u)
      << xml.body;
}

TEST_F(AuthTest, LogoutRevokesOnlyThatToken) {
  const std::string first = sign_in(port(), kAdminEmail, kAdminPassword);
  const std::string second = sign_in(port(), kAdminEmail, kAdminPassword);
  HttpClient client(port());
  const auto out =
      client.request("POST", "/api/2.0/authentication/logout", "", HttpClient::auth(first));
  EXPECT_EQ(out.status, 201) << out.body;
  EXPECT_EQ(client.get("/api/2.0/people/@self", HttpClient::auth(first)).status, 401);
  EXPECT_EQ(client.get("/api/2.0/people/@self", HttpClient::auth(second)).status, 200);
}

TEST_F(AuthTest, ExpiredTokensAreRefused) {
  const std::string token = sign_in(port(), kAdminEmail, kAdminPassword);
  HttpClient client(port());
  // Age every token in the store, as time would, before the server has seen this one: a token
  // in use is cached with its expiry, which every request compares with the clock (the store is
  // not read again for it, so an edit of the file behind the server's back is not seen).
  connect_store(server_->store_url())->execute("UPDATE auth_tokens SET expires = 1");
  EXPECT_EQ(client.get("/api/2.0/people/@self", HttpClient::auth(token)).status, 401);
  EXPECT_EQ(client.get("/api/2.0/project/filter", HttpClient::auth(token)).status, 401);
}

std::string form_sign_in(const std::string& user, const std::string& password) {
  const std::string body = "userName=" + user + "&password=" + password;
  return "POST /api/2.0/authentication HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
         "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

int sign_in_status_from(unsigned short port, const std::string& source, const std::string& user,
                        const std::string& password) {
  RawSocket socket(port, source);
  socket.send(form_sign_in(user, password));
  return socket.receive_status(std::chrono::seconds(10));
}

TEST_F(AuthTest, FailuresAreThrottledPerAccountAndAddress) {
  add_person("throttle@example.com", "right-password-1");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(sign_in_status_from(port(), "127.0.0.1", "throttle@example.com", "wrong-pass"), 401);
  HttpClient client(port());
  const auto limited =
      client.post_json("/api/2.0/authentication",
                       {{"userName", "throttle@example.com"}, {"password", "right-password-1"}});
  EXPECT_EQ(limited.status, 429) << limited.body;
  const int retry_after = std::stoi(limited.header("retry-after"));
  EXPECT_GT(retry_after, 800);
  EXPECT_LE(retry_after, 900);
  // Basic credentials count as sign-ins too.
  EXPECT_EQ(
      client
          .get("/api/2.0/people/@self",
               {{"Authorization", "Basic dGhyb3R0bGVAZXhhbXBsZS5jb206cmlnaHQtcGFzc3dvcmQtMQ=="}})
          .status,
      429);
  // The same account from another address, and another account from this one, still sign in.
  EXPECT_EQ(sign_in_status_from(port(), "127.0.0.2", "throttle@example.com", "right-password-1"),
            201);
  EXPECT_EQ(sign_in_status_from(port(), "127.0.0.1", kAdminEmail, kAdminPassword), 201);
}

TEST_F(AuthTest, PasswordChangeRevokesTokens) {
  const std::string id = add_person("changer@example.com", "first-password-1");
  const std::string token = sign_in(port(), "changer@example.com", "first-password-1");
  HttpClient client(port());
  const auto changed =
      client.put_json("/api/2.0/people/" + id + "/password",
                      {{"password", "second-password-2"}, {"currentPassword", "first-password-1"}},
                      HttpClient::auth(token));
  EXPECT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(client.get("/api/2.0/people/@self", HttpClient::auth(token)).status, 401);
  EXPECT_EQ(sign_in_status_from(port(), "127.0.0.3", "changer@example.com", "first-password-1"),
            401);
  EXPECT_FALSE(sign_in(port(), "changer@example.com", "second-password-2").empty());
}

// The statuses of `count` sign-ins sent at once from `source`, in no particular order.
std::vector<int> sign_in_statuses_at_once(unsigned short port, int count, const std::string& source,
                                          const std::string& user, const std::string& password) {
  std::vector<int> statuses(count);
  std::latch connected(count);
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      RawSocket socket(port, source);
      connected.arrive_and_wait();  // every connection open before any request goes
      socket.send(form_sign_in(user, password));
      statuses[i] = socket.receive_status(std::chrono::seconds(60));
    });
  }
  for (auto& thread : threads)
    thread.join();
  return statuses;
}

TEST_F(AuthTest, ConcurrentWrongSignInsCheckAtMostTheLimitAndThenTheRightOneIsThrottledToo) {
  add_person("race@example.com", "right-password-1");
  const std::vector<int> statuses =
      sign_in_statuses_at_once(port(), 30, "127.0.0.4", "race@example.com", "wrong-pass");
  // Each attempt is reserved before its password is hashed, so only five passwords are checked.
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 5);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 25);
  EXPECT_EQ(sign_in_status_from(port(), "127.0.0.4", "race@example.com", "right-password-1"), 429);
  // Five failures, stored as five, each with a time of its own, in the account's window and in
  // the address's window across accounts (the refused attempts took no place in either).
  const auto db = connect_store(server_->store_url());
  for (const std::string account : {"user:%", "any-account"}) {
    const std::string where =
        " FROM login_failures WHERE client = '127.0.0.4' AND account LIKE '" + account + "'";
    EXPECT_EQ(first_column(*db, "SELECT count(*)" + where), std::vector<std::string>{"5"});
    EXPECT_EQ(first_column(*db, "SELECT count(DISTINCT failed_at)" + where),
              std::vector<std::string>{"5"});
  }
}

TEST_F(AuthTest, TheEmailAndTheUserNameOfOnePersonShareOneThrottleWindow) {
  const std::string id = add_person("twoforms@example.com", "right-password-1");
  HttpClient client(port());
  const auto person = client.get("/api/2.0/people/" + id,
                                 HttpClient::auth(sign_in(port(), kAdminEmail, kAdminPassword)));
  const std::string user_name(person.json().at("response").at("userName").as_string());
  ASSERT_EQ(user_name, "twoforms");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(sign_in_status_from(port(), "127.0.0.5", "twoforms@example.com", "wrong-pass"), 401);
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(sign_in_status_from(port(), "127.0.0.5", "TwoForms", "wrong-pass"), 401);
  EXPECT_EQ(sign_in_status_from(port(), "127.0.0.5", "twoforms", "wrong-pass"), 429);
  EXPECT_EQ(sign_in_status_from(port(), "127.0.0.5", "twoforms@example.com", "right-password-1"),
            429);
  EXPECT_EQ(sign_in_status_from(port(), "127.0.0.5", "twoforms", "right-password-1"), 429);
}

TEST_F(AuthTest, BasicCredentialsFollowAChangeOfEmailAtOnce) {
  const std::string id = add_person("before@example.com", "basic-password-1");
  HttpClient client(port());
  ASSERT_EQ(
      client.get("/api/2.0/people/@self", basic_auth("before@example.com", "basic-password-1"))
          .status,
      200);  // verified and cached
  const auto changed =
      client.put_json("/api/2.0/people/" + id, {{"email", "after@example.com"}},
                      HttpClient::auth(sign_in(port(), kAdminEmail, kAdminPassword)));
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(
      client.get("/api/2.0/people/@self", basic_auth("before@example.com", "basic-password-1"))
          .status,
      401);
  const auto after =
      client.get("/api/2.0/people/@self", basic_auth("after@example.com", "basic-password-1"));
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json().at("response").at("id").as_string(), id);
}

// PUT people/{id}/password for oneself needs the current password (currentPassword or
// oldPassword); an administrator setting someone else's does not.
class OwnPasswordTest : public AuthTest {
 protected:
  static HttpResponse change(const std::string& id, const Headers& auth, boost::json::object body) {
    return HttpClient(port()).put_json("/api/2.0/people/" + id + "/password", body, auth);
  }
  static int self_status(const std::string& token) {
    return HttpClient(port()).get("/api/2.0/people/@self", HttpClient::auth(token)).status;
  }
};

TEST_F(OwnPasswordTest, WithoutTheCurrentPasswordIs400AndChangesNothing) {
  const std::string id = add_person("nocurrent@example.com", "first-password-1");
  const std::string token = sign_in(port(), "nocurrent@example.com", "first-password-1");
  const auto res = change(id, HttpClient::auth(token), {{"password", "second-password-2"}});
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_EQ(res.json().at("error").at("message"),
            "Parameter 'currentPassword' is required to change your own password");
  EXPECT_EQ(self_status(token), 200);  // not revoked: nothing changed
  EXPECT_FALSE(sign_in(port(), "nocurrent@example.com", "first-password-1").empty());
}

TEST_F(OwnPasswordTest, AWrongCurrentPasswordIs403AndChangesNothing) {
  const std::string id = add_person("wrongcurrent@example.com", "first-password-1");
  const std::string token = sign_in(port(), "wrongcurrent@example.com", "first-password-1");
  const auto res =
      change(id, HttpClient::auth(token),
             {{"password", "second-password-2"}, {"currentPassword", "not-it-at-all"}});
  EXPECT_EQ(res.status, 403) << res.body;
  EXPECT_EQ(res.json().at("error").at("message"),
            "The current password is wrong; the password was not changed");
  EXPECT_EQ(self_status(token), 200);
  EXPECT_EQ(
      sign_in_status_from(port(), "127.0.0.6", "wrongcurrent@example.com", "second-password-2"),
      401);
  EXPECT_FALSE(sign_in(port(), "wrongcurrent@example.com", "first-password-1").empty());
}

TEST_F(OwnPasswordTest, TheRightCurrentPasswordUnderEitherNameChangesIt) {
  const std::string id = add_person("rightcurrent@example.com", "first-password-1");
  std::string token = sign_in(port(), "rightcurrent@example.com", "first-password-1");
  auto res = change(id, HttpClient::auth(token),
                    {{"password", "second-password-2"}, {"currentPassword", "first-password-1"}});
  EXPECT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(self_status(token), 401);  // revoked with the old password
  token = sign_in(port(), "rightcurrent@example.com", "second-password-2");
  res = change(id, HttpClient::auth(token),
               {{"password", "third-password-3"}, {"oldPassword", "second-password-2"}});
  EXPECT_EQ(res.status, 200) << res.body;
  EXPECT_FALSE(sign_in(port(), "rightcurrent@example.com", "third-password-3").empty());
}

TEST_F(OwnPasswordTest, WrongCurrentPasswordsCountTowardTheSignInThrottle) {
  const std::string id = add_person("oracle@example.com", "first-password-1");
  const std::string token = sign_in(port(), "oracle@example.com", "first-password-1");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(change(id, HttpClient::auth(token),
                     {{"password", "second-password-2"},
                      {"currentPassword", "guess-" + std::to_string(i)}})
                  .status,
              403);
  }
  // A stolen token is no password oracle: the sixth guess, even the right one, is throttled ...
  const auto limited =
      change(id, HttpClient::auth(token),
             {{"password", "second-password-2"}, {"currentPassword", "first-password-1"}});
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_FALSE(limited.header("retry-after").empty());
  // ... and so is signing in to that account from that address.
  EXPECT_EQ(sign_in_status_from(port(), "127.0.0.1", "oracle@example.com", "first-password-1"),
            429);
  EXPECT_EQ(self_status(token), 200);  // nothing changed
}

TEST_F(OwnPasswordTest, AnAdministratorSetsOthersWithoutButTheirOwnOnlyWithTheCurrentOne) {
  const std::string id = add_person("reset@example.com", "first-password-1");
  const Headers admin = HttpClient::auth(sign_in(port(), kAdminEmail, kAdminPassword));
  const auto reset = change(id, admin, {{"password", "second-password-2"}});
  EXPECT_EQ(reset.status, 200) << reset.body;
  EXPECT_FALSE(sign_in(port(), "reset@example.com", "second-password-2").empty());

  // The administrator's own, on a server of its own (this suite's other tests sign in as admin).
  TestServer own;
  HttpClient client(own.port());
  const Headers self = HttpClient::auth(sign_in(own.port(), kAdminEmail, kAdminPassword));
  const std::string self_id(
      client.get("/api/2.0/people/@self", self).json().at("response").at("id").as_string());
  const std::string target = "/api/2.0/people/" + self_id + "/password";
  EXPECT_EQ(client.put_json(target, {{"password", "new-admin-password-2"}}, self).status, 400);
  EXPECT_EQ(
      client
          .put_json(target,
                    {{"password", "new-admin-password-2"}, {"currentPassword", "wrong-one-1"}},
                    self)
          .status,
      403);
  EXPECT_EQ(
      client
          .put_json(target,
                    {{"password", "new-admin-password-2"}, {"currentPassword", kAdminPassword}},
                    self)
          .status,
      200);
  EXPECT_FALSE(sign_in(own.port(), kAdminEmail, "new-admin-password-2").empty());
}

}  // namespace
}  // namespace projectd::test
