// The outbox worker against real stores (SQLite in a temporary directory; PostgreSQL when
// PROJECTD_TEST_POSTGRES is set): fan-out exactly once, retries with back-off, giving up, order
// per target, a lease outliving a dead sender, and two nodes sharing one PostgreSQL database.
// The channel here records what it is asked to send: the real channels (SMTP, webhooks) have
// their own tests against real servers.
#include "app/outbox_worker.h"

#include "domain/notify/change_events.h"
#include "store/postgres/postgres_test_support.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace projectd::testing {
namespace {

using namespace std::chrono_literals;

// One delivery per event, to the target named by the event's data ("to"), keyed by event id
// (so a second fan-out of one event would break the key's uniqueness and fail the test loudly).
class TargetFanout final : public EventFanout {
 public:
  void fan_out(StoreTx& tx, const ChangeEventRecord& event) override {
    const boost::json::object data = event_data(event);
    const boost::json::value* to = data.if_contains("to");
    const Timestamp now = now_utc();
    tx.outbox().add_delivery(DeliveryRecord{
        .channel = "test",
        .target = to != nullptr && to->is_string() ? std::string(to->as_string()) : "t",
        .event_id = event.id,
        .event_type = event.type,
        .key = "event-" + std::to_string(event.id),
        .payload = event.data,
        .created = now,
        .next_attempt = now,
        .claimed_until = std::nullopt,
        .last_error = std::nullopt,
        .delivered = std::nullopt});
  }
};

// Records every send; fails the first `fail_first` attempts of each key (permanently when asked).
class RecordingChannel final : public DeliveryChannel {
 public:
  std::string_view name() const override { return "test"; }
  bool in_order_per_target() const override { return in_order; }
  std::int64_t max_attempts() const override { return attempts_allowed; }
  DeliveryOutcome deliver(const DeliveryRecord& d) override {
    std::lock_guard lock(mutex);
    sends.push_back(d.key);
    if (tries[d.key]++ < fail_first) return DeliveryOutcome{false, permanent, "refused"};
    return DeliveryOutcome{true, false, ""};
  }
  std::vector<std::string> sent() {
    std::lock_guard lock(mutex);
    return sends;
  }

  bool in_order = false;
  std::int64_t attempts_allowed = 5;
  int fail_first = 0;
  bool permanent = false;
  std::mutex mutex;
  std::vector<std::string> sends;
  std::map<std::string, int> tries;
};

void publish_to(Store& store, const std::string& target, int count = 1) {
  store.write([&](StoreTx& tx) {
    for (int i = 0; i < count; ++i)
      publish_in_tx(tx, ChangeEvent{.type = event::kTaskNotify,
                                    .actor_id = "someone",
                                    .project_id = 1,
                                    .entity_id = i,
                                    .data = {{"to", target}}});
  });
}

OutboxWorkerOptions fast_options() {
  OutboxWorkerOptions options;
  options.poll = 5ms;
  options.retry_base = 1ms;
  options.retry_cap = 4ms;
  return options;
}

std::vector<DeliveryRecord> deliveries_to(Store& store, const std::string& target) {
  return store.read_value(
      [&](StoreTx& tx) { return tx.outbox().deliveries_of("test", target, 0, 1000); });
}

// Runs passes until `done` or 10 s.
template <class Done>
void run_until(OutboxWorker& worker, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    worker.run_once();
    std::this_thread::sleep_for(2ms);
  }
}

class OutboxWorkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(StoreOptions{"sqlite:" + dir_.file("projectd.db")}, true);
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
  TargetFanout fanout_;
  RecordingChannel channel_;
};

TEST_F(OutboxWorkerTest, FansOutEachEventOnceAndSendsEachDeliveryOnce) {
  OutboxWorker worker(*store_, {&fanout_}, {&channel_}, fast_options());
  publish_to(*store_, "ann", 3);
  EXPECT_TRUE(worker.run_once());
  EXPECT_EQ(channel_.sent().size(), 3u);
  EXPECT_FALSE(worker.run_once());  // nothing left: no event, nothing due
  EXPECT_EQ(channel_.sent().size(), 3u);
  const auto sent = deliveries_to(*store_, "ann");
  ASSERT_EQ(sent.size(), 3u);
  for (const DeliveryRecord& d : sent) {
    EXPECT_EQ(d.state, DeliveryState::kDelivered);
    EXPECT_EQ(d.attempts, 1);
    EXPECT_TRUE(d.delivered.has_value());
    EXPECT_EQ(d.event_type, "task.notify");
  }
  EXPECT_EQ(store_->read_value([](StoreTx& tx) { return tx.outbox().pending_count(); }), 0);
}

TEST_F(OutboxWorkerTest, AnEventOfARolledBackChangeIsNeverSent) {
  OutboxWorker worker(*store_, {&fanout_}, {&channel_}, fast_options());
  EXPECT_THROW(store_->write([](StoreTx& tx) {
    publish_in_tx(tx, ChangeEvent{.type = event::kTaskNotify,
                                  .actor_id = "",
                                  .project_id = std::nullopt,
                                  .entity_id = 1,
                                  .data = {}});
    throw_bad_request("refused");
  }),
               ApiError);
  EXPECT_FALSE(worker.run_once());
  EXPECT_TRUE(channel_.sent().empty());
}

TEST_F(OutboxWorkerTest, RetriesWithBackOffAndKeepsTheLastError) {
  channel_.fail_first = 2;
  OutboxWorker worker(*store_, {&fanout_}, {&channel_}, fast_options());
  publish_to(*store_, "ann");
  worker.run_once();
  auto d = deliveries_to(*store_, "ann").at(0);
  EXPECT_EQ(d.state, DeliveryState::kPending);
  EXPECT_EQ(d.attempts, 1);
  EXPECT_EQ(d.last_error, "refused");
  EXPECT_GT(d.next_attempt, d.created);
  EXPECT_FALSE(d.claimed_until.has_value());
  run_until(worker,
            [&] { return deliveries_to(*store_, "ann").at(0).state != DeliveryState::kPending; });
  d = deliveries_to(*store_, "ann").at(0);
  EXPECT_EQ(d.state, DeliveryState::kDelivered);
  EXPECT_EQ(d.attempts, 3);
  EXPECT_EQ(channel_.sent().size(), 3u);  // the same key three times
}

TEST_F(OutboxWorkerTest, GivesUpAfterMaxAttemptsOrAtOnceWhenPermanent) {
  channel_.fail_first = 100;
  channel_.attempts_allowed = 3;
  OutboxWorker worker(*store_, {&fanout_}, {&channel_}, fast_options());
  publish_to(*store_, "ann");
  worker.run_once();
  run_until(worker,
            [&] { return deliveries_to(*store_, "ann").at(0).state != DeliveryState::kPending; });
  auto d = deliveries_to(*store_, "ann").at(0);
  EXPECT_EQ(d.state, DeliveryState::kFailed);
  EXPECT_EQ(d.attempts, 3);
  EXPECT_EQ(d.last_error, "refused");

  channel_.permanent = true;
  publish_to(*store_, "bob");
  worker.run_once();
  d = deliveries_to(*store_, "bob").at(0);
  EXPECT_EQ(d.state, DeliveryState::kFailed);
  EXPECT_EQ(d.attempts, 1);

  // Redelivery starts over, under the same key.
  channel_.fail_first = 0;
  channel_.tries.clear();
  EXPECT_TRUE(
      store_->write_value([&](StoreTx& tx) { return tx.outbox().redeliver(d.id, now_utc()); }));
  worker.run_once();
  d = deliveries_to(*store_, "bob").at(0);
  EXPECT_EQ(d.state, DeliveryState::kDelivered);
  EXPECT_EQ(channel_.sent().back(), d.key);
}

TEST_F(OutboxWorkerTest, InOrderPerTargetHoldsLaterDeliveriesBehindAFailingOne) {
  channel_.in_order = true;
  channel_.fail_first = 1;  // each key fails once
  OutboxWorker worker(*store_, {&fanout_}, {&channel_}, fast_options());
  publish_to(*store_, "hook-1", 3);
  publish_to(*store_, "hook-2", 1);
  run_until(worker, [&] { return channel_.sent().size() >= 8; });
  // hook-1's keys in event order, each tried twice before the next is tried at all.
  std::vector<std::string> hook1;
  for (const std::string& key : channel_.sent())
    if (key != "event-4") hook1.push_back(key);
  EXPECT_EQ(hook1, (std::vector<std::string>{"event-1", "event-1", "event-2", "event-2", "event-3",
                                             "event-3"}));
}

TEST_F(OutboxWorkerTest, AClaimOfADeadSenderIsSentAgainAfterItsLeaseUnderTheSameKey) {
  publish_to(*store_, "ann");
  OutboxWorker fan_only(*store_, {&fanout_}, {}, fast_options());
  fan_only.run_once();
  // A sender claims it and dies before marking it.
  const Timestamp now = now_utc();
  const auto claimed = store_->write_value([&](StoreTx& tx) {
    return tx.outbox().claim_due("test", now, now + std::chrono::duration_cast<Ticks>(200ms), 10,
                                 false);
  });
  ASSERT_EQ(claimed.size(), 1u);
  OutboxWorker worker(*store_, {&fanout_}, {&channel_}, fast_options());
  EXPECT_FALSE(worker.run_once());  // the claim holds
  EXPECT_TRUE(channel_.sent().empty());
  run_until(worker, [&] { return !channel_.sent().empty(); });
  EXPECT_EQ(channel_.sent(), std::vector<std::string>{claimed[0].key});
}

TEST_F(OutboxWorkerTest, RemovesFinishedDeliveriesAfterTheRetentionAndKeepsPendingOnes) {
  OutboxWorker worker(*store_, {&fanout_}, {&channel_}, fast_options());
  publish_to(*store_, "ann");
  worker.run_once();
  ASSERT_EQ(deliveries_to(*store_, "ann").size(), 1u);
  OutboxWorkerOptions options = fast_options();
  options.retention = std::chrono::hours(0);
  OutboxWorker pruning(*store_, {&fanout_}, {}, options);  // no channel: bob's stays pending
  publish_to(*store_, "bob");
  pruning.run_once();  // prunes first, then fans bob's event out
  pruning.run_once();  // bob's delivery is pending: kept
  EXPECT_TRUE(deliveries_to(*store_, "ann").empty());
  EXPECT_EQ(deliveries_to(*store_, "bob").size(), 1u);
}

TEST_F(OutboxWorkerTest, RunsOnItsOwnThreadAndStops) {
  OutboxWorker worker(*store_, {&fanout_}, {&channel_}, fast_options());
  worker.start();
  publish_to(*store_, "ann", 2);
  worker.poke();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (channel_.sent().size() < 2 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(5ms);
  worker.stop();
  EXPECT_EQ(channel_.sent().size(), 2u);
}

// Two nodes on one PostgreSQL database, each with its own store and worker running at once:
// every event fans out once and every delivery is sent once.
class OutboxWorkerPostgresTest : public PostgresTest {};

TEST_F(OutboxWorkerPostgresTest, TwoNodesSendEachDeliveryOnce) {
  auto node_a = open_store(StoreOptions{schema_url()}, true);
  auto node_b = open_store(StoreOptions{schema_url()}, true);
  TargetFanout fanout;
  RecordingChannel channel;  // shared: it sees the sends of both nodes
  OutboxWorker worker_a(*node_a, {&fanout}, {&channel}, fast_options());
  OutboxWorker worker_b(*node_b, {&fanout}, {&channel}, fast_options());
  worker_a.start();
  worker_b.start();
  constexpr int kEvents = 200;
  std::thread writer_a([&] {
    for (int i = 0; i < kEvents / 2; ++i)
      publish_to(*node_a, "t" + std::to_string(i % 7));
  });
  std::thread writer_b([&] {
    for (int i = 0; i < kEvents / 2; ++i)
      publish_to(*node_b, "t" + std::to_string(i % 5));
  });
  writer_a.join();
  writer_b.join();
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (channel.sent().size() < kEvents && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_for(100ms);  // a duplicate would show up now
  worker_a.stop();
  worker_b.stop();
  const std::vector<std::string> sent = channel.sent();
  EXPECT_EQ(sent.size(), static_cast<std::size_t>(kEvents));
  EXPECT_EQ(std::set<std::string>(sent.begin(), sent.end()).size(),
            static_cast<std::size_t>(kEvents));
  EXPECT_EQ(node_a->read_value([](StoreTx& tx) { return tx.outbox().pending_count(); }), 0);
}

// On PostgreSQL publishers never wait for each other, and the fan-out takes an event only once
// every older transaction has ended, in transaction order (migration 0024): an event committed
// while an older write is still open waits for it, then comes after it.
TEST_F(OutboxWorkerPostgresTest, PublishersDoNotWaitAndTheFanOutKeepsTransactionOrder) {
  auto store = open_store(StoreOptions{schema_url()}, true);
  std::atomic<bool> first_inserted{false}, released{false}, released_in_time{false};
  std::thread slow([&] {
    store->write([&](StoreTx& tx) {
      publish_in_tx(tx, ChangeEvent{.type = event::kTaskNotify,
                                    .actor_id = "",
                                    .project_id = std::nullopt,
                                    .entity_id = 100,
                                    .data = {}});
      first_inserted = true;
      const auto deadline = std::chrono::steady_clock::now() + 10s;
      while (!released && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(1ms);
      released_in_time = released.load();
    });
  });
  while (!first_inserted)
    std::this_thread::sleep_for(1ms);
  publish_to(*store, "second");  // commits while the first write is open
  const auto taken = [&] {
    return store->read_value([](StoreTx& tx) { return tx.outbox().oldest_events(10); });
  };
  EXPECT_TRUE(taken().empty());  // the second's event waits for the older transaction
  EXPECT_TRUE(store->read_value([](StoreTx& tx) { return tx.outbox().has_events(); }));
  released = true;
  slow.join();
  EXPECT_TRUE(released_in_time);  // the second publisher did not wait for the first one's commit
  // Both have committed; they may still wait while a test beside this one, on the same cluster,
  // holds an older transaction open.
  std::vector<ChangeEventRecord> events = taken();
  for (const auto deadline = std::chrono::steady_clock::now() + 10s;
       events.size() < 2 && std::chrono::steady_clock::now() < deadline; events = taken())
    std::this_thread::sleep_for(5ms);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].entity_id, 100);
  EXPECT_EQ(events[1].entity_id, 0);
  store->write([&](StoreTx& tx) { tx.outbox().remove_events({events[0].id}); });
  EXPECT_EQ(taken().size(), 1u);  // only the ids named are removed
}

}  // namespace
}  // namespace projectd::testing
