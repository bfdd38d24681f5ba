// The people one response shows (responsibles, creators, team members), read with a single
// UserRepo::by_ids call inside the operation's transaction, so wrappers never query per row.
// Thread safety: immutable after load(); share freely between threads for reading.
#pragma once

#include "store/store.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace projectd {

class PeopleIndex {
 public:
  PeopleIndex() = default;

  // Reads the distinct non-empty ids at once. An id the directory does not know (not expected:
  // people are disabled, never deleted) gets a placeholder person, as the original shows its
  // "lost user" instead of failing the whole response.
  static PeopleIndex load(UserRepo& users, const std::vector<std::string>& ids);

  // A person of the ids given to load(); asking for any other id is a defect (std::out_of_range).
  const UserRecord& get(std::string_view id) const;
  bool empty() const { return users_.empty(); }

 private:
  std::unordered_map<std::string, UserRecord> users_;
};

}  // namespace projectd
