#include "store/sql/sql_group_repos.h"

#include "base/errors.h"
#include "store/sql/sql_bound_values.h"

#include <string>

namespace projectd {
namespace {

const std::string kGroupSelect =
    "SELECT g.id, g.name, g.manager_id, g.created FROM people_groups g ";
const std::string kGroupOrder = " ORDER BY g.name, g.id";

GroupRecord read_group(const SqlStatement& row) {
  return GroupRecord{.id = row.text(0),
                     .name = row.text(1),
                     .manager_id = row.optional_text(2),
                     .created = row.timestamp(3)};
}

std::vector<GroupRecord> read_groups(SqlStatement& statement) {
  std::vector<GroupRecord> groups;
  while (statement.step())
    groups.push_back(read_group(statement));
  return groups;
}

const std::string kPhotoSelect = "SELECT user_id, size, sha256, bytes, mime FROM user_photos ";

std::vector<PhotoRecord> read_photos(SqlStatement& statement) {
  std::vector<PhotoRecord> photos;
  while (statement.step()) {
    photos.push_back(PhotoRecord{.user_id = statement.text(0),
                                 .size = statement.text(1),
                                 .sha256 = statement.text(2),
                                 .bytes = statement.int64(3),
                                 .mime = statement.text(4)});
  }
  return photos;
}

}  // namespace

std::vector<GroupRecord> SqlGroupRepo::all() {
  SqlStatement statement = connection_.prepare(kGroupSelect + kGroupOrder);
  return read_groups(statement);
}

std::optional<GroupRecord> SqlGroupRepo::by_id(std::string_view id) {
  SqlStatement statement = connection_.prepare(kGroupSelect + "WHERE g.id = ?1");
  statement.bind_all(id);
  if (!statement.step()) return std::nullopt;
  return read_group(statement);
}

std::vector<GroupRecord> SqlGroupRepo::of_user(std::string_view user_id) {
  SqlStatement statement = connection_.prepare(
      kGroupSelect + "JOIN group_members m ON m.group_id = g.id WHERE m.user_id = ?1" +
      kGroupOrder);
  statement.bind_all(user_id);
  return read_groups(statement);
}

void SqlGroupRepo::insert(const GroupRecord& g) {
  connection_
      .prepare("INSERT INTO people_groups (id, name, manager_id, created) VALUES (?1, ?2, ?3, ?4)")
      .bind_all(g.id, g.name, g.manager_id, g.created)
      .run();
}

void SqlGroupRepo::update(const GroupRecord& g) {
  connection_.prepare("UPDATE people_groups SET name = ?2, manager_id = ?3 WHERE id = ?1")
      .bind_all(g.id, g.name, g.manager_id)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

void SqlGroupRepo::remove(std::string_view id) {
  connection_.prepare("DELETE FROM group_members WHERE group_id = ?1").bind_all(id).run();
  connection_.prepare("DELETE FROM people_groups WHERE id = ?1").bind_all(id).run();
}

std::vector<std::string> SqlGroupRepo::members(std::string_view group_id) {
  SqlStatement statement = connection_.prepare(
      "SELECT m.user_id FROM group_members m JOIN users u ON u.id = m.user_id "
      "WHERE m.group_id = ?1 AND u.removed = 0");
  statement.bind_all(group_id);
  std::vector<std::string> ids;
  while (statement.step())
    ids.push_back(statement.text(0));
  return ids;
}

void SqlGroupRepo::add_member(std::string_view group_id, std::string_view user_id) {
  connection_
      .prepare(
          "INSERT INTO group_members (group_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
      .bind_all(group_id, user_id)
      .run();
}

void SqlGroupRepo::remove_member(std::string_view group_id, std::string_view user_id) {
  connection_.prepare("DELETE FROM group_members WHERE group_id = ?1 AND user_id = ?2")
      .bind_all(group_id, user_id)
      .run();
}

void SqlGroupRepo::forget_user(std::string_view user_id) {
  connection_.prepare("DELETE FROM group_members WHERE user_id = ?1").bind_all(user_id).run();
  connection_.prepare("UPDATE people_groups SET manager_id = NULL WHERE manager_id = ?1")
      .bind_all(user_id)
      .run();
}

std::vector<PhotoRecord> SqlPhotoRepo::of_user(std::string_view user_id) {
  SqlStatement statement = connection_.prepare(kPhotoSelect + "WHERE user_id = ?1");
  statement.bind_all(user_id);
  return read_photos(statement);
}

std::vector<PhotoRecord> SqlPhotoRepo::of_users(const std::vector<std::string>& user_ids) {
  if (user_ids.empty()) return {};
  SqlStatement statement = connection_.prepare(
      kPhotoSelect + "WHERE " +
      connection_.dialect().in_ids("user_id", 1, user_ids.size(), SqlType::kText));
  statement.bind_all(ids_value(user_ids));
  return read_photos(statement);
}

void SqlPhotoRepo::replace(std::string_view user_id, const std::vector<PhotoRecord>& sizes) {
  connection_.prepare("DELETE FROM user_photos WHERE user_id = ?1").bind_all(user_id).run();
  for (const PhotoRecord& p : sizes) {
    connection_
        .prepare(
            "INSERT INTO user_photos (user_id, size, sha256, bytes, mime) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind_all(user_id, p.size, p.sha256, p.bytes, p.mime)
        .run();
  }
}

}  // namespace projectd
