// The Documents file operations (migrations 0010 and 0016).
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

constexpr const char* kFileOperationColumns =
    "id, owner_id, type, progress, finished, error, processed, file_ids, folder_ids, url, created, "
    "finished_at, node";

FileOperationRecord file_operation_of_row(const SqlStatement& rows) {
  return FileOperationRecord{.id = rows.text(0),
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
                             .finished_at = rows.optional_timestamp(11),
                             .node = rows.optional_text(12)};
}

}  // namespace

void SqlFileOperationRepo::insert(const FileOperationRecord& o) {
  connection_
      .prepare(
          "INSERT INTO file_operations (id, owner_id, type, progress, finished, error, processed, "
          "file_ids, folder_ids, url, created, finished_at, node) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
      .bind_all(o.id, o.owner_id, o.type, o.progress, o.finished, o.error, o.processed,
                operation_id_list(o.file_ids), operation_id_list(o.folder_ids), o.url, o.created,
                o.finished_at, o.node)
      .run();
}

// The newest `limit` by seq, turned back to the order they were recorded in.
std::vector<FileOperationRecord> SqlFileOperationRepo::of_owner(std::string_view owner_id,
                                                                Timestamp since,
                                                                std::int64_t limit) {
  SqlStatement rows = connection_.prepare(
      std::string("SELECT ") + kFileOperationColumns +
      " FROM file_operations WHERE owner_id = ?1 AND (finished = 0 OR finished_at >= ?2) "
      "ORDER BY seq DESC LIMIT ?3");
  rows.bind_all(owner_id, since, limit);
  std::vector<FileOperationRecord> out;
  while (rows.step())
    out.push_back(file_operation_of_row(rows));
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

std::optional<FileOperationRecord> SqlFileOperationRepo::by_id(std::string_view id) {
  SqlStatement rows = connection_.prepare(std::string("SELECT ") + kFileOperationColumns +
                                          " FROM file_operations WHERE id = ?1");
  rows.bind_all(id);
  if (!rows.step()) return std::nullopt;
  return file_operation_of_row(rows);
}

bool SqlFileOperationRepo::set_progress(std::string_view id, int progress, std::int64_t processed) {
  SqlStatement updated = connection_.prepare(
      "UPDATE file_operations SET progress = ?2, processed = ?3 WHERE id = ?1 AND finished = 0 "
      "RETURNING seq");
  updated.bind_all(id, progress, processed);
  return updated.step();
}

bool SqlFileOperationRepo::finish(std::string_view id, const OperationEnd& end) {
  SqlStatement updated = connection_.prepare(
      "UPDATE file_operations SET progress = 100, finished = 1, error = ?2, url = ?3, "
      "processed = ?4, finished_at = ?5, node = NULL WHERE id = ?1 AND finished = 0 "
      "RETURNING seq");
  updated.bind_all(id, end.error, end.url, end.processed, end.at);
  return updated.step();
}

// A terminated operation keeps the count its worker reached.
std::vector<std::string> SqlFileOperationRepo::finish_running_of_owner(std::string_view owner_id,
                                                                       const OperationEnd& end) {
  SqlStatement updated = connection_.prepare(
      "UPDATE file_operations SET progress = 100, finished = 1, error = ?2, url = NULL, "
      "finished_at = ?3, node = NULL WHERE owner_id = ?1 AND finished = 0 RETURNING id");
  updated.bind_all(owner_id, end.error, end.at);
  std::vector<std::string> ids;
  while (updated.step())
    ids.push_back(updated.text(0));
  return ids;
}

std::int64_t SqlFileOperationRepo::finish_running_of_node(std::string_view node,
                                                          const OperationEnd& end) {
  SqlStatement updated = connection_.prepare(
      "UPDATE file_operations SET progress = 100, finished = 1, error = ?2, url = NULL, "
      "finished_at = ?3, node = NULL WHERE node = ?1 AND finished = 0 RETURNING seq");
  updated.bind_all(node, end.error, end.at);
  std::int64_t n = 0;
  while (updated.step())
    ++n;
  return n;
}

}  // namespace projectd
