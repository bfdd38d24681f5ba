// How shares change a viewer's rights to an entry (FileAccessResolver::with_shares; the rules are
// in file_access.h). The shares naming the viewer are read once per resolver (one statement, plus
// the viewer's groups); an entry's folder chain once per folder (one statement), and only when the
// viewer has shares at all, so a portal without sharing pays one cheap read per request.
#include "domain/files/file_access.h"
#include "domain/files/shared_with_me.h"

namespace projectd {
namespace {

// At one depth: a person's share over their groups' over everyone's (the original's
// SubjectComparer), then the more restrictive level.
bool share_outranks(const FileShareRecord& a, const FileShareRecord& b) {
  if (a.subject_kind != b.subject_kind) return a.subject_kind < b.subject_kind;
  return share_restrictiveness(static_cast<FileShare>(a.access)) >
         share_restrictiveness(static_cast<FileShare>(b.access));
}

}  // namespace

const std::vector<std::int64_t>& FileAccessResolver::folder_chain(std::int64_t folder_id) {
  auto cached = folder_chains_.find(folder_id);
  if (cached == folder_chains_.end()) {
    std::vector<std::int64_t> chain;
    for (const FolderRecord& folder : tx_.folders().path(folder_id))
      chain.insert(chain.begin(), folder.id);
    cached = folder_chains_.emplace(folder_id, std::move(chain)).first;
  }
  return cached->second;
}

TreeAccess FileAccessResolver::with_shares(TreeAccess base, int root_kind,
                                           const std::optional<std::string>& owner_id,
                                           ShareEntry entry, std::optional<std::int64_t> parent) {
  const auto kind = static_cast<FolderKind>(root_kind);
  // The owner of an @my tree, and admins in @common, keep their rights whatever is shared; project
  // trees are never shared.
  if (kind == FolderKind::kMy && owner_id && *owner_id == viewer_.user_id) return base;
  if (kind == FolderKind::kCommon && viewer_.is_admin) return base;
  if (kind != FolderKind::kMy && kind != FolderKind::kCommon) return base;
  if (!viewer_shares_) viewer_shares_ = shares_naming_viewer(tx_, viewer_);
  if (viewer_shares_->empty()) return base;

  // The entry itself, then each folder above it, nearest first: the first depth with a share
  // decides.
  auto best_at = [&](ShareEntry at) -> const FileShareRecord* {
    const FileShareRecord* best = nullptr;
    for (const FileShareRecord& share : *viewer_shares_)
      if (share.entry == at && (!best || share_outranks(share, *best))) best = &share;
    return best;
  };
  const FileShareRecord* decided = best_at(entry);
  if (!decided && parent) {
    for (std::int64_t folder_id : folder_chain(*parent)) {
      decided = best_at(ShareEntry{ShareEntryKind::kFolder, folder_id});
      if (decided) break;
    }
  }
  if (!decided) return base;
  const auto share = static_cast<FileShare>(decided->access);
  return TreeAccess{share_reads(share), share_changes(share), false, share};
}

}  // namespace projectd
