// The repositories of the Documents surface. Each call is one statement or a fixed handful, never
// one per row. Content bytes are the blob store's; these keep which version uses which content.
#pragma once

#include "store/file_records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

class FolderRepo {
 public:
  virtual ~FolderRepo() = default;
  virtual std::optional<FolderRecord> by_id(std::int64_t id) = 0;
  // The user's @my folder, if it was made.
  virtual std::optional<FolderRecord> my_folder(std::string_view user_id) = 0;
  virtual std::optional<FolderRecord> common_folder() = 0;
  // Returns the new id. A folder with a parent inherits root_id, root_kind, owner_id and
  // project_id from it (the record's values are ignored); a root gets root_id = its id and
  // root_kind = its kind.
  virtual std::int64_t insert(const FolderRecord& folder) = 0;
  virtual void rename(std::int64_t id, std::string_view title, Timestamp at,
                      std::string_view by) = 0;
  // With everything below it: subfolders, files, their versions and attachments (cascade).
  virtual void remove(std::int64_t id) = 0;
  // Subfolders of query.parent_id by title (case-insensitive), then id.
  virtual std::vector<FolderRecord> children(const FolderListQuery& query) = 0;
  virtual std::int64_t count_children(const FolderListQuery& query) = 0;  // ignores offset/limit
  // A subfolder of parent_id with this title, case-insensitive.
  virtual std::optional<FolderRecord> child_by_title(std::int64_t parent_id,
                                                     std::string_view title) = 0;
  // Direct files and folders inside each of these folders, one statement; every id is answered.
  virtual std::vector<FolderCounts> counts(const std::vector<std::int64_t>& ids) = 0;
  // The folder and its ancestors, root first.
  virtual std::vector<FolderRecord> path(std::int64_t id) = 0;
  // Folders by id, one statement; unknown ids are left out, in id order.
  virtual std::vector<FolderRecord> by_ids(const std::vector<std::int64_t>& ids) = 0;
  // The folder and every folder below it, parents before their children. One statement.
  virtual std::vector<FolderRecord> subtree(std::int64_t id) = 0;
  // Makes `id` a subfolder of `parent_id` (which must not be inside it): the folder and its
  // subtree take the new parent's root, root kind, owner and project. Two statements.
  virtual void move(std::int64_t id, std::int64_t parent_id, Timestamp at, std::string_view by) = 0;
};

class FileRepo {
 public:
  virtual ~FileRepo() = default;
  // The current version.
  virtual std::optional<FileRecord> by_id(std::int64_t id) = 0;
  // Current versions, one statement; unknown ids are left out, the order is unspecified.
  virtual std::vector<FileRecord> by_ids(const std::vector<std::int64_t>& ids) = 0;
  // The file as `version` shows it; nullopt when the file or the version does not exist.
  virtual std::optional<FileRecord> at_version(std::int64_t id, int version) = 0;
  // Every version, newest first.
  virtual std::vector<FileRecord> history(std::int64_t id) = 0;
  // A file in this folder with this title, case-insensitive.
  virtual std::optional<FileRecord> by_title(std::int64_t folder_id, std::string_view title) = 0;
  // Inserts the file with file.version as its first version (file.current_version is ignored and
  // becomes file.version.version; its version group is its version number); returns the new id.
  virtual std::int64_t insert(const FileRecord& file) = 0;
  // Stores a new version (its number must be the current one + 1) in a version group of its own
  // (the current version's + 1; version.version_group is ignored); it becomes current, and the
  // file's updated/updated_by become the version's created/created_by.
  virtual void add_version(std::int64_t file_id, const FileVersionRecord& version) = 0;
  // The original's CompleteVersion: the versions after `version` move up one group, so `version`
  // ends its group. One statement.
  virtual void complete_version(std::int64_t id, int version) = 0;
  // The original's ContinueVersion: the versions after `version` that are in a later group than
  // it move down one group, so the group after `version`'s joins it. Two statements.
  virtual void continue_version(std::int64_t id, int version) = 0;
  virtual void rename(std::int64_t id, std::string_view title, Timestamp at,
                      std::string_view by) = 0;
  // Removes the file with its versions and attachments.
  virtual void remove(std::int64_t id) = 0;
  // Files directly in query.folder_id by title (case-insensitive), then id.
  virtual std::vector<FileRecord> in_folder(const FileListQuery& query) = 0;
  virtual std::int64_t count_in_folder(const FileListQuery& query) = 0;  // ignores offset/limit
  // Ids of the files in this folder's whole subtree.
  virtual std::vector<std::int64_t> ids_under(std::int64_t folder_id) = 0;
  // The contents every version of these files uses (distinct).
  virtual std::vector<std::string> contents_of(const std::vector<std::int64_t>& file_ids) = 0;
  // Whether any version of any file, or any profile photo (PhotoRepo), still uses this content.
  virtual bool content_referenced(std::string_view sha256) = 0;
  // Puts the file into another folder under `title` (its versions go with it). One statement.
  virtual void move(std::int64_t id, std::int64_t folder_id, std::string_view title, Timestamp at,
                    std::string_view by) = 0;
};

class AttachmentRepo {
 public:
  virtual ~AttachmentRepo() = default;
  // Adds the link; false (and nothing written) when it already exists.
  virtual bool attach(const AttachmentRecord& attachment) = 0;
  // Removes the link; false when there was none.
  virtual bool detach(EntityKind kind, std::int64_t entity_id, std::int64_t file_id) = 0;
  // The attachments of these entities, one statement, by entity then attach time then file id.
  virtual std::vector<AttachmentRecord> of_entities(EntityKind kind,
                                                    const std::vector<std::int64_t>& ids) = 0;
  // Every entity the file is attached to.
  virtual std::vector<AttachmentRecord> of_file(std::int64_t file_id) = 0;
  // The attachments of the files in these ids (for deleting several files), one statement.
  virtual std::vector<AttachmentRecord> of_files(const std::vector<std::int64_t>& file_ids) = 0;
  virtual void add_audit(const AttachmentAuditRecord& record) = 0;
  // Oldest first.
  virtual std::vector<AttachmentAuditRecord> audit(EntityKind kind, std::int64_t entity_id) = 0;
};

}  // namespace projectd
