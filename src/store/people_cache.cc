#include "store/people_cache.h"

#include <unordered_set>
#include <utility>

namespace projectd {

std::vector<UserRecord> CachedUserRepo::by_ids(const std::vector<std::string>& ids) {
  std::vector<UserRecord> found;
  std::vector<std::string> missing;
  std::unordered_set<std::string_view> seen;
  for (const std::string& id : ids) {
    if (!seen.insert(id).second) continue;
    if (std::optional<UserRecord> cached = cache_.find(id)) {
      found.push_back(std::move(*cached));
    } else {
      missing.push_back(id);
    }
  }
  if (missing.empty()) return found;
  for (UserRecord& user : inner_.by_ids(missing)) {
    // A person depends on no task or project scope: only a broad write makes them stale.
    cache_.insert(user.id, user, 1, stamp_, std::vector<ChangeScope>{});
    found.push_back(std::move(user));
  }
  return found;
}

}  // namespace projectd
