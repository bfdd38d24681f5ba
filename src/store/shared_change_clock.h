// The SQLite store's change clock (Store::generation(), Store::unchanged_since()) shared by every
// process that opens one database file: counters in a small file beside it (PATH-generation),
// memory-mapped. docs/architecture.md, "Caches and change scopes".
// - `now()` counts the commits: each SqliteStore adds one after each COMMIT, before that write
//   returns. A cache takes it before reading what it keeps.
// - Besides the count, the last commit of a broad write and, per slot, the last commit of a write
//   naming a scope hashed to that slot. A value that lists its scopes is stale once a broad write
//   or a write naming one of its slots committed after its stamp. Two scopes sharing a slot only
//   make a value stale too early.
// So the caches of a running server (the token cache, the response cache) see a change another
// process committed, such as `projectd user disable`, by the next request. Writers that do not go
// through SqliteStore (the sqlite3 shell) are not counted. When the file cannot be made or mapped
// (a read-only directory), only this process's commits count.
// The PostgreSQL store keeps one in memory only (the default constructor) and feeds it what every
// node committed (store/postgres/postgres_change_feed.h).
// Thread safety: every method from any thread at once (lock-free atomics, also across processes).
#pragma once

#include "base/change_scope.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace projectd {

class SharedChangeClock {
 public:
  SharedChangeClock();  // this process's commits only, in memory
  explicit SharedChangeClock(const std::string& path);
  ~SharedChangeClock();
  SharedChangeClock(const SharedChangeClock&) = delete;
  SharedChangeClock& operator=(const SharedChangeClock&) = delete;

  std::uint64_t now() const;
  // After a COMMIT, before it is answered; `changed`: what the transaction named (nullopt: broad).
  void committed(const ScopeDependencies& changed);
  bool unchanged_since(std::uint64_t stamp, const ScopeDependencies& depends_on) const;
  bool shared() const { return mapped_; }

 private:
  std::uint64_t& slot_of(ChangeScope scope) const;

  std::uint64_t* words_ = nullptr;          // count, last broad commit, then the slots
  std::unique_ptr<std::uint64_t[]> local_;  // the words when the file could not be mapped
  bool mapped_ = false;
};

}  // namespace projectd
