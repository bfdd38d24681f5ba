// The repositories of file_repos.h on one SQLite connection. They run statements only; the
// transaction around them belongs to the Store (SQLite or PostgreSQL).
//
// What callers can rely on beyond the interfaces:
// - insert ignores the record's id and returns the new one. FolderRepo::insert under a parent
//   that does not exist, rename of an unknown id and add_version of an unknown file throw
//   ApiError(kNotFound); add_version whose number is not the current one + 1 throws
//   ApiError(kConflict). remove and detach of an unknown id do nothing. FileRepo::insert into a
//   folder that does not exist and attach of a file that does not exist break a foreign key
//   (ApiError kInternal): callers look them up first.
// - Batch readers (FileRepo::by_ids, contents_of, FolderRepo::counts, AttachmentRepo::of_entities
//   and of_files) run one statement whatever the list length; a repeated id is answered once.
//   by_ids and counts answer in id order, contents_of in sha256 order.
// - Title order, title lookups and the `text` filters ignore ASCII case only (SQLite's NOCASE and
//   LIKE): "É" and "é" differ. `text` is matched literally (% and _ are no wildcards).
// - files.extension (the column FileListQuery::extensions filters on) is stored_extension() of
//   the title, kept on insert and rename.
// - Attachments of one entity come oldest first, then by file id; of_file orders by entity kind
//   and id, of_files by file, entity kind and id.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/file_repos.h"
#include "store/sql/sql_connection.h"

#include <string>
#include <string_view>

namespace projectd {

// The extension a file title is filed under: from the last '.' to the end, ASCII-lowercased
// (".docx"), or "" when the title has no '.', ends with one, or has its only '.' first (a
// dot-file such as ".bashrc" has no extension, as on Unix). domain/files/file_types.h's
// extension_of is expected to agree.
std::string stored_extension(std::string_view title);

class SqlFolderRepo final : public FolderRepo {
 public:
  explicit SqlFolderRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<FolderRecord> by_id(std::int64_t id) override;
  std::optional<FolderRecord> my_folder(std::string_view user_id) override;
  // The oldest @common folder (the schema allows one).
  std::optional<FolderRecord> common_folder() override;
  std::int64_t insert(const FolderRecord& folder) override;
  void rename(std::int64_t id, std::string_view title, Timestamp at, std::string_view by) override;
  void remove(std::int64_t id) override;
  std::vector<FolderRecord> children(const FolderListQuery& query) override;
  std::int64_t count_children(const FolderListQuery& query) override;
  // The first by id when several match.
  std::optional<FolderRecord> child_by_title(std::int64_t parent_id,
                                             std::string_view title) override;
  std::vector<FolderCounts> counts(const std::vector<std::int64_t>& ids) override;
  // Empty when the folder does not exist.
  std::vector<FolderRecord> path(std::int64_t id) override;
  std::vector<FolderRecord> by_ids(const std::vector<std::int64_t>& ids) override;
  // By depth, then title (ASCII case ignored), then id; empty for an unknown folder.
  std::vector<FolderRecord> subtree(std::int64_t id) override;
  // Throws kNotFound when either folder does not exist.
  void move(std::int64_t id, std::int64_t parent_id, Timestamp at, std::string_view by) override;

 private:
  SqlConnection& connection_;
};

class SqlFileRepo final : public FileRepo {
 public:
  explicit SqlFileRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<FileRecord> by_id(std::int64_t id) override;
  std::vector<FileRecord> by_ids(const std::vector<std::int64_t>& ids) override;
  std::optional<FileRecord> at_version(std::int64_t id, int version) override;
  std::vector<FileRecord> history(std::int64_t id) override;
  // The first by id when several match.
  std::optional<FileRecord> by_title(std::int64_t folder_id, std::string_view title) override;
  // Stores file.created, created_by, updated and updated_by as given.
  std::int64_t insert(const FileRecord& file) override;
  void add_version(std::int64_t file_id, const FileVersionRecord& version) override;
  void complete_version(std::int64_t id, int version) override;
  void continue_version(std::int64_t id, int version) override;
  void rename(std::int64_t id, std::string_view title, Timestamp at, std::string_view by) override;
  void remove(std::int64_t id) override;
  std::vector<FileRecord> in_folder(const FileListQuery& query) override;
  std::int64_t count_in_folder(const FileListQuery& query) override;
  // In id order, the files directly in the folder included; empty for an unknown folder.
  std::vector<std::int64_t> ids_under(std::int64_t folder_id) override;
  std::vector<std::string> contents_of(const std::vector<std::int64_t>& file_ids) override;
  bool content_referenced(std::string_view sha256) override;
  // Throws kNotFound for an unknown file; the folder must exist (foreign key).
  void move(std::int64_t id, std::int64_t folder_id, std::string_view title, Timestamp at,
            std::string_view by) override;

 private:
  SqlConnection& connection_;
};

class SqlAttachmentRepo final : public AttachmentRepo {
 public:
  explicit SqlAttachmentRepo(SqlConnection& connection) : connection_(connection) {}
  bool attach(const AttachmentRecord& attachment) override;
  bool detach(EntityKind kind, std::int64_t entity_id, std::int64_t file_id) override;
  // By entity id (not the order of ids), then attach time, then file id.
  std::vector<AttachmentRecord> of_entities(EntityKind kind,
                                            const std::vector<std::int64_t>& ids) override;
  std::vector<AttachmentRecord> of_file(std::int64_t file_id) override;
  std::vector<AttachmentRecord> of_files(const std::vector<std::int64_t>& file_ids) override;
  // record.id is ignored.
  void add_audit(const AttachmentAuditRecord& record) override;
  std::vector<AttachmentAuditRecord> audit(EntityKind kind, std::int64_t entity_id) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
