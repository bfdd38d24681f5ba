// /readyz and /metrics (README "Health and metrics") seen from an operator: readiness of a healthy
// portal, of one whose PostgreSQL stopped under it (its own cluster) and (disk_faults_http_test.cc)
// of one whose SQLite writer failed stop; the metrics' access rules, their format, and that they
// move by what the requests did.
#include "files_test_support.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>

namespace projectd::test {
namespace {

constexpr const char* kMetricsToken = "scrape-token-0123456789";

Headers metrics_bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

// Every sample of an exposition by its name and labels as written; fails the test on a line that
// is neither a comment nor a sample.
std::map<std::string, double> samples_of(const std::string& body) {
  static const std::regex kSample(
      R"(^([a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})?) ([-+0-9.eE]+|\+Inf|NaN)$)");
  std::map<std::string, double> samples;
  std::istringstream lines(body);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) continue;
    std::smatch match;
    if (!std::regex_match(line, match, kSample)) {
      ADD_FAILURE() << "not a sample line: " << line;
      continue;
    }
    samples[match[1]] = std::strtod(match[5].str().c_str(), nullptr);
  }
  return samples;
}

double sample_or_zero(const std::map<std::string, double>& samples, const std::string& key) {
  const auto found = samples.find(key);
  return found == samples.end() ? 0 : found->second;
}

// The buckets of each histogram series rise monotonically and end in +Inf, which equals _count.
void expect_histograms_cumulative(const std::map<std::string, double>& samples) {
  std::map<std::string, std::vector<std::pair<std::string, double>>> series;
  static const std::regex kBucket("^(.*)_bucket\\{(.*)le=\"([^\"]*)\"\\}$");
  for (const auto& [key, value] : samples) {
    std::smatch match;
    if (std::regex_match(key, match, kBucket))
      series[match[1].str() + "{" + match[2].str()].emplace_back(match[3], value);
  }
  ASSERT_FALSE(series.empty());
  for (auto& [name, buckets] : series) {
    std::sort(buckets.begin(), buckets.end(), [](const auto& a, const auto& b) {
      return (a.first == "+Inf" ? INFINITY : std::stod(a.first)) <
             (b.first == "+Inf" ? INFINITY : std::stod(b.first));
    });
    for (std::size_t i = 1; i < buckets.size(); ++i)
      EXPECT_LE(buckets[i - 1].second, buckets[i].second) << name;
    EXPECT_EQ(buckets.back().first, "+Inf") << name;
  }
}

// What `command` prints on stdout (its exit status is not checked: the caller checks the output).
std::string shell_output_of(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe))
      out += buffer;
    pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
    out.pop_back();
  return out;
}

class OpsEndpointsHttpTest : public FilesSuite {
 protected:
  static void SetUpTestSuite() { start_server("", {"--metrics-token", kMetricsToken}); }

  static std::map<std::string, double> scrape() {
    const auto res = HttpClient(port()).get("/metrics", metrics_bearer(kMetricsToken));
    EXPECT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    return samples_of(res.body);
  }
};

TEST_F(OpsEndpointsHttpTest, ReadyzAnswersReadyWithoutCredentialsOnAHealthyPortal) {
  HttpClient client(port());
  const auto ready = client.get("/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ready.json(), boost::json::parse(R"({"status":"ready"})"));
  EXPECT_EQ(client.get("/healthz").status, 200);
  // Polled fast, it stays ready (answered from its one-second cache).
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(client.get("/readyz").status, 200);
}

TEST_F(OpsEndpointsHttpTest, MetricsAnswerTheTokenAndAdministratorsOnly) {
  HttpClient client(port());
  EXPECT_EQ(client.get("/metrics").status, 401);
  EXPECT_EQ(client.get("/metrics", metrics_bearer("not-the-token")).status, 401);
  EXPECT_EQ(client.get("/metrics", metrics_bearer(std::string(kMetricsToken) + "x")).status, 401);
  const auto member = client.get("/metrics", add_person().auth());
  EXPECT_EQ(member.status, 403) << member.body;
  EXPECT_EQ(member.json().at("statusCode").as_int64(), 403);
  const auto as_admin = client.get("/metrics", admin());
  EXPECT_EQ(as_admin.status, 200) << as_admin.body;
  EXPECT_NE(as_admin.body.find("# TYPE projectd_http_requests_total counter\n"), std::string::npos);
  const auto as_token = client.get("/metrics", metrics_bearer(kMetricsToken));
  EXPECT_EQ(as_token.status, 200) << as_token.body;
}

TEST_F(OpsEndpointsHttpTest, EverySampleParsesAndHistogramsAreCumulative) {
  ASSERT_EQ(HttpClient(port()).get("/healthz").status, 200);
  const auto samples = scrape();
  const auto build = std::find_if(samples.begin(), samples.end(), [](const auto& sample) {
    return sample.first.rfind("projectd_build_info{version=\"", 0) == 0;
  });
  ASSERT_NE(build, samples.end());
  EXPECT_EQ(build->second, 1);
  EXPECT_GT(sample_or_zero(samples, "process_start_time_seconds"), 1.7e9);
  EXPECT_GE(sample_or_zero(samples, "projectd_blob_store_files"), 0);
  // Nothing waits in the outbox of an idle server, and the gauge says so (present, 0).
  EXPECT_EQ(
      std::count_if(samples.begin(), samples.end(),
                    [](const auto& sample) { return sample.first == "projectd_outbox_depth"; }),
      1);
  EXPECT_EQ(sample_or_zero(samples, "projectd_outbox_depth"), 0);
  EXPECT_GE(sample_or_zero(samples, "projectd_http_requests_in_flight"), 1);  // this scrape
  expect_histograms_cumulative(samples);
  EXPECT_EQ(
      sample_or_zero(
          samples, "projectd_http_request_duration_seconds_bucket{route=\"healthz\",le=\"+Inf\"}"),
      sample_or_zero(samples, "projectd_http_request_duration_seconds_count{route=\"healthz\"}"));
}

TEST_F(OpsEndpointsHttpTest, CountsMoveByWhatTheRequestsDid) {
  const std::int64_t project = make_project();
  const auto before = scrape();

  const std::int64_t task = create_task_id(project, {{"title", "Counted"}}, admin());
  const std::string upload_bytes(3000, 'x');
  upload_id("@my", "counted.bin", upload_bytes, admin());
  HttpClient client(port());
  EXPECT_EQ(
      client
          .post_json("/api/2.0/authentication", {{"userName", kAdminEmail}, {"password", "wrong"}})
          .status,
      401);
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(client.get("/api/2.0/project/task/" + std::to_string(task), admin()).status, 200);
  EXPECT_EQ(client.get("/api/2.0/no/such/route/4711").status, 404);

  const auto after = scrape();
  const auto moved = [&](const std::string& key) {
    return sample_or_zero(after, key) - sample_or_zero(before, key);
  };
  EXPECT_EQ(moved("projectd_http_requests_total{route=\"api/2.0/project/{projectid}/task\","
                  "method=\"POST\",code=\"2xx\"}"),
            1);
  EXPECT_EQ(moved("projectd_http_requests_total{route=\"api/2.0/files/{folderid}/upload\","
                  "method=\"POST\",code=\"2xx\"}"),
            1);
  EXPECT_EQ(moved("projectd_http_requests_total{route=\"api/2.0/authentication\","
                  "method=\"POST\",code=\"4xx\"}"),
            1);
  EXPECT_EQ(moved("projectd_http_requests_total{route=\"api/2.0/project/task/{taskid}\","
                  "method=\"GET\",code=\"2xx\"}"),
            2);
  EXPECT_EQ(moved("projectd_http_requests_total{route=\"unmatched\",method=\"GET\",code=\"4xx\"}"),
            1);
  EXPECT_EQ(moved("projectd_http_request_duration_seconds_count{route=\"api/2.0/project/task/"
                  "{taskid}\"}"),
            2);
  EXPECT_EQ(moved("projectd_sign_in_failures_total"), 1);
  EXPECT_EQ(moved("projectd_sign_in_throttled_total"), 0);
  EXPECT_GE(moved("projectd_http_request_body_bytes_total"), upload_bytes.size());
  EXPECT_GT(moved("projectd_http_response_body_bytes_total"), 0);
  EXPECT_EQ(moved("projectd_response_cache_hits_total"), 1);
  EXPECT_EQ(moved("projectd_response_cache_misses_total"), 1);
  if (!testing_postgres()) {
    // The task, the upload, the sign-in's reservation: each write is in some group commit.
    EXPECT_GE(moved("projectd_store_group_commit_size_sum"), 3);
    EXPECT_GE(moved("projectd_store_fsync_duration_seconds_count"), 1);
  }
  EXPECT_GE(sample_or_zero(after, "projectd_blob_store_bytes"), 0);
}

// PostgreSQL stopped under a running server: /readyz answers 503 naming the store, /healthz stays
// 200. The test runs its own cluster (scripts/postgres-cluster.sh), never the suite's.
TEST(OpsReadinessPostgresTest, ReadyzIs503WhilePostgresqlIsDown) {
  if (!testing_postgres()) GTEST_SKIP() << "needs PROJECTD_TEST_STORE=postgresql";
  TempDir cluster;
  const std::string script = PROJECTD_TEST_PG_SCRIPT;
  const auto run = [&](const std::string& command) {
    return shell_output_of("bash '" + script + "' " + command + " '" + cluster.path() + "'");
  };
  const std::string url = run("start");
  ASSERT_FALSE(url.empty());
  {
    TestServer server({"--store", url});
    HttpClient client(server.port());
    EXPECT_EQ(client.get("/readyz").status, 200);
    run("stop");
    EXPECT_TRUE(
        eventually([&] { return client.get("/readyz").status == 503; }, std::chrono::seconds(20)));
    const auto down = client.get("/readyz");
    EXPECT_EQ(down.json(), boost::json::parse(R"({"status":"unavailable","failed":"store"})"))
        << down.body;
    EXPECT_EQ(client.get("/healthz").status, 200);
    server.stop();
  }
}

}  // namespace
}  // namespace projectd::test
