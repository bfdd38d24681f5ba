// The trash (issue 16; docs/wire-compatibility.md, "Trash").
//
// Model: each person has a trash folder of their own, a root of kind FolderKind::kTrash stored
// like @my and made on first need. Deleting a file or folder (without `immediately`) moves it,
// with its subtree, into the trash of the person who deletes it, as the original's
// FileDeleteOperation moves entries to the current user's trash; the entry remembers when it went
// and from which folder (trashed_at, trashed_from). A stored folder, rather than a flag on each
// row, keeps every existing rule true by construction: a folder's listing, counts, search and the
// project's documents no longer hold the entry because it is no longer there; the trash and what
// it holds are read and changed by its owner only (file_access.h: hidden, 404, for everyone else,
// admins included), so a trashed file's download answers 404 to anyone else; `files/@trash`,
// `folder/{id}` and its path work as for any folder.
//
// A file in the trash is attached to nothing: going in detaches it (audit reason "file moved to
// the trash") and keeps what it was attached to; moving it out (fileops/move or a move of a
// folder holding it) attaches it again to each task or discussion that still exists, whose files
// the restorer may change, and whose project's documents now hold the file (audit reason
// "restored from the trash"); the others are dropped. The original never touches its link rows
// on a move to its trash, so a restored file shows on its task again; projectd gives the same
// result where the rules still allow the link, and records both steps.
//
// Deleting what is already in a trash, `immediately`, emptying the trash and the auto clean-up
// delete for good: versions and kept attachments go, and contents are released after the commit
// only when nothing references them (a trashed file is a reference like any other).
// Thread safety: the functions run inside the caller's transaction; TrashService's methods may be
// called from any thread at once.
#pragma once

#include "domain/files/file_service.h"

#include <cstdint>
#include <string>
#include <vector>

namespace projectd {

bool in_trash(const FileRecord& file);
bool in_trash(const FolderRecord& folder);
// 403 for a folder in a trash: entries go into a trash only by a delete, and nothing is made
// there.
void refuse_trash_destination(const FolderRecord& folder);
// The same refusal, for `@trash` named as a destination by someone who has no trash yet.
[[noreturn]] void throw_not_into_trash();

// The viewer's trash folder, made when they have none yet (inside a write).
FolderRecord own_trash_in_tx(StoreTx& tx, const Viewer& viewer);
// Makes the viewer's trash folder when they have none yet (before a read that shows it).
void ensure_own_trash(Store& store, const Viewer& viewer);

// Moves a file (a folder with its subtree) the caller checked into the viewer's trash, detaching
// its files with audit records and keeping what they were attached to.
void trash_file_in_tx(StoreTx& tx, const Viewer& viewer, const FileRecord& file, Timestamp now);
void trash_folder_in_tx(StoreTx& tx, const Viewer& viewer, const FolderRecord& folder,
                        Timestamp now);
// After files and folders were moved out of a trash: forgets their trash marks and attaches their
// files (those below the folders too) again where the rules allow (header).
void restore_from_trash_in_tx(StoreTx& tx, const Viewer& viewer,
                              const std::vector<std::int64_t>& file_ids,
                              const std::vector<std::int64_t>& folder_ids, Timestamp now);
// Deletes these files and folders (with their subtrees) for good; returns the contents their
// versions used, to release after the commit.
std::vector<std::string> purge_in_tx(StoreTx& tx, const std::vector<std::int64_t>& file_ids,
                                     const std::vector<std::int64_t>& folder_ids);

// The auto clean-up's gap (AutoCleanUpGap 1..5: one week, two weeks, one month, two months, three
// months) in days: 7, 14, 30, 60, 90.
int auto_cleanup_days(int gap);

class TrashService {
 public:
  TrashService(Store& store, BlobStore& blobs) : store_(store), blobs_(blobs) {}

  // PUT fileops/emptytrash: deletes everything in the caller's trash for good, in one write with
  // its Delete operation (type 2), which it answers. 403 for a guest (guests change nothing in
  // Documents and cannot delete into a trash).
  OperationViews empty(const Caller& caller);
  // The auto clean-up (settings/autocleanup): deletes for good every entry a trash has held longer
  // than its owner's gap, when the owner turned the clean-up on. Answers how many entries went.
  std::int64_t sweep_expired(Timestamp now);

 private:
  Store& store_;
  BlobStore& blobs_;
};

}  // namespace projectd
