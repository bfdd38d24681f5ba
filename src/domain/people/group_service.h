// People groups (the original's GroupApi): everyone signed in reads them, guests included, as in
// the original; administrators make, change and delete them (403 otherwise). A group's manager is
// also its member. An id in `members` or as the manager that names nobody answers 400 and changes
// nothing (the original skipped it silently). Each call runs in one transaction.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "store/store.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

struct GroupView {
  GroupRecord group;
  std::optional<UserRecord> manager;
  std::vector<UserRecord> members;  // by display order (first name, last name, id)
};

// A group's changes: an absent member keeps its value (docs/wire-compatibility.md, "PUT keeps what
// you do not send"); `manager` set to nullopt inside clears it.
struct GroupChanges {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> manager;
  std::optional<std::vector<std::string>> members;  // replaces the members (the manager stays)
};

class GroupService {
 public:
  explicit GroupService(Store& store);

  // Every group, by name; members are not loaded.
  std::vector<GroupView> list(const Caller& caller);
  // The groups a person is in; 404 for an unknown person.
  std::vector<GroupView> of_user(const Caller& caller, std::string_view user_id);
  GroupView get(const Caller& caller, std::string_view id);  // 404 when there is no such group

  // Admin only. 400 for an empty or overlong name or an unknown person.
  GroupView create(const Caller& caller, const std::string& name,
                   const std::optional<std::string>& manager,
                   const std::vector<std::string>& members);
  GroupView update(const Caller& caller, std::string_view id, const GroupChanges& changes);
  // Answers the group as it was, without its members (the original's DeleteGroup).
  GroupView remove(const Caller& caller, std::string_view id);
  GroupView add_members(const Caller& caller, std::string_view id,
                        const std::vector<std::string>& members);
  GroupView remove_members(const Caller& caller, std::string_view id,
                           const std::vector<std::string>& members);
  GroupView set_manager(const Caller& caller, std::string_view id, const std::string& user_id);
  // Moves every member of `id` into `to` (they stay in `id` too, as in the original); answers `to`.
  GroupView transfer_members(const Caller& caller, std::string_view id, std::string_view to);

 private:
  Store& store_;
};

}  // namespace projectd
