// GroupRepo and PhotoRepo (group_repos.h) on one connection, written once for SQLite and
// PostgreSQL. Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/group_repos.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlGroupRepo final : public GroupRepo {
 public:
  explicit SqlGroupRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<GroupRecord> all() override;
  std::optional<GroupRecord> by_id(std::string_view id) override;
  std::vector<GroupRecord> of_user(std::string_view user_id) override;
  void insert(const GroupRecord& group) override;
  // Throws kNotFound when no group has group.id.
  void update(const GroupRecord& group) override;
  void remove(std::string_view id) override;
  std::vector<std::string> members(std::string_view group_id) override;
  void add_member(std::string_view group_id, std::string_view user_id) override;
  void remove_member(std::string_view group_id, std::string_view user_id) override;
  void forget_user(std::string_view user_id) override;

 private:
  SqlConnection& connection_;
};

class SqlPhotoRepo final : public PhotoRepo {
 public:
  explicit SqlPhotoRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<PhotoRecord> of_user(std::string_view user_id) override;
  std::vector<PhotoRecord> of_users(const std::vector<std::string>& user_ids) override;
  void replace(std::string_view user_id, const std::vector<PhotoRecord>& sizes) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
