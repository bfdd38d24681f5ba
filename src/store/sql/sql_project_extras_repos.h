// The repositories of project_extras_repos.h on one connection, written once for SQLite and
// PostgreSQL (sql_dialect.h). They run statements only; the transaction around them belongs to the
// Store. Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/project_extras_repos.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlTagRepo final : public TagRepo {
 public:
  explicit SqlTagRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<TagRecord> all() override;
  std::vector<TagRecord> containing(std::string_view text, std::int64_t limit) override;
  TagRecord ensure(std::string_view title) override;
  std::vector<TagRecord> by_ids(const std::vector<std::int64_t>& ids) override;
  std::vector<std::int64_t> projects_with(std::string_view title) override;

 private:
  SqlConnection& connection_;
};

class SqlProjectSettingsRepo final : public ProjectSettingsRepo {
 public:
  explicit SqlProjectSettingsRepo(SqlConnection& connection) : connection_(connection) {}
  ProjectPortalSettings portal() override;
  void save_portal(const ProjectPortalSettings& settings) override;
  ProjectUserSettings of_user(std::string_view user_id) override;
  void save_user(std::string_view user_id, const ProjectUserSettings& settings) override;

 private:
  SqlConnection& connection_;
};

// update of an unknown id throws ApiError(kNotFound); remove of an unknown id does nothing.
class SqlProjectTemplateRepo final : public ProjectTemplateRepo {
 public:
  explicit SqlProjectTemplateRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<ProjectTemplateRecord> all() override;
  std::optional<ProjectTemplateRecord> by_id(std::int64_t id) override;
  std::int64_t insert(const ProjectTemplateRecord& record) override;
  void update(const ProjectTemplateRecord& record) override;
  void remove(std::int64_t id) override;

 private:
  SqlConnection& connection_;
};

class SqlGanttOrderRepo final : public GanttOrderRepo {
 public:
  explicit SqlGanttOrderRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<std::string> of_project(std::int64_t project_id) override;
  void save(std::int64_t project_id, const std::string& order) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
