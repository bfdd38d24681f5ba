#include "base/errors.h"
#include "store/sqlite/sqlite_bound_values.h"
#include "store/sqlite/sqlite_discussion_repos.h"
#include "store/sqlite/sqlite_filter_sql.h"

#include <string>

namespace projectd {
namespace {

constexpr const char* kColumns =
    "SELECT g.id, g.project_id, g.title, g.content, g.created, g.created_by, g.updated, "
    "g.updated_by ";

std::vector<MessageRecord> read_messages(SqliteStatement& rows) {
  std::vector<MessageRecord> out;
  while (rows.step())
    out.push_back(MessageRecord{.id = rows.int64(0),
                                .project_id = rows.int64(1),
                                .title = rows.text(2),
                                .content = rows.text(3),
                                .created = rows.timestamp(4),
                                .created_by = rows.text(5),
                                .updated = rows.timestamp(6),
                                .updated_by = rows.text(7)});
  return out;
}

FilterSql message_filter(const MessageQuery& query) {
  FilterSql sql(query.viewer);
  sql.where(message_readable_sql());
  if (query.project_id) sql.where("g.project_id = " + sql.param(*query.project_id));
  return sql;
}

}  // namespace

std::optional<MessageRecord> SqliteMessageRepo::by_id(std::int64_t id) {
  SqliteStatement rows =
      connection_.prepare(std::string(kColumns) + "FROM messages g WHERE g.id = ?1");
  rows.bind_all(id);
  std::vector<MessageRecord> found = read_messages(rows);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::int64_t SqliteMessageRepo::insert(const MessageRecord& m) {
  connection_
      .prepare(
          "INSERT INTO messages (project_id, title, content, created, created_by, updated, "
          "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bind_all(m.project_id, m.title, m.content, m.created, m.created_by, m.updated, m.updated_by)
      .run();
  return connection_.last_insert_rowid();
}

void SqliteMessageRepo::update(const MessageRecord& m) {
  connection_
      .prepare(
          "UPDATE messages SET project_id = ?2, title = ?3, content = ?4, updated = ?5, "
          "updated_by = ?6 WHERE id = ?1")
      .bind_all(m.id, m.project_id, m.title, m.content, m.updated, m.updated_by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

// Participants go by foreign key, comments by the messages_delete_comments trigger.
void SqliteMessageRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM messages WHERE id = ?1").bind_all(id).run();
}

std::vector<MessageRecord> SqliteMessageRepo::page(const MessageQuery& query) {
  FilterSql sql = message_filter(query);
  const std::string limit = sql.param(query.limit);
  const std::string offset = sql.param(query.offset);
  SqliteStatement rows = connection_.prepare(
      std::string(kColumns) + message_from_sql() + sql.where_sql() +
      " ORDER BY g.created DESC, g.id DESC LIMIT " + limit + " OFFSET " + offset);
  sql.bind(rows);
  return read_messages(rows);
}

std::int64_t SqliteMessageRepo::count(const MessageQuery& query) {
  FilterSql sql = message_filter(query);
  SqliteStatement row =
      connection_.prepare("SELECT count(*) " + message_from_sql() + sql.where_sql());
  sql.bind(row);
  row.step();
  return row.int64(0);
}

std::vector<MessageRepo::Participant> SqliteMessageRepo::participants_of(
    const std::vector<std::int64_t>& ids) {
  SqliteStatement rows =
      connection_.prepare("SELECT message_id, user_id FROM message_participants WHERE " +
                          in_ids("message_id", 1, ids.size()) + " ORDER BY message_id, user_id");
  rows.bind_all(ids_value(ids));
  std::vector<Participant> out;
  while (rows.step())
    out.push_back(Participant{rows.int64(0), rows.text(1)});
  return out;
}

void SqliteMessageRepo::set_participants(std::int64_t id, const std::vector<std::string>& users) {
  connection_.prepare("DELETE FROM message_participants WHERE message_id = ?1").bind_all(id).run();
  connection_
      .prepare(
          "INSERT OR IGNORE INTO message_participants (message_id, user_id) "
          "SELECT ?1, value FROM json_each(?2)")
      .bind_all(id, json_array(users))
      .run();
}

}  // namespace projectd
