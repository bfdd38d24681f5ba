// The webhook fan-out (webhook_fanout.h).
#include "api/webhooks/webhook_fanout.h"

#include "api/files/file_wrappers.h"
#include "api/people/employee_wrappers.h"
#include "api/projects/project_wrappers.h"
#include "api/projects/task_wrappers.h"
#include "auth/random.h"
#include "base/errors.h"
#include "domain/files/file_access.h"
#include "domain/notify/change_events.h"
#include "domain/notify/webhook_events.h"
#include "domain/notify/webhook_service.h"
#include "domain/projects/task_views.h"

#include <optional>

namespace projectd {
namespace {

boost::json::object webhook_task_data(StoreTx& tx, const Viewer& viewer, std::int64_t task_id,
                                      const WrapContext& context) {
  return task_wrapper_full(load_task_detail(tx, viewer, task_id), context, false);
}

boost::json::object webhook_project_data(StoreTx& tx, const Viewer& viewer, std::int64_t project_id,
                                         const WrapContext& context) {
  const ProjectView view = view_of(tx, viewer, load_readable_project(tx, viewer, project_id));
  std::vector<std::string> ids;
  collect_people(view.project, ids);
  return project_wrapper_full(view, PeopleIndex::load(tx.users(), ids), context, false);
}

boost::json::object webhook_file_data(StoreTx& tx, const Viewer& viewer, std::int64_t file_id,
                                      const WrapContext& context) {
  std::vector<FileRecord> files = files_in_order(tx, {file_id});
  if (files.empty()) throw_not_found();
  FileAccessResolver access(tx, viewer);
  access.require_read(access.of_file(files.front()));
  std::vector<std::string> ids;
  std::vector<FileView> views = file_views(tx, viewer, std::move(files), ids);
  return file_wrapper(views.front(), PeopleIndex::load(tx.users(), ids), context);
}

// What a *.deleted event still knows: the ids and the title.
boost::json::object webhook_deleted_data(const ChangeEventRecord& event,
                                         const boost::json::object& data) {
  boost::json::object out{{"id", event.entity_id}};
  if (event.project_id) out["projectId"] = *event.project_id;
  if (const auto* title = data.if_contains("title")) out["title"] = *title;
  return out;
}

// The entity as `viewer` reads it; throws ApiError (404, 403) when they may not.
boost::json::value webhook_event_data(StoreTx& tx, const Viewer& viewer,
                                      const ChangeEventRecord& event, const WrapContext& context) {
  const boost::json::object data = event_data(event);
  const std::string_view type = event.type;
  if (type.ends_with(".deleted") && type != event::kFileDeleted)
    return webhook_deleted_data(event, data);
  if (type.starts_with("project."))
    return webhook_project_data(tx, viewer, event.entity_id, context);
  if (type == event::kFileCreated) return webhook_file_data(tx, viewer, event.entity_id, context);
  if (type == event::kFileDeleted) {
    // The file is in the trash or gone: its ids and title, if the project (if any) is readable.
    if (event.project_id) load_readable_project(tx, viewer, *event.project_id);
    boost::json::object out = webhook_deleted_data(event, data);
    if (const auto* folder = data.if_contains("folder_id")) out["folderId"] = *folder;
    return out;
  }
  if (type == event::kCommentCreated) {
    const auto* on = data.if_contains("on");
    boost::json::object out{
        {"commentId", data.contains("comment_id") ? data.at("comment_id") : boost::json::value()}};
    if (on != nullptr && on->is_string() && on->as_string() == "discussion") {
      if (event.project_id) load_readable_project(tx, viewer, *event.project_id);
      out["discussionId"] = event.entity_id;
      return out;
    }
    out["task"] = webhook_task_data(tx, viewer, event.entity_id, context);
    return out;
  }
  // task.created, task.updated, task.status, task.files.attached|detached
  boost::json::object task = webhook_task_data(tx, viewer, event.entity_id, context);
  if (type.starts_with("task.files.")) {
    task["files"] = data.contains("files") ? data.at("files") : boost::json::array();
  }
  if (type == event::kTaskStatus) {
    for (const char* key : {"from", "to"})
      if (const auto* value = data.if_contains(key)) task[std::string("status_") + key] = *value;
  }
  return task;
}

boost::json::object webhook_actor(StoreTx& tx, const std::string& actor_id) {
  if (actor_id.empty()) return {{"id", nullptr}, {"displayName", "projectd"}};
  const auto user = tx.users().by_id(actor_id);
  return {{"id", actor_id}, {"displayName", user ? display_name(*user) : std::string()}};
}

}  // namespace

WebhookFanout::WebhookFanout(const PortalTimeZone& zone, std::string base_url)
    : zone_(zone), base_url_(std::move(base_url)) {}

void WebhookFanout::fan_out(StoreTx& tx, const ChangeEventRecord& event) {
  std::optional<boost::json::object> actor;
  for (const WebhookRecord& webhook : tx.webhooks().all()) {
    if (!webhook.enabled || !webhook_patterns_match(webhook_patterns(webhook), event.type))
      continue;
    const auto admin = tx.users().by_id(webhook.created_by);
    if (!admin || !admin->is_admin || admin->status != EmployeeStatus::kActive) {
      disable_webhook_in_tx(tx, webhook,
                            "the administrator who registered it is no longer an active "
                            "administrator");
      continue;
    }
    const Caller caller{admin->id, true, false, ""};
    const Viewer viewer = viewer_of(caller);
    const WrapContext context{zone_, base_url_, caller};
    boost::json::value data;
    try {
      data = webhook_event_data(tx, viewer, event, context);
    } catch (const ApiError& e) {
      // Not readable by the registering administrator: not told. A portal administrator reads
      // every project, task and project file, so a 404 for those means the entity is gone since
      // (deleted a moment after the change): the change is still told, with what the event
      // knows and `gone: true`. Files outside projects (someone's My Documents) stay untold.
      const bool project_scoped = event.project_id.has_value();
      if (e.kind() != ErrorKind::kNotFound || !project_scoped) continue;
      boost::json::object gone = webhook_deleted_data(event, event_data(event));
      gone["gone"] = true;
      data = std::move(gone);
    }
    if (!actor) actor = webhook_actor(tx, event.actor_id);
    const std::string key = random_guid();
    const boost::json::object payload{
        {"id", key},
        {"event", event.type},
        {"timestamp", format_api_date(event.created, PortalTimeZone())},
        {"actor", *actor},
        {"data", std::move(data)}};
    const Timestamp now = now_utc();
    DeliveryRecord delivery;
    delivery.channel = "webhook";
    delivery.target = webhook_target(webhook.id);
    delivery.event_id = event.id;
    delivery.event_type = event.type;
    delivery.key = key;
    delivery.payload = boost::json::serialize(payload);
    delivery.created = now;
    delivery.next_attempt = now;
    tx.outbox().add_delivery(delivery);
  }
}

}  // namespace projectd
