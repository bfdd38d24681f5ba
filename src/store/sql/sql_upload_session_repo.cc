// Chunked upload sessions (sql_upload_session_repo.h).
#include "store/sql/sql_upload_session_repo.h"

#include "store/sql/sql_statement.h"

namespace projectd {
namespace {

std::vector<std::string> upload_session_id_column(SqlStatement& rows) {
  std::vector<std::string> out;
  while (rows.step())
    out.push_back(rows.text(0));
  return out;
}

}  // namespace

void SqlUploadSessionRepo::insert(const UploadSessionRecord& s) {
  connection_
      .prepare(
          "INSERT INTO upload_sessions (id, user_id, folder_id, title, bytes_total, "
          "bytes_uploaded, chunks, create_new_if_exist, created, expires) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
      .bind_all(s.id, s.user_id, s.folder_id, s.title, s.bytes_total, s.bytes_uploaded, s.chunks,
                s.create_new_if_exist, s.created, s.expires)
      .run();
}

std::optional<UploadSessionRecord> SqlUploadSessionRepo::by_id(std::string_view id) {
  SqlStatement row = connection_.prepare(
      "SELECT id, user_id, folder_id, title, bytes_total, bytes_uploaded, chunks, "
      "create_new_if_exist, created, expires FROM upload_sessions WHERE id = ?1");
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return UploadSessionRecord{.id = row.text(0),
                             .user_id = row.text(1),
                             .folder_id = row.int64(2),
                             .title = row.text(3),
                             .bytes_total = row.int64(4),
                             .bytes_uploaded = row.int64(5),
                             .chunks = row.int64(6),
                             .create_new_if_exist = row.int64(7) != 0,
                             .created = row.timestamp(8),
                             .expires = row.timestamp(9)};
}

bool SqlUploadSessionRepo::advance(std::string_view id, std::int64_t from, std::int64_t to,
                                   Timestamp expires) {
  connection_
      .prepare(
          "UPDATE upload_sessions SET bytes_uploaded = ?3, chunks = chunks + 1, expires = ?4 "
          "WHERE id = ?1 AND bytes_uploaded = ?2")
      .bind_all(id, from, to, expires)
      .run();
  return connection_.changes() > 0;
}

bool SqlUploadSessionRepo::remove(std::string_view id) {
  connection_.prepare("DELETE FROM upload_sessions WHERE id = ?1").bind_all(id).run();
  return connection_.changes() > 0;
}

std::vector<std::string> SqlUploadSessionRepo::remove_expired(Timestamp now) {
  SqlStatement expired =
      connection_.prepare("SELECT id FROM upload_sessions WHERE expires <= ?1 ORDER BY id");
  expired.bind_all(now);
  std::vector<std::string> out = upload_session_id_column(expired);
  if (!out.empty())
    connection_.prepare("DELETE FROM upload_sessions WHERE expires <= ?1").bind_all(now).run();
  return out;
}

std::vector<std::string> SqlUploadSessionRepo::ids() {
  SqlStatement rows = connection_.prepare("SELECT id FROM upload_sessions ORDER BY id");
  return upload_session_id_column(rows);
}

}  // namespace projectd
