// What a committed write changed and what a cached value was computed from, as scopes: one task,
// one project. docs/architecture.md, "Caches and change scopes", has the rules; in short:
// - A write transaction that names scopes (StoreTx::changes_only) promises that everything it
//   changed is seen only through those scopes. A write that names none is broad: it may change
//   anything.
// - A cached value that lists its dependencies stays valid until a broad write or a write naming
//   one of them commits. A value without a list (nullopt) depends on everything: any committed
//   write makes it stale, as before scopes existed.
// So a write that forgets to name its scopes costs cache hits, never correctness; a write that
// names too few, or a render that lists too few, serves stale answers: the freshness tests
// (tests/cache_freshness_http_test.cc) hold both sides for every write route.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace projectd {

class ChangeScope {
 public:
  static ChangeScope task(std::int64_t id) { return ChangeScope(Kind::kTask, id); }
  static ChangeScope project(std::int64_t id) { return ChangeScope(Kind::kProject, id); }
  // The scope whose key() is `key`, as a store that keeps keys gives them back.
  static ChangeScope from_key(std::uint64_t key) { return ChangeScope(key); }

  // A number naming the scope: the kind in the top byte, the id below it.
  std::uint64_t key() const { return key_; }
  bool operator==(const ChangeScope&) const = default;

 private:
  enum class Kind : std::uint8_t { kTask = 1, kProject = 2 };
  ChangeScope(Kind kind, std::int64_t id)
      : key_(static_cast<std::uint64_t>(kind) << 56 |
             (static_cast<std::uint64_t>(id) & ((std::uint64_t{1} << 56) - 1))) {}
  explicit ChangeScope(std::uint64_t key) : key_(key) {}
  std::uint64_t key_;
};

// What a cached value was computed from: nullopt is everything.
using ScopeDependencies = std::optional<std::vector<ChangeScope>>;

}  // namespace projectd
