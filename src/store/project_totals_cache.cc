#include "store/project_totals_cache.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>

namespace projectd {

namespace {

// Each figure depends on its project's scope alone (see the header).
ScopeDependencies project_scope(std::int64_t project_id) {
  return std::vector<ChangeScope>{ChangeScope::project(project_id)};
}

std::string viewer_key(const Viewer& viewer) {
  return std::string(viewer.is_admin ? "a" : "-") + (viewer.is_visitor ? "v" : "-") +
         viewer.user_id + ':';
}

// The cached figures and those read, merged in id order as ProjectTotalsRepo returns them.
template <class Figure, class IdOf>
std::vector<Figure> in_id_order(std::vector<Figure> figures, IdOf id_of) {
  std::sort(figures.begin(), figures.end(), [&](const Figure& a, const Figure& b) {
    return std::invoke(id_of, a) < std::invoke(id_of, b);
  });
  return figures;
}

}  // namespace

std::vector<ProjectCounts> CachedProjectTotalsRepo::counts_of(
    const std::vector<std::int64_t>& ids) {
  const auto key_of = [](std::int64_t id) { return std::to_string(id); };
  std::vector<ProjectCounts> found;
  const std::vector<std::int64_t> missing = find_each(cache_.counts, ids, key_of, found);
  if (!missing.empty()) {
    for (ProjectCounts& counts : inner_.counts_of(missing)) {
      cache_.counts.insert(key_of(counts.project_id), counts, 1, stamp_,
                           project_scope(counts.project_id));
      found.push_back(counts);
    }
  }
  return in_id_order(std::move(found), &ProjectCounts::project_id);
}

std::vector<TimeTotal> CachedProjectTotalsRepo::seconds_by_project(
    const Viewer& viewer, const std::vector<std::int64_t>& ids) {
  const std::string viewer_prefix = viewer_key(viewer);
  const auto key_of = [&](std::int64_t id) { return viewer_prefix + std::to_string(id); };
  std::vector<TimeTotal> found;
  const std::vector<std::int64_t> missing = find_each(cache_.seconds, ids, key_of, found);
  if (!missing.empty()) {
    for (TimeTotal& total : inner_.seconds_by_project(viewer, missing)) {
      cache_.seconds.insert(key_of(total.id), total, 1, stamp_, project_scope(total.id));
      found.push_back(total);
    }
  }
  return in_id_order(std::move(found), &TimeTotal::id);
}

}  // namespace projectd
