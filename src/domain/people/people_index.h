// The people one response shows (responsibles, creators, team members), read with a single
// UserRepo::by_ids call inside the operation's transaction, so wrappers never query per row.
// Thread safety: immutable after load(); share freely between threads for reading.
#pragma once

#include "store/store.h"

#include <functional>
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
  // Found by a string_view without making a string of it: a wrapper asks for a person many times
  // per answer, by GUIDs too long for a string's own buffer.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  std::unordered_map<std::string, UserRecord, IdHash, std::equal_to<>> users_;
};

}  // namespace projectd
