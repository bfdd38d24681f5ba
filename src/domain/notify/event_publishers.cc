// The change-event publishers (event_publishers.h).
#include "domain/notify/event_publishers.h"

namespace projectd {

namespace {

boost::json::array people_json(const std::vector<std::string>& ids) {
  boost::json::array out;
  for (const std::string& id : ids)
    out.emplace_back(id);
  return out;
}

boost::json::value custom_status_json(const std::optional<std::int64_t>& id) {
  if (!id) return nullptr;
  return *id;
}

void publish_on_task(StoreTx& tx, std::string_view type, const std::string& actor,
                     const TaskRecord& task, boost::json::object data) {
  publish_in_tx(tx, ChangeEvent{type, actor, task.project_id, task.id, std::move(data)});
}

}  // namespace

void publish_task_created(StoreTx& tx, const std::string& actor, const TaskRecord& task,
                          bool notify) {
  publish_on_task(tx, event::kTaskCreated, actor, task,
                  {{"notify", notify}, {"responsibles", people_json(task.responsibles)}});
}

void publish_task_updated(StoreTx& tx, const std::string& actor, const TaskRecord& task,
                          const std::vector<std::string>& responsibles_added, bool notify) {
  publish_on_task(tx, event::kTaskUpdated, actor, task,
                  {{"responsibles_added", people_json(responsibles_added)}, {"notify", notify}});
}

void publish_task_status(StoreTx& tx, const std::string& actor, const TaskRecord& before,
                         const TaskRecord& after) {
  if (before.status == after.status && before.custom_status_id == after.custom_status_id) return;
  publish_on_task(tx, event::kTaskStatus, actor, after,
                  {{"from", static_cast<int>(before.status)},
                   {"to", static_cast<int>(after.status)},
                   {"custom_from", custom_status_json(before.custom_status_id)},
                   {"custom_to", custom_status_json(after.custom_status_id)}});
}

void publish_task_deleted(StoreTx& tx, const std::string& actor, const TaskRecord& task) {
  publish_on_task(tx, event::kTaskDeleted, actor, task, {{"title", task.title}});
}

void publish_task_notify(StoreTx& tx, const std::string& actor, const TaskRecord& task) {
  publish_on_task(tx, event::kTaskNotify, actor, task, {});
}

void publish_files_changed(StoreTx& tx, const std::string& actor, EntityKind kind,
                           std::int64_t entity_id, std::optional<std::int64_t> project_id,
                           bool attached, const std::vector<FileRecord>& files) {
  if (files.empty()) return;
  boost::json::array named;
  for (const FileRecord& file : files)
    named.push_back(boost::json::object{{"id", file.id}, {"title", file.title}});
  const bool task = kind == EntityKind::kTask;
  const std::string_view type =
      task ? (attached ? event::kTaskFilesAttached : event::kTaskFilesDetached)
           : (attached ? event::kDiscussionFilesAttached : event::kDiscussionFilesDetached);
  publish_in_tx(tx, ChangeEvent{type, actor, project_id, entity_id, {{"files", std::move(named)}}});
}

void publish_comment_created(StoreTx& tx, const std::string& actor, const CommentRecord& comment,
                             std::optional<std::int64_t> project_id) {
  const bool on_task = comment.target == CommentTarget::kTask;
  publish_in_tx(tx,
                ChangeEvent{event::kCommentCreated,
                            actor,
                            project_id,
                            comment.entity_id,
                            {{"comment_id", comment.id}, {"on", on_task ? "task" : "discussion"}}});
}

void publish_discussion_created(StoreTx& tx, const std::string& actor, std::int64_t message_id,
                                std::int64_t project_id,
                                const std::vector<std::string>& participants, bool notify) {
  publish_in_tx(tx, ChangeEvent{event::kDiscussionCreated,
                                actor,
                                project_id,
                                message_id,
                                {{"participants", people_json(participants)}, {"notify", notify}}});
}

void publish_project_event(StoreTx& tx, std::string_view type, const std::string& actor,
                           const ProjectRecord& project) {
  publish_in_tx(tx, ChangeEvent{type, actor, project.id, project.id, {{"title", project.title}}});
}

void publish_file_event(StoreTx& tx, std::string_view type, const std::string& actor,
                        const FileRecord& file) {
  publish_in_tx(tx, ChangeEvent{type,
                                actor,
                                file.project_id,
                                file.id,
                                {{"title", file.title}, {"folder_id", file.folder_id}}});
}

}  // namespace projectd
