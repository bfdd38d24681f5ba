// A bounded map of values computed from the store, each kept with the stamp taken before its reads
// (Store::generation()) and what it depends on (base/change_scope.h). A value is returned only
// while `is_current(stamp, depends_on)` holds (Store::unchanged_since): a value that depends on
// everything goes stale with any committed write, one that lists its scopes only with a broad
// write or one naming them. A stale value is dropped when it is next looked up, or as the least
// recently used once the budget is full.
// Thread safety: every method may be called from any thread at once (one mutex, held for the map
// operations, the check and a copy of the value; is_current must be cheap and never block).
#pragma once

#include "base/change_scope.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace projectd {

// Store::unchanged_since: whether a value read after `stamp` and computed from `depends_on` is
// still current.
using StampCheck = std::function<bool(std::uint64_t stamp, const ScopeDependencies& depends_on)>;

template <class Value>
class StampedCache {
 public:
  using IsCurrent = StampCheck;

  // `budget`: the sum of the costs the cache may hold; 0 disables it (it never holds anything).
  StampedCache(std::size_t budget, IsCurrent is_current)
      : budget_(budget), is_current_(std::move(is_current)) {}
  StampedCache(const StampedCache&) = delete;
  StampedCache& operator=(const StampedCache&) = delete;

  bool enabled() const { return budget_ > 0; }

  // The value under `key` if no write since its stamp can have changed it.
  std::optional<Value> find(std::string_view key) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    const Iterator entry = it->second;
    if (!is_current_(entry->stamp, entry->depends_on)) {
      erase(entry);
      return std::nullopt;
    }
    entries_.splice(entries_.begin(), entries_, entry);
    return entry->value;
  }

  // Keeps `value`, read after `stamp` was taken, unless a write already made it stale (it raced
  // with the reads). A value costlier than the whole budget is not kept.
  void insert(std::string key, Value value, std::size_t cost, std::uint64_t stamp,
              ScopeDependencies depends_on) {
    if (!enabled() || cost > budget_ || !is_current_(stamp, depends_on)) return;
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) erase(it->second);
    entries_.push_front(
        Entry{std::move(key), std::move(value), cost, stamp, std::move(depends_on)});
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
    std::uint64_t stamp = 0;
    ScopeDependencies depends_on;
  };
  using Iterator = typename std::list<Entry>::iterator;

  void erase(Iterator it) {
    cost_ -= it->cost;
    index_.erase(std::string_view(it->key));
    entries_.erase(it);
  }

  const std::size_t budget_;
  const IsCurrent is_current_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;                              // most recently used first
  std::unordered_map<std::string_view, Iterator> index_;  // keys point into entries_
  std::size_t cost_ = 0;
};

// Looks each of `ids` up once, under key_of(id): what `cache` holds is appended to `found`, and
// the ids it does not hold are returned, in the order they first appear.
template <class Value, class Id, class KeyOf>
std::vector<Id> find_each(StampedCache<Value>& cache, const std::vector<Id>& ids, KeyOf key_of,
                          std::vector<Value>& found) {
  std::vector<Id> missing;
  std::unordered_set<Id> seen;
  for (const Id& id : ids) {
    if (!seen.insert(id).second) continue;
    if (std::optional<Value> cached = cache.find(key_of(id))) {
      found.push_back(std::move(*cached));
    } else {
      missing.push_back(id);
    }
  }
  return missing;
}

}  // namespace projectd
