#include "domain/projects/status_service.h"

#include "base/errors.h"
#include "domain/people/people_service.h"

#include <algorithm>
#include <string>

namespace projectd {

namespace {

constexpr std::size_t kMaxImageLength = 256 * 1024;  // a base64 icon, not a photo

void require_status_admin(const Caller& caller) {
  if (!caller.is_admin) throw_forbidden("Only an administrator may change task statuses");
}

void validate_text(const char* field, const std::optional<std::string>& value, std::size_t max) {
  if (value && value->size() > max)
    throw_bad_request("Parameter '" + std::string(field) + "' must be at most " +
                      std::to_string(max) + " characters");
}

// Applies the members that were sent, validating each.
void apply(CustomStatusRecord& status, const StatusFields& fields) {
  if (fields.is_default.value_or(false))
    throw_bad_request(
        "Parameter 'isDefault': only the built-in statuses -1 (Open) and -2 (Closed) are "
        "defaults");
  if (fields.title) {
    validate_name("title", *fields.title);
    status.title = *fields.title;
  }
  if (fields.description) status.description = *fields.description;
  if (fields.image) {
    validate_text("image", *fields.image, kMaxImageLength);
    status.image = *fields.image;
  }
  if (fields.image_type) {
    validate_text("imageType", *fields.image_type, 255);
    status.image_type = *fields.image_type;
  }
  if (fields.color) {
    validate_text("color", *fields.color, 64);
    status.color = *fields.color;
  }
  if (fields.order) status.order = *fields.order;
  if (fields.status_type) status.status_type = *fields.status_type;
  if (fields.available) status.available = *fields.available;
}

void refuse_default(std::int64_t id) {
  if (is_default_status_id(id))
    throw_conflict("The built-in statuses -1 (Open) and -2 (Closed) cannot be changed or deleted");
}

void refuse_in_use(StoreTx& tx, std::int64_t id, const std::string& what) {
  if (const std::int64_t tasks = tx.statuses().in_use(id); tasks > 0)
    throw_conflict(std::to_string(tasks) + " task(s) are on this status; move them to another " +
                   "status first, then " + what);
}

StatusView update_one(StoreTx& tx, std::int64_t id, const StatusFields& fields) {
  refuse_default(id);
  auto status = id > 0 ? tx.statuses().by_id(id) : std::nullopt;
  if (!status) throw_not_found();
  const TaskStatus type = status->status_type;
  apply(*status, fields);
  if (status->status_type != type) refuse_in_use(tx, id, "change its statusType");
  tx.statuses().update(*status);
  return custom_status_view(std::move(*status));
}

}  // namespace

std::vector<StatusView> StatusService::list(const Caller&) {
  std::vector<StatusView> out{default_status(TaskStatus::kOpen),
                              default_status(TaskStatus::kClosed)};
  store_.read([&](StoreTx& tx) {
    for (CustomStatusRecord& status : tx.statuses().all())
      out.push_back(custom_status_view(std::move(status)));
  });
  return out;
}

StatusView StatusService::create(const Caller& caller, const StatusFields& fields) {
  require_status_admin(caller);
  if (!fields.title) throw_bad_request("Parameter 'title' is required");
  if (!fields.status_type) throw_bad_request("Parameter 'statusType' is required: open or closed");
  return store_.write_value([&](StoreTx& tx) {
    CustomStatusRecord status;
    apply(status, fields);
    if (!fields.order) {
      int last = 0;
      for (const CustomStatusRecord& other : tx.statuses().all())
        if (other.status_type == status.status_type) last = std::max(last, other.order);
      status.order = last + 1;
    }
    status.id = tx.statuses().insert(status);
    return custom_status_view(std::move(status));
  });
}

StatusView StatusService::update(const Caller& caller, std::int64_t id,
                                 const StatusFields& fields) {
  require_status_admin(caller);
  return store_.write_value([&](StoreTx& tx) { return update_one(tx, id, fields); });
}

std::vector<StatusView> StatusService::update_many(const Caller& caller,
                                                   const std::vector<StatusChange>& changes) {
  require_status_admin(caller);
  return store_.write_value([&](StoreTx& tx) {
    std::vector<StatusView> out;
    for (const StatusChange& change : changes)
      out.push_back(update_one(tx, change.id, change.fields));
    return out;
  });
}

StatusView StatusService::remove(const Caller& caller, std::int64_t id) {
  require_status_admin(caller);
  return store_.write_value([&](StoreTx& tx) {
    refuse_default(id);
    auto status = id > 0 ? tx.statuses().by_id(id) : std::nullopt;
    if (!status) throw_not_found();
    refuse_in_use(tx, id, "delete it");
    tx.statuses().remove(id);
    return custom_status_view(std::move(*status));
  });
}

}  // namespace projectd
