// What a store keeps for its read transactions across transactions (docs/architecture.md,
// "Caches and change scopes"): the people answers name (store/people_cache.h) and the figures of
// projects' full views (store/project_totals_cache.h), each checked against the store's stamps.
// Thread safety: as its caches': any thread at once.
#pragma once

#include "store/people_cache.h"
#include "store/project_totals_cache.h"

#include <cstddef>

namespace projectd {

struct ReadCacheSizes {
  std::size_t people = kPeopleCacheEntries;                 // 0: reads read every person
  std::size_t project_totals = kProjectTotalsCacheEntries;  // 0: reads count every time
};

struct ReadCaches {
  ReadCaches(const ReadCacheSizes& sizes, const StampCheck& is_current)
      : people(sizes.people, is_current), project_totals(sizes.project_totals, is_current) {}

  PeopleCache people;
  ProjectTotalsCache project_totals;
};

}  // namespace projectd
