// Several projectd nodes on one PostgreSQL database and one blob directory (docs/architecture.md,
// "Several nodes"): a token, an upload and an attachment made on one node are seen on the other,
// nginx in front spreads requests over both, neither serves an answer older than a write another
// answered, attaching and detaching from both nodes at once keeps
// one consistent set of links, and sign-in throttling counts failures on every node together.
#include "files_test_support.h"
#include "nginx_balancer.h"
#include "store_sql.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <memory>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

namespace projectd::test {
namespace {

using std::chrono::steady_clock;

std::string api(const std::string& rest) {
  return "/api/2.0/" + rest;
}

std::string task_files(std::int64_t task) {
  return api("project/" + task_path(task, "/files"));
}

// Lines a node logged at level error or above (spdlog pattern "<time> <level> <message>").
std::vector<std::string> error_lines(const std::string& output) {
  static const std::regex kError(R"(^\S+ (error|critical) )");
  std::vector<std::string> found;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line))
    if (std::regex_search(line, kError)) found.push_back(line);
  return found;
}

std::vector<std::int64_t> sorted(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Two nodes, a and b, on a fresh schema and a shared blob directory, started at the same moment:
// both migrate (an advisory lock lets one apply each migration) and both find an empty portal, yet
// exactly one makes the first administrator.
class MultiNodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing_postgres())
      GTEST_SKIP() << "several nodes need a shared PostgreSQL (PROJECTD_TEST_STORE=postgresql)";
    store_url_ = test_store_url(schema_dir_.path());
    // A future rather than a thread: when a node fails to start, its error reaches the test (a
    // thread left joinable by the other's exception would end the whole binary instead).
    auto start_b = std::async(std::launch::async,
                              [&] { return std::make_unique<TestServer>(node_flags("b")); });
    a_ = std::make_unique<TestServer>(node_flags("a"));
    b_ = start_b.get();
    const auto made_admin = [](const TestServer& node) {
      return node.output().find("Created the first administrator") != std::string::npos;
    };
    EXPECT_EQ(made_admin(*a_) + made_admin(*b_), 1) << a_->output() << b_->output();
    auto db = connect_store(store_url_);
    EXPECT_EQ(first_column(*db, "SELECT count(*) FROM users"), std::vector<std::string>{"1"});
    admin_ = HttpClient::auth(sign_in(a_->port(), kAdminEmail, kAdminPassword));
    admin_id_ = self_id(a_->port(), admin_);
  }

  void TearDown() override {
    for (TestServer* node : {a_.get(), b_.get()}) {
      if (node == nullptr) continue;
      EXPECT_EQ(node->stop(), 0) << node->output();
      const std::string output = node->output();
      EXPECT_EQ(output.find("Sanitizer"), std::string::npos) << output;
      EXPECT_EQ(error_lines(output), std::vector<std::string>{}) << output;
    }
  }

  std::vector<std::string> node_flags(const std::string& node) const {
    return {"--store", store_url_, "--blobs",         blobs_.path(),
            "--node",  node,       "--trusted-proxy", "127.0.0.1"};
  }

  static std::string self_id(unsigned short port, const Headers& auth) {
    const auto me = response_of(HttpClient(port).get(api("people/@self"), auth), 200);
    return me.is_object() ? std::string(me.at("id").as_string()) : "";
  }

  // A project managed by the admin and a task in it, made on the server at `port` as `auth` (an
  // admin's token); returns {project, its documents folder, task}.
  struct Seed {
    std::int64_t project = 0, folder = 0, task = 0;
  };
  Seed seed(unsigned short port, const Headers& auth) const {
    Seed made;
    const auto project =
        response_of(json_request(port, "POST", api("project"),
                                 {{"title", "Shared"}, {"responsibleId", admin_id_}}, auth),
                    201);
    if (!project.is_object()) return made;
    made.project = project.at("id").as_int64();
    made.folder = project.at("projectFolder").as_int64();
    const auto task = response_of(json_request(port, "POST", project_path(made.project, "/task"),
                                               {{"title", "Attach here"}}, auth),
                                  201);
    if (task.is_object()) made.task = task.at("id").as_int64();
    return made;
  }

  // The ids of GET task/{id}/files on the server at `port`.
  std::vector<std::int64_t> attached(unsigned short port, std::int64_t task) const {
    const auto files =
        response_of(json_request(port, "GET", task_files(task), nullptr, admin_), 200);
    return files.is_array() ? ids_of(files) : std::vector<std::int64_t>{};
  }

  TempDir blobs_;
  TempDir schema_dir_;  // only names the schema test_store_url() makes
  std::string store_url_;
  std::unique_ptr<TestServer> a_, b_;
  Headers admin_;
  std::string admin_id_;
};

TEST_F(MultiNodeTest, WhatOneNodeStoresTheOtherServesAndNginxAlternates) {
  if (!NginxBalancer::available()) GTEST_SKIP() << "needs nginx (" << kNginxBinary << ")";
  NginxBalancer nginx({a_->port(), b_->port()});
  int through_nginx = 0;
  const auto via_nginx = [&](const std::string& method, const std::string& target,
                             const boost::json::value& body, const Headers& auth) {
    ++through_nginx;
    return json_request(nginx.port(), method, target, body, auth);
  };

  // A token issued behind the balancer works on each node.
  const Headers auth = HttpClient::auth(sign_in(nginx.port(), kAdminEmail, kAdminPassword));
  ++through_nginx;
  EXPECT_EQ(self_id(a_->port(), auth), admin_id_);
  EXPECT_EQ(self_id(b_->port(), auth), admin_id_);

  const Seed made = seed(nginx.port(), auth);
  through_nginx += 2;
  ASSERT_NE(made.task, 0);

  // Uploaded on a (spooled in blobs/tmp/a, stored in the shared directory), attached through
  // nginx, listed and downloaded on b.
  std::string bytes(300 * 1024, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>((i * 131 + i / 7) & 0xff);
  const auto uploaded =
      response_of(files_request(a_->port(), "POST", std::to_string(made.folder) + "/upload", bytes,
                                raw_upload_headers(auth, "seed.bin")),
                  201);
  ASSERT_TRUE(uploaded.is_object());
  const std::int64_t file = uploaded.at("id").as_int64();
  const auto attach = via_nginx("POST", task_files(made.task), {{"files", {file}}}, auth);
  EXPECT_EQ(attach.status, 201) << attach.body;
  EXPECT_EQ(attached(b_->port(), made.task), std::vector<std::int64_t>{file});
  const auto downloaded = fetch_file(b_->port(), file, auth);
  EXPECT_EQ(downloaded.status, 200);
  EXPECT_TRUE(downloaded.body == bytes) << downloaded.body.size() << " bytes";
  EXPECT_TRUE(std::filesystem::is_directory(blobs_.path() + "/tmp/a"));
  EXPECT_TRUE(std::filesystem::is_directory(blobs_.path() + "/tmp/b"));

  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(via_nginx("GET", api("people/@self"), nullptr, auth).status, 200);

  // Round-robin: every request went to one node, and consecutive requests to different ones.
  ASSERT_TRUE(eventually([&] { return nginx.upstreams().size() >= std::size_t(through_nginx); }))
      << nginx.error_log();
  const auto upstreams = nginx.upstreams();
  ASSERT_EQ(upstreams.size(), std::size_t(through_nginx));
  const std::string node_a = "127.0.0.1:" + std::to_string(a_->port());
  const std::string node_b = "127.0.0.1:" + std::to_string(b_->port());
  for (std::size_t i = 0; i < upstreams.size(); ++i) {
    EXPECT_TRUE(upstreams[i] == node_a || upstreams[i] == node_b) << upstreams[i];
    if (i > 0) {
      EXPECT_NE(upstreams[i], upstreams[i - 1]) << "request " << i;
    }
  }
  EXPECT_EQ(nginx.stop(), 0) << nginx.error_log();
}

// nginx appends the address it saw to the client's X-Forwarded-For; on loopback that is 127.0.0.1,
// trusted like nginx itself, so the node logs the address the test sent as the client's.
TEST_F(MultiNodeTest, TheClientAddressNginxForwardsReachesTheNodesLog) {
  if (!NginxBalancer::available()) GTEST_SKIP() << "needs nginx (" << kNginxBinary << ")";
  NginxBalancer nginx({a_->port(), b_->port()});
  const auto res = HttpClient(nginx.port())
                       .get("/api/2.0/people/@self", {admin_.front(),
                                                      {"X-Forwarded-For", "198.51.100.23"},
                                                      {"X-Request-Id", "via-nginx-1"}});
  EXPECT_EQ(res.status, 200) << res.body;
  bool logged = false;
  for (int attempt = 0; attempt < 50 && !logged; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (const TestServer* node : {a_.get(), b_.get()}) {
      const std::string out = node->output();
      const std::size_t at = out.find("id=via-nginx-1");
      if (at == std::string::npos) continue;
      const std::size_t line = out.rfind('\n', at);
      logged = out.find("client=198.51.100.23", line == std::string::npos ? 0 : line) < at;
      EXPECT_TRUE(logged) << out.substr(line == std::string::npos ? 0 : line, 300);
    }
  }
  EXPECT_TRUE(logged);
}

TEST_F(MultiNodeTest, AttachAndDetachFromBothNodesAtOnceKeepOneLinkPerFile) {
  const Seed made = seed(a_->port(), admin_);
  ASSERT_NE(made.task, 0);
  std::vector<std::int64_t> files;
  for (int i = 0; i < 6; ++i) {
    const auto file = response_of(
        json_request(b_->port(), "POST", files_path(std::to_string(made.folder) + "/text"),
                     {{"title", "f" + std::to_string(i)}, {"content", "x"}}, admin_),
        201);
    ASSERT_TRUE(file.is_object());
    files.push_back(file.at("id").as_int64());
  }
  const boost::json::array all(files.begin(), files.end());

  // Four clients per node, each attaching all files, detaching some, attaching those again.
  std::mutex mutex;
  std::vector<std::string> unexpected;
  std::atomic<int> requests{0}, failures{0};
  const auto expect = [&](const HttpResponse& res, int status, const std::string& what) {
    ++requests;
    if (res.status == status) return;
    ++failures;
    std::lock_guard lock(mutex);
    if (unexpected.size() < 20)
      unexpected.push_back(what + ": " + std::to_string(res.status) + " " + res.body);
  };
  const auto until = steady_clock::now() + std::chrono::seconds(3);
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c)
    clients.emplace_back([&, c] {
      HttpClient node(c % 2 == 0 ? a_->port() : b_->port());  // one keep-alive connection
      for (std::size_t round = 0; steady_clock::now() < until; ++round) {
        boost::json::array some;
        for (std::size_t i = 0; i < files.size(); ++i)
          if ((i + round + c) % 3 == 0) some.push_back(files[i]);
        const std::string target = task_files(made.task);
        expect(json_request(node, "POST", target, {{"files", all}}, admin_), 201, "attach");
        expect(json_request(node, "DELETE", target + "many", {{"files", some}}, admin_), 200,
               "detach");
        expect(json_request(node, "POST", target, {{"files", some}}, admin_), 201, "attach again");
      }
    });
  for (auto& client : clients)
    client.join();
  EXPECT_EQ(failures.load(), 0) << "of " << requests.load() << " requests; the first:\n"
                                << testing::PrintToString(unexpected);
  EXPECT_GT(requests.load(), 8 * 3);

  const auto on_a = sorted(attached(a_->port(), made.task));
  EXPECT_EQ(on_a, sorted(attached(b_->port(), made.task)));
  EXPECT_EQ(std::adjacent_find(on_a.begin(), on_a.end()), on_a.end());

  // From none to all, from both nodes at the same moment: one link and one audit record per file.
  ASSERT_EQ(
      json_request(a_->port(), "DELETE", task_files(made.task) + "many", {{"files", all}}, admin_)
          .status,
      200);
  auto db = connect_store(store_url_);
  const std::string of_task = " WHERE entity_kind = 2 AND entity_id = " + std::to_string(made.task);
  const std::string before =
      first_column(*db, "SELECT coalesce(max(id), 0) FROM entity_file_audit" + of_task).at(0);
  std::latch start(2);
  std::vector<int> statuses(2);
  std::vector<std::thread> racers;
  for (int r = 0; r < 2; ++r)
    racers.emplace_back([&, r] {
      start.arrive_and_wait();
      statuses[r] = json_request(r == 0 ? a_->port() : b_->port(), "POST", task_files(made.task),
                                 {{"files", all}}, admin_)
                        .status;
    });
  for (auto& racer : racers)
    racer.join();
  EXPECT_EQ(statuses, std::vector<int>({201, 201}));
  EXPECT_EQ(sorted(attached(a_->port(), made.task)), sorted(files));
  EXPECT_EQ(sorted(attached(b_->port(), made.task)), sorted(files));
  std::vector<std::string> expected;
  for (const std::int64_t file : sorted(files))
    expected.push_back(std::to_string(file));
  EXPECT_EQ(first_column(*db, "SELECT file_id FROM entity_file_audit" + of_task +
                                  " AND action = 1 AND id > " + before + " ORDER BY file_id"),
            expected);
  EXPECT_EQ(first_column(*db, "SELECT file_id FROM entity_files" + of_task + " ORDER BY file_id"),
            expected);
}

// Each node caches answers and callers (docs/architecture.md, "Several nodes"), yet once a write
// has been answered, by whichever node, the next read on either node shows it: each request first
// catches up with every node's commits. nginx alternates, so every write is answered by one node
// and the read after it by the other, at once and with both caches warm.
TEST_F(MultiNodeTest, AfterAWriteIsAnsweredNoNodeServesTheOldAnswer) {
  if (!NginxBalancer::available()) GTEST_SKIP() << "needs nginx (" << kNginxBinary << ")";
  const Seed made = seed(a_->port(), admin_);
  ASSERT_NE(made.task, 0);
  const std::string task = api("project/" + task_path(made.task));
  const auto title_on = [&](unsigned short port) -> std::string {
    const auto got = response_of(json_request(port, "GET", task, nullptr, admin_), 200);
    return got.is_object() ? std::string(got.at("title").as_string()) : "";
  };

  // Both nodes answer a repeated read from their caches.
  const double hits_a = response_cache_hits(a_->port(), admin_);
  const double hits_b = response_cache_hits(b_->port(), admin_);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(title_on(a_->port()), "Attach here");
    EXPECT_EQ(title_on(b_->port()), "Attach here");
  }
  EXPECT_EQ(response_cache_hits(a_->port(), admin_), hits_a + 1);
  EXPECT_EQ(response_cache_hits(b_->port(), admin_), hits_b + 1);

  NginxBalancer nginx({a_->port(), b_->port()});
  for (int i = 0; i < 12; ++i) {
    const std::string title = "Version " + std::to_string(i);
    const auto changed = json_request(nginx.port(), "PUT", task, {{"title", title}}, admin_);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(title_on(nginx.port()), title) << "the read right after write " << i;
    EXPECT_EQ(title_on(nginx.port()), title) << "the second read after write " << i;
  }
  // A change written straight into one node is seen by the other, whose answer was cached.
  EXPECT_EQ(title_on(b_->port()), "Version 11");
  ASSERT_EQ(json_request(a_->port(), "PUT", task, {{"title", "Last"}}, admin_).status, 200);
  EXPECT_EQ(title_on(b_->port()), "Last");
  EXPECT_EQ(nginx.stop(), 0) << nginx.error_log();
}

// A caller cached by one node is dropped there as soon as another node disables the person.
TEST_F(MultiNodeTest, APersonDisabledOnOneNodeIsRefusedByTheOtherAtOnce) {
  const auto added = json_request(a_->port(), "POST", api("people"),
                                  {{"email", "leaver@example.com"},
                                   {"firstName", "Leaving"},
                                   {"lastName", "Person"},
                                   {"password", "right-password-1"}},
                                  admin_);
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string id(response_of(added, 201).at("id").as_string());
  const Headers leaver =
      HttpClient::auth(sign_in(a_->port(), "leaver@example.com", "right-password-1"));
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(HttpClient(b_->port()).get(api("people/@self"), leaver).status, 200);
  ASSERT_EQ(
      json_request(a_->port(), "PUT", api("people/" + id), {{"disable", true}}, admin_).status,
      200);
  EXPECT_EQ(HttpClient(b_->port()).get(api("people/@self"), leaver).status, 401);
}

// Each node keeps the people its answers name (store/people_cache.h); a person renamed on one node
// is named anew by the other in its next answer, although its cached answer and its cached people
// both showed the old name.
TEST_F(MultiNodeTest, APersonRenamedOnOneNodeIsShownRenamedByTheOtherAtOnce) {
  const Seed made = seed(a_->port(), admin_);
  ASSERT_NE(made.task, 0);
  const auto creator_on_b = [&](const std::string& query) -> std::string {
    const auto got =
        response_of(json_request(b_->port(), "GET", api("project/" + task_path(made.task)) + query,
                                 nullptr, admin_),
                    200);
    return got.is_object() ? std::string(got.at("createdBy").at("displayName").as_string()) : "";
  };
  const std::string before = creator_on_b("");
  EXPECT_EQ(creator_on_b(""), before);           // the cached answer
  EXPECT_EQ(creator_on_b("?render=1"), before);  // rendered, the people from b's cache
  ASSERT_EQ(json_request(a_->port(), "PUT", api("people/" + admin_id_), {{"firstName", "Renamed"}},
                         admin_)
                .status,
            200);
  EXPECT_NE(creator_on_b("").find("Renamed"), std::string::npos) << creator_on_b("");
  EXPECT_NE(creator_on_b("?render=2").find("Renamed"), std::string::npos);
}

TEST_F(MultiNodeTest, SignInFailuresOnEveryNodeCountTogether) {
  const auto added = json_request(a_->port(), "POST", api("people"),
                                  {{"email", "roamer@example.com"},
                                   {"firstName", "Roaming"},
                                   {"lastName", "Person"},
                                   {"password", "right-password-1"}},
                                  admin_);
  ASSERT_EQ(added.status, 201) << added.body;
  const auto sign_in_on = [](unsigned short port, const std::string& password) {
    return HttpClient(port).post_json(api("authentication"),
                                      {{"userName", "roamer@example.com"}, {"password", password}});
  };
  // AuthSettings::max_failures (5) failures, alternately on a and b: as many as on one node.
  for (int i = 0; i < 5; ++i) {
    const unsigned short port = i % 2 == 0 ? a_->port() : b_->port();
    EXPECT_EQ(sign_in_on(port, "wrong-password").status, 401) << "failure " << i + 1;
  }
  for (const unsigned short port : {b_->port(), a_->port()}) {
    const auto limited = sign_in_on(port, "right-password-1");
    EXPECT_EQ(limited.status, 429) << limited.body;
    EXPECT_FALSE(limited.header("retry-after").empty());
  }
}

}  // namespace
}  // namespace projectd::test
