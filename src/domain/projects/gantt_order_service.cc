#include "domain/projects/gantt_order_service.h"

#include "base/errors.h"
#include "domain/projects/project_access.h"

#include <algorithm>
#include <set>

namespace projectd {

namespace {

std::string gantt_id_list(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "]";
}

// 400 unless every id is once in `ids` and each is among `owned` (this project's).
void check_gantt_ids(const std::vector<std::int64_t>& ids, const std::set<std::int64_t>& owned,
                     const char* what) {
  std::set<std::int64_t> seen;
  for (std::int64_t id : ids) {
    if (!seen.insert(id).second)
      throw_bad_request(std::string("Parameter 'order': ") + what + " " + std::to_string(id) +
                        " is listed twice");
    if (!owned.count(id))
      throw_bad_request(std::string("Parameter 'order': ") + what + " " + std::to_string(id) +
                        " is not one of this project's");
  }
}

}  // namespace

std::string gantt_order_text(const GanttOrder& order) {
  return "{\"milestones\":" + gantt_id_list(order.milestones) +
         ",\"tasks\":" + gantt_id_list(order.tasks) + "}";
}

GanttOrderService::GanttOrderService(Store& store) : store_(store) {}

std::string GanttOrderService::get(const Caller& caller, std::int64_t project_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    load_readable_project(tx, viewer, project_id);
    return tx.gantt_orders().of_project(project_id).value_or("");
  });
}

std::string GanttOrderService::set(const Caller& caller, std::int64_t project_id,
                                   const GanttOrder& order) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    AccessibleProject project = load_readable_project(tx, viewer, project_id);
    if (project.security.is_closed())
      throw_conflict("The project is closed; reopen it before changing its gantt chart");
    if (!project.security.can_edit()) throw_forbidden();
    std::set<std::int64_t> milestones, tasks;
    if (!order.milestones.empty())
      for (const MilestoneRecord& m : tx.milestones().by_ids(order.milestones))
        if (m.project_id == project_id) milestones.insert(m.id);
    if (!order.tasks.empty())
      for (const TaskRecord& t : tx.tasks().by_ids(order.tasks))
        if (t.project_id == project_id) tasks.insert(t.id);
    check_gantt_ids(order.milestones, milestones, "milestone");
    check_gantt_ids(order.tasks, tasks, "task");
    const std::string text = gantt_order_text(order);
    tx.gantt_orders().save(project_id, text);
    return text;
  });
}

}  // namespace projectd
