// FileOperationRepo (store/file_operation_repo.h) on one SQLite or PostgreSQL connection. The id
// lists are stored as comma-separated ids. Thread safety: as the connection's.
#pragma once

#include "store/file_operation_repo.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlFileOperationRepo final : public FileOperationRepo {
 public:
  explicit SqlFileOperationRepo(SqlConnection& connection) : connection_(connection) {}
  void insert(const FileOperationRecord& operation) override;
  std::vector<FileOperationRecord> of_owner(std::string_view owner_id, Timestamp since,
                                            std::int64_t limit) override;
  void prune_finished_before(std::string_view owner_id, Timestamp before) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
