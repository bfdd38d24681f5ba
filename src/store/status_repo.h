// Custom task statuses as the store keeps them (the original's CustomTaskStatus,
// docs/wire-compatibility.md, "Objects"). The built-in defaults (-1 Open, -2 Closed) are not
// stored; domain/projects/status_rules.h knows them.
#pragma once

#include "store/project_records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct CustomStatusRecord {
  std::int64_t id = 0;
  std::string title;
  std::optional<std::string> description;
  std::optional<std::string> image;  // base64, as the client sent it
  std::optional<std::string> image_type;
  std::optional<std::string> color;
  int order = 0;
  TaskStatus status_type = TaskStatus::kOpen;
  bool available = true;
};

class StatusRepo {
 public:
  virtual ~StatusRepo() = default;
  // Every stored status, by order, then id.
  virtual std::vector<CustomStatusRecord> all() = 0;
  virtual std::optional<CustomStatusRecord> by_id(std::int64_t id) = 0;
  virtual std::int64_t insert(const CustomStatusRecord& status) = 0;  // returns the new id
  virtual void update(const CustomStatusRecord& status) = 0;
  virtual void remove(std::int64_t id) = 0;
  // How many tasks are on this status.
  virtual std::int64_t in_use(std::int64_t id) = 0;
};

}  // namespace projectd
