// ShareService: the sharing of files and folders and the external links (share_service.h).
#include "domain/files/share_service.h"
#include "domain/files/trash.h"

#include "auth/random.h"
#include "base/errors.h"

#include <algorithm>

namespace projectd {
namespace {

// The entry a sharing call names, with what the caller may do to it.
struct SharedEntryInfo {
  ShareEntry entry;
  int root_kind = 0;
  std::string owner_id;  // @my: the tree's owner; else the entry's creator
  TreeAccess access;
};

SharedEntryInfo load_shared_entry(StoreTx& tx, FileAccessResolver& resolver, ShareEntry entry) {
  SharedEntryInfo out{entry, 0, {}, {}};
  if (entry.kind == ShareEntryKind::kFile) {
    auto file = tx.files().by_id(entry.id);
    if (!file) throw_not_found();
    out.root_kind = file->root_kind;
    out.owner_id = file->owner_id.value_or(file->created_by);
    out.access = resolver.of_file(*file);
  } else {
    auto folder = tx.folders().by_id(entry.id);
    if (!folder) throw_not_found();
    out.root_kind = folder->root_kind;
    out.owner_id = folder->owner_id.value_or(folder->created_by);
    out.access = resolver.of_folder(*folder);
  }
  resolver.require_read(out.access);
  return out;
}

// The original's FileSharing.CanSetAccess: 403 unless the caller may see and change the sharing.
void require_can_share(const SharedEntryInfo& info, const Viewer& viewer) {
  switch (static_cast<FolderKind>(info.root_kind)) {
    case FolderKind::kMy:
      if (info.owner_id == viewer.user_id || info.access.edit) return;
      throw_forbidden("Only the owner, or someone it is shared with for full access, can share it");
    case FolderKind::kCommon:
      if (viewer.is_admin) return;
      throw_forbidden("Only administrators can share the Common documents");
    case FolderKind::kProject:
      throw_forbidden(
          "Project documents cannot be shared: who may read them follows the project's team");
    case FolderKind::kTrash:
      throw_forbidden("What is in the trash cannot be shared: restore it first");
    case FolderKind::kSubfolder:
      break;
  }
  throw_forbidden();
}

SharedEntryInfo shareable_entry(StoreTx& tx, const Viewer& viewer, ShareEntry entry) {
  FileAccessResolver resolver(tx, viewer);
  SharedEntryInfo info = load_shared_entry(tx, resolver, entry);
  require_can_share(info, viewer);
  return info;
}

GroupRecord fixed_group(std::string_view id, const char* name) {
  GroupRecord group;
  group.id = std::string(id);
  group.name = name;
  return group;
}

// The sharing of one entry as the original's FileSharing.GetSharedInfo lists it: its shares, the
// file's link, the owner, and in @common the admins and everyone when no share names them.
ShareList share_list_in_tx(StoreTx& tx, const Viewer& viewer, const SharedEntryInfo& info) {
  ShareList out;
  std::vector<std::string> people;
  std::vector<GroupRecord> groups;
  bool groups_loaded = false;
  for (const FileShareRecord& share : tx.file_shares().of_entry(info.entry)) {
    ShareLine line;
    line.subject = share.subject;
    line.access = static_cast<FileShare>(share.access);
    line.owner = share.subject == info.owner_id;
    line.locked = share.subject == viewer.user_id;
    if (share.subject_kind == ShareSubjectKind::kPerson) {
      line.kind = ShareLine::Kind::kPerson;
      people.push_back(share.subject);
    } else {
      line.kind = ShareLine::Kind::kGroup;
      if (share.subject_kind == ShareSubjectKind::kEveryone) {
        line.group = fixed_group(kEveryoneGroupId, "Everyone");
      } else {
        if (!groups_loaded) groups = tx.groups().all();  // one statement for every group line
        groups_loaded = true;
        auto found = std::find_if(groups.begin(), groups.end(),
                                  [&](const GroupRecord& g) { return g.id == share.subject; });
        if (found == groups.end()) continue;
        line.group = *found;
        if (found->manager_id) people.push_back(*found->manager_id);
      }
    }
    out.lines.push_back(std::move(line));
  }
  if (info.entry.kind == ShareEntryKind::kFile)
    if (auto link = tx.file_shares().link_of_file(info.entry.id)) {
      ShareLine line;
      line.kind = ShareLine::Kind::kLink;
      line.subject = std::string(kShareLinkId);
      line.link_token = link->token;
      line.file_id = link->file_id;
      line.access = static_cast<FileShare>(link->access);
      out.lines.push_back(std::move(line));
    }
  if (std::none_of(out.lines.begin(), out.lines.end(),
                   [](const ShareLine& l) { return l.owner; })) {
    ShareLine line;
    line.subject = info.owner_id;
    line.access = FileShare::kReadWrite;
    line.owner = true;
    line.locked = info.owner_id == viewer.user_id;
    people.push_back(info.owner_id);
    out.lines.push_back(std::move(line));
  }
  if (static_cast<FolderKind>(info.root_kind) == FolderKind::kCommon) {
    auto named = [&](std::string_view id) {
      return std::any_of(out.lines.begin(), out.lines.end(),
                         [&](const ShareLine& l) { return l.subject == id; });
    };
    if (!named(kAdminGroupId)) {
      ShareLine line;
      line.kind = ShareLine::Kind::kGroup;
      line.subject = std::string(kAdminGroupId);
      line.group = fixed_group(kAdminGroupId, "Administrators");
      line.access = FileShare::kReadWrite;
      line.locked = true;
      out.lines.push_back(std::move(line));
    }
    if (!named(kEveryoneGroupId)) {
      ShareLine line;
      line.kind = ShareLine::Kind::kGroup;
      line.subject = std::string(kEveryoneGroupId);
      line.group = fixed_group(kEveryoneGroupId, "Everyone");
      line.access = FileShare::kRead;  // the original's DefaultCommonShare
      out.lines.push_back(std::move(line));
    }
  }
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

// The link's access as stored: None and Restrict both revoke.
int stored_link_access(FileShare access) {
  return static_cast<int>(access == FileShare::kNone ? FileShare::kRestrict : access);
}

void put_link_in_tx(StoreTx& tx, const Viewer& viewer, std::int64_t file_id, FileShare access) {
  if (access == FileShare::kVaries) throw_bad_request("Access 'Varies' cannot be given to a link");
  if (access == FileShare::kReadWrite && viewer.is_visitor)
    throw_forbidden("A guest cannot give a link full access");
  ShareLinkRecord link;
  link.file_id = file_id;
  link.access = stored_link_access(access);
  if (auto existing = tx.file_shares().link_of_file(file_id)) {
    link.token = existing->token;
  } else {
    // 192 random bits: a link is a credential of its own.
    link.token = to_hex(random_bytes(24));
  }
  link.created_by = viewer.user_id;
  link.created = now_utc();
  tx.file_shares().put_link(link);
}

}  // namespace

ShareList ShareService::shares(const Caller& caller, ShareEntry entry) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    return share_list_in_tx(tx, viewer, shareable_entry(tx, viewer, entry));
  });
}

ShareList ShareService::set_shares(const Caller& caller, ShareEntry entry,
                                   const std::vector<ShareChange>& changes) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const SharedEntryInfo info = shareable_entry(tx, viewer, entry);
    const bool common = static_cast<FolderKind>(info.root_kind) == FolderKind::kCommon;
    const Timestamp now = now_utc();
    for (const ShareChange& change : changes) {
      if (change.share_to == kShareLinkId) {
        if (entry.kind != ShareEntryKind::kFile)
          throw_bad_request("A folder has no external link: only a file's can be set");
        put_link_in_tx(tx, viewer, entry.id, change.access);
        continue;
      }
      if (change.access == FileShare::kVaries)
        throw_bad_request("Access 'Varies' cannot be given: it only describes a selection");
      FileShareRecord share;
      share.entry = entry;
      share.subject = change.share_to;
      if (change.share_to == kEveryoneGroupId) {
        share.subject_kind = ShareSubjectKind::kEveryone;
      } else if (auto user = tx.users().by_id(change.share_to)) {
        share.subject_kind = ShareSubjectKind::kPerson;
        // The owner's rights, and in @common an admin's, are fixed (the original skips them).
        if (user->id == info.owner_id || (common && user->is_admin)) continue;
      } else if (tx.groups().by_id(change.share_to)) {
        share.subject_kind = ShareSubjectKind::kGroup;
      } else if (common && change.share_to == kAdminGroupId) {
        continue;
      } else {
        throw_bad_request("Parameter 'shareTo': '" + change.share_to +
                          "' is neither a person, a group nor everyone");
      }
      if (change.access == FileShare::kNone) {
        tx.file_shares().remove(entry, share.subject);
        continue;
      }
      share.access = static_cast<int>(change.access);
      share.shared_by = viewer.user_id;
      share.at = now;
      tx.file_shares().put(share);
    }
    return share_list_in_tx(tx, viewer, info);
  });
}

void ShareService::hide_shared(const Caller& caller, const std::vector<std::int64_t>& file_ids,
                               const std::vector<std::int64_t>& folder_ids) {
  const Viewer viewer = viewer_of(caller);
  store_.write([&](StoreTx& tx) {
    std::vector<ShareEntry> hidden;
    {
      FileAccessResolver resolver(tx, viewer);
      for (const FileRecord& file : tx.files().by_ids(file_ids))
        if (file.root_kind == static_cast<int>(FolderKind::kMy) &&
            file.owner_id != viewer.user_id && resolver.of_file(file).read)
          hidden.push_back(ShareEntry{ShareEntryKind::kFile, file.id});
      for (const FolderRecord& folder : tx.folders().by_ids(folder_ids))
        if (folder.root_kind == static_cast<int>(FolderKind::kMy) &&
            folder.owner_id != viewer.user_id && resolver.of_folder(folder).read)
          hidden.push_back(ShareEntry{ShareEntryKind::kFolder, folder.id});
    }
    const Timestamp now = now_utc();
    for (ShareEntry entry : hidden)
      tx.file_shares().put(FileShareRecord{entry, viewer.user_id, ShareSubjectKind::kPerson,
                                           static_cast<int>(FileShare::kRestrict), viewer.user_id,
                                           now});
  });
}

std::string ShareService::set_link(const Caller& caller, std::int64_t file_id, FileShare access) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    shareable_entry(tx, viewer, ShareEntry{ShareEntryKind::kFile, file_id});
    put_link_in_tx(tx, viewer, file_id, access);
    return tx.file_shares().link_of_file(file_id)->token;
  });
}

Download ShareService::download_by_link(std::int64_t file_id, std::string_view token,
                                        std::optional<int> version) {
  Download out = store_.read_value([&](StoreTx& tx) {
    const auto link = tx.file_shares().link_by_token(token);
    if (!link || link->file_id != file_id || !share_reads(static_cast<FileShare>(link->access)))
      throw_not_found();
    auto file = version && *version > 0 ? tx.files().at_version(file_id, *version)
                                        : tx.files().by_id(file_id);
    // A file in a trash is its trash owner's only (trash.h): its link opens it again on restore.
    if (!file || in_trash(*file)) throw_not_found();
    return Download{blobs_.path_of(file->version.sha256),
                    static_cast<std::uint64_t>(file->version.size), file->version.sha256,
                    file->title};
  });
  // A committed version's content may be in a removal's quarantine for a moment (blob_store.h).
  blobs_.restore_quarantined(out.sha256);
  return out;
}

}  // namespace projectd
