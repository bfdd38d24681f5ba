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
  std::optional<FileOperationRecord> by_id(std::string_view id) override;
  bool set_progress(std::string_view id, int progress, std::int64_t processed) override;
  bool finish(std::string_view id, const OperationEnd& end) override;
  std::vector<std::string> finish_running_of_owner(std::string_view owner_id,
                                                   const OperationEnd& end) override;
  std::int64_t finish_running_of_node(std::string_view node, const OperationEnd& end) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
