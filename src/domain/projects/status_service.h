// Custom task statuses (docs/wire-compatibility.md, "Endpoints"): everyone signed in reads them,
// admins define, change and delete them. The built-in defaults -1 and -2 are listed first and
// cannot be changed or deleted (409); a status that tasks are on cannot be deleted or change its
// type (409) until they move. A refused request changes nothing. Thread safety: every method may be
// called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "domain/projects/status_rules.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

// What a request sets. Absent members keep their value (update) or take the default (create); an
// inner nullopt clears a text member.
struct StatusFields {
  std::optional<std::string> title;
  std::optional<std::optional<std::string>> description;
  std::optional<std::optional<std::string>> image;
  std::optional<std::optional<std::string>> image_type;
  std::optional<std::optional<std::string>> color;
  std::optional<int> order;
  std::optional<TaskStatus> status_type;
  std::optional<bool> available;
  std::optional<bool> is_default;
};

struct StatusChange {
  std::int64_t id = 0;
  StatusFields fields;
};

class StatusService {
 public:
  explicit StatusService(Store& store) : store_(store) {}

  // The two defaults, then the custom statuses by order and id.
  std::vector<StatusView> list(const Caller& caller);
  // 403 unless admin; 400 without a title or statusType, or with isDefault=true (only the
  // built-in statuses are defaults). Without an order the status goes after the others of its
  // type.
  StatusView create(const Caller& caller, const StatusFields& fields);
  // 403 unless admin; 409 for a default; 404 for an unknown id.
  StatusView update(const Caller& caller, std::int64_t id, const StatusFields& fields);
  // Each change as update does it, all or none.
  std::vector<StatusView> update_many(const Caller& caller,
                                      const std::vector<StatusChange>& changes);
  // 403 unless admin; 409 for a default or a status in use; answers the deleted status.
  StatusView remove(const Caller& caller, std::int64_t id);

 private:
  Store& store_;
};

}  // namespace projectd
