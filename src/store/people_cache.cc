#include "store/people_cache.h"

#include <utility>

namespace projectd {

std::vector<UserRecord> CachedUserRepo::by_ids(const std::vector<std::string>& ids) {
  std::vector<UserRecord> found;
  const std::vector<std::string> missing = find_each(
      cache_, ids, [](const std::string& id) { return id; }, found);
  if (missing.empty()) return found;
  for (UserRecord& user : inner_.by_ids(missing)) {
    // A person depends on no task or project scope: only a broad write makes them stale.
    cache_.insert(user.id, user, 1, stamp_, std::vector<ChangeScope>{});
    found.push_back(std::move(user));
  }
  return found;
}

}  // namespace projectd
