#include "domain/projects/time_service.h"

#include "base/errors.h"
#include "domain/projects/project_access.h"
#include "domain/projects/task_access.h"

#include <algorithm>
#include <utility>

namespace projectd {
namespace {

// The views of entries on tasks the viewer reads, in their order: the tasks' rights in five
// statements, their TaskViews and the entries' people in a fixed number more, whatever the count
// (docs/architecture.md, "Storage and durability"). An entry on a hidden task is left out.
TimeEntries time_entries_view(StoreTx& tx, const Viewer& viewer,
                              const std::vector<TimeEntryRecord>& entries) {
  TimeEntries out;
  if (entries.empty()) return out;
  std::vector<std::int64_t> task_ids;
  for (const TimeEntryRecord& entry : entries)
    task_ids.push_back(entry.task_id);
  const std::map<std::int64_t, TaskScope> scopes = readable_tasks(tx, viewer, task_ids);
  std::vector<TaskRecord> tasks;
  for (const auto& [id, scope] : scopes) {
    out.task_of.emplace(id, tasks.size());
    tasks.push_back(scope.task);
  }
  out.tasks = load_task_views(tx, viewer, std::move(tasks));
  std::vector<std::string> people;
  for (const TimeEntryRecord& entry : entries) {
    const auto scope = scopes.find(entry.task_id);
    if (scope == scopes.end()) continue;
    people.push_back(entry.person_id);
    people.push_back(entry.created_by);
    const ProjectSecurity& security = scope->second.security;
    out.entries.push_back(
        TimeEntryView{entry, security.can_edit_time(entry), security.can_edit_payment_status()});
  }
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

// A page of `query` with its total.
TimeEntries time_entries_page(StoreTx& tx, const TimeQuery& query) {
  TimeEntries out = time_entries_view(tx, query.viewer, tx.time().page(query));
  out.total = tx.time().count(query);
  return out;
}

// A page of one task's or one project's entries, the newest day first as the original lists them;
// `scope` checks the task or project (404) and narrows the query to it.
template <class Scope>
TimeEntries newest_time_page(Store& store, const Caller& caller, std::int64_t offset,
                             std::int64_t limit, Scope&& scope) {
  TimeQuery query;
  query.viewer = viewer_of(caller);
  query.sort = TimeSort::kDate;
  query.descending = true;
  query.offset = offset;
  query.limit = limit;
  return store.read_value([&](StoreTx& tx) {
    scope(tx, query);
    return time_entries_page(tx, query);
  });
}

void require_time_project_open(const ProjectSecurity& security) {
  if (security.is_closed())
    throw_conflict("The project is closed: reopen it before changing its time tracking");
}

// The person who spent the time: someone the portal knows who is not a guest (the original:
// "A guest cannot be appointed as responsible").
void require_time_person(StoreTx& tx, const std::string& person_id) {
  const std::optional<UserRecord> person = tx.users().by_id(person_id);
  if (!person) throw_bad_request("Parameter 'personId': there is no user " + person_id);
  if (person->is_visitor)
    throw_bad_request("Parameter 'personId': " + person_id +
                      " is a guest, and a guest cannot spend time on a task");
}

void require_time_seconds(std::int64_t seconds) {
  if (seconds <= 0 || seconds > kMaxTimeEntrySeconds)
    throw_bad_request("Parameter 'hours' must be more than 0 and at most 24");
}

void apply_time_changes(TimeEntryRecord& entry, const TimeEntryChanges& changes) {
  if (changes.person_id) entry.person_id = *changes.person_id;
  if (changes.date) entry.date = *changes.date;
  if (changes.seconds) entry.seconds = *changes.seconds;
  if (changes.note) entry.note = *changes.note;
}

// The entries of a batch with the rights of their tasks: a fixed number of statements whatever
// the count. A missing entry, or one on a task the viewer cannot read, is left out.
struct TimeBatchScope {
  std::map<std::int64_t, TimeEntryRecord> entries;
  std::map<std::int64_t, TaskScope> tasks;
};

TimeBatchScope time_batch_scope(StoreTx& tx, const Viewer& viewer,
                                const std::vector<std::int64_t>& ids) {
  TimeBatchScope scope;
  if (ids.empty()) return scope;
  std::vector<std::int64_t> task_ids;
  for (TimeEntryRecord& entry : tx.time().by_ids(ids)) {
    task_ids.push_back(entry.task_id);
    scope.entries.emplace(entry.id, std::move(entry));
  }
  if (!task_ids.empty()) scope.tasks = readable_tasks(tx, viewer, task_ids);
  return scope;
}

// The entry and the security of its task, 404 when either is missing or hidden.
std::pair<TimeEntryRecord, const ProjectSecurity*> time_batch_item(const TimeBatchScope& scope,
                                                                   std::int64_t id) {
  const auto entry = scope.entries.find(id);
  if (entry == scope.entries.end()) throw_not_found();
  const auto task = scope.tasks.find(entry->second.task_id);
  if (task == scope.tasks.end()) throw_not_found();
  return {entry->second, &task->second.security};
}

}  // namespace

TimeEntries TimeService::of_task(const Caller& caller, std::int64_t task_id, std::int64_t offset,
                                 std::int64_t limit) {
  return newest_time_page(store_, caller, offset, limit, [&](StoreTx& tx, TimeQuery& query) {
    readable_task(tx, query.viewer, task_id);
    query.task_id = task_id;
  });
}

TimeEntries TimeService::of_project(const Caller& caller, std::int64_t project_id,
                                    std::int64_t offset, std::int64_t limit) {
  return newest_time_page(store_, caller, offset, limit, [&](StoreTx& tx, TimeQuery& query) {
    load_readable_project(tx, query.viewer, project_id);
    query.project_id = project_id;
  });
}

std::int64_t TimeService::project_seconds(const Caller& caller, std::int64_t project_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    load_readable_project(tx, viewer, project_id);
    TimeQuery query;
    query.viewer = viewer;
    query.project_id = project_id;
    return tx.time().total_seconds(query);
  });
}

TimeEntries TimeService::filter(const Caller& caller, TimeQuery query) {
  query.viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) { return time_entries_page(tx, query); });
}

std::int64_t TimeService::filter_seconds(const Caller& caller, TimeQuery query) {
  query.viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) { return tx.time().total_seconds(query); });
}

TimeEntries TimeService::add(const Caller& caller, std::int64_t task_id,
                             const TimeEntryChanges& changes) {
  if (!changes.date) throw_bad_request("Parameter 'date' is required");
  if (!changes.person_id) throw_bad_request("Parameter 'personId' is required");
  if (!changes.seconds) throw_bad_request("Parameter 'hours' is required");
  require_time_seconds(*changes.seconds);
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const TaskScope scope = readable_task(tx, viewer, task_id);
    name_task_change(tx, scope.task);  // timeSpend, and the project's timeTrackingTotal
    require_time_project_open(scope.security);
    if (!scope.security.can_create_time_spend(scope.task, tx.tasks().subtasks_of({task_id})))
      throw_forbidden();
    if (changes.project_id && *changes.project_id != scope.project.id)
      throw_bad_request("Parameter 'projectId': task " + std::to_string(task_id) +
                        " is in project " + std::to_string(scope.project.id));
    require_time_person(tx, *changes.person_id);
    TimeEntryRecord entry;
    entry.task_id = task_id;
    apply_time_changes(entry, changes);
    entry.created = now_utc();
    entry.created_by = viewer.user_id;
    entry.id = tx.time().insert(entry);
    return time_entries_view(tx, viewer, {entry});
  });
}

TimeEntries TimeService::update(const Caller& caller, std::int64_t time_id,
                                const TimeEntryChanges& changes) {
  if (changes.seconds) require_time_seconds(*changes.seconds);
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    std::optional<TimeEntryRecord> entry = tx.time().by_id(time_id);
    if (!entry) throw_not_found();
    const TaskScope scope = readable_task(tx, viewer, entry->task_id);
    name_task_change(tx, scope.task);  // an entry keeps its task: timeSpend and the project's total
    require_time_project_open(scope.security);
    if (!scope.security.can_edit_time(*entry)) throw_forbidden();
    apply_time_changes(*entry, changes);
    if (!scope.security.can_edit_time(*entry))
      throw_forbidden("Access denied: the entry would no longer be yours to change");
    if (changes.person_id) require_time_person(tx, *changes.person_id);
    tx.time().update(*entry);
    return time_entries_view(tx, viewer, {*entry});
  });
}

TimeEntries TimeService::set_payment_status(const Caller& caller,
                                            const std::vector<std::int64_t>& ids,
                                            PaymentStatus status) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const TimeBatchScope scope = time_batch_scope(tx, viewer, ids);
    std::vector<TimeEntryRecord> changed;
    const Timestamp now = now_utc();
    std::vector<BatchFailure> failed = for_each_in_batch(ids, [&](std::int64_t id) {
      auto [entry, security] = time_batch_item(scope, id);
      require_time_project_open(*security);
      if (!security->can_edit_payment_status())
        throw_forbidden("Access denied: only the project manager sets the payment status");
      if (entry.payment_status != status) {
        entry.payment_status = status;
        entry.status_changed = now;
        tx.time().update(entry);
      }
      changed.push_back(std::move(entry));
    });
    TimeEntries out = time_entries_view(tx, viewer, changed);
    out.failed = std::move(failed);
    return out;
  });
}

TimeEntries TimeService::remove(const Caller& caller, const std::vector<std::int64_t>& ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const TimeBatchScope scope = time_batch_scope(tx, viewer, ids);
    std::vector<TimeEntryRecord> removed;
    std::vector<BatchFailure> failed = for_each_in_batch(ids, [&](std::int64_t id) {
      auto [entry, security] = time_batch_item(scope, id);
      require_time_project_open(*security);
      if (!security->can_delete_time(entry)) throw_forbidden();
      tx.time().remove(id);
      removed.push_back(std::move(entry));
    });
    // The deleted entries' tasks are still there to show.
    TimeEntries out = time_entries_view(tx, viewer, removed);
    out.failed = std::move(failed);
    return out;
  });
}

}  // namespace projectd
