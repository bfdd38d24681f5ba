// TrashRepo (store/trash_repo.h) on one connection, for SQLite and PostgreSQL.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/sql/sql_connection.h"
#include "store/trash_repo.h"

namespace projectd {

class SqlTrashRepo final : public TrashRepo {
 public:
  explicit SqlTrashRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<FolderRecord> trash_folder(std::string_view user_id) override;
  void mark_file(std::int64_t id, std::int64_t from, Timestamp at) override;
  void mark_folder(std::int64_t id, std::int64_t from, Timestamp at) override;
  void unmark(const std::vector<std::int64_t>& file_ids,
              const std::vector<std::int64_t>& folder_ids) override;
  void remember_attachment(const AttachmentRecord& attachment) override;
  std::vector<AttachmentRecord> take_attachments(
      const std::vector<std::int64_t>& file_ids) override;
  std::vector<ExpiredTrashEntry> expired(const std::vector<Timestamp>& cutoffs) override;

 private:
  // Sets the trash marks of row `id` of `table` (files or folders).
  void mark(const char* table, std::int64_t id, std::int64_t from, Timestamp at);
  SqlConnection& connection_;
};

}  // namespace projectd
