#include "base/lifo_worker_pool.h"

#include "base/blocking_wait.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <map>
#include <mutex>
#include <thread>

namespace projectd {
namespace {

using namespace std::chrono_literals;

TEST(LifoWorkerPoolTest, JoinRunsEveryJobPostedAndEveryJobThosePost) {
  std::atomic<int> ran{0};
  LifoWorkerPool pool(4, 1);
  for (int i = 0; i < 200; ++i) {
    pool.post([&] {
      ++ran;
      pool.post([&] { ++ran; });  // posted from a job while join() may already wait
    });
  }
  pool.join();
  EXPECT_EQ(ran.load(), 400);
}

// asio's pool woke its threads in turn: 100 jobs one after another ran on all 8 of them. Here the
// thread that went idle last takes the next job; another one stands in only while that one is
// still on its way back to idle (two, or more when the scheduler delays it).
TEST(LifoWorkerPoolTest, JobsOneAfterAnotherKeepToTheThreadThatWentIdleLast) {
  LifoWorkerPool pool(8, 8);
  {
    // Every thread has started and gone idle once: none joins the idle stack late, on top.
    std::latch all_running(8);
    std::latch all_done(8);
    for (int i = 0; i < 8; ++i) {
      pool.post([&] {
        all_running.arrive_and_wait();
        all_done.count_down();
      });
    }
    all_done.wait();
  }
  std::map<std::thread::id, int> jobs_of;  // of the last 50
  for (int i = 0; i < 100; ++i) {
    std::promise<std::thread::id> ran;
    pool.post([&] { ran.set_value(std::this_thread::get_id()); });
    const std::thread::id thread = ran.get_future().get();
    if (i >= 50) ++jobs_of[thread];  // by then the warm-up's threads are back in idle_
  }
  // In turns, all 8 would have run about 6 of the 50 each.
  EXPECT_LE(jobs_of.size(), 4u);
  EXPECT_EQ(jobs_of.count(std::this_thread::get_id()), 0u);
}

TEST(LifoWorkerPoolTest, NoMoreThanTheLimitRunAtOnce) {
  std::mutex mutex;
  int now = 0;
  int most = 0;
  {
    LifoWorkerPool pool(8, 2);
    for (int i = 0; i < 8; ++i) {
      pool.post([&] {
        {
          std::lock_guard lock(mutex);
          most = std::max(most, ++now);
        }
        std::this_thread::sleep_for(20ms);  // not a BlockingWait: the job counts as running
        std::lock_guard lock(mutex);
        --now;
      });
    }
  }  // the destructor joins
  EXPECT_EQ(most, 2);
}

// With a limit of one, the second job can start only because the first says it waits.
TEST(LifoWorkerPoolTest, AJobInABlockingWaitLetsTheNextOneRun) {
  std::promise<void> answered;
  std::future<void> answer = answered.get_future();
  std::future_status seen = std::future_status::deferred;
  std::atomic<bool> running_after_wait{false};
  LifoWorkerPool pool(2, 1);
  pool.post([&] {
    {
      BlockingWait blocking;
      seen = answer.wait_for(10s);
    }
    running_after_wait = true;
  });
  pool.post([&] { answered.set_value(); });
  pool.join();
  EXPECT_EQ(seen, std::future_status::ready);
  EXPECT_TRUE(running_after_wait.load());
}

// Nested waits count once: after them the thread runs, and then idles, as one thread again. A
// count that went wrong would let every later job run at once, or none.
TEST(LifoWorkerPoolTest, AfterNestedBlockingWaitsTheLimitStillHolds) {
  std::mutex mutex;
  int now = 0;
  int most = 0;
  int ran = 0;
  {
    LifoWorkerPool pool(4, 1);
    pool.post([] {
      BlockingWait outer;
      BlockingWait inner;
    });
    for (int i = 0; i < 4; ++i) {
      pool.post([&] {
        {
          std::lock_guard lock(mutex);
          most = std::max(most, ++now);
        }
        std::this_thread::sleep_for(10ms);
        std::lock_guard lock(mutex);
        --now;
        ++ran;
      });
    }
  }
  EXPECT_EQ(ran, 4);
  EXPECT_EQ(most, 1);
}

TEST(LifoWorkerPoolTest, ABlockingWaitOutsideAPoolDoesNothing) {
  BlockingWait outer;
  BlockingWait inner;
  LifoWorkerPool pool(1, 1);
  std::promise<int> ran;
  pool.post([&] { ran.set_value(7); });
  EXPECT_EQ(ran.get_future().get(), 7);
}

}  // namespace
}  // namespace projectd
