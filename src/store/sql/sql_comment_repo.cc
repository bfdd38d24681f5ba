#include "base/errors.h"
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_discussion_repos.h"

#include <string>

namespace projectd {
namespace {

constexpr const char* kCommentColumns =
    "SELECT id, entity_type, entity_id, parent_id, content, inactive, created, created_by, "
    "updated FROM comments ";

CommentRecord read_comment(const SqlStatement& row) {
  return CommentRecord{.id = row.text(0),
                       .target = static_cast<CommentTarget>(row.int64(1)),
                       .entity_id = row.int64(2),
                       .parent_id = row.optional_text(3).value_or(""),
                       .content = row.text(4),
                       .inactive = row.int64(5) != 0,
                       .created = row.timestamp(6),
                       .created_by = row.text(7),
                       .updated = row.timestamp(8)};
}

std::optional<std::string> parent_or_null(const CommentRecord& comment) {
  if (comment.parent_id.empty()) return std::nullopt;
  return comment.parent_id;
}

}  // namespace

std::optional<CommentRecord> SqlCommentRepo::by_id(std::string_view id) {
  SqlStatement row = connection_.prepare(std::string(kCommentColumns) + "WHERE id = ?1");
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return read_comment(row);
}

std::vector<CommentRecord> SqlCommentRepo::of(CommentTarget target,
                                              const std::vector<std::int64_t>& entity_ids) {
  SqlStatement rows = connection_.prepare(
      std::string(kCommentColumns) + "WHERE entity_type = ?1 AND " +
      connection_.dialect().in_ids("entity_id", 2, entity_ids.size()) + " ORDER BY created, id");
  rows.bind_all(target, ids_value(entity_ids));
  std::vector<CommentRecord> out;
  while (rows.step())
    out.push_back(read_comment(rows));
  return out;
}

std::vector<CommentCount> SqlCommentRepo::active_counts(
    CommentTarget target, const std::vector<std::int64_t>& entity_ids) {
  SqlStatement rows = connection_.prepare(
      "SELECT entity_id, count(*) FROM comments WHERE entity_type = ?1 AND inactive = 0 AND " +
      connection_.dialect().in_ids("entity_id", 2, entity_ids.size()) + " GROUP BY entity_id");
  rows.bind_all(target, ids_value(entity_ids));
  std::vector<CommentCount> out;
  while (rows.step())
    out.push_back(CommentCount{rows.int64(0), rows.int64(1)});
  return out;
}

void SqlCommentRepo::insert(const CommentRecord& c) {
  connection_
      .prepare(
          "INSERT INTO comments (id, entity_type, entity_id, parent_id, content, inactive, "
          "created, created_by, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .bind_all(c.id, c.target, c.entity_id, parent_or_null(c), c.content, c.inactive, c.created,
                c.created_by, c.updated)
      .run();
}

void SqlCommentRepo::update(const CommentRecord& c) {
  connection_.prepare("UPDATE comments SET content = ?2, inactive = ?3, updated = ?4 WHERE id = ?1")
      .bind_all(c.id, c.content, c.inactive, c.updated)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

}  // namespace projectd
