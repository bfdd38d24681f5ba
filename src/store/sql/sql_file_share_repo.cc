// Shares and external links of Documents (migration 0014; sql_file_share_repo.h).
#include "store/sql/sql_file_share_repo.h"

#include "store/sql/sql_bound_values.h"

namespace projectd {
namespace {

constexpr const char* kShareColumns =
    "file_id, folder_id, subject, subject_kind, access, shared_by, at";

// The column that names an entry of this kind.
const char* share_entry_column(ShareEntryKind kind) {
  return kind == ShareEntryKind::kFile ? "file_id" : "folder_id";
}

FileShareRecord share_row(const SqlStatement& row) {
  FileShareRecord out;
  if (row.is_null(0))
    out.entry = ShareEntry{ShareEntryKind::kFolder, row.int64(1)};
  else
    out.entry = ShareEntry{ShareEntryKind::kFile, row.int64(0)};
  out.subject = row.text(2);
  out.subject_kind = static_cast<ShareSubjectKind>(row.int64(3));
  out.access = static_cast<int>(row.int64(4));
  out.shared_by = row.text(5);
  out.at = row.timestamp(6);
  return out;
}

std::vector<FileShareRecord> share_rows(SqlStatement& rows) {
  std::vector<FileShareRecord> out;
  while (rows.step())
    out.push_back(share_row(rows));
  return out;
}

std::optional<ShareLinkRecord> share_link_row(SqlStatement& row) {
  if (!row.step()) return std::nullopt;
  return ShareLinkRecord{row.int64(0), row.text(1), static_cast<int>(row.int64(2)), row.text(3),
                         row.timestamp(4)};
}

std::vector<std::int64_t> share_ids(SqlStatement& rows) {
  std::vector<std::int64_t> out;
  while (rows.step())
    out.push_back(rows.int64(0));
  return out;
}

}  // namespace

std::vector<FileShareRecord> SqlFileShareRepo::of_entry(ShareEntry entry) {
  SqlStatement rows =
      connection_.prepare(std::string("SELECT ") + kShareColumns + " FROM file_shares WHERE " +
                          share_entry_column(entry.kind) + " = ?1 ORDER BY id");
  rows.bind_all(entry.id);
  return share_rows(rows);
}

std::vector<FileShareRecord> SqlFileShareRepo::naming(const std::vector<std::string>& subjects) {
  if (subjects.empty()) return {};
  SqlStatement rows = connection_.prepare(
      std::string("SELECT ") + kShareColumns + " FROM file_shares WHERE " +
      connection_.dialect().in_ids("subject", 1, subjects.size(), SqlType::kText) + " ORDER BY id");
  rows.bind_all(ids_value(subjects));
  return share_rows(rows);
}

void SqlFileShareRepo::put(const FileShareRecord& s) {
  const std::string column = share_entry_column(s.entry.kind);
  // An update first: the two partial unique indexes make a portable upsert awkward.
  connection_
      .prepare("UPDATE file_shares SET access = ?1, shared_by = ?2, at = ?3 WHERE " + column +
               " = ?4 AND subject = ?5")
      .bind_all(s.access, s.shared_by, s.at, s.entry.id, s.subject)
      .run();
  if (connection_.changes() > 0) return;
  const bool file = s.entry.kind == ShareEntryKind::kFile;
  std::optional<std::string> user_id, group_id;
  if (s.subject_kind == ShareSubjectKind::kPerson) user_id = s.subject;
  if (s.subject_kind == ShareSubjectKind::kGroup) group_id = s.subject;
  connection_
      .prepare(
          "INSERT INTO file_shares (file_id, folder_id, subject, subject_kind, user_id, group_id, "
          "access, shared_by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .bind_all(file ? std::optional<std::int64_t>(s.entry.id) : std::nullopt,
                file ? std::nullopt : std::optional<std::int64_t>(s.entry.id), s.subject,
                s.subject_kind, user_id, group_id, s.access, s.shared_by, s.at)
      .run();
}

void SqlFileShareRepo::remove(ShareEntry entry, std::string_view subject) {
  connection_
      .prepare(std::string("DELETE FROM file_shares WHERE ") + share_entry_column(entry.kind) +
               " = ?1 AND subject = ?2")
      .bind_all(entry.id, subject)
      .run();
}

void SqlFileShareRepo::forget_subject(std::string_view subject) {
  connection_.prepare("DELETE FROM file_shares WHERE subject = ?1").bind_all(subject).run();
}

std::vector<std::int64_t> SqlFileShareRepo::shared_files(const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  const SqlDialect& dialect = connection_.dialect();
  // A link counts while it lets anyone read (not Restrict).
  SqlStatement rows = connection_.prepare(
      "SELECT file_id FROM file_shares WHERE " + dialect.in_ids("file_id", 1, ids.size()) +
      " UNION SELECT file_id FROM file_share_links WHERE access <> 3 AND " +
      dialect.in_ids("file_id", 1, ids.size()));
  rows.bind_all(ids_value(ids));
  return share_ids(rows);
}

std::vector<std::int64_t> SqlFileShareRepo::shared_folders(const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  SqlStatement rows = connection_.prepare("SELECT DISTINCT folder_id FROM file_shares WHERE " +
                                          connection_.dialect().in_ids("folder_id", 1, ids.size()));
  rows.bind_all(ids_value(ids));
  return share_ids(rows);
}

std::optional<ShareLinkRecord> SqlFileShareRepo::link_of_file(std::int64_t file_id) {
  SqlStatement row = connection_.prepare(
      "SELECT file_id, token, access, created_by, created FROM file_share_links "
      "WHERE file_id = ?1");
  row.bind_all(file_id);
  return share_link_row(row);
}

std::optional<ShareLinkRecord> SqlFileShareRepo::link_by_token(std::string_view token) {
  SqlStatement row = connection_.prepare(
      "SELECT file_id, token, access, created_by, created FROM file_share_links WHERE token = ?1");
  row.bind_all(token);
  return share_link_row(row);
}

void SqlFileShareRepo::put_link(const ShareLinkRecord& link) {
  connection_
      .prepare(
          "INSERT INTO file_share_links (file_id, token, access, created_by, created) "
          "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (file_id) DO UPDATE SET access = "
          "excluded.access")
      .bind_all(link.file_id, link.token, link.access, link.created_by, link.created)
      .run();
}

}  // namespace projectd
