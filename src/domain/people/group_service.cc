#include "domain/people/group_service.h"

#include "auth/random.h"
#include "base/ascii.h"
#include "base/errors.h"

#include <algorithm>

namespace projectd {

namespace {

constexpr std::size_t kMaxGroupName = 255;

void require_group_admin(const Caller& caller) {
  if (!caller.is_admin) throw_forbidden("Only an administrator may change groups");
}

std::string checked_group_name(const std::string& name) {
  if (ascii::trim(name).empty()) throw_bad_request("Parameter 'groupName' must not be empty");
  if (name.size() > kMaxGroupName)
    throw_bad_request("Parameter 'groupName' must be at most 255 characters");
  if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < ' '; }))
    throw_bad_request("Parameter 'groupName' must not contain control characters");
  return name;
}

GroupRecord load_group(StoreTx& tx, std::string_view id) {
  auto group = tx.groups().by_id(ascii::to_lower(id));
  if (!group) throw_not_found();
  return *group;
}

// Every id must name a person of the directory (400 naming the first that does not).
void require_people(StoreTx& tx, const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  const std::vector<UserRecord> found = tx.users().by_ids(ids);
  for (const std::string& id : ids) {
    if (std::none_of(found.begin(), found.end(), [&](const UserRecord& u) { return u.id == id; }))
      throw_bad_request("No person has the id " + id);
  }
}

bool display_order(const UserRecord& a, const UserRecord& b) {
  return std::tie(a.first_name, a.last_name, a.id) < std::tie(b.first_name, b.last_name, b.id);
}

// The group with its manager and, when asked, its members: two statements.
GroupView view_of(StoreTx& tx, GroupRecord group, bool with_members) {
  GroupView view{std::move(group), std::nullopt, {}};
  std::vector<std::string> members;
  if (with_members) members = tx.groups().members(view.group.id);
  std::vector<std::string> ids = members;
  if (view.group.manager_id) ids.push_back(*view.group.manager_id);
  for (UserRecord& user : tx.users().by_ids(ids)) {
    if (view.group.manager_id && user.id == *view.group.manager_id) view.manager = user;
    if (std::find(members.begin(), members.end(), user.id) != members.end())
      view.members.push_back(std::move(user));
  }
  std::sort(view.members.begin(), view.members.end(), display_order);
  return view;
}

// Groups with their managers, in one statement for all the managers.
std::vector<GroupView> summaries_of(StoreTx& tx, std::vector<GroupRecord> groups) {
  std::vector<std::string> managers;
  for (const GroupRecord& g : groups)
    if (g.manager_id) managers.push_back(*g.manager_id);
  const std::vector<UserRecord> people = tx.users().by_ids(managers);
  std::vector<GroupView> views;
  for (GroupRecord& g : groups) {
    GroupView view{std::move(g), std::nullopt, {}};
    for (const UserRecord& u : people)
      if (view.group.manager_id && u.id == *view.group.manager_id) view.manager = u;
    views.push_back(std::move(view));
  }
  return views;
}

void make_manager(StoreTx& tx, GroupRecord& group, const std::optional<std::string>& manager) {
  group.manager_id = manager;
  if (manager) tx.groups().add_member(group.id, *manager);
}

}  // namespace

GroupService::GroupService(Store& store) : store_(store) {}

std::vector<GroupView> GroupService::list(const Caller&) {
  return store_.read_value([&](StoreTx& tx) { return summaries_of(tx, tx.groups().all()); });
}

std::vector<GroupView> GroupService::of_user(const Caller&, std::string_view user_id) {
  return store_.read_value([&](StoreTx& tx) {
    const auto user = tx.users().by_id(ascii::to_lower(user_id));
    if (!user) throw_not_found();
    return summaries_of(tx, tx.groups().of_user(user->id));
  });
}

GroupView GroupService::get(const Caller&, std::string_view id) {
  return store_.read_value([&](StoreTx& tx) { return view_of(tx, load_group(tx, id), true); });
}

GroupView GroupService::create(const Caller& caller, const std::string& name,
                               const std::optional<std::string>& manager,
                               const std::vector<std::string>& members) {
  require_group_admin(caller);
  checked_group_name(name);
  return store_.write_value([&](StoreTx& tx) {
    require_people(tx, members);
    if (manager) require_people(tx, {*manager});
    GroupRecord group{random_guid(), name, manager, now_utc()};
    tx.groups().insert(group);
    make_manager(tx, group, manager);
    for (const std::string& member : members)
      tx.groups().add_member(group.id, member);
    return view_of(tx, std::move(group), true);
  });
}

GroupView GroupService::update(const Caller& caller, std::string_view id,
                               const GroupChanges& changes) {
  if (changes.name) checked_group_name(*changes.name);
  return store_.write_value([&](StoreTx& tx) {
    GroupRecord group = load_group(tx, id);
    require_group_admin(caller);
    if (changes.members) require_people(tx, *changes.members);
    if (changes.manager && *changes.manager) require_people(tx, {**changes.manager});
    if (changes.name) group.name = *changes.name;
    if (changes.members) {
      for (const std::string& member : tx.groups().members(group.id)) {
        const bool kept = std::find(changes.members->begin(), changes.members->end(), member) !=
                              changes.members->end() ||
                          (group.manager_id && *group.manager_id == member && !changes.manager);
        if (!kept) tx.groups().remove_member(group.id, member);
      }
      for (const std::string& member : *changes.members)
        tx.groups().add_member(group.id, member);
    }
    if (changes.manager) make_manager(tx, group, *changes.manager);
    tx.groups().update(group);
    return view_of(tx, std::move(group), true);
  });
}

GroupView GroupService::remove(const Caller& caller, std::string_view id) {
  return store_.write_value([&](StoreTx& tx) {
    GroupRecord group = load_group(tx, id);
    require_group_admin(caller);
    GroupView before = view_of(tx, group, false);
    tx.groups().remove(group.id);
    return before;
  });
}

GroupView GroupService::add_members(const Caller& caller, std::string_view id,
                                    const std::vector<std::string>& members) {
  return store_.write_value([&](StoreTx& tx) {
    GroupRecord group = load_group(tx, id);
    require_group_admin(caller);
    require_people(tx, members);
    for (const std::string& member : members)
      tx.groups().add_member(group.id, member);
    return view_of(tx, std::move(group), true);
  });
}

GroupView GroupService::remove_members(const Caller& caller, std::string_view id,
                                       const std::vector<std::string>& members) {
  return store_.write_value([&](StoreTx& tx) {
    GroupRecord group = load_group(tx, id);
    require_group_admin(caller);
    for (const std::string& member : members) {
      tx.groups().remove_member(group.id, member);
      // A manager who leaves the group no longer manages it.
      if (group.manager_id && *group.manager_id == member) group.manager_id.reset();
    }
    tx.groups().update(group);
    return view_of(tx, std::move(group), true);
  });
}

GroupView GroupService::set_manager(const Caller& caller, std::string_view id,
                                    const std::string& user_id) {
  return store_.write_value([&](StoreTx& tx) {
    GroupRecord group = load_group(tx, id);
    require_group_admin(caller);
    if (!tx.users().by_id(user_id)) throw_not_found();  // the original: "user not found"
    make_manager(tx, group, user_id);
    tx.groups().update(group);
    return view_of(tx, std::move(group), true);
  });
}

GroupView GroupService::transfer_members(const Caller& caller, std::string_view id,
                                         std::string_view to) {
  return store_.write_value([&](StoreTx& tx) {
    const GroupRecord from = load_group(tx, id);
    GroupRecord target = load_group(tx, to);
    require_group_admin(caller);
    for (const std::string& member : tx.groups().members(from.id))
      tx.groups().add_member(target.id, member);
    return view_of(tx, std::move(target), true);
  });
}

}  // namespace projectd
