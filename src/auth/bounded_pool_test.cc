#include "auth/bounded_pool.h"

#include "base/errors.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <thread>
#include <vector>

namespace projectd {
namespace {

using namespace std::chrono_literals;

// A job that holds its pool thread until `release` counts down.
struct Gate {
  std::latch release{1};
  std::atomic<int> started{0};
  int hold() {
    started.fetch_add(1);
    release.wait();
    return 7;
  }
};

TEST(BoundedPool, RunsJobsAndReturnsTheirResultsOrTheirExceptions) {
  BoundedPool pool(2, 8);
  EXPECT_EQ(pool.run([] { return 41 + 1; }), 42);
  EXPECT_THROW(pool.run([]() -> int { throw std::runtime_error("boom"); }), std::runtime_error);
  EXPECT_EQ(pool.admitted(), 0u);  // every place given back, also after a throw
}

TEST(BoundedPool, AFullQueueRefusesAtOnceWith503AndRetryAfter) {
  BoundedPool pool(1, 3);  // one running and two queued
  Gate gate;
  std::vector<std::future<int>> callers;
  for (int i = 0; i < 3; ++i)
    callers.push_back(
        std::async(std::launch::async, [&] { return pool.run([&] { return gate.hold(); }); }));
  // Wait until all three are admitted and the pool's thread has started the first: one runs, two
  // queue behind it. (Admitted is not yet started: on a loaded machine the thread may lag.)
  for (int i = 0; i < 5000 && (pool.admitted() < 3 || gate.started.load() < 1); ++i)
    std::this_thread::sleep_for(1ms);
  ASSERT_EQ(pool.admitted(), 3u);

  // The fourth is refused while the others are still held: it did not wait for any of them.
  try {
    pool.run([] { return 0; });
    FAIL() << "a full queue admitted a fourth job";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kServiceUnavailable);
    EXPECT_EQ(e.http_status(), 503);
    ASSERT_EQ(e.headers().size(), 1u);
    EXPECT_EQ(e.headers()[0].first, "Retry-After");
    EXPECT_EQ(e.headers()[0].second, "1");
  }
  EXPECT_THROW(pool.admit(), ApiError);
  EXPECT_EQ(gate.started.load(), 1);  // one pool thread: the other two are queued, not running
  EXPECT_EQ(pool.admitted(), 3u);     // a refusal takes no place

  gate.release.count_down();
  for (auto& caller : callers)
    EXPECT_EQ(caller.get(), 7);
  EXPECT_EQ(pool.admitted(), 0u);
  EXPECT_EQ(pool.run([] { return 1; }), 1);  // room again
}

TEST(BoundedPool, APlaceTakenAheadIsHeldUntilItIsDestroyed) {
  BoundedPool pool(1, 1);
  {
    const BoundedPool::Place place = pool.admit();
    EXPECT_THROW(pool.admit(), ApiError);
    EXPECT_EQ(pool.run(place, [] { return 5; }), 5);
    EXPECT_EQ(pool.run(place, [] { return 6; }), 6);  // a place may run more than once
    EXPECT_EQ(pool.admitted(), 1u);
  }
  EXPECT_EQ(pool.admitted(), 0u);
  BoundedPool other(1, 1);
  const BoundedPool::Place foreign = other.admit();
  EXPECT_THROW(pool.run(foreign, [] { return 0; }), std::logic_error);
}

TEST(BoundedPool, ManyCallersAreEachAnsweredOrRefusedNeverMoreAdmittedThanTheBound) {
  BoundedPool pool(2, 4);
  std::atomic<int> ran{0}, refused{0}, running{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        try {
          pool.run([&] {
            const int now = running.fetch_add(1) + 1;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(100us);
            running.fetch_sub(1);
            return 0;
          });
          ran.fetch_add(1);
        } catch (const ApiError&) {
          refused.fetch_add(1);
        }
        EXPECT_LE(pool.admitted(), 4u);
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(ran.load() + refused.load(), 16 * 50);
  EXPECT_GT(ran.load(), 0);
  EXPECT_LE(most.load(), 2);  // never more running than threads
  EXPECT_EQ(pool.admitted(), 0u);
}

}  // namespace
}  // namespace projectd
