// AttachmentService: files attached to tasks and discussions, with the rules of
// docs/wire-compatibility.md ("Attach is atomic and checked").
#include "domain/projects/attachment_service.h"

#include "base/errors.h"
#include "domain/notify/event_publishers.h"
#include "domain/projects/project_access.h"
#include "domain/projects/task_access.h"

#include <algorithm>
#include <set>

namespace projectd {

namespace {

// A task or discussion the viewer may read, with the caller's rights on its files.
struct EntityScope {
  std::optional<TaskRecord> task;  // a task's record; none for a discussion
  ProjectRecord project;
  bool read_files = false;
  bool edit_files = false;  // canEditFiles, the project's status aside
  bool closed = false;
  ProjectSecurity security;  // the viewer's rights in `project`
};

EntityScope readable_entity(StoreTx& tx, const Viewer& viewer, EntityKind kind, std::int64_t id) {
  if (kind == EntityKind::kTask) {
    TaskScope scope = readable_task(tx, viewer, id);
    const ProjectSecurity& s = scope.security;
    // A closed project is refused with 409 before edit_files is looked at.
    const bool edit_files = s.can_edit_task_files(scope.task);
    return EntityScope{std::move(scope.task), std::move(scope.project),
                       s.can_read_files(),    edit_files,
                       s.is_closed(),         s};
  }
  const LoadedMessage loaded = readable_message(tx, viewer, id);
  const ProjectSecurity& s = loaded.project.security;
  // The project's files rule, as MessageWrapperFull.canEditFiles shows it.
  return EntityScope{std::nullopt,     loaded.project.project, s.can_read_files(),
                     s.files_editor(), s.is_closed(),          s};
}

const char* entity_noun(EntityKind kind) {
  return kind == EntityKind::kTask ? "task" : "discussion";
}

// 404 -> 403 (files not readable) for reading attachments.
EntityScope entity_for_reading(StoreTx& tx, const Viewer& viewer, EntityKind kind,
                               std::int64_t id) {
  EntityScope scope = readable_entity(tx, viewer, kind, id);
  if (!scope.read_files) throw_forbidden("Access denied: the project's files are not open to you");
  return scope;
}

// 404 -> 409 -> 403 for attaching and detaching.
EntityScope entity_for_editing(StoreTx& tx, const Viewer& viewer, EntityKind kind,
                               std::int64_t id) {
  EntityScope scope = readable_entity(tx, viewer, kind, id);
  if (scope.closed)
    throw_conflict("The project is closed: reopen it before changing the files of its " +
                   std::string(entity_noun(kind)) + "s");
  if (!scope.edit_files) throw_forbidden();
  return scope;
}

boost::json::value ids_data(const std::vector<std::int64_t>& ids) {
  boost::json::array array;
  for (std::int64_t id : ids)
    array.emplace_back(id);
  return boost::json::object{{"ids", std::move(array)}};
}

std::vector<std::int64_t> distinct(const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  for (std::int64_t id : ids)
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  return out;
}

// Every id as a readable file, in order; 404 naming the ids that are missing or hidden. The files
// mostly live in the entity's project, whose rights `scope` has read already.
std::vector<FileRecord> readable_files(StoreTx& tx, const Viewer& viewer, const EntityScope& scope,
                                       const std::vector<std::int64_t>& ids) {
  FileAccessResolver access(tx, viewer);
  access.knows_project(scope.project.id, scope.security);
  std::vector<FileRecord> out;
  std::vector<std::int64_t> missing = ids;
  for (FileRecord& file : files_in_order(tx, ids)) {
    if (!access.of_file(file).read) continue;
    missing.erase(std::find(missing.begin(), missing.end(), file.id));
    out.push_back(std::move(file));
  }
  if (!missing.empty()) throw ApiError(ErrorKind::kNotFound, kItemNotFound, ids_data(missing));
  return out;
}

bool in_project_tree(const FileRecord& file, const ProjectRecord& project) {
  return file.root_kind == static_cast<int>(FolderKind::kProject) && file.project_id == project.id;
}

void audit(StoreTx& tx, EntityKind kind, std::int64_t entity_id, const FileRecord& file,
           AttachmentAction action, const std::string& reason, const std::string& user_id,
           Timestamp at) {
  tx.attachments().add_audit(
      AttachmentAuditRecord{0, kind, entity_id, file.id, file.title, action, reason, user_id, at});
}

// Detaches the entity's files that `detach` selects, each with an audit record.
template <class Select>
void detach_where(StoreTx& tx, EntityKind kind, std::int64_t entity_id,
                  std::optional<std::int64_t> project_id, const std::string& user_id,
                  const std::string& reason, Select detach) {
  const std::vector<AttachmentRecord> attached = tx.attachments().of_entities(kind, {entity_id});
  if (attached.empty()) return;
  std::vector<std::int64_t> ids;
  for (const AttachmentRecord& a : attached)
    ids.push_back(a.file_id);
  const Timestamp now = now_utc();
  std::vector<FileRecord> detached;
  for (FileRecord& file : tx.files().by_ids(ids)) {
    if (!detach(file)) continue;
    tx.attachments().detach(kind, entity_id, file.id);
    audit(tx, kind, entity_id, file, AttachmentAction::kDetach, reason, user_id, now);
    detached.push_back(std::move(file));
  }
  publish_files_changed(tx, user_id, kind, entity_id, project_id, false, detached);
}

// What an attach or detach changed: the entity it checked and the files named.
struct FilesChange {
  EntityScope scope;
  std::vector<FileRecord> files;  // the readable files named, deduplicated, in order
};

// The entity, checked for editing, and the readable files of those named. On PostgreSQL the first
// reads of both go in one round trip (StoreTx::prefetch).
FilesChange checked_change(StoreTx& tx, const Viewer& viewer, EntityKind kind,
                           std::int64_t entity_id, const std::vector<std::int64_t>& file_ids) {
  const std::vector<std::int64_t> files = distinct(file_ids);
  tx.prefetch([&](StoreTx& reads) {
    if (kind == EntityKind::kTask) reads.tasks().by_ids({entity_id});
    reads.files().by_ids(files);
  });
  EntityScope scope = entity_for_editing(tx, viewer, kind, entity_id);
  std::vector<FileRecord> readable = readable_files(tx, viewer, scope, files);
  return FilesChange{std::move(scope), std::move(readable)};
}

// Attaches every file or none, with audit records: the checks of the header, inside `tx`.
FilesChange attach_in_tx(StoreTx& tx, const Viewer& viewer, EntityKind kind, std::int64_t entity_id,
                         const std::vector<std::int64_t>& file_ids) {
  FilesChange change = checked_change(tx, viewer, kind, entity_id, file_ids);
  std::vector<std::int64_t> outside;
  for (const FileRecord& file : change.files)
    if (!in_project_tree(file, change.scope.project)) outside.push_back(file.id);
  if (!outside.empty()) {
    const ProjectRecord& project = change.scope.project;
    std::string message = "Only files in the project's documents can be attached: upload them";
    if (project.folder_id)
      message += " into the project folder (id " + std::to_string(*project.folder_id) + ")";
    message += " first, e.g. POST api/2.0/files/{folderid}/upload";
    throw ApiError(ErrorKind::kBadRequest, message, ids_data(outside));
  }
  const Timestamp now = now_utc();
  std::vector<FileRecord> attached;
  for (const FileRecord& file : change.files)
    if (tx.attachments().attach(AttachmentRecord{kind, entity_id, file.id, now, viewer.user_id})) {
      audit(tx, kind, entity_id, file, AttachmentAction::kAttach, "", viewer.user_id, now);
      attached.push_back(file);
    }
  publish_files_changed(tx, viewer.user_id, kind, entity_id, change.scope.project.id, true,
                        attached);
  return change;
}

// Detaches the files named that are attached, with audit records, inside `tx`.
FilesChange detach_in_tx(StoreTx& tx, const Viewer& viewer, EntityKind kind, std::int64_t entity_id,
                         const std::vector<std::int64_t>& file_ids) {
  FilesChange change = checked_change(tx, viewer, kind, entity_id, file_ids);
  const Timestamp now = now_utc();
  std::vector<FileRecord> detached;
  for (const FileRecord& file : change.files)
    if (tx.attachments().detach(kind, entity_id, file.id)) {
      audit(tx, kind, entity_id, file, AttachmentAction::kDetach, "", viewer.user_id, now);
      detached.push_back(file);
    }
  publish_files_changed(tx, viewer.user_id, kind, entity_id, change.scope.project.id, false,
                        detached);
  return change;
}

// Attaching or detaching changes only the answers that show the entity's files: a task's
// (base/change_scope.h). A discussion's change stays broad. Named by the methods that open the
// write, never by the *_in_tx helpers other writes call.
void name_entity_scope(StoreTx& tx, EntityKind kind, std::int64_t entity_id) {
  if (kind == EntityKind::kTask) tx.changes_only({ChangeScope::task(entity_id)});
}

FilesChange change_in_tx(StoreTx& tx, const Viewer& viewer, EntityKind kind, std::int64_t entity_id,
                         AttachmentAction action, const std::vector<std::int64_t>& file_ids) {
  return action == AttachmentAction::kAttach ? attach_in_tx(tx, viewer, kind, entity_id, file_ids)
                                             : detach_in_tx(tx, viewer, kind, entity_id, file_ids);
}

}  // namespace

bool reattach_in_tx(StoreTx& tx, const Viewer& viewer, const AttachmentRecord& was,
                    const FileRecord& file, const std::string& reason, Timestamp at) {
  std::optional<EntityScope> scope;
  try {
    scope = readable_entity(tx, viewer, was.kind, was.entity_id);
  } catch (const ApiError& e) {
    // Gone or hidden: the file stays unattached. Anything else (the store failing) goes on up.
    if (e.kind() != ErrorKind::kNotFound && e.kind() != ErrorKind::kForbidden) throw;
    return false;
  }
  if (scope->closed || !scope->edit_files || !in_project_tree(file, scope->project)) return false;
  if (!tx.attachments().attach(
          AttachmentRecord{was.kind, was.entity_id, file.id, at, viewer.user_id}))
    return false;
  audit(tx, was.kind, was.entity_id, file, AttachmentAction::kAttach, reason, viewer.user_id, at);
  publish_files_changed(tx, viewer.user_id, was.kind, was.entity_id, scope->project.id, true,
                        {file});
  return true;
}

void detach_all_in_tx(StoreTx& tx, EntityKind kind, std::int64_t entity_id,
                      std::optional<std::int64_t> project_id, const std::string& user_id,
                      const std::string& reason) {
  detach_where(tx, kind, entity_id, project_id, user_id, reason,
               [](const FileRecord&) { return true; });
}

void detach_outside_project_in_tx(StoreTx& tx, EntityKind kind, std::int64_t entity_id,
                                  const ProjectRecord& project, const std::string& user_id,
                                  const std::string& reason) {
  detach_where(tx, kind, entity_id, project.id, user_id, reason,
               [&](const FileRecord& file) { return !in_project_tree(file, project); });
}

AttachmentService::AttachmentService(Store& store, FileService& files)
    : store_(store), files_(files) {}

FileViews AttachmentService::list(const Caller& caller, EntityKind kind, std::int64_t entity_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    entity_for_reading(tx, viewer, kind, entity_id);
    return load_file_views(tx, viewer, attached_files(tx, kind, entity_id));
  });
}

FileViews AttachmentService::attach(const Caller& caller, EntityKind kind, std::int64_t entity_id,
                                    const std::vector<std::int64_t>& file_ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    name_entity_scope(tx, kind, entity_id);
    return load_file_views(tx, viewer, attach_in_tx(tx, viewer, kind, entity_id, file_ids).files);
  });
}

FileViews AttachmentService::detach(const Caller& caller, EntityKind kind, std::int64_t entity_id,
                                    const std::vector<std::int64_t>& file_ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    name_entity_scope(tx, kind, entity_id);
    return load_file_views(tx, viewer, detach_in_tx(tx, viewer, kind, entity_id, file_ids).files);
  });
}

TaskViews AttachmentService::change_task_files(const Caller& caller, std::int64_t task_id,
                                               AttachmentAction action,
                                               const std::vector<std::int64_t>& file_ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    name_entity_scope(tx, EntityKind::kTask, task_id);
    FilesChange change = change_in_tx(tx, viewer, EntityKind::kTask, task_id, action, file_ids);
    return load_task_view(tx, viewer, std::move(*change.scope.task));
  });
}

MessageFullView AttachmentService::change_message_files(const Caller& caller,
                                                        std::int64_t message_id,
                                                        AttachmentAction action,
                                                        const std::vector<std::int64_t>& file_ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    change_in_tx(tx, viewer, EntityKind::kMessage, message_id, action, file_ids);
    return load_message_full_view(tx, viewer, message_id);
  });
}

AuditViews AttachmentService::history(const Caller& caller, EntityKind kind,
                                      std::int64_t entity_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    // The history names the files, so it needs the right the file list needs.
    entity_for_reading(tx, viewer, kind, entity_id);
    std::vector<AttachmentAuditRecord> entries = tx.attachments().audit(kind, entity_id);
    std::vector<std::int64_t> ids;
    for (const AttachmentAuditRecord& r : entries)
      ids.push_back(r.file_id);
    // Nor may it name a file the caller cannot read: one of another project, detached when the
    // discussion moved. A deleted file's records stay: the history outlives the files.
    FileAccessResolver access(tx, viewer);
    std::set<std::int64_t> hidden;
    for (const FileRecord& file : tx.files().by_ids(distinct(ids)))
      if (!access.of_file(file).read) hidden.insert(file.id);
    AuditViews out;
    for (AttachmentAuditRecord& r : entries)
      if (!hidden.contains(r.file_id)) out.entries.push_back(std::move(r));
    std::vector<std::string> people;
    for (const AttachmentAuditRecord& r : out.entries)
      people.push_back(r.user_id);
    out.people = PeopleIndex::load(tx.users(), people);
    return out;
  });
}

FileViews AttachmentService::upload_and_attach(const Caller& caller, EntityKind kind,
                                               std::int64_t entity_id,
                                               std::optional<std::int64_t> folder_id,
                                               std::vector<SpooledFile>& files,
                                               const UploadOptions& options) {
  const Viewer viewer = viewer_of(caller);
  const std::int64_t target = store_.read_value([&](StoreTx& tx) {
    const EntityScope scope = entity_for_editing(tx, viewer, kind, entity_id);
    if (!scope.project.folder_id) throw_conflict("The project has no documents folder");
    if (!folder_id) return *scope.project.folder_id;
    auto folder = tx.folders().by_id(*folder_id);
    FileAccessResolver access(tx, viewer);
    if (!folder || !access.of_folder(*folder).read) throw_not_found();
    if (folder->root_kind != static_cast<int>(FolderKind::kProject) ||
        folder->project_id != scope.project.id)
      throw_bad_request("Parameter 'folderid': upload into the project's documents (folder id " +
                        std::to_string(*scope.project.folder_id) + ") or one of its subfolders");
    return *folder_id;
  });
  FileViews uploaded =
      files_.upload(caller, FolderRef{FolderRef::Kind::kId, target}, files, options);
  std::vector<std::int64_t> ids;
  for (const FileView& view : uploaded.files)
    ids.push_back(view.file.id);
  attach(caller, kind, entity_id, ids);
  return uploaded;
}

}  // namespace projectd
