#include "base/errors.h"
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_discussion_repos.h"
#include "store/sql/sql_filter_sql.h"

#include <string>

namespace projectd {
namespace {

constexpr const char* kMessageColumns =
    "SELECT g.id, g.project_id, g.title, g.content, g.status, g.created, g.created_by, g.updated, "
    "g.updated_by ";

std::vector<MessageRecord> read_messages(SqlStatement& rows) {
  std::vector<MessageRecord> out;
  while (rows.step())
    out.push_back(MessageRecord{.id = rows.int64(0),
                                .project_id = rows.int64(1),
                                .title = rows.text(2),
                                .content = rows.text(3),
                                .status = static_cast<MessageStatus>(rows.int64(4)),
                                .created = rows.timestamp(5),
                                .created_by = rows.text(6),
                                .updated = rows.timestamp(7),
                                .updated_by = rows.text(8)});
  return out;
}

// Visibility first, then each filter of project/message/filter that is present.
FilterSql message_filter(const MessageQuery& query, const SqlDialect& dialect) {
  FilterSql sql(query.viewer, dialect);
  sql.where(message_readable_sql());
  if (query.project_id) sql.where("g.project_id = " + sql.param(*query.project_id));
  if (query.my_projects)
    sql.where("g.project_id IN (SELECT project_id FROM project_team WHERE user_id = ?1)");
  if (query.followed)
    sql.where("g.id IN (SELECT message_id FROM message_participants WHERE user_id = ?1)");
  if (query.hide_paused)
    sql.where("p.status <> " + sql.param(static_cast<std::int64_t>(ProjectStatus::kPaused)));
  if (query.tag_id && *query.tag_id == -1) {
    sql.where("g.project_id NOT IN (SELECT project_id FROM project_tags)");
  } else if (query.tag_id) {
    sql.where("g.project_id IN (SELECT project_id FROM project_tags WHERE tag_id = " +
              sql.param(*query.tag_id) + ")");
  }
  if (query.status) sql.where("g.status = " + sql.param(static_cast<std::int64_t>(*query.status)));
  if (query.author) sql.where("g.created_by = " + sql.param(*query.author));
  if (query.department) {
    // The discussion's author is in the group.
    sql.where("g.created_by IN (SELECT user_id FROM group_members WHERE group_id = " +
              sql.param(*query.department) + ")");
  }
  if (query.created_start) sql.where("g.created >= " + sql.param(to_ticks(*query.created_start)));
  if (query.created_stop) sql.where("g.created < " + sql.param(to_ticks(*query.created_stop)));
  if (query.last_id) sql.where("g.id > " + sql.param(*query.last_id));
  if (!query.text.empty()) sql.where_contains({"g.title"}, query.text);
  return sql;
}

// The ORDER BY of a page; id last, so equal keys page in a stable order.
std::string message_order(const MessageQuery& query, const SqlDialect& dialect) {
  const std::string direction = query.descending ? " DESC" : "";
  switch (query.sort) {
    case MessageSort::kNewest:
      break;
    case MessageSort::kCreated:
      return " ORDER BY g.created" + direction + ", g.id" + direction;
    case MessageSort::kTitle:
      return " ORDER BY " + dialect.nocase("g.title") + direction + ", g.id" + direction;
    case MessageSort::kLastActivity:
      return " ORDER BY coalesce((SELECT max(c.created) FROM comments c WHERE c.entity_type = 6 "
             "AND c.entity_id = g.id), g.created)" +
             direction + ", g.id" + direction;
  }
  return " ORDER BY g.created DESC, g.id DESC";
}

}  // namespace

std::optional<MessageRecord> SqlMessageRepo::by_id(std::int64_t id) {
  SqlStatement rows =
      connection_.prepare(std::string(kMessageColumns) + "FROM messages g WHERE g.id = ?1");
  rows.bind_all(id);
  std::vector<MessageRecord> found = read_messages(rows);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::int64_t SqlMessageRepo::insert(const MessageRecord& m) {
  return connection_
      .prepare(
          "INSERT INTO messages (project_id, title, content, status, created, created_by, updated, "
          "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id")
      .bind_all(m.project_id, m.title, m.content, static_cast<std::int64_t>(m.status), m.created,
                m.created_by, m.updated, m.updated_by)
      .run_returning_id();
}

void SqlMessageRepo::update(const MessageRecord& m) {
  connection_
      .prepare(
          "UPDATE messages SET project_id = ?2, title = ?3, content = ?4, status = ?5, "
          "updated = ?6, updated_by = ?7 WHERE id = ?1")
      .bind_all(m.id, m.project_id, m.title, m.content, static_cast<std::int64_t>(m.status),
                m.updated, m.updated_by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

// Participants go by foreign key, comments by the messages_delete_comments trigger.
void SqlMessageRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM messages WHERE id = ?1").bind_all(id).run();
}

std::vector<MessageRecord> SqlMessageRepo::page(const MessageQuery& query) {
  FilterSql sql = message_filter(query, connection_.dialect());
  const std::string limit = sql.param(query.limit);
  const std::string offset = sql.param(query.offset);
  SqlStatement rows = connection_.prepare(
      std::string(kMessageColumns) + message_from_sql() + sql.where_sql() +
      message_order(query, connection_.dialect()) + " LIMIT " + limit + " OFFSET " + offset);
  sql.bind(rows);
  return read_messages(rows);
}

std::int64_t SqlMessageRepo::count(const MessageQuery& query) {
  FilterSql sql = message_filter(query, connection_.dialect());
  SqlStatement row = connection_.prepare("SELECT count(*) " + message_from_sql() + sql.where_sql());
  sql.bind(row);
  row.step();
  return row.int64(0);
}

std::vector<MessageRepo::Participant> SqlMessageRepo::participants_of(
    const std::vector<std::int64_t>& ids) {
  SqlStatement rows = connection_.prepare(
      "SELECT message_id, user_id FROM message_participants WHERE " +
      connection_.dialect().in_ids("message_id", 1, ids.size()) + " ORDER BY message_id, user_id");
  rows.bind_all(ids_value(ids));
  std::vector<Participant> out;
  while (rows.step())
    out.push_back(Participant{rows.int64(0), rows.text(1)});
  return out;
}

void SqlMessageRepo::set_participants(std::int64_t id, const std::vector<std::string>& users) {
  connection_.prepare("DELETE FROM message_participants WHERE message_id = ?1").bind_all(id).run();
  connection_
      .prepare("INSERT INTO message_participants (message_id, user_id) SELECT ?1, value FROM " +
               connection_.dialect().json_values(2, SqlType::kText) +
               " WHERE true ON CONFLICT DO NOTHING")
      .bind_all(id, json_array(users))
      .run();
}

void SqlMessageRepo::set_participant(std::int64_t id, std::string_view user_id, bool on) {
  if (on) {
    connection_
        .prepare(
            "INSERT INTO message_participants (message_id, user_id) VALUES (?1, ?2) "
            "ON CONFLICT DO NOTHING")
        .bind_all(id, user_id)
        .run();
  } else {
    connection_.prepare("DELETE FROM message_participants WHERE message_id = ?1 AND user_id = ?2")
        .bind_all(id, user_id)
        .run();
  }
}

}  // namespace projectd
