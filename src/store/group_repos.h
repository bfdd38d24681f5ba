// People groups and profile photos as the store keeps them (records.h has their records).
// Thread safety: as every repository's: valid only inside the transaction that handed it out.
#pragma once

#include "store/records.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

class GroupRepo {
 public:
  virtual ~GroupRepo() = default;
  // Every group, by name then id.
  virtual std::vector<GroupRecord> all() = 0;
  virtual std::optional<GroupRecord> by_id(std::string_view id) = 0;
  // The groups `user_id` is a member of, by name then id.
  virtual std::vector<GroupRecord> of_user(std::string_view user_id) = 0;
  virtual void insert(const GroupRecord& group) = 0;
  virtual void update(const GroupRecord& group) = 0;  // name and manager
  virtual void remove(std::string_view id) = 0;       // with its memberships
  // The ids of the group's members (removed people left out), in no order.
  virtual std::vector<std::string> members(std::string_view group_id) = 0;
  virtual void add_member(std::string_view group_id, std::string_view user_id) = 0;  // idempotent
  virtual void remove_member(std::string_view group_id, std::string_view user_id) = 0;
  // Takes a person out of every group and off every group they manage (they are being deleted).
  virtual void forget_user(std::string_view user_id) = 0;
};

class PhotoRepo {
 public:
  virtual ~PhotoRepo() = default;
  // Every size of the person's photo; empty when they have none.
  virtual std::vector<PhotoRecord> of_user(std::string_view user_id) = 0;
  // The photos of these people, in one statement (wrappers show many people per response).
  virtual std::vector<PhotoRecord> of_users(const std::vector<std::string>& user_ids) = 0;
  // Replaces every size of the person's photo with `sizes` (empty: back to the default avatar).
  virtual void replace(std::string_view user_id, const std::vector<PhotoRecord>& sizes) = 0;
};

}  // namespace projectd
