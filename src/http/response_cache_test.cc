// The response cache: answers are kept per key, least recently used first out by bytes, and only
// while the store says nothing they show changed since their stamp, and for a second at most.
#include "http/response_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace projectd {
namespace {

namespace http = boost::beast::http;

OutgoingResponse answer(std::size_t bytes, int status = 200) {
  OutgoingResponse out;
  out.status = status;
  out.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  out.body.assign(bytes, 'x');
  out.user_id = "renderer";
  return out;
}

IncomingRequest get(std::string target, std::string accept = "") {
  IncomingRequest request;
  request.method = http::verb::get;
  request.target = std::move(target);
  request.headers.emplace_back("host", "example.com");
  if (!accept.empty()) request.headers.emplace_back("accept", std::move(accept));
  return request;
}

class ResponseCacheTest : public ::testing::Test {
 protected:
  std::atomic<std::uint64_t> generation_{7};
  ScopeDependencies last_checked_;  // what the cache last asked about
  // The store's check, simplified: an answer is current while the generation is its stamp
  // (store/sqlite/shared_change_clock_test.cc tests the real one with scopes).
  ResponseCache make(std::size_t budget) {
    return ResponseCache(
        budget, std::chrono::seconds(1), [this] { return generation_.load(); },
        [this](std::uint64_t stamp, const ScopeDependencies& depends_on) {
          last_checked_ = depends_on;
          return generation_.load() == stamp;
        });
  }
};

TEST_F(ResponseCacheTest, AnswersWhatItKeptWithoutTheRenderersUser) {
  ResponseCache cache = make(1 << 20);
  cache.insert("a", answer(100), 7, std::nullopt);
  const auto hit = cache.find("a");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, std::string(100, 'x'));
  EXPECT_EQ(hit->headers, answer(100).headers);
  EXPECT_TRUE(hit->user_id.empty());
  EXPECT_EQ(cache.find("b"), nullptr);
}

TEST_F(ResponseCacheTest, AnAnswerIsJudgedByWhatItsHandlerSaidItShows) {
  ResponseCache cache = make(1 << 20);
  const std::vector<ChangeScope> shown{ChangeScope::task(4), ChangeScope::project(2)};
  cache.insert("a", answer(100), 7, shown);
  ASSERT_NE(cache.find("a"), nullptr);
  ASSERT_TRUE(last_checked_.has_value());
  EXPECT_EQ(*last_checked_, shown);
  ++generation_;
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.size(), 0u);  // a stale answer is dropped when found
}

TEST_F(ResponseCacheTest, AnyNewGenerationMakesEveryAnswerStale) {
  ResponseCache cache = make(1 << 20);
  cache.insert("a", answer(100), 7, std::nullopt);
  cache.insert("b", answer(100), 7, std::nullopt);
  ++generation_;
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.find("b"), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

// "5 minutes ago" in a comment changes with the clock alone: an answer is repeated for a second at
// most.
TEST_F(ResponseCacheTest, AnAnswerAgesOutAfterASecond) {
  ResponseCache cache = make(1 << 20);
  cache.insert("a", answer(100), 7, std::nullopt);
  ASSERT_NE(cache.find("a"), nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(cache.find("a"), nullptr);
}

// A comment's "5 minutes ago": the handler says when the words change, and the answer ends then.
TEST_F(ResponseCacheTest, AnAnswerEndsWhenItsHandlerSaidTheClockChangesIt) {
  ResponseCache cache = make(1 << 20);
  cache.insert("later", answer(100), 7, std::nullopt, now_utc() + std::chrono::minutes(1));
  cache.insert("past", answer(100), 7, std::nullopt, now_utc() - std::chrono::seconds(1));
  EXPECT_NE(cache.find("later"), nullptr);
  EXPECT_EQ(cache.find("past"), nullptr);
}

TEST_F(ResponseCacheTest, AnAnswerAWriteRacedWithIsNotKept) {
  ResponseCache cache = make(1 << 20);
  cache.insert("a", answer(100), 6,
               std::nullopt);  // rendered before the write that made generation 7
  EXPECT_EQ(cache.find("a"), nullptr);
}

TEST_F(ResponseCacheTest, OnlyPlain200AnswersAreKept) {
  ResponseCache cache = make(1 << 20);
  cache.insert("created", answer(10, 201), 7, std::nullopt);
  cache.insert("missing", answer(10, 404), 7, std::nullopt);
  OutgoingResponse file = answer(0);
  file.file = FileSlice{"/tmp/f", 0, 10};
  cache.insert("file", file, 7, std::nullopt);
  EXPECT_EQ(cache.size(), 0u);
}

TEST_F(ResponseCacheTest, EvictsTheLeastRecentlyUsedByBytes) {
  ResponseCache cache = make(3 * 1500);  // room for three answers of about 1,300 bytes
  cache.insert("a", answer(1000), 7, std::nullopt);
  cache.insert("b", answer(1000), 7, std::nullopt);
  cache.insert("c", answer(1000), 7, std::nullopt);
  ASSERT_EQ(cache.size(), 3u);
  ASSERT_NE(cache.find("a"), nullptr);  // now "b" is the least recently used
  cache.insert("d", answer(1000), 7, std::nullopt);
  EXPECT_EQ(cache.find("b"), nullptr);
  EXPECT_NE(cache.find("a"), nullptr);
  EXPECT_NE(cache.find("c"), nullptr);
  EXPECT_NE(cache.find("d"), nullptr);
  EXPECT_LE(cache.bytes(), 3u * 1500);
  cache.insert("huge", answer(10000), 7, std::nullopt);  // larger than the whole budget: not kept
  EXPECT_EQ(cache.find("huge"), nullptr);
  EXPECT_EQ(cache.size(), 3u);
}

TEST_F(ResponseCacheTest, ReplacingAKeyKeepsOneEntry) {
  ResponseCache cache = make(1 << 20);
  cache.insert("a", answer(100), 7, std::nullopt);
  cache.insert("a", answer(200), 7, std::nullopt);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find("a")->body.size(), 200u);
}

TEST_F(ResponseCacheTest, ABudgetOfZeroDisablesIt) {
  ResponseCache cache = make(0);
  EXPECT_FALSE(cache.enabled());
  cache.insert("a", answer(100), 7, std::nullopt);
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

TEST_F(ResponseCacheTest, TheKeyTellsTargetsFormatsHostsAndCallersApart) {
  const std::string base = ResponseCache::key_of(get("/t/1"), "u1");
  EXPECT_EQ(base, ResponseCache::key_of(get("/t/1"), "u1"));
  EXPECT_NE(base, ResponseCache::key_of(get("/t/1"), "u2"));
  EXPECT_NE(base, ResponseCache::key_of(get("/t/2"), "u1"));
  EXPECT_NE(base, ResponseCache::key_of(get("/t/1", "text/xml"), "u1"));
  IncomingRequest other_host = get("/t/1");
  other_host.headers.front().second = "other.example.com";
  EXPECT_NE(base, ResponseCache::key_of(other_host, "u1"));
  IncomingRequest head = get("/t/1");
  head.method = http::verb::head;
  EXPECT_NE(base, ResponseCache::key_of(head, "u1"));
}

}  // namespace
}  // namespace projectd
