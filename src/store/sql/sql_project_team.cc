// A project's team, followers and tags.
#include "base/ascii.h"
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_project_repos.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace projectd {

namespace {

// Rows of (project_id, user_id, security).
std::vector<ProjectMembership> read_team_memberships(SqlStatement& rows) {
  std::vector<ProjectMembership> memberships;
  while (rows.step())
    memberships.push_back(ProjectMembership{
        .project_id = rows.int64(0),
        .member =
            TeamMember{.user_id = rows.text(1), .security = static_cast<int>(rows.int64(2))}});
  return memberships;
}

}  // namespace

std::vector<TeamMember> SqlProjectRepo::team(std::int64_t project_id) {
  SqlStatement rows = connection_.prepare(
      "SELECT user_id, security FROM project_team WHERE project_id = ?1 ORDER BY user_id");
  rows.bind_all(project_id);
  std::vector<TeamMember> team;
  while (rows.step())
    team.push_back(
        TeamMember{.user_id = rows.text(0), .security = static_cast<int>(rows.int64(1))});
  return team;
}

std::optional<TeamMember> SqlProjectRepo::member(std::int64_t project_id,
                                                 std::string_view user_id) {
  SqlStatement row = connection_.prepare(
      "SELECT user_id, security FROM project_team WHERE project_id = ?1 AND user_id = ?2");
  row.bind_all(project_id, user_id);
  if (!row.step()) return std::nullopt;
  return TeamMember{.user_id = row.text(0), .security = static_cast<int>(row.int64(1))};
}

std::vector<ProjectMembership> SqlProjectRepo::memberships_of(const std::vector<std::int64_t>& ids,
                                                              std::string_view user_id) {
  SqlStatement rows = connection_.prepare(
      "SELECT project_id, user_id, security FROM project_team WHERE user_id = ?2 AND " +
      connection_.dialect().in_ids("project_id", 1, ids.size()) + " ORDER BY project_id");
  rows.bind_all(ids_value(ids), user_id);
  return read_team_memberships(rows);
}

void SqlProjectRepo::put_member(std::int64_t project_id, const TeamMember& member) {
  connection_
      .prepare(
          "INSERT INTO project_team (project_id, user_id, security) VALUES (?1, ?2, ?3) "
          "ON CONFLICT (project_id, user_id) DO UPDATE SET security = excluded.security")
      .bind_all(project_id, member.user_id, member.security)
      .run();
  connection_.prepare("DELETE FROM project_team_removed WHERE project_id = ?1 AND user_id = ?2")
      .bind_all(project_id, member.user_id)
      .run();
}

void SqlProjectRepo::remove_member(std::int64_t project_id, std::string_view user_id) {
  connection_
      .prepare(
          "INSERT INTO project_team_removed (project_id, user_id, security) "
          "SELECT project_id, user_id, security FROM project_team "
          "WHERE project_id = ?1 AND user_id = ?2 "
          "ON CONFLICT (project_id, user_id) DO UPDATE SET security = excluded.security")
      .bind_all(project_id, user_id)
      .run();
  connection_.prepare("DELETE FROM project_team WHERE project_id = ?1 AND user_id = ?2")
      .bind_all(project_id, user_id)
      .run();
}

std::vector<TeamMember> SqlProjectRepo::removed_members(std::int64_t project_id) {
  SqlStatement rows = connection_.prepare(
      "SELECT user_id, security FROM project_team_removed WHERE project_id = ?1 "
      "ORDER BY user_id");
  rows.bind_all(project_id);
  std::vector<TeamMember> removed;
  while (rows.step())
    removed.push_back(
        TeamMember{.user_id = rows.text(0), .security = static_cast<int>(rows.int64(1))});
  return removed;
}

std::vector<ProjectMembership> SqlProjectRepo::teams_of(const std::vector<std::int64_t>& ids) {
  SqlStatement rows = connection_.prepare(
      "SELECT project_id, user_id, security FROM project_team WHERE " +
      connection_.dialect().in_ids("project_id", 1, ids.size()) + " ORDER BY project_id, user_id");
  rows.bind_all(ids_value(ids));
  return read_team_memberships(rows);
}

bool SqlProjectRepo::is_follower(std::int64_t project_id, std::string_view user_id) {
  SqlStatement row =
      connection_.prepare("SELECT 1 FROM project_followers WHERE project_id = ?1 AND user_id = ?2");
  row.bind_all(project_id, user_id);
  return row.step();
}

void SqlProjectRepo::set_follower(std::int64_t project_id, std::string_view user_id, bool follow) {
  connection_
      .prepare(follow ? "INSERT INTO project_followers (project_id, user_id) "
                        "VALUES (?1, ?2) ON CONFLICT DO NOTHING"
                      : "DELETE FROM project_followers WHERE project_id = ?1 AND user_id = ?2")
      .bind_all(project_id, user_id)
      .run();
}

std::vector<std::int64_t> SqlProjectRepo::followed_among(const std::vector<std::int64_t>& ids,
                                                         std::string_view user_id) {
  SqlStatement rows = connection_.prepare(
      "SELECT project_id FROM project_followers WHERE user_id = ?2 AND " +
      connection_.dialect().in_ids("project_id", 1, ids.size()) + " ORDER BY project_id");
  rows.bind_all(ids_value(ids), user_id);
  std::vector<std::int64_t> followed;
  while (rows.step())
    followed.push_back(rows.int64(0));
  return followed;
}

std::vector<ProjectTag> SqlProjectRepo::tags_of(const std::vector<std::int64_t>& ids) {
  SqlStatement rows = connection_.prepare(
      "SELECT pt.project_id, t.title FROM project_tags pt JOIN tags t ON t.id = pt.tag_id "
      "WHERE " +
      connection_.dialect().in_ids("pt.project_id", 1, ids.size()));
  rows.bind_all(ids_value(ids));
  // Sorted here, not by ORDER BY: a project has a few tags, and SQLite's sorter for them cost a
  // twentieth of an uncached GET task (bench/README.md, "the render path"). By project, then
  // title ignoring ASCII case, then title byte by byte, the order both stores gave before.
  std::vector<std::pair<std::string, ProjectTag>> keyed;  // (title folded, tag)
  while (rows.step()) {
    ProjectTag tag{.project_id = rows.int64(0), .title = rows.text(1)};
    std::string folded = ascii::to_lower(tag.title);
    keyed.emplace_back(std::move(folded), std::move(tag));
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second.project_id, a.first, a.second.title) <
           std::tie(b.second.project_id, b.first, b.second.title);
  });
  std::vector<ProjectTag> tags;
  tags.reserve(keyed.size());
  for (auto& [folded, tag] : keyed)
    tags.push_back(std::move(tag));
  return tags;
}

// Three statements for any number of titles. Tags match by lower(title), as the unique index
// tags_title does; a new tag keeps the first spelling the list gives it.
void SqlProjectRepo::set_tags(std::int64_t project_id, const std::vector<std::string>& titles) {
  std::string json = json_array(titles);
  connection_.prepare("DELETE FROM project_tags WHERE project_id = ?1").bind_all(project_id).run();
  // The SELECT of an upsert needs its WHERE, else SQLite parses ON CONFLICT as a join's ON.
  const SqlDialect& dialect = connection_.dialect();
  connection_
      .prepare("INSERT INTO tags (title) SELECT trim(value) FROM " +
               dialect.json_values(1, SqlType::kText) +
               " WHERE trim(value) <> '' ORDER BY key ON CONFLICT DO NOTHING")
      .bind_all(json)
      .run();
  connection_
      .prepare(
          "INSERT INTO project_tags (project_id, tag_id) SELECT ?1, id FROM tags "
          "WHERE " +
          dialect.ascii_lower("title") + " IN (SELECT " + dialect.ascii_lower("trim(value)") +
          " FROM " + dialect.json_values(2, SqlType::kText) + ") ON CONFLICT DO NOTHING")
      .bind_all(project_id, json)
      .run();
}

std::optional<std::int64_t> SqlProjectRepo::tag_id(std::string_view title) {
  const SqlDialect& dialect = connection_.dialect();
  SqlStatement row =
      connection_.prepare("SELECT id FROM tags WHERE " + dialect.ascii_lower("title") + " = " +
                          dialect.ascii_lower("?1"));
  row.bind_all(title);
  if (!row.step()) return std::nullopt;
  return row.int64(0);
}

}  // namespace projectd
