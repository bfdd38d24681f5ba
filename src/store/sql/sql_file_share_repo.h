// FileShareRepo (store/file_share_repos.h) on one SQLite or PostgreSQL connection, written once for
// both (sql_dialect.h). Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/file_share_repos.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlFileShareRepo final : public FileShareRepo {
 public:
  explicit SqlFileShareRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<FileShareRecord> of_entry(ShareEntry entry) override;
  std::vector<FileShareRecord> naming(const std::vector<std::string>& subjects) override;
  void put(const FileShareRecord& share) override;
  void remove(ShareEntry entry, std::string_view subject) override;
  void forget_subject(std::string_view subject) override;
  std::vector<std::int64_t> shared_files(const std::vector<std::int64_t>& ids) override;
  std::vector<std::int64_t> shared_folders(const std::vector<std::int64_t>& ids) override;
  std::optional<ShareLinkRecord> link_of_file(std::int64_t file_id) override;
  std::optional<ShareLinkRecord> link_by_token(std::string_view token) override;
  void put_link(const ShareLinkRecord& link) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
