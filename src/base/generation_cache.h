// A bounded map of values computed from the store, each valid only for the store generation it
// was computed at (Store::generation()). Once the generation moves, every entry is stale: the next
// call drops them all at once. Beyond the budget, the least recently used entries go first.
// Thread safety: every method may be called from any thread at once (one mutex, held only for the
// map operations and a copy of the value).
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace projectd {

template <class Value>
class GenerationCache {
 public:
  // `budget`: the sum of the costs the cache may hold; 0 disables it (it never holds anything).
  explicit GenerationCache(std::size_t budget) : budget_(budget) {}
  GenerationCache(const GenerationCache&) = delete;
  GenerationCache& operator=(const GenerationCache&) = delete;

  bool enabled() const { return budget_ > 0; }

  // The value under `key` if it was computed at `current`, the store's generation now.
  std::optional<Value> find(std::string_view key, std::uint64_t current) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    drop_stale(current);
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->value;
  }

  // Keeps `value` if it was computed at `computed_at` and that is still `current`: a value a write
  // raced with may be stale and is not kept. A value costlier than the whole budget is not kept.
  void insert(std::string key, Value value, std::size_t cost, std::uint64_t computed_at,
              std::uint64_t current) {
    if (!enabled() || computed_at != current || cost > budget_) return;
    std::lock_guard lock(mutex_);
    drop_stale(current);
    if (auto it = index_.find(key); it != index_.end()) erase(it->second);
    entries_.push_front(Entry{std::move(key), std::move(value), cost});
    index_.emplace(entries_.front().key, entries_.begin());
    cost_ += cost;
    while (cost_ > budget_)
      erase(std::prev(entries_.end()));
  }

  std::size_t cost() const {
    std::lock_guard lock(mutex_);
    return cost_;
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  struct Entry {
    std::string key;
    Value value;
    std::size_t cost = 0;
  };
  using Iterator = typename std::list<Entry>::iterator;

  // Every entry was computed at generation_: a newer generation makes all of them stale.
  void drop_stale(std::uint64_t current) {
    if (current == generation_) return;
    index_.clear();
    entries_.clear();
    cost_ = 0;
    generation_ = current;
  }

  void erase(Iterator it) {
    cost_ -= it->cost;
    index_.erase(std::string_view(it->key));
    entries_.erase(it);
  }

  const std::size_t budget_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;                              // most recently used first
  std::unordered_map<std::string_view, Iterator> index_;  // keys point into entries_
  std::size_t cost_ = 0;
  std::uint64_t generation_ = 0;
};

}  // namespace projectd
