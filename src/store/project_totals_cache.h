// The figures of projects' full views (store/project_totals_repo.h) that read transactions asked
// for, kept across transactions: every task answer shows its project's counts and the time its
// viewer may see tracked in it, and a portal's tasks share a few projects, so a warm read answers
// them without a statement (on PostgreSQL, without a round trip).
//
// Freshness (docs/architecture.md, "Caches and change scopes"): each figure is kept with the stamp
// (Store::generation()) taken before the read transaction that read it began, and depends on its
// project's scope. What changes them names that scope or is broad:
// - tasks (created, moved, closed, deleted) and time entries name their project
//   (domain/projects/task_access.h, name_task_change), milestones name theirs;
// - the team, discussions, rights and the projects themselves are written by broad writes.
// The time total depends on the viewer too (what tasks they may read), so it is kept per viewer;
// what a viewer may read changes only with their rights or the team, both broad.
//
// Only read transactions use it (SqlTx); a write transaction sees its own changes and never this
// cache. Thread safety: ProjectTotalsCache may be used from any thread at once (StampedCache); a
// CachedProjectTotalsRepo belongs to its transaction's thread, like the repository it wraps.
#pragma once

#include "base/stamped_cache.h"
#include "store/project_totals_repo.h"

#include <cstddef>
#include <cstdint>

namespace projectd {

// How many figures of each kind a store keeps (a few dozen bytes each).
inline constexpr std::size_t kProjectTotalsCacheEntries = 10000;

struct ProjectTotalsCache {
  ProjectTotalsCache(std::size_t entries, const StampCheck& is_current)
      : counts(entries, is_current), seconds(entries, is_current) {}

  StampedCache<ProjectCounts> counts;  // key: the project's id; each costs 1
  StampedCache<TimeTotal> seconds;     // key: the viewer and the project's id; each costs 1
};

// `inner`'s figures, answered from `cache` where it can. Each figure `inner` reads is kept under
// `stamp`, which was taken before this transaction's snapshot began.
class CachedProjectTotalsRepo final : public ProjectTotalsRepo {
 public:
  CachedProjectTotalsRepo(ProjectTotalsRepo& inner, ProjectTotalsCache& cache, std::uint64_t stamp)
      : inner_(inner), cache_(cache), stamp_(stamp) {}

  // As ProjectTotalsRepo; only the ids not cached reach the store, in one statement.
  std::vector<ProjectCounts> counts_of(const std::vector<std::int64_t>& ids) override;
  std::vector<TimeTotal> seconds_by_project(const Viewer& viewer,
                                            const std::vector<std::int64_t>& ids) override;

 private:
  ProjectTotalsRepo& inner_;
  ProjectTotalsCache& cache_;
  std::uint64_t stamp_;
};

}  // namespace projectd
