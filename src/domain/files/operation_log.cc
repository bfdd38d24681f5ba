#include "domain/files/operation_log.h"

#include "auth/random.h"

namespace projectd {

FileOperationRecord record_operation_in_tx(StoreTx& tx, const std::string& user_id,
                                           FinishedOperation operation) {
  const Timestamp now = now_utc();
  FileOperationRecord record{.id = random_guid(),
                             .owner_id = user_id,
                             .type = operation.type,
                             .progress = 100,
                             .finished = true,
                             .error = std::move(operation.error),
                             .processed = operation.processed,
                             .file_ids = std::move(operation.file_ids),
                             .folder_ids = std::move(operation.folder_ids),
                             .url = std::nullopt,
                             .created = now,
                             .finished_at = now,
                             .node = std::nullopt};
  tx.file_operations().prune_finished_before(user_id, now - kFinishedOperationRetention);
  tx.file_operations().insert(record);
  return record;
}

std::vector<FileOperationRecord> listed_operations_in_tx(StoreTx& tx, const std::string& user_id) {
  return tx.file_operations().of_owner(user_id, now_utc() - kFinishedOperationRetention,
                                       kListedOperationsLimit);
}

}  // namespace projectd
