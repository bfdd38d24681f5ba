#include "domain/people/people_index.h"

#include <stdexcept>

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
  PeopleIndex index;
  std::vector<std::string> wanted;
  for (const std::string& id : ids) {
    if (!id.empty() && index.users_.emplace(id, placeholder(id)).second) wanted.push_back(id);
  }
  for (UserRecord& user : users.by_ids(wanted)) {
    std::string id = user.id;
    index.users_[id] = std::move(user);
  }
  return index;
}

const UserRecord& PeopleIndex::get(std::string_view id) const {
  auto it = users_.find(std::string(id));
  if (it == users_.end())
    throw std::out_of_range("PeopleIndex: " + std::string(id) + " was not loaded");
  return it->second;
}

}  // namespace projectd
