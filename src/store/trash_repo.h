// The trash as the store keeps it (migration 0013): each person's trash folder (a root of kind
// FolderKind::kTrash), when an entry went into it and from where, and the attachments a trashed
// file had. Moving entries in and out is FolderRepo::move and FileRepo::move; these keep the rest.
// Each call is one statement (or two), whatever the number of ids.
#pragma once

#include "store/file_records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// An entry lying directly in a trash, past its owner's auto clean-up gap.
struct ExpiredTrashEntry {
  std::string owner_id;
  bool is_folder = false;
  std::int64_t id = 0;
};

class TrashRepo {
 public:
  virtual ~TrashRepo() = default;
  // The person's trash folder, if it was made.
  virtual std::optional<FolderRecord> trash_folder(std::string_view user_id) = 0;
  // Records that the file (or folder) went into a trash at `at` from folder `from`.
  virtual void mark_file(std::int64_t id, std::int64_t from, Timestamp at) = 0;
  virtual void mark_folder(std::int64_t id, std::int64_t from, Timestamp at) = 0;
  // Forgets the marks of these entries (they left the trash). Two statements.
  virtual void unmark(const std::vector<std::int64_t>& file_ids,
                      const std::vector<std::int64_t>& folder_ids) = 0;
  // Keeps an attachment of a file going into the trash (an existing one is kept as it is).
  virtual void remember_attachment(const AttachmentRecord& attachment) = 0;
  // Takes the kept attachments of these files (answered, then forgotten), by file, kind, entity.
  virtual std::vector<AttachmentRecord> take_attachments(
      const std::vector<std::int64_t>& file_ids) = 0;
  // The entries directly in a trash whose owner's auto clean-up is on and that went in before the
  // cutoff of the owner's gap: cutoffs[g - 1] for gap g (AutoCleanUpGap 1..5). By owner, folders
  // after files, then id. One statement.
  virtual std::vector<ExpiredTrashEntry> expired(const std::vector<Timestamp>& cutoffs) = 0;
};

}  // namespace projectd
