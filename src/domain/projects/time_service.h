// Time tracking (the original's TimeTrackingEngine): entries of time people spent on tasks, read
// by whoever may read the task (a member denied tasks sees none of their time), changed by the
// rules of ProjectSecurity::can_edit_time/can_delete_time/can_edit_payment_status. Every operation
// runs its checks and changes in one Store::read or Store::write, in the order 404 (task or entry
// missing or hidden) -> 409 (closed project) -> 403 (the rule) -> 400 (the person), and a write
// answers from its own transaction. Time is a whole number of seconds (docs/wire-compatibility.md,
// "Time is kept in whole seconds"); converting hours is the API's business.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/batch.h"
#include "domain/caller.h"
#include "domain/people/people_index.h"
#include "domain/projects/task_views.h"
#include "store/store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

// The most one entry may hold: a day.
inline constexpr std::int64_t kMaxTimeEntrySeconds = 24 * 3600;

struct TimeEntryView {
  TimeEntryRecord entry;
  bool can_edit = false;
  bool can_edit_payment_status = false;
};

// Entries with their tasks (TimeWrapper embeds a TaskWrapper) and the people they name.
struct TimeEntries {
  std::vector<TimeEntryView> entries;
  TaskViews tasks;                              // the entries' tasks, each once
  std::map<std::int64_t, std::size_t> task_of;  // task id -> index in tasks.tasks
  PeopleIndex people;                           // who spent and who logged each entry
  std::int64_t total = 0;                       // lists: every match, not only this page
  std::vector<BatchFailure> failed;             // batches: the refused ids
};

// What POST task/{taskid}/time and PUT time/{timeid} set; absent members keep their value on PUT.
struct TimeEntryChanges {
  std::optional<std::string> person_id;
  std::optional<Timestamp> date;  // the day's midnight in the portal time zone
  std::optional<std::int64_t> seconds;
  std::optional<std::optional<std::string>> note;  // a value clears with nullopt inside
  std::optional<std::int64_t> project_id;          // POST only: must be the task's project
};

class TimeService {
 public:
  explicit TimeService(Store& store) : store_(store) {}

  // A task's entries, newest day first; 404 for a task the caller cannot read.
  TimeEntries of_task(const Caller& caller, std::int64_t task_id, std::int64_t offset,
                      std::int64_t limit);
  // A project's entries on the tasks the caller may read, newest day first; 404 for a hidden
  // project.
  TimeEntries of_project(const Caller& caller, std::int64_t project_id, std::int64_t offset,
                         std::int64_t limit);
  // The seconds of those entries.
  std::int64_t project_seconds(const Caller& caller, std::int64_t project_id);
  // GET time/filter and its total; the query's viewer is set here.
  TimeEntries filter(const Caller& caller, TimeQuery query);
  std::int64_t filter_seconds(const Caller& caller, TimeQuery query);

  // person, date and seconds are required (400 naming them); the person must exist and not be a
  // guest. Needs the task's canCreateTimeSpend.
  TimeEntries add(const Caller& caller, std::int64_t task_id, const TimeEntryChanges& changes);
  // Needs canEdit on the entry as it is and as it would be.
  TimeEntries update(const Caller& caller, std::int64_t time_id, const TimeEntryChanges& changes);
  // Batches: each id as a single call would answer it; the refused ones in `failed`.
  TimeEntries set_payment_status(const Caller& caller, const std::vector<std::int64_t>& ids,
                                 PaymentStatus status);
  // Answers the deleted entries as they were.
  TimeEntries remove(const Caller& caller, const std::vector<std::int64_t>& ids);

 private:
  Store& store_;
};

}  // namespace projectd
