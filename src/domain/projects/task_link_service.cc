#include "domain/projects/task_link_service.h"

#include "base/errors.h"
#include "domain/projects/task_access.h"

namespace projectd {

namespace {

struct LinkEnds {
  TaskScope parent;
  TaskScope dependent;
};

// 404 unless the viewer may read both tasks.
LinkEnds readable_ends(StoreTx& tx, const Viewer& viewer, std::int64_t parent_id,
                       std::int64_t dependence_id) {
  return LinkEnds{readable_task(tx, viewer, parent_id), readable_task(tx, viewer, dependence_id)};
}

// 409 -> 403 for changing a link between the two.
void require_changeable(const LinkEnds& ends) {
  require_project_not_closed(ends.parent.security);
  require_project_not_closed(ends.dependent.security);
  if (!ends.parent.security.can_edit_task(ends.parent.task) ||
      !ends.dependent.security.can_edit_task(ends.dependent.task))
    throw_forbidden("Changing a link needs the right to edit both tasks");
}

bool has_date(const TaskRecord& task) {
  return task.deadline || task.milestone_id;
}

// The original's rules for a new link, each with what to do instead.
void check_new_link(StoreTx& tx, const TaskRecord& parent, const TaskRecord& dependent,
                    TaskLinkType type) {
  if (parent.project_id != dependent.project_id)
    throw_conflict("Only tasks of the same project can be linked");
  if (parent.milestone_id != dependent.milestone_id)
    throw_conflict("Linked tasks must be in the same milestone: move one of them first");
  if (type == TaskLinkType::kEnd && (!has_date(parent) || !has_date(dependent)))
    throw_conflict("An End link needs a deadline or a milestone on both tasks: set them first");
  if (type == TaskLinkType::kEndStart && !has_date(parent))
    throw_conflict(
        "An EndStart link needs a deadline or a milestone on the parent task: set it first");
  if (tx.tasks().link(parent.id, dependent.id) || tx.tasks().link(dependent.id, parent.id))
    throw_conflict("The tasks are already linked: delete that link first");
}

}  // namespace

TaskViews TaskLinkService::add(const Caller& caller, std::int64_t parent_id,
                               std::int64_t dependence_id, TaskLinkType type) {
  if (parent_id == dependence_id) throw_bad_request("A task cannot be linked to itself");
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    LinkEnds ends = readable_ends(tx, viewer, parent_id, dependence_id);
    name_task_change(tx, ends.parent.task);
    name_task_change(tx, ends.dependent.task);
    require_changeable(ends);
    check_new_link(tx, ends.parent.task, ends.dependent.task, type);
    tx.tasks().insert_link(TaskLinkRecord{parent_id, dependence_id, type});
    return load_task_view(tx, viewer, std::move(ends.dependent.task));
  });
}

TaskViews TaskLinkService::remove(const Caller& caller, std::int64_t path_task_id,
                                  std::int64_t parent_id, std::int64_t dependence_id) {
  if (path_task_id != parent_id && path_task_id != dependence_id)
    throw_bad_request("The task in the path must be the parentTaskId or the dependenceTaskId");
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    LinkEnds ends = readable_ends(tx, viewer, parent_id, dependence_id);
    name_task_change(tx, ends.parent.task);
    name_task_change(tx, ends.dependent.task);
    if (!tx.tasks().link(parent_id, dependence_id)) throw_not_found();
    require_changeable(ends);
    tx.tasks().remove_link(parent_id, dependence_id);
    return load_task_view(tx, viewer, std::move(ends.dependent.task));
  });
}

}  // namespace projectd
