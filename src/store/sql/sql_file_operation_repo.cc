// The Documents file operations (migration 0010).
#include "store/sql/sql_file_operation_repo.h"

#include <algorithm>
#include <charconv>

namespace projectd {
namespace {

std::string operation_id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (std::int64_t id : ids)
    out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

// The stored list back; the column is only ever written by operation_id_list.
std::vector<std::int64_t> parse_operation_id_list(std::string_view text) {
  std::vector<std::int64_t> ids;
  while (!text.empty()) {
    const std::size_t comma = std::min(text.find(','), text.size());
    std::int64_t id = 0;
    const std::string_view item = text.substr(0, comma);
    if (std::from_chars(item.data(), item.data() + item.size(), id).ec == std::errc())
      ids.push_back(id);
    text.remove_prefix(std::min(comma + 1, text.size()));
  }
  return ids;
}

}  // namespace

void SqlFileOperationRepo::insert(const FileOperationRecord& o) {
  connection_
      .prepare(
          "INSERT INTO file_operations (id, owner_id, type, progress, finished, error, processed, "
          "file_ids, folder_ids, url, created, finished_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
      .bind_all(o.id, o.owner_id, o.type, o.progress, o.finished, o.error, o.processed,
                operation_id_list(o.file_ids), operation_id_list(o.folder_ids), o.url, o.created,
                o.finished_at)
      .run();
}

// The newest `limit` by seq, turned back to the order they were recorded in.
std::vector<FileOperationRecord> SqlFileOperationRepo::of_owner(std::string_view owner_id,
                                                                Timestamp since,
                                                                std::int64_t limit) {
  SqlStatement rows = connection_.prepare(
      "SELECT id, owner_id, type, progress, finished, error, processed, file_ids, folder_ids, "
      "url, created, finished_at FROM file_operations "
      "WHERE owner_id = ?1 AND (finished = 0 OR finished_at >= ?2) ORDER BY seq DESC LIMIT ?3");
  rows.bind_all(owner_id, since, limit);
  std::vector<FileOperationRecord> out;
  while (rows.step())
    out.push_back(FileOperationRecord{.id = rows.text(0),
                                      .owner_id = rows.text(1),
                                      .type = static_cast<FileOperationType>(rows.int64(2)),
                                      .progress = static_cast<int>(rows.int64(3)),
                                      .finished = rows.int64(4) != 0,
                                      .error = rows.optional_text(5),
                                      .processed = rows.int64(6),
                                      .file_ids = parse_operation_id_list(rows.text(7)),
                                      .folder_ids = parse_operation_id_list(rows.text(8)),
                                      .url = rows.optional_text(9),
                                      .created = rows.timestamp(10),
                                      .finished_at = rows.optional_timestamp(11)});
  std::reverse(out.begin(), out.end());
  return out;
}

void SqlFileOperationRepo::prune_finished_before(std::string_view owner_id, Timestamp before) {
  connection_
      .prepare(
          "DELETE FROM file_operations WHERE owner_id = ?1 AND finished = 1 AND finished_at < ?2")
      .bind_all(owner_id, before)
      .run();
}

}  // namespace projectd
