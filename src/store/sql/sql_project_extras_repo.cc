// ProjectsCommonSettings, project templates and gantt orders (sql_project_extras_repos.h).
#include "base/errors.h"
#include "store/sql/sql_project_extras_repos.h"

#include <string>

namespace projectd {
namespace {

const std::string kTemplateColumns =
    "SELECT id, title, description, created, created_by, updated, updated_by "
    "FROM project_templates ";

std::vector<ProjectTemplateRecord> read_template_rows(SqlStatement& rows) {
  std::vector<ProjectTemplateRecord> out;
  while (rows.step())
    out.push_back(ProjectTemplateRecord{.id = rows.int64(0),
                                        .title = rows.text(1),
                                        .description = rows.text(2),
                                        .created = rows.timestamp(3),
                                        .created_by = rows.text(4),
                                        .updated = rows.timestamp(5),
                                        .updated_by = rows.text(6)});
  return out;
}

}  // namespace

ProjectPortalSettings SqlProjectSettingsRepo::portal() {
  SqlStatement row = connection_.prepare(
      "SELECT everybody_can_create, hide_paused FROM project_portal_settings WHERE id = 1");
  ProjectPortalSettings out;
  if (row.step()) {
    out.everybody_can_create = row.int64(0) != 0;
    out.hide_paused = row.int64(1) != 0;
  }
  return out;
}

void SqlProjectSettingsRepo::save_portal(const ProjectPortalSettings& settings) {
  connection_
      .prepare(
          "INSERT INTO project_portal_settings (id, everybody_can_create, hide_paused) "
          "VALUES (1, ?1, ?2) ON CONFLICT (id) DO UPDATE SET "
          "everybody_can_create = excluded.everybody_can_create, "
          "hide_paused = excluded.hide_paused")
      .bind_all(settings.everybody_can_create, settings.hide_paused)
      .run();
}

ProjectUserSettings SqlProjectSettingsRepo::of_user(std::string_view user_id) {
  SqlStatement row = connection_.prepare(
      "SELECT start_module, folder_id FROM project_user_settings WHERE user_id = ?1");
  row.bind_all(user_id);
  ProjectUserSettings out;
  if (row.step()) {
    out.start_module = static_cast<StartModule>(row.int64(0));
    out.folder_id = row.optional_text(1);
  }
  return out;
}

void SqlProjectSettingsRepo::save_user(std::string_view user_id,
                                       const ProjectUserSettings& settings) {
  connection_
      .prepare(
          "INSERT INTO project_user_settings (user_id, start_module, folder_id) "
          "VALUES (?1, ?2, ?3) ON CONFLICT (user_id) DO UPDATE SET "
          "start_module = excluded.start_module, folder_id = excluded.folder_id")
      .bind_all(user_id, static_cast<std::int64_t>(settings.start_module), settings.folder_id)
      .run();
}

std::vector<ProjectTemplateRecord> SqlProjectTemplateRepo::all() {
  SqlStatement rows = connection_.prepare(kTemplateColumns + "ORDER BY id");
  return read_template_rows(rows);
}

std::optional<ProjectTemplateRecord> SqlProjectTemplateRepo::by_id(std::int64_t id) {
  SqlStatement rows = connection_.prepare(kTemplateColumns + "WHERE id = ?1");
  rows.bind_all(id);
  std::vector<ProjectTemplateRecord> found = read_template_rows(rows);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::int64_t SqlProjectTemplateRepo::insert(const ProjectTemplateRecord& r) {
  return connection_
      .prepare(
          "INSERT INTO project_templates (title, description, created, created_by, updated, "
          "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id")
      .bind_all(r.title, r.description, r.created, r.created_by, r.updated, r.updated_by)
      .run_returning_id();
}

void SqlProjectTemplateRepo::update(const ProjectTemplateRecord& r) {
  connection_
      .prepare(
          "UPDATE project_templates SET title = ?2, description = ?3, updated = ?4, "
          "updated_by = ?5 WHERE id = ?1")
      .bind_all(r.id, r.title, r.description, r.updated, r.updated_by)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

void SqlProjectTemplateRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM project_templates WHERE id = ?1").bind_all(id).run();
}

std::optional<std::string> SqlGanttOrderRepo::of_project(std::int64_t project_id) {
  SqlStatement row =
      connection_.prepare("SELECT gantt_order FROM project_gantt_order WHERE project_id = ?1");
  row.bind_all(project_id);
  if (!row.step()) return std::nullopt;
  return row.text(0);
}

void SqlGanttOrderRepo::save(std::int64_t project_id, const std::string& order) {
  connection_
      .prepare(
          "INSERT INTO project_gantt_order (project_id, gantt_order) VALUES (?1, ?2) "
          "ON CONFLICT (project_id) DO UPDATE SET gantt_order = excluded.gantt_order")
      .bind_all(project_id, order)
      .run();
}

}  // namespace projectd
