// TaskService: status and milestone changes and deletion, one task or a batch.
#include "base/errors.h"
#include "domain/notify/event_publishers.h"
#include "domain/projects/attachment_service.h"
#include "domain/projects/task_rules.h"
#include "domain/projects/task_service.h"

#include <map>

namespace projectd {

namespace {

std::optional<std::int64_t> milestone_or_none(std::optional<std::int64_t> milestone_id) {
  if (milestone_id && *milestone_id < 0) throw_bad_request("milestoneid must be 0 or more");
  if (milestone_id == 0) return std::nullopt;
  return milestone_id;
}

}  // namespace

TaskDetail TaskService::set_status(const Caller& caller, std::int64_t task_id,
                                   const TaskStatusRequest& request) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    change_task_status(tx, viewer, task_id, request);
    TaskDetail detail = load_task_detail(tx, viewer, task_id);
    name_task_change(tx, detail.views.tasks.front().task);
    return detail;
  });
}

TaskDetail TaskService::set_milestone(const Caller& caller, std::int64_t task_id,
                                      std::optional<std::int64_t> milestone_id) {
  milestone_id = milestone_or_none(milestone_id);
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    change_task_milestone(tx, viewer, task_id, milestone_id);
    TaskDetail detail = load_task_detail(tx, viewer, task_id);
    name_task_change(tx, detail.views.tasks.front().task);
    return detail;
  });
}

TaskViews TaskService::remove(const Caller& caller, std::int64_t task_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TaskScope scope = task_for_delete(tx, viewer, task_id);
    name_task_change(tx, scope.task);
    TaskViews views = load_task_view(tx, viewer, scope.task);
    detach_all_in_tx(tx, EntityKind::kTask, task_id, scope.task.project_id, viewer.user_id,
                     "task deleted");
    tx.tasks().remove(task_id);
    publish_task_deleted(tx, viewer.user_id, scope.task);
    return views;
  });
}

// The batches answer TaskWrapperFull per task, so their answers cost a few statements per task.
TaskDetailBatch TaskService::set_status_many(const Caller& caller,
                                             const std::vector<std::int64_t>& ids,
                                             const TaskStatusRequest& request) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TaskDetailBatch batch;
    batch.failed = for_each_in_batch(ids, [&](std::int64_t id) {
      change_task_status(tx, viewer, id, request);
      batch.tasks.push_back(load_task_detail(tx, viewer, id));
      name_task_change(tx, batch.tasks.back().views.tasks.front().task);
    });
    return batch;
  });
}

TaskDetailBatch TaskService::set_milestone_many(const Caller& caller,
                                                const std::vector<std::int64_t>& ids,
                                                std::optional<std::int64_t> milestone_id) {
  milestone_id = milestone_or_none(milestone_id);
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TaskDetailBatch batch;
    batch.failed = for_each_in_batch(ids, [&](std::int64_t id) {
      change_task_milestone(tx, viewer, id, milestone_id);
      batch.tasks.push_back(load_task_detail(tx, viewer, id));
      name_task_change(tx, batch.tasks.back().views.tasks.front().task);
    });
    return batch;
  });
}

// Every id is checked first and the deleted tasks are loaded together before any is deleted; the
// checks read all the batch's tasks and projects at once, so only the deletes cost per task.
TaskViewBatch TaskService::remove_many(const Caller& caller, const std::vector<std::int64_t>& ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TaskViewBatch batch;
    std::map<std::int64_t, TaskScope> readable = readable_tasks(tx, viewer, ids);
    std::vector<TaskRecord> doomed;
    batch.failed = for_each_in_batch(ids, [&](std::int64_t id) {
      const auto found = readable.find(id);
      if (found == readable.end()) throw_not_found();
      require_deletable(found->second);
      doomed.push_back(std::move(found->second.task));
    });
    batch.tasks = load_task_views(tx, viewer, doomed);
    for (const TaskRecord& task : doomed) {
      name_task_change(tx, task);
      detach_all_in_tx(tx, EntityKind::kTask, task.id, task.project_id, viewer.user_id,
                       "task deleted");
      tx.tasks().remove(task.id);
      publish_task_deleted(tx, viewer.user_id, task);
    }
    return batch;
  });
}

}  // namespace projectd
