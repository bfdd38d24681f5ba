// TaskService: reading tasks, following them and reminding their responsibles.
#include "base/errors.h"
#include "domain/notify/event_publishers.h"
#include "domain/projects/project_access.h"
#include "domain/projects/task_access.h"
#include "domain/projects/task_service.h"

namespace projectd {

TaskDetail TaskService::get(const Caller& caller, std::int64_t task_id) {
  return store_.read_value(
      [&](StoreTx& tx) { return load_task_detail(tx, viewer_of(caller), task_id); });
}

TaskViews TaskService::list(const Caller& caller, TaskQuery query) {
  query.viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    TaskViews views = load_task_views(tx, query.viewer, tx.tasks().page(query));
    views.total = tx.tasks().count(query);
    return views;
  });
}

TaskViews TaskService::list_project(const Caller& caller, std::int64_t project_id,
                                    TaskQuery query) {
  query.viewer = viewer_of(caller);
  query.project_id = project_id;
  return store_.read_value([&](StoreTx& tx) {
    load_readable_project(tx, query.viewer, project_id);
    TaskViews views = load_task_views(tx, query.viewer, tx.tasks().page(query));
    views.total = tx.tasks().count(query);
    return views;
  });
}

// Following stays allowed in a closed project (docs/wire-compatibility.md, "Closed projects"): it
// changes nothing of its content.
TaskViews TaskService::toggle_subscription(const Caller& caller, std::int64_t task_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TaskScope scope = readable_task(tx, viewer, task_id);
    name_task_change(tx, scope.task);
    const bool subscribed = tx.tasks().is_subscribed(task_id, viewer.user_id);
    tx.tasks().set_subscribed(task_id, viewer.user_id, !subscribed);
    return load_task_view(tx, viewer, std::move(scope.task));
  });
}

bool TaskService::is_subscribed(const Caller& caller, std::int64_t task_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    readable_task(tx, viewer, task_id);
    return tx.tasks().is_subscribed(task_id, viewer.user_id);
  });
}

TaskViews TaskService::remind(const Caller& caller, std::int64_t task_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TaskScope scope = readable_task(tx, viewer, task_id);
    name_task_change(tx, scope.task);
    const Timestamp now = now_utc();
    for (const std::string& user_id : scope.task.responsibles)
      tx.tasks().add_reminder(task_id, user_id, now);
    publish_task_notify(tx, viewer.user_id, scope.task);
    return load_task_view(tx, viewer, std::move(scope.task));
  });
}

}  // namespace projectd
