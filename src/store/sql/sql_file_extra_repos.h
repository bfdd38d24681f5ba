// The repositories of file_extra_repos.h on one connection, written once for SQLite and
// PostgreSQL (sql_dialect.h). They run statements only; the transaction around them belongs to the
// Store. Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/file_extra_repos.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlFilesSettingsRepo final : public FilesSettingsRepo {
 public:
  explicit SqlFilesSettingsRepo(SqlConnection& connection) : connection_(connection) {}
  FilesUserSettings of_user(std::string_view user_id) override;
  void save_user(std::string_view user_id, const FilesUserSettings& settings) override;

 private:
  SqlConnection& connection_;
};

class SqlFileMarkRepo final : public FileMarkRepo {
 public:
  explicit SqlFileMarkRepo(SqlConnection& connection) : connection_(connection) {}
  void mark_files(std::string_view user_id, FileMarkKind kind,
                  const std::vector<std::int64_t>& file_ids, Timestamp at) override;
  void unmark_files(std::string_view user_id, FileMarkKind kind,
                    const std::vector<std::int64_t>& file_ids) override;
  void mark_folders(std::string_view user_id, FileMarkKind kind,
                    const std::vector<std::int64_t>& folder_ids, Timestamp at) override;
  void unmark_folders(std::string_view user_id, FileMarkKind kind,
                      const std::vector<std::int64_t>& folder_ids) override;
  std::vector<FileMark> files(std::string_view user_id, FileMarkKind kind) override;
  std::vector<FileMark> folders(std::string_view user_id, FileMarkKind kind) override;
  std::optional<Timestamp> file_mark(std::string_view user_id, FileMarkKind kind,
                                     std::int64_t file_id) override;
  void keep_newest_files(std::string_view user_id, FileMarkKind kind, std::int64_t keep) override;

 private:
  SqlConnection& connection_;
};

class SqlFileSearchRepo final : public FileSearchRepo {
 public:
  explicit SqlFileSearchRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<FolderRecord> roots_for(std::string_view owner_id) override;
  std::vector<TitleEntry> entries_under(const std::vector<std::int64_t>& root_ids) override;
  std::vector<FolderRecord> folders_by_ids(const std::vector<std::int64_t>& ids) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
