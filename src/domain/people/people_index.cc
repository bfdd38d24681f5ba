#include "domain/people/people_index.h"

#include <stdexcept>
#include <unordered_set>

namespace projectd {

namespace {

UserRecord placeholder(const std::string& id) {
  UserRecord user;
  user.id = id;
  user.first_name = "Unknown";
  user.last_name = "user";
  user.status = EmployeeStatus::kTerminated;
  return user;
}

}  // namespace

PeopleIndex PeopleIndex::load(UserRepo& users, const std::vector<std::string>& ids) {
  // Distinct, in the order first asked (the order PostgreSQL's prefetch recorded them in).
  std::vector<std::string> wanted;
  std::unordered_set<std::string_view> seen;
  for (const std::string& id : ids)
    if (!id.empty() && seen.insert(id).second) wanted.push_back(id);
  PeopleIndex index;
  for (UserRecord& user : users.by_ids(wanted)) {
    std::string id = user.id;
    index.users_.emplace(std::move(id), std::move(user));
  }
  for (const std::string& id : wanted)
    if (!index.users_.contains(id)) index.users_.emplace(id, placeholder(id));
  return index;
}

const UserRecord& PeopleIndex::get(std::string_view id) const {
  auto it = users_.find(id);
  if (it == users_.end())
    throw std::out_of_range("PeopleIndex: " + std::string(id) + " was not loaded");
  return it->second;
}

}  // namespace projectd
