// The PostgreSQL store's change clock (Store::generation(), Store::unchanged_since()), fed with
// what every node sharing the database committed (docs/architecture.md, "Several nodes").
//
// - A write adds, before its COMMIT and in its transaction, one row per scope it named to
//   change_log (migration 0023; scope 0: broad), so the rows commit exactly when the write does.
//   Its own node then records it at once (committed()).
// - catch_up() asks the database, in one autocommit statement, for the rows that the previous
//   catch-up's snapshot did not see, together with the statement's own snapshot: the writes that
//   committed in between, on any node. It records them in the clock as one commit, then keeps the
//   new snapshot for the next time. The windows meet end to end, so no commit is missed however
//   its transaction id compares with others.
// - A value a cache stamps with now() after catch_up() and reads after that is judged by every
//   commit its reads missed: those committed after its snapshot, so after this catch-up's, and the
//   next catch-up records them with a higher count.
// So a cache consulted after catch_up() (the dispatcher does it first on a worker) never serves an
// answer older than a write some node had committed when the request arrived: after a client's
// write has been answered, no node serves that client stale data.
//
// Concurrent catch_up() calls share round trips: a call waits for a catch-up that began after it
// was made, starting one itself when none is running. A node that has not caught up for
// kForgetAfter treats everything as changed (the rows it would ask for may be pruned), and at most
// once per kPruneEvery a catch-up deletes rows older than a snapshot taken kKeepRows ago.
//
// Thread safety: every method from any thread at once; catch_up() blocks on the database, the
// others never block.
#pragma once

#include "store/shared_change_clock.h"
#include "store/sql/sql_connection.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>

namespace projectd {

class PostgresChangeFeed {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::minutes kForgetAfter{2};
  static constexpr std::chrono::minutes kKeepRows{5};
  static constexpr std::chrono::minutes kPruneEvery{1};

  // Runs its argument with a connection outside any transaction (a lease of the store's pool).
  using WithConnection = std::function<void(const std::function<void(SqlConnection&)>&)>;

  explicit PostgresChangeFeed(WithConnection with_connection);

  std::uint64_t now() const { return clock_.now(); }
  bool unchanged_since(std::uint64_t stamp, const ScopeDependencies& depends_on) const {
    return clock_.unchanged_since(stamp, depends_on);
  }
  // After this node's COMMIT, before the write returns.
  void committed(const ScopeDependencies& changed) { clock_.committed(changed); }
  // Records every write any node committed before this call. Throws what the database throws.
  void catch_up();

  // The statement that, run in a write's transaction just before its COMMIT, records what it
  // named; empty when it named nothing. `changed`: StoreTx::changed_scopes().
  static std::string log_statement(const ScopeDependencies& changed);

 private:
  void catch_up_on(SqlConnection& connection);
  void prune(SqlConnection& connection, Clock::time_point now);

  WithConnection with_connection_;
  SharedChangeClock clock_;

  std::mutex mutex_;
  std::condition_variable caught_up_;
  std::uint64_t started_ = 0;   // catch-ups begun
  std::uint64_t finished_ = 0;  // the last one that ended (succeeded or not)
  bool running_ = false;

  // Touched only by the one running catch-up.
  std::string snapshot_;  // the last catch-up's, as pg_snapshot text; empty: none yet
  Clock::time_point snapshot_at_{};
  std::deque<std::pair<Clock::time_point, std::string>> xmins_;  // one every kPruneEvery
  Clock::time_point pruned_at_{};
};

}  // namespace projectd
