// A project's gantt order (GET/PUT project/{id}/order): the order in which the web client's gantt
// chart shows the project's milestones and tasks, stored per project as
// {"milestones":[ids],"tasks":[ids]}. Reading needs the project readable (404); storing needs the
// project's edit right (403), an open project (409), and ids that are this project's milestones
// and tasks, each once (400). Thread safety: every method may be called from any thread at once.
#pragma once

#include "domain/caller.h"
#include "store/store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace projectd {

struct GanttOrder {
  std::vector<std::int64_t> milestones;
  std::vector<std::int64_t> tasks;
};

// The stored form: {"milestones":[...],"tasks":[...]}.
std::string gantt_order_text(const GanttOrder& order);

class GanttOrderService {
 public:
  explicit GanttOrderService(Store& store);

  // The stored order, or "" when none was stored.
  std::string get(const Caller& caller, std::int64_t project_id);
  // Answers the order as stored.
  std::string set(const Caller& caller, std::int64_t project_id, const GanttOrder& order);

 private:
  Store& store_;
};

}  // namespace projectd
