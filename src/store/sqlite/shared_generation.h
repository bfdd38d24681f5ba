// The SQLite store's generation (Store::generation()) shared by every process that opens one
// database file: a counter in a small file beside it (PATH-generation), memory-mapped. Each
// SqliteStore adds one after each COMMIT, before that write returns, and reads it for
// generation(). So the caches keyed by the generation in a running server (the token cache, the
// response cache) see a change another process committed, such as `projectd user disable`, by the
// next request. Writers that do not go through SqliteStore (the sqlite3 shell) are not counted.
// When the file cannot be made or mapped (a read-only directory), only this process's commits
// move the counter, as before.
// Thread safety: load() and bump() from any thread at once (lock-free atomics, also across
// processes).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace projectd {

class SharedGeneration {
 public:
  explicit SharedGeneration(const std::string& path);
  ~SharedGeneration();
  SharedGeneration(const SharedGeneration&) = delete;
  SharedGeneration& operator=(const SharedGeneration&) = delete;

  std::uint64_t load() const;
  void bump();
  bool shared() const { return counter_ != nullptr; }

 private:
  std::uint64_t* counter_ = nullptr;  // in the shared mapping; nullptr: not shared
  std::atomic<std::uint64_t> local_{0};
};

}  // namespace projectd
