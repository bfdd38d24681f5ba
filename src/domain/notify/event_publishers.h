// One publisher per change-event family (docs/notifications.md, "Change events"): the domain
// services call these after their checks, inside the transaction that makes the change, so each
// service stays one line per event and every event of a family carries the same `data`
// (change_events.h lists the members). `actor` is the caller's user id.
// Thread safety: each runs inside the caller's transaction.
#pragma once

#include "domain/notify/change_events.h"

#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// task.created: `notify` is the call's notify parameter (false where the route has none).
void publish_task_created(StoreTx& tx, const std::string& actor, const TaskRecord& task,
                          bool notify);
// task.updated: `responsibles_added` are the people newly responsible (may be empty).
void publish_task_updated(StoreTx& tx, const std::string& actor, const TaskRecord& task,
                          const std::vector<std::string>& responsibles_added, bool notify);
// task.status, when the status or the custom status changed between `before` and `after`.
void publish_task_status(StoreTx& tx, const std::string& actor, const TaskRecord& before,
                         const TaskRecord& after);
// task.deleted (data: title) and task.notify.
void publish_task_deleted(StoreTx& tx, const std::string& actor, const TaskRecord& task);
void publish_task_notify(StoreTx& tx, const std::string& actor, const TaskRecord& task);

// task|discussion.files.attached|detached for the files really attached or detached; nothing when
// `files` is empty.
void publish_files_changed(StoreTx& tx, const std::string& actor, EntityKind kind,
                           std::int64_t entity_id, std::optional<std::int64_t> project_id,
                           bool attached, const std::vector<FileRecord>& files);

// comment.created on the task or discussion `comment` belongs to.
void publish_comment_created(StoreTx& tx, const std::string& actor, const CommentRecord& comment,
                             std::optional<std::int64_t> project_id);

// discussion.created with its participants (the creator included) and the call's notify.
void publish_discussion_created(StoreTx& tx, const std::string& actor, std::int64_t message_id,
                                std::int64_t project_id,
                                const std::vector<std::string>& participants, bool notify);

// project.created|updated|deleted (data: title).
void publish_project_event(StoreTx& tx, std::string_view type, const std::string& actor,
                           const ProjectRecord& project);

// file.created|deleted (data: title, folder_id).
void publish_file_event(StoreTx& tx, std::string_view type, const std::string& actor,
                        const FileRecord& file);

}  // namespace projectd
