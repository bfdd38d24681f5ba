// HTTPS served by projectd itself (README "TLS", docs/security.md "TLS"): the real binary with a
// self-signed certificate made at test time by the openssl CLI, spoken to by HttpClient's TLS mode,
// which verifies the certificate and the name 127.0.0.1. Also the Secure flag of the sign-in cookie
// on every way a request can be https, SIGHUP reloads, and the start errors.
#include "files_test_support.h"
#include "http_client.h"
#include "raw_socket.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace projectd::test {
namespace {

struct TlsPair {
  std::string cert;
  std::string key;
};

// A self-signed P-256 certificate for 127.0.0.1 with subject CN=<name>, written to <dir>/<name>.*.
TlsPair make_tls_pair(const std::string& dir, const std::string& name) {
  TlsPair pair{dir + "/" + name + ".crt", dir + "/" + name + ".key"};
  const std::string command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "
      "/CN=" +
      name + " -addext subjectAltName=IP:127.0.0.1 -keyout " + pair.key + " -out " + pair.cert +
      " 2>/dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return pair;
}

void write_tls_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string read_tls_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string sign_in_cookie(HttpClient& client, const Headers& headers = {}) {
  const auto res =
      client.post_json("/api/2.0/authentication",
                       {{"userName", kAdminEmail}, {"password", kAdminPassword}}, headers);
  EXPECT_EQ(res.status, 201) << res.body;
  return res.header("set-cookie");
}

bool output_says(const TestServer& server, const std::string& text) {
  return eventually([&] { return server.output().find(text) != std::string::npos; });
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    first_ = make_tls_pair(certs_.path(), "projectd-tls-1");
    // The server reads the pair from paths of its own, so a test can replace them before SIGHUP.
    served_ = TlsPair{certs_.path() + "/served.crt", certs_.path() + "/served.key"};
    write_tls_file(served_.cert, read_tls_file(first_.cert));
    write_tls_file(served_.key, read_tls_file(first_.key));
    server_ = std::make_unique<TestServer>(
        std::vector<std::string>{"--tls-cert", served_.cert, "--tls-key", served_.key});
  }

  HttpClient https(const TlsPair& trusted) {
    return HttpClient(server_->port(), TlsTrust{trusted.cert});
  }

  TempDir certs_;
  TlsPair first_;
  TlsPair served_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(TlsTest, ServesTheApiUploadsAndRangedDownloadsOnOneKeptAliveConnection) {
  HttpClient client = https(first_);
  const auto signed_in = client.post_json(
      "/api/2.0/authentication", {{"userName", kAdminEmail}, {"password", kAdminPassword}});
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_NE(signed_in.header("set-cookie").find("; Secure"), std::string::npos);
  const std::string token(signed_in.json().at("response").at("token").as_string());
  const Headers auth = HttpClient::auth(token);
  const auto me = client.get("/api/2.0/people/@self", auth);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(client.peer_subject(), "/CN=projectd-tls-1");

  const auto project = client.post_json(
      "/api/2.0/project",
      {{"title", "Over TLS"}, {"responsibleId", me.json().at("response").at("id")}}, auth);
  ASSERT_EQ(project.status, 201) << project.body;
  const auto project_id = project.json().at("response").at("id").as_int64();
  const auto task = client.post_json("/api/2.0/project/" + std::to_string(project_id) + "/task",
                                     {{"title", "Encrypted"}}, auth);
  ASSERT_EQ(task.status, 201) << task.body;
  EXPECT_EQ(task.json().at("response").at("title").as_string(), "Encrypted");

  // 3 MiB and change: several spool reads and several 1 MiB download pieces, all through TLS.
  std::string bytes(3 * 1024 * 1024 + 12345, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>((i * 7919) % 251);
  const auto [body, content_type] =
      multipart_body({{"file", "big.bin", bytes, "application/octet-stream"}});
  Headers upload_headers = auth;
  upload_headers.emplace_back("Content-Type", content_type);
  const auto uploaded = client.request("POST", files_path("@my/upload"), body, upload_headers);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto file_id = uploaded.json().at("response").at("id").as_int64();
  EXPECT_EQ(sha256_hex(read_tls_file(content_path(server_->data_dir(), sha256_hex(bytes)))),
            sha256_hex(bytes));

  const std::string download =
      "/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" +
      std::to_string(file_id);
  Headers ranged = auth;
  ranged.emplace_back("Range", "bytes=1000-2500000");
  const auto part = client.get(download, ranged);
  ASSERT_EQ(part.status, 206) << part.body.substr(0, 200);
  EXPECT_EQ(part.body, bytes.substr(1000, 2500000 - 1000 + 1));
  const auto whole = client.get(download, auth);
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(sha256_hex(whole.body), sha256_hex(bytes));
  // Every request above went over the one connection the client opened.
  EXPECT_EQ(client.connections(), 1);
}

TEST_F(TlsTest, PlainHttpToTheTlsPortIsRefusedAndTheServerGoesOn) {
  RawSocket plain(server_->port());
  plain.send("GET /api/2.0/people/@self HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string answer = plain.receive(std::chrono::seconds(5));
  // Never an HTTP answer in clear: the handshake fails and the connection is closed.
  EXPECT_EQ(answer.rfind("HTTP/", 0), std::string::npos) << answer;
  HttpClient client = https(first_);
  EXPECT_EQ(client.get("/api/2.0/people/@self").status, 401);
}

TEST_F(TlsTest, AClientThatDoesNotTrustTheCertificateFailsItsHandshakeOnly) {
  const TlsPair stranger = make_tls_pair(certs_.path(), "stranger");
  HttpClient distrustful = https(stranger);
  EXPECT_THROW(distrustful.get("/api/2.0/people/@self"), std::exception);
  HttpClient client = https(first_);
  EXPECT_EQ(client.get("/api/2.0/people/@self").status, 401);
}

TEST_F(TlsTest, SighupServesANewCertificateToNewConnectionsWhileOpenOnesKeepTheirs) {
  HttpClient before = https(first_);
  ASSERT_EQ(before.get("/api/2.0/people/@self").status, 401);

  const TlsPair second = make_tls_pair(certs_.path(), "projectd-tls-2");
  write_tls_file(served_.cert, read_tls_file(second.cert));
  write_tls_file(served_.key, read_tls_file(second.key));
  ASSERT_EQ(::kill(server_->pid(), SIGHUP), 0);
  ASSERT_TRUE(output_says(*server_, "new connections are served with subject /CN=projectd-tls-2"))
      << server_->output();

  HttpClient after = https(second);
  EXPECT_EQ(after.get("/api/2.0/people/@self").status, 401);
  EXPECT_EQ(after.peer_subject(), "/CN=projectd-tls-2");
  // The connection opened before the reload still works, on its old certificate.
  EXPECT_EQ(before.get("/api/2.0/people/@self").status, 401);
  EXPECT_EQ(before.connections(), 1);
  EXPECT_EQ(before.peer_subject(), "/CN=projectd-tls-1");
}

TEST_F(TlsTest, SighupWithABrokenOrMismatchedPairKeepsTheOldCertificate) {
  write_tls_file(served_.cert, "not a certificate\n");
  ASSERT_EQ(::kill(server_->pid(), SIGHUP), 0);
  ASSERT_TRUE(output_says(*server_,
                          "keeping the TLS certificate served so far: cannot load the "
                          "TLS certificate " +
                              served_.cert))
      << server_->output();
  HttpClient client = https(first_);
  EXPECT_EQ(client.get("/api/2.0/people/@self").status, 401);
  EXPECT_EQ(client.peer_subject(), "/CN=projectd-tls-1");

  // A certificate whose key is another's.
  const TlsPair second = make_tls_pair(certs_.path(), "projectd-tls-2");
  write_tls_file(served_.cert, read_tls_file(second.cert));
  ASSERT_EQ(::kill(server_->pid(), SIGHUP), 0);
  ASSERT_TRUE(output_says(*server_, "does not belong to the certificate")) << server_->output();
  HttpClient again = https(first_);
  EXPECT_EQ(again.get("/api/2.0/people/@self").status, 401);
  EXPECT_EQ(again.peer_subject(), "/CN=projectd-tls-1");
}

TEST(TlsStartTest, AnIncompleteOrBrokenPairStopsTheStartNamingTheFile) {
  TempDir certs;
  const TlsPair first = make_tls_pair(certs.path(), "one");
  const TlsPair second = make_tls_pair(certs.path(), "two");
  const std::string missing = certs.path() + "/missing.crt";
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"--tls-cert", first.cert}, "--tls-cert " + first.cert + " needs --tls-key too"},
      {{"--tls-key", first.key}, "--tls-key " + first.key + " needs --tls-cert too"},
      {{"--tls-cert", first.cert, "--tls-key", second.key},
       "the TLS key " + second.key + " does not belong to the certificate " + first.cert},
      {{"--tls-cert", missing, "--tls-key", first.key},
       "cannot read the TLS certificate " + missing + ": No such file or directory"},
      {{"--tls-cert", first.key, "--tls-key", first.key},
       "cannot load the TLS certificate " + first.key},
  };
  for (const Case& c : cases) {
    TempDir data;
    std::vector<std::string> args{"serve", "--listen", "127.0.0.1:0", "--data", data.path()};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const ProcessResult result = run_projectd(args, TestServer::admin_env());
    EXPECT_NE(result.exit_code, 0) << c.message;
    EXPECT_NE(result.output.find(c.message), std::string::npos) << result.output;
    // Nothing started: no store was made in the data directory.
    EXPECT_FALSE(std::filesystem::exists(data.path() + "/projectd.db")) << c.message;
  }
}

TEST(TlsStartTest, TheEnvironmentNamesThePairToo) {
  TempDir certs;
  const TlsPair pair = make_tls_pair(certs.path(), "from-env");
  auto env = TestServer::admin_env();
  env["PROJECTD_TLS_CERT"] = pair.cert;
  env["PROJECTD_TLS_KEY"] = pair.key;
  TestServer server({}, "", env);
  HttpClient client(server.port(), TlsTrust{pair.cert});
  EXPECT_EQ(client.get("/api/2.0/people/@self").status, 401);
  EXPECT_EQ(client.peer_subject(), "/CN=from-env");
}

TEST(TlsSighupTest, WithoutTlsSighupIsLoggedAndIgnored) {
  TestServer server;
  ASSERT_EQ(::kill(server.pid(), SIGHUP), 0);
  ASSERT_TRUE(output_says(server, "received SIGHUP; nothing to reload")) << server.output();
  HttpClient client(server.port());
  EXPECT_EQ(client.get("/api/2.0/people/@self").status, 401);
}

// The sign-in cookie is Secure exactly when the browser reached projectd over https.
TEST(SecureCookieTest, FollowsThePublicUrlAndATrustedProxysForwardedProto) {
  {
    TestServer plain;
    HttpClient client(plain.port());
    EXPECT_EQ(sign_in_cookie(client).find("Secure"), std::string::npos);
    // X-Forwarded-Proto from a peer that is not a trusted proxy is not believed.
    EXPECT_EQ(sign_in_cookie(client, {{"X-Forwarded-Proto", "https"}}).find("Secure"),
              std::string::npos);
  }
  {
    TestServer public_https({"--public-url", "https://projects.example.com"});
    HttpClient client(public_https.port());
    EXPECT_NE(sign_in_cookie(client).find("; Secure; HttpOnly"), std::string::npos);
  }
  {
    TestServer behind_proxy({"--trusted-proxy", "127.0.0.1"});
    HttpClient client(behind_proxy.port());
    EXPECT_NE(sign_in_cookie(client, {{"X-Forwarded-Proto", "https"}}).find("; Secure"),
              std::string::npos);
    EXPECT_EQ(sign_in_cookie(client, {{"X-Forwarded-Proto", "http"}}).find("Secure"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace projectd::test
