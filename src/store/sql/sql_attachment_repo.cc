// Attachments of files to tasks and discussions, and the audit of attaching and detaching.
#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_file_repos.h"

#include <string>

namespace projectd {
namespace {

constexpr const char* kAttachmentColumns =
    "SELECT entity_kind, entity_id, file_id, attached, attached_by FROM entity_files ";

std::vector<AttachmentRecord> read_attachments(SqlStatement& rows) {
  std::vector<AttachmentRecord> out;
  while (rows.step())
    out.push_back(AttachmentRecord{.kind = static_cast<EntityKind>(rows.int64(0)),
                                   .entity_id = rows.int64(1),
                                   .file_id = rows.int64(2),
                                   .attached = rows.timestamp(3),
                                   .attached_by = rows.text(4)});
  return out;
}

}  // namespace

// DO NOTHING covers only the primary key: a file that does not exist still fails (foreign key),
// where INSERT OR IGNORE would hide it.
bool SqlAttachmentRepo::attach(const AttachmentRecord& a) {
  connection_
      .prepare(
          "INSERT INTO entity_files (entity_kind, entity_id, file_id, attached, attached_by) "
          "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (entity_kind, entity_id, file_id) DO NOTHING")
      .bind_all(a.kind, a.entity_id, a.file_id, a.attached, a.attached_by)
      .run();
  return connection_.changes() > 0;
}

bool SqlAttachmentRepo::detach(EntityKind kind, std::int64_t entity_id, std::int64_t file_id) {
  connection_
      .prepare(
          "DELETE FROM entity_files WHERE entity_kind = ?1 AND entity_id = ?2 AND file_id = ?3")
      .bind_all(kind, entity_id, file_id)
      .run();
  return connection_.changes() > 0;
}

std::vector<AttachmentRecord> SqlAttachmentRepo::of_entities(EntityKind kind,
                                                             const std::vector<std::int64_t>& ids) {
  SqlStatement rows =
      connection_.prepare(std::string(kAttachmentColumns) + "WHERE entity_kind = ?1 AND " +
                          connection_.dialect().in_ids("entity_id", 2, ids.size()) +
                          " ORDER BY entity_id, attached, file_id");
  rows.bind_all(kind, ids_value(ids));
  return read_attachments(rows);
}

std::vector<AttachmentRecord> SqlAttachmentRepo::of_file(std::int64_t file_id) {
  SqlStatement rows = connection_.prepare(std::string(kAttachmentColumns) +
                                          "WHERE file_id = ?1 ORDER BY entity_kind, entity_id");
  rows.bind_all(file_id);
  return read_attachments(rows);
}

std::vector<AttachmentRecord> SqlAttachmentRepo::of_files(
    const std::vector<std::int64_t>& file_ids) {
  SqlStatement rows =
      connection_.prepare(std::string(kAttachmentColumns) + "WHERE " +
                          connection_.dialect().in_ids("file_id", 1, file_ids.size()) +
                          " ORDER BY file_id, entity_kind, entity_id");
  rows.bind_all(ids_value(file_ids));
  return read_attachments(rows);
}

void SqlAttachmentRepo::add_audit(const AttachmentAuditRecord& r) {
  connection_
      .prepare(
          "INSERT INTO entity_file_audit (entity_kind, entity_id, file_id, file_title, action, "
          "reason, user_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind_all(r.kind, r.entity_id, r.file_id, r.file_title, r.action, r.reason, r.user_id, r.at)
      .run();
}

// The id grows with each record, so it orders records written at the same instant too.
std::vector<AttachmentAuditRecord> SqlAttachmentRepo::audit(EntityKind kind,
                                                            std::int64_t entity_id) {
  SqlStatement rows = connection_.prepare(
      "SELECT id, entity_kind, entity_id, file_id, file_title, action, reason, user_id, at "
      "FROM entity_file_audit WHERE entity_kind = ?1 AND entity_id = ?2 ORDER BY id");
  rows.bind_all(kind, entity_id);
  std::vector<AttachmentAuditRecord> out;
  while (rows.step())
    out.push_back(AttachmentAuditRecord{.id = rows.int64(0),
                                        .kind = static_cast<EntityKind>(rows.int64(1)),
                                        .entity_id = rows.int64(2),
                                        .file_id = rows.int64(3),
                                        .file_title = rows.text(4),
                                        .action = static_cast<AttachmentAction>(rows.int64(5)),
                                        .reason = rows.text(6),
                                        .user_id = rows.text(7),
                                        .at = rows.timestamp(8)});
  return out;
}

}  // namespace projectd
