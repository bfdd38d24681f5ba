// UploadSessionRepo (store/upload_session_repos.h) on one connection, for SQLite and PostgreSQL.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/sql/sql_connection.h"
#include "store/upload_session_repos.h"

namespace projectd {

class SqlUploadSessionRepo final : public UploadSessionRepo {
 public:
  explicit SqlUploadSessionRepo(SqlConnection& connection) : connection_(connection) {}
  void insert(const UploadSessionRecord& session) override;
  std::optional<UploadSessionRecord> by_id(std::string_view id) override;
  bool advance(std::string_view id, std::int64_t from, std::int64_t to, Timestamp expires) override;
  bool remove(std::string_view id) override;
  std::vector<std::string> remove_expired(Timestamp now) override;
  std::vector<std::string> ids() override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
