// The repository of time_repos.h on one connection, written once for SQLite and PostgreSQL
// (sql_dialect.h). Pages, counts and totals run ProjectSecurity::can_read_task() in SQL
// (sql_filter_sql.h), so they hold only entries on tasks the viewer may read. insert ignores the
// record's id; update of an unknown id throws ApiError(kNotFound); remove of an unknown id does
// nothing. Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/sql/sql_connection.h"
#include "store/time_repos.h"

namespace projectd {

class SqlTimeRepo final : public TimeRepo {
 public:
  explicit SqlTimeRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<TimeEntryRecord> by_id(std::int64_t id) override;
  std::vector<TimeEntryRecord> by_ids(const std::vector<std::int64_t>& ids) override;
  std::int64_t insert(const TimeEntryRecord& entry) override;
  void update(const TimeEntryRecord& entry) override;
  void remove(std::int64_t id) override;
  // Sorted by the query's column, then id, both flipped by `descending`; notes ignore ASCII case
  // and an entry without a note sorts as an empty one.
  std::vector<TimeEntryRecord> page(const TimeQuery& query) override;
  std::int64_t count(const TimeQuery& query) override;
  std::int64_t total_seconds(const TimeQuery& query) override;
  std::vector<TimeTotal> seconds_by_task(const std::vector<std::int64_t>& task_ids) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
