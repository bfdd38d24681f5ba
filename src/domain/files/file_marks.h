// Each person's marks on Documents entries (issue 16; docs/wire-compatibility.md, "Favourites,
// templates and recent"): favourite files and folders, template files, and the files they used
// lately (uploaded, made, renamed or downloaded; the newest kRecentFilesKept are kept). The
// sections @favorites, @templates and @recent list them newest first; an entry the person may no
// longer read is never shown (the mark stays, and shows again if the right comes back). Guests
// have none of these sections (404) and may mark nothing (403), as in the original.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/batch.h"
#include "domain/caller.h"
#include "domain/files/file_service.h"
#include "store/store.h"

#include <cstdint>
#include <vector>

namespace projectd {

inline constexpr std::int64_t kRecentFilesKept = 100;

bool is_marked_section(FolderRef ref);
// The section as a FolderContentWrapper's content: favourite folders first, then files, newest
// mark first, filtered and paged by the query. The current folder is the section itself (id 0,
// root_kind the original's FolderType: 10 favourites, 11 recent, 12 templates; the API names it by
// its word).
FolderContent marked_section_content(Store& store, const Viewer& viewer, FolderRef ref,
                                     const FolderContentQuery& query);
// Inside the caller's write: the files were used just now by the viewer (nothing for a guest).
void record_recent_in_tx(StoreTx& tx, const Viewer& viewer, const std::vector<std::int64_t>& ids);

struct MarkOutcome {
  std::vector<BatchFailure> failed_files;
  std::vector<BatchFailure> failed_folders;
};

class FileMarkService {
 public:
  explicit FileMarkService(Store& store) : store_(store) {}

  // Each id must name an entry the caller may read (404 in `failed` otherwise, also when removing:
  // what the caller cannot see, they cannot name); an added template must be a document,
  // spreadsheet or presentation (400 in `failed`); a guest's readable ids are refused with 403.
  // Removing an unmarked id does nothing.
  MarkOutcome add_favorites(const Caller& caller, const std::vector<std::int64_t>& file_ids,
                            const std::vector<std::int64_t>& folder_ids);
  MarkOutcome remove_favorites(const Caller& caller, const std::vector<std::int64_t>& file_ids,
                               const std::vector<std::int64_t>& folder_ids);
  MarkOutcome add_templates(const Caller& caller, const std::vector<std::int64_t>& file_ids);
  MarkOutcome remove_templates(const Caller& caller, const std::vector<std::int64_t>& file_ids);
  // After a download the caller was allowed: the file is recent. Writes at most once a minute per
  // file and person, so a video read in many ranges costs one write.
  void opened(const Caller& caller, std::int64_t file_id);

 private:
  MarkOutcome change(const Caller& caller, FileMarkKind kind, bool add,
                     const std::vector<std::int64_t>& file_ids,
                     const std::vector<std::int64_t>& folder_ids);

  Store& store_;
};

}  // namespace projectd
