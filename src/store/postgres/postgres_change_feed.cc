#include "store/postgres/postgres_change_feed.h"

#include "base/blocking_wait.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

namespace projectd {
namespace {

// Scope 0 in change_log: a broad write.
constexpr std::uint64_t kBroad = 0;

// The scopes of string_agg's "k1,k2,..."; nullopt when one of them is broad.
ScopeDependencies scopes_of(const std::string& keys) {
  std::vector<ChangeScope> scopes;
  const char* at = keys.data();
  const char* const end = at + keys.size();
  while (at < end) {
    std::uint64_t key = 0;
    const auto [next, error] = std::from_chars(at, end, key);
    // A key this build cannot read is treated as broad: too much goes stale, never too little.
    if (error != std::errc() || key == kBroad) return std::nullopt;
    scopes.push_back(ChangeScope::from_key(key));
    at = next == end ? end : next + 1;  // past the comma
  }
  return scopes;
}

// A pg_snapshot's text is "xmin:xmax:xip,...".
std::string xmin_of(const std::string& snapshot) {
  return snapshot.substr(0, snapshot.find(':'));
}

}  // namespace

PostgresChangeFeed::PostgresChangeFeed(WithConnection with_connection)
    : with_connection_(std::move(with_connection)) {}

std::string PostgresChangeFeed::log_statement(const ScopeDependencies& changed) {
  std::vector<std::uint64_t> keys;
  if (!changed) {
    keys.push_back(kBroad);
  } else {
    for (const ChangeScope scope : *changed)
      keys.push_back(scope.key());
  }
  if (keys.empty()) return {};
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  // The keys are numbers this process made, so they are written into the text: the statement is
  // sent with COMMIT in one round trip, which takes no parameters.
  std::string sql = "INSERT INTO change_log (xid, scope) VALUES ";
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += "(pg_current_xact_id(), " + std::to_string(keys[i]) + ")";
  }
  return sql;
}

void PostgresChangeFeed::catch_up() {
  std::unique_lock lock(mutex_);
  // A catch-up already running may have taken its snapshot before this call: wait for the next.
  const std::uint64_t needed = started_ + 1;
  while (finished_ < needed) {
    if (running_) {
      BlockingWait blocking;  // for another worker's round trip (base/blocking_wait.h)
      caught_up_.wait(lock);
      continue;
    }
    running_ = true;
    const std::uint64_t round = ++started_;
    lock.unlock();
    try {
      with_connection_([this](SqlConnection& connection) { catch_up_on(connection); });
    } catch (...) {
      lock.lock();
      running_ = false;
      caught_up_.notify_all();  // a waiter starts another round, or fails in its turn
      throw;
    }
    lock.lock();
    running_ = false;
    finished_ = round;
    caught_up_.notify_all();
  }
}

void PostgresChangeFeed::catch_up_on(SqlConnection& connection) {
  const Clock::time_point now = Clock::now();
  if (snapshot_.empty() || now - snapshot_at_ > kForgetAfter) {
    // The first catch-up, or one after so long that the rows asked for may be pruned: whatever
    // committed before this snapshot counts as one broad write.
    SqlStatement current = connection.prepare("SELECT pg_current_snapshot()::text");
    current.step();
    snapshot_ = current.text(0);
    clock_.committed(std::nullopt);
  } else {
    // One statement, so one snapshot: the rows it finds are exactly the commits between the two.
    SqlStatement since = connection.prepare(
        "SELECT pg_current_snapshot()::text, string_agg(DISTINCT scope::text, ',') "
        "FROM change_log WHERE xid >= pg_snapshot_xmin(?1::pg_snapshot) "
        "AND NOT pg_visible_in_snapshot(xid, ?1::pg_snapshot)");
    since.bind_text(1, snapshot_);
    since.step();
    std::string next = since.text(0);
    if (!since.is_null(1)) clock_.committed(scopes_of(since.text(1)));
    snapshot_ = std::move(next);
  }
  snapshot_at_ = now;
  if (xmins_.empty() || now - xmins_.back().first >= kPruneEvery)
    xmins_.emplace_back(now, xmin_of(snapshot_));
  if (now - pruned_at_ >= kPruneEvery) prune(connection, now);
}

void PostgresChangeFeed::prune(SqlConnection& connection, Clock::time_point now) {
  // The newest xmin taken at least kKeepRows ago: every node that has not forgotten its snapshot
  // (kForgetAfter, shorter) took it later, so it never asks for a row older than that xmin.
  std::optional<std::string> horizon;
  while (!xmins_.empty() && now - xmins_.front().first >= kKeepRows) {
    horizon = std::move(xmins_.front().second);
    xmins_.pop_front();
  }
  if (!horizon) return;
  pruned_at_ = now;
  SqlStatement remove = connection.prepare("DELETE FROM change_log WHERE xid < ?1::xid8");
  remove.bind_text(1, *horizon);
  remove.run();
}

}  // namespace projectd
