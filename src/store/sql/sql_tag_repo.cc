// The portal's tag list (project tags live in project_tags, sql_project_team.cc). Titles compare
// by ASCII lower case, as the unique index tags_title does.
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_project_extras_repos.h"

#include <string>

namespace projectd {
namespace {

std::vector<TagRecord> read_tag_rows(SqlStatement& rows) {
  std::vector<TagRecord> out;
  while (rows.step())
    out.push_back(TagRecord{rows.int64(0), rows.text(1)});
  return out;
}

}  // namespace

std::vector<TagRecord> SqlTagRepo::all() {
  SqlStatement rows = connection_.prepare("SELECT id, title FROM tags ORDER BY " +
                                          connection_.dialect().nocase("title") + ", id");
  return read_tag_rows(rows);
}

std::vector<TagRecord> SqlTagRepo::containing(std::string_view text, std::int64_t limit) {
  const SqlDialect& dialect = connection_.dialect();
  SqlStatement rows =
      connection_.prepare("SELECT id, title FROM tags WHERE " + dialect.like("title", "?1") +
                          " ORDER BY " + dialect.nocase("title") + ", id LIMIT ?2");
  rows.bind_all(like_pattern(text), limit);
  return read_tag_rows(rows);
}

TagRecord SqlTagRepo::ensure(std::string_view title) {
  connection_.prepare("INSERT INTO tags (title) VALUES (?1) ON CONFLICT DO NOTHING")
      .bind_all(title)
      .run();
  const SqlDialect& dialect = connection_.dialect();
  SqlStatement row =
      connection_.prepare("SELECT id, title FROM tags WHERE " + dialect.ascii_lower("title") +
                          " = " + dialect.ascii_lower("?1"));
  row.bind_all(title);
  return read_tag_rows(row).at(0);
}

std::vector<TagRecord> SqlTagRepo::by_ids(const std::vector<std::int64_t>& ids) {
  SqlStatement rows =
      connection_.prepare("SELECT id, title FROM tags WHERE " +
                          connection_.dialect().in_ids("id", 1, ids.size()) + " ORDER BY id");
  rows.bind_all(ids_value(ids));
  return read_tag_rows(rows);
}

std::vector<std::int64_t> SqlTagRepo::projects_with(std::string_view title) {
  const SqlDialect& dialect = connection_.dialect();
  SqlStatement rows = connection_.prepare(
      "SELECT pt.project_id FROM project_tags pt JOIN tags t ON t.id = pt.tag_id WHERE " +
      dialect.ascii_lower("t.title") + " = " + dialect.ascii_lower("?1") +
      " ORDER BY pt.project_id");
  rows.bind_all(title);
  std::vector<std::int64_t> out;
  while (rows.step())
    out.push_back(rows.int64(0));
  return out;
}

}  // namespace projectd
