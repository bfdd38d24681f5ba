// A flood of sign-ins for unknown user names must not starve the request workers: hashing goes
// through a bounded queue (four per hashing thread) that answers 503 with Retry-After when full,
// so signed-in reads keep being answered during the flood. Counts only, no timings (bench/ has
// the latencies: bench/run.sh, "signed-in GET during a sign-in flood").
#include "http_client.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace projectd::test {
namespace {

TEST(SignInFloodTest, SignedInReadsAreAnsweredWhileUnknownNamesFloodTheHasher) {
  // The flood comes from one address: without its limit across accounts, so that it reaches the
  // hasher (as a flood from many addresses would).
  TestServer server({"--sign-in-failures-per-address", "0"});
  const unsigned short port = server.port();
  const Headers admin = HttpClient::auth(sign_in(port, kAdminEmail, kAdminPassword));
  ASSERT_EQ(HttpClient(port).get("/api/2.0/project", admin).status, 200);

  // More flooding connections than the server has request workers (four per core plus 32).
  const int flooders = 4 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) + 40;
  std::atomic<bool> stop{false};
  std::atomic<int> unauthorized{0}, busy{0}, other{0}, retry_after_missing{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < flooders; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client(port);
      for (int i = 0; !stop.load(); ++i) {
        const auto res = client.post_json(
            "/api/2.0/authentication",
            {{"userName", "nobody-" + std::to_string(t) + "-" + std::to_string(i) + "@example.com"},
             {"password", "some-password"}});
        if (res.status == 401) {
          unauthorized.fetch_add(1);
        } else if (res.status == 503) {
          busy.fetch_add(1);
          if (res.header("retry-after") != "1") retry_after_missing.fetch_add(1);
        } else {
          other.fetch_add(1);
        }
      }
    });
  }

  // Signed-in reads from two clients during the flood: every one must be answered, with 200.
  std::atomic<int> reads_ok{0}, reads_bad{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      HttpClient client(port);
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
      while (std::chrono::steady_clock::now() < until) {
        const auto res = client.get("/api/2.0/project", admin);
        (res.status == 200 ? reads_ok : reads_bad).fetch_add(1);
      }
    });
  }
  for (auto& reader : readers)
    reader.join();
  stop = true;
  for (auto& thread : threads)
    thread.join();

  EXPECT_GT(reads_ok.load(), 0);
  EXPECT_EQ(reads_bad.load(), 0);
  EXPECT_GT(unauthorized.load(), 0);  // the queue admitted some: unknown names are hashed too
  EXPECT_GT(busy.load(), 0);          // and refused the rest instead of holding workers
  EXPECT_EQ(retry_after_missing.load(), 0);
  EXPECT_EQ(other.load(), 0);
  // Nothing is left holding a place: a sign-in after the flood is hashed and answered.
  EXPECT_FALSE(sign_in(port, kAdminEmail, kAdminPassword).empty());
  RecordProperty("reads", reads_ok.load());
  RecordProperty("flood_401", unauthorized.load());
  RecordProperty("flood_503", busy.load());
}

}  // namespace
}  // namespace projectd::test
