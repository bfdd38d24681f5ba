// The repository of store/project_totals_repo.h on one connection, written once for SQLite and
// PostgreSQL (sql_dialect.h). Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/project_totals_repo.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlProjectTotalsRepo final : public ProjectTotalsRepo {
 public:
  explicit SqlProjectTotalsRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<ProjectCounts> counts_of(const std::vector<std::int64_t>& ids) override;
  std::vector<TimeTotal> seconds_by_project(const Viewer& viewer,
                                            const std::vector<std::int64_t>& ids) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
