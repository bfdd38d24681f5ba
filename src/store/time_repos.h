// The repository of time tracking: entries of time spent on tasks, kept in whole seconds so every
// total is an exact integer sum (docs/wire-compatibility.md, "Time is kept in whole seconds"). Each
// call is one statement whatever the number of ids.
#pragma once

#include "store/project_records.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace projectd {

class TimeRepo {
 public:
  virtual ~TimeRepo() = default;
  virtual std::optional<TimeEntryRecord> by_id(std::int64_t id) = 0;
  // Each existing entry once, in id order; unknown ids are left out.
  virtual std::vector<TimeEntryRecord> by_ids(const std::vector<std::int64_t>& ids) = 0;
  virtual std::int64_t insert(const TimeEntryRecord& entry) = 0;  // returns the new id
  virtual void update(const TimeEntryRecord& entry) = 0;
  virtual void remove(std::int64_t id) = 0;

  // Entries on tasks the query's viewer may read, filtered, sorted and paged in SQL.
  virtual std::vector<TimeEntryRecord> page(const TimeQuery& query) = 0;
  virtual std::int64_t count(const TimeQuery& query) = 0;          // ignores offset and limit
  virtual std::int64_t total_seconds(const TimeQuery& query) = 0;  // ignores offset and limit

  // The seconds of every entry of each task (the caller reads these tasks); tasks without time
  // are left out.
  virtual std::vector<TimeTotal> seconds_by_task(const std::vector<std::int64_t>& task_ids) = 0;
  // A project's total is ProjectTotalsRepo's.
};

}  // namespace projectd
