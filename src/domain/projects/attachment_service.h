// Files attached to tasks and discussions (docs/wire-compatibility.md, "Attachments", "Attach is
// atomic and checked"): listing, atomic attach, detach, the audit history, and upload-and-attach.
// Rules:
//   read    the list and the history: the entity must be readable (404) and its project's files
//           readable (403); the history leaves out the records of files the caller cannot read;
//   attach  all ids or none: an unknown or unreadable id -> 404 "Item not found" with the ids in
//           error.data; a readable file outside the entity's project folder tree -> 400 saying
//           where to upload it; closed project -> 409; no canEditFiles -> 403; already attached ->
//           no-op; an empty list -> nothing changes;
//   detach  same checks for the entity; a file that is not attached is a no-op.
// Every attach and detach that changes something writes an audit record; so does moving a
// discussion, which detaches the files outside its new project's documents.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/files/file_service.h"
#include "domain/projects/message_service.h"
#include "domain/projects/task_views.h"

#include <cstdint>
#include <vector>

namespace projectd {

struct AuditViews {
  std::vector<AttachmentAuditRecord> entries;  // oldest first
  PeopleIndex people;                          // who
};

class AttachmentService {
 public:
  AttachmentService(Store& store, FileService& files);

  // The attached files the caller may see, each with its access.
  FileViews list(const Caller& caller, EntityKind kind, std::int64_t entity_id);
  // Returns the files named, deduplicated, in the order given (attached now or before).
  FileViews attach(const Caller& caller, EntityKind kind, std::int64_t entity_id,
                   const std::vector<std::int64_t>& file_ids);
  // Returns the files named that exist and the caller may read (detached or never attached).
  FileViews detach(const Caller& caller, EntityKind kind, std::int64_t entity_id,
                   const std::vector<std::int64_t>& file_ids);
  // attach (kAttach) or detach (kDetach) for the API clients' paths (project/task/{id}/files,
  // project/message/{id}/files), which answer the entity instead. Each builds it inside the write
  // that made the change: one snapshot, one transaction, and only what the answer shows
  // (docs/architecture.md, "Threads and transactions"): the task as TaskWrapper shows it (no
  // comments, no files), the discussion as MessageWrapperFull does.
  TaskViews change_task_files(const Caller& caller, std::int64_t task_id, AttachmentAction action,
                              const std::vector<std::int64_t>& file_ids);
  MessageFullView change_message_files(const Caller& caller, std::int64_t message_id,
                                       AttachmentAction action,
                                       const std::vector<std::int64_t>& file_ids);
  AuditViews history(const Caller& caller, EntityKind kind, std::int64_t entity_id);
  // Uploads into `folder` (default: the entity's project folder) and attaches, in one call; the
  // folder must be in the entity's project tree (400).
  FileViews upload_and_attach(const Caller& caller, EntityKind kind, std::int64_t entity_id,
                              std::optional<std::int64_t> folder_id,
                              std::vector<SpooledFile>& files, const UploadOptions& options);

 private:
  Store& store_;
  FileService& files_;
};

// Inside a write transaction: attaches `file` again to the task or discussion of `was` (an
// attachment it had when it went to the trash), with an audit record (`reason`) by the viewer,
// when the entity still exists and is readable, the viewer may change its files, its project is
// open and the file lies in that project's documents; false, and nothing written, otherwise.
bool reattach_in_tx(StoreTx& tx, const Viewer& viewer, const AttachmentRecord& was,
                    const FileRecord& file, const std::string& reason, Timestamp at);
// Inside a write transaction: detaches every file of the entity with audit records (`reason`,
// e.g. "task deleted"); the files stay in their folders. Every change of attachments here
// publishes its files.attached|detached event (domain/notify/event_publishers.h) with the
// entity's project.
void detach_all_in_tx(StoreTx& tx, EntityKind kind, std::int64_t entity_id,
                      std::optional<std::int64_t> project_id, const std::string& user_id,
                      const std::string& reason);
// Inside a write transaction, once the entity belongs to `project` (a discussion moved there):
// detaches, with audit records (`reason`) by `user_id`, the files that lie outside that project's
// documents, which could not be attached there by hand. Otherwise the entity's file list would
// show another project's files to the new project's readers.
void detach_outside_project_in_tx(StoreTx& tx, EntityKind kind, std::int64_t entity_id,
                                  const ProjectRecord& project, const std::string& user_id,
                                  const std::string& reason);

}  // namespace projectd
