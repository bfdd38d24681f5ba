// Sharing of Documents (issue 16; docs/wire-compatibility.md, "Sharing"): the sharing of a file or
// folder (GET/PUT files/file/{id}/share, files/folder/{id}/share), hiding what others shared with
// the caller (DELETE files/share), a file's external link (PUT files/{id}/sharedlink) and the
// download a link allows without signing in.
//
// Who may see and change an entry's sharing, as the original's FileSharing.CanSetAccess: in @my
// its owner or someone it is shared with ReadWrite; in @common admins; project documents follow
// the project's team and cannot be shared (403). Checks run 404 (cannot read) -> 403 -> 400; a
// refused call changes nothing. What a share grants is FileAccessResolver's (file_access.h).
// Notification (`notify`, `sharingMessage`) is not sent: notifications are another issue.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "blob/blob_store.h"
#include "domain/caller.h"
#include "domain/files/file_service.h"
#include "domain/files/file_share_levels.h"
#include "domain/people/people_index.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

// One line of an entry's sharing (the original's AceWrapper, FileShareWrapper on the wire).
struct ShareLine {
  enum class Kind { kPerson, kGroup, kLink } kind = Kind::kPerson;
  std::string subject;     // a person's id, a group's id (everyone, admins), or kShareLinkId
  GroupRecord group;       // kGroup: the group (everyone and admins as the original names them)
  std::string link_token;  // kLink
  std::int64_t file_id = 0;
  FileShare access = FileShare::kNone;
  bool locked = false;  // the caller's own line: they cannot change their own rights
  bool owner = false;   // the entry's owner (@my: the tree's owner; @common: its creator)
};

struct ShareList {
  std::vector<ShareLine> lines;
  PeopleIndex people;  // the people of person lines and group managers
};

// One element of `share`: {shareTo, access}.
struct ShareChange {
  std::string share_to;
  FileShare access = FileShare::kNone;  // None removes the subject's share
};

class ShareService {
 public:
  ShareService(Store& store, BlobStore& blobs) : store_(store), blobs_(blobs) {}

  ShareList shares(const Caller& caller, ShareEntry entry);
  // Applies every change in order, all or none, and answers the sharing as it is then. A share to
  // the entry's owner, or in @common to an admin, is skipped (their rights are fixed), as in the
  // original; `shareTo` kShareLinkId sets a file's link. 400 for Varies, for a shareTo that is no
  // person, group or everyone, and for a folder's link.
  ShareList set_shares(const Caller& caller, ShareEntry entry,
                       const std::vector<ShareChange>& changes);
  // DELETE files/share: each entry of someone else's @my that the caller can read gets a Restrict
  // share for the caller alone, so it leaves their @share (the original's RemoveAce); other ids,
  // unknown ones included, are ignored.
  void hide_shared(const Caller& caller, const std::vector<std::int64_t>& file_ids,
                   const std::vector<std::int64_t>& folder_ids);
  // The file's external link with this access (made on first use; the token stays when the access
  // changes): answers its token. None and Restrict revoke it (the token then opens nothing).
  std::string set_link(const Caller& caller, std::int64_t file_id, FileShare access);
  // A download by link: 404 unless `token` is the link of exactly this file and its access reads.
  Download download_by_link(std::int64_t file_id, std::string_view token,
                            std::optional<int> version);

 private:
  Store& store_;
  BlobStore& blobs_;
};

}  // namespace projectd
