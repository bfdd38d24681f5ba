// FileService: folders, uploads, versions, renames and downloads of the Documents surface (its
// deletes are in file_deletes.cc).
#include "domain/files/file_service.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "domain/files/file_marks.h"
#include "domain/files/file_service_checks.h"
#include "domain/files/file_types.h"
#include "domain/files/operation_log.h"
#include "domain/files/shared_with_me.h"
#include "domain/files/trash.h"
#include "domain/notify/event_publishers.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace projectd {

FolderRecord resolve_folder(StoreTx& tx, const Viewer& viewer, FolderRef ref,
                            FileAccessResolver& access) {
  std::optional<FolderRecord> folder;
  switch (ref.kind) {
    case FolderRef::Kind::kMy:
      if (!viewer.is_visitor) folder = tx.folders().my_folder(viewer.user_id);
      break;
    case FolderRef::Kind::kCommon:
      folder = tx.folders().common_folder();
      break;
    case FolderRef::Kind::kId:
      folder = tx.folders().by_id(ref.id);
      break;
    case FolderRef::Kind::kTrash:
      // Made on first need (trash.h): before that, only a destination can name it.
      folder = tx.trash().trash_folder(viewer.user_id);
      if (!folder) throw_not_into_trash();
      break;
    case FolderRef::Kind::kProjects:
    case FolderRef::Kind::kShare:
      // A virtual section is seen by everyone signed in and holds nothing of its own.
      throw_forbidden("This section holds no files of its own: use one of its folders");
    case FolderRef::Kind::kFavorites:
    case FolderRef::Kind::kRecent:
    case FolderRef::Kind::kTemplates:
      break;  // sections hold no entries of their own (file_marks.h)
  }
  if (!folder) throw_not_found();
  access.require_read(access.of_folder(*folder));
  return std::move(*folder);
}

namespace {

// Whether a Restrict share names the viewer: then a folder they read may hold entries they may not.
bool viewer_may_be_denied(StoreTx& tx, const Viewer& viewer) {
  const std::vector<FileShareRecord> shares = shares_naming_viewer(tx, viewer);
  return std::any_of(shares.begin(), shares.end(), [](const FileShareRecord& share) {
    return !share_reads(static_cast<FileShare>(share.access));
  });
}

// A folder that takes new files and folders: changeable by the viewer and not in a trash.
FolderRecord destination_folder(StoreTx& tx, const Viewer& viewer, FolderRef ref) {
  FolderRecord folder = editable_folder(tx, viewer, ref);
  refuse_trash_destination(folder);
  return folder;
}

FileRecord readable_file(StoreTx& tx, FileAccessResolver& access, std::int64_t id,
                         std::optional<int> version) {
  auto file = version && *version > 0 ? tx.files().at_version(id, *version) : tx.files().by_id(id);
  if (!file) throw_not_found();
  access.require_read(access.of_file(*file));
  return std::move(*file);
}

// A file whose name or versions change: not one in a trash (the original's
// ErrorMassage_ViewTrashItem).
FileRecord changeable_file(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  FileRecord file = editable_file(tx, viewer, id);
  if (in_trash(file)) throw_forbidden("A file in the trash cannot be changed: restore it first");
  return file;
}

std::string required_title(std::string_view title, const char* what) {
  std::string clean = clean_file_title(title);
  if (clean.empty()) throw_bad_request(std::string(what) + " must not be empty");
  return clean;
}

// `name (1).ext`, `name (2).ext`... : the first title no file of the folder has.
std::string free_title(StoreTx& tx, std::int64_t folder_id, const std::string& title) {
  for (int n = 1;; ++n) {
    std::string candidate = numbered_title(title, n);
    if (!tx.files().by_title(folder_id, candidate)) return candidate;
  }
}

FolderAnswer folder_answer(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  FileAccessResolver access(tx, viewer);
  const FolderRecord folder = *tx.folders().by_id(id);
  return FolderAnswer{folder_views(tx, access, {folder}).front(),
                      PeopleIndex::load(tx.users(), {folder.created_by, folder.updated_by})};
}

// @my is made with each person; one that predates that rule (or was a guest) gets it on first use.
void ensure_my_folder(Store& store, const Viewer& viewer) {
  if (viewer.is_visitor) return;
  if (store.read_value(
          [&](StoreTx& tx) { return tx.folders().my_folder(viewer.user_id).has_value(); }))
    return;
  store.write([&](StoreTx& tx) {
    if (tx.folders().my_folder(viewer.user_id)) return;
    tx.folders().insert(personal_root(FolderKind::kMy, viewer.user_id, "My Documents"));
  });
}

}  // namespace

FolderRecord editable_folder(StoreTx& tx, const Viewer& viewer, FolderRef ref) {
  FileAccessResolver access(tx, viewer);
  FolderRecord folder = resolve_folder(tx, viewer, ref, access);
  access.require_edit(access.of_folder(folder));
  return folder;
}

FileRecord editable_file(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  FileAccessResolver access(tx, viewer);
  FileRecord file = readable_file(tx, access, id, std::nullopt);
  access.require_edit(access.of_file(file));
  return file;
}

FolderView folder_view(const FolderRecord& folder, const std::vector<FolderCounts>& counts,
                       FileAccessResolver& access) {
  return FolderView{folder, counts_of_folder(counts, folder.id),
                    access.of_folder(folder).wrapper_access(), 0};
}

void add_folder_people(const std::vector<FolderView>& views, std::vector<std::string>& people) {
  for (const FolderView& view : views) {
    people.push_back(view.folder.created_by);
    people.push_back(view.folder.updated_by);
  }
}

FolderRecord personal_root(FolderKind kind, const std::string& user_id, std::string title) {
  FolderRecord root;
  root.kind = static_cast<int>(kind);
  root.owner_id = user_id;
  root.title = std::move(title);
  root.created = root.updated = now_utc();
  root.created_by = root.updated_by = user_id;
  return root;
}

FolderRecord writable_folder_in_tx(StoreTx& tx, const Viewer& viewer, FolderRef ref) {
  return destination_folder(tx, viewer, ref);
}

void ensure_my_folder_exists(Store& store, const Viewer& viewer) {
  ensure_my_folder(store, viewer);
}

FolderCounts counts_of_folder(const std::vector<FolderCounts>& counts, std::int64_t id) {
  for (const FolderCounts& c : counts)
    if (c.folder_id == id) return c;
  return FolderCounts{id, 0, 0};
}

std::vector<FolderView> folder_views(StoreTx& tx, FileAccessResolver& access,
                                     const std::vector<FolderRecord>& folders) {
  std::vector<std::int64_t> ids;
  for (const FolderRecord& f : folders)
    ids.push_back(f.id);
  const std::vector<FolderCounts> counts = tx.folders().counts(ids);
  std::vector<FolderView> views;
  for (const FolderRecord& f : folders)
    views.push_back(folder_view(f, counts, access));
  mark_shared_folders(tx, views);
  return views;
}

void mark_shared_folders(StoreTx& tx, std::vector<FolderView>& views) {
  std::vector<std::int64_t> ids;
  for (const FolderView& view : views)
    ids.push_back(view.folder.id);
  const std::vector<std::int64_t> shared = tx.file_shares().shared_folders(ids);
  for (FolderView& view : views)
    view.shared = std::find(shared.begin(), shared.end(), view.folder.id) != shared.end();
}

FileViews load_file_views(StoreTx& tx, const Viewer& viewer, std::vector<FileRecord> files) {
  FileViews out;
  std::vector<std::string> people;
  out.files = file_views(tx, viewer, std::move(files), people);
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

std::vector<std::string> filter_extensions(const FolderContentQuery& query) {
  std::vector<std::string> extensions = extensions_of_filter(query.filter_type);
  if (query.filter_type == 11 && !query.extension.empty())
    extensions.push_back(extension_of(
        "x." + ascii::to_lower(query.extension.substr(query.extension.front() == '.' ? 1 : 0))));
  return extensions;
}

const FolderSection* folder_section(FolderRef::Kind kind) {
  for (const FolderSection& section : kFolderSections)
    if (section.kind == kind) return &section;
  return nullptr;
}

std::optional<FolderRef> parse_folder_ref(std::string_view text) {
  for (const FolderSection& section : kFolderSections)
    if (ascii::iequals(text, section.word)) return FolderRef{section.kind, 0};
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return FolderRef{FolderRef::Kind::kId, id};
}

FolderContent folder_content_in_tx(StoreTx& tx, const Viewer& viewer, FolderRef ref,
                                   const FolderContentQuery& query) {
  if (const FolderSection* section = folder_section(ref.kind); section && section->is_virtual)
    return section_content_in_tx(tx, viewer, *section, query);
  FileAccessResolver access(tx, viewer);
  FolderRecord folder = resolve_folder(tx, viewer, ref, access);
  FolderContent out;
  out.path = tx.folders().path(folder.id);

  const std::vector<std::string> extensions = filter_extensions(query);
  const bool with_folders = query.filter_type == 0 || query.filter_type == 2;
  const bool with_files = query.filter_type != 2;
  FolderListQuery folders_query{folder.id, query.text, query.offset, query.limit};
  FileListQuery files_query{folder.id, query.text, extensions, 0, 0};
  const std::int64_t folder_total = with_folders ? tx.folders().count_children(folders_query) : 0;
  const std::int64_t file_total = with_files ? tx.files().count_in_folder(files_query) : 0;
  out.total = folder_total + file_total;

  std::vector<FolderRecord> subfolders;
  if (with_folders && query.offset < folder_total)
    subfolders = tx.folders().children(folders_query);
  const std::int64_t room = query.limit - static_cast<std::int64_t>(subfolders.size());
  std::vector<FileRecord> files;
  if (with_files && room > 0) {
    files_query.offset = std::max<std::int64_t>(0, query.offset - folder_total);
    files_query.limit = room;
    files = tx.files().in_folder(files_query);
  }
  // A share may deny the viewer some entries of a folder they read (Restrict): then the page is
  // cut from the readable entries alone, so it has no holes and `total` counts what they see.
  if (viewer_may_be_denied(tx, viewer)) {
    FolderListQuery every_folder{folder.id, query.text, 0,
                                 std::numeric_limits<std::int32_t>::max()};
    FileListQuery every_file{folder.id, query.text, extensions, 0,
                             std::numeric_limits<std::int32_t>::max()};
    subfolders = with_folders ? tx.folders().children(every_folder) : std::vector<FolderRecord>{};
    files = with_files ? tx.files().in_folder(every_file) : std::vector<FileRecord>{};
    std::erase_if(subfolders, [&](const FolderRecord& f) { return !access.of_folder(f).read; });
    std::erase_if(files, [&](const FileRecord& f) { return !access.of_file(f).read; });
    out.total = static_cast<std::int64_t>(subfolders.size() + files.size());
    const auto skip_folders = std::min<std::size_t>(subfolders.size(), query.offset);
    subfolders.erase(subfolders.begin(), subfolders.begin() + skip_folders);
    files.erase(files.begin(),
                files.begin() + std::min<std::size_t>(files.size(), query.offset - skip_folders));
    if (subfolders.size() > static_cast<std::size_t>(query.limit)) subfolders.resize(query.limit);
    files.resize(std::min<std::size_t>(files.size(), query.limit - subfolders.size()));
  }

  std::vector<std::int64_t> ids{folder.id};
  for (const FolderRecord& f : subfolders)
    ids.push_back(f.id);
  const std::vector<FolderCounts> counts = tx.folders().counts(ids);
  out.current = folder_view(folder, counts, access);
  std::vector<std::string> people{folder.created_by, folder.updated_by};
  for (const FolderRecord& f : subfolders)
    out.folders.push_back(folder_view(f, counts, access));
  out.folders.push_back(out.current);  // one statement marks the current folder with the others
  mark_shared_folders(tx, out.folders);
  out.current.shared = out.folders.back().shared;
  out.folders.pop_back();
  add_folder_people(out.folders, people);
  out.files = file_views(tx, viewer, std::move(files), people);
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

FileService::FileService(Store& store, BlobStore& blobs, std::uint64_t max_upload_bytes)
    : store_(store), blobs_(blobs), max_upload_bytes_(max_upload_bytes) {}

FolderContent FileService::folder(const Caller& caller, FolderRef ref,
                                  const FolderContentQuery& query) {
  const Viewer viewer = viewer_of(caller);
  if (is_marked_section(ref)) return marked_section_content(store_, viewer, ref, query);
  if (ref.kind == FolderRef::Kind::kMy) ensure_my_folder(store_, viewer);
  if (ref.kind == FolderRef::Kind::kTrash) ensure_own_trash(store_, viewer);
  return store_.read_value(
      [&](StoreTx& tx) { return folder_content_in_tx(tx, viewer, ref, query); });
}

std::vector<FolderContent> FileService::roots(const Caller& caller,
                                              const FolderContentQuery& query) {
  const Viewer viewer = viewer_of(caller);
  ensure_my_folder(store_, viewer);
  ensure_own_trash(store_, viewer);
  std::vector<FolderRef::Kind> kinds;
  if (!viewer.is_visitor) kinds.push_back(FolderRef::Kind::kMy);
  for (FolderRef::Kind kind : {FolderRef::Kind::kShare, FolderRef::Kind::kCommon,
                               FolderRef::Kind::kProjects, FolderRef::Kind::kTrash})
    kinds.push_back(kind);
  return store_.read_value([&](StoreTx& tx) {
    std::vector<FolderContent> out;
    for (FolderRef::Kind kind : kinds)
      out.push_back(folder_content_in_tx(tx, viewer, FolderRef{kind, 0}, query));
    return out;
  });
}

FolderAnswer FileService::folder_info(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    resolve_folder(tx, viewer, FolderRef{FolderRef::Kind::kId, id}, access);
    return folder_answer(tx, viewer, id);
  });
}

std::vector<FolderView> FileService::folder_path(const Caller& caller, std::int64_t id,
                                                 PeopleIndex& people) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    resolve_folder(tx, viewer, FolderRef{FolderRef::Kind::kId, id}, access);
    std::vector<FolderView> views = folder_views(tx, access, tx.folders().path(id));
    std::vector<std::string> ids;
    add_folder_people(views, ids);
    people = PeopleIndex::load(tx.users(), ids);
    return views;
  });
}

FolderAnswer FileService::create_folder(const Caller& caller, FolderRef parent,
                                        const std::string& title) {
  const Viewer viewer = viewer_of(caller);
  if (parent.kind == FolderRef::Kind::kMy) ensure_my_folder(store_, viewer);
  return store_.write_value([&](StoreTx& tx) {
    FolderRecord parent_folder = destination_folder(tx, viewer, parent);
    FolderRecord folder;
    folder.parent_id = parent_folder.id;
    folder.kind = static_cast<int>(FolderKind::kSubfolder);
    folder.title = required_title(title, "The folder title");
    folder.created = folder.updated = now_utc();
    folder.created_by = folder.updated_by = viewer.user_id;
    return folder_answer(tx, viewer, tx.folders().insert(folder));
  });
}

FolderAnswer FileService::rename_folder(const Caller& caller, std::int64_t id,
                                        const std::string& title) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    FolderRecord folder = editable_folder(tx, viewer, FolderRef{FolderRef::Kind::kId, id});
    if (!folder.parent_id) throw_forbidden("A section or project folder cannot be renamed");
    tx.folders().rename(id, required_title(title, "The folder title"), now_utc(), viewer.user_id);
    return folder_answer(tx, viewer, id);
  });
}

std::vector<std::int64_t> FileService::store_files(
    const Caller& caller, FolderRef ref, std::vector<std::pair<std::string, BlobRef>> contents,
    const UploadOptions& options) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const FolderRecord folder = editable_folder(tx, viewer, ref);
    const bool create_new_if_exist = options.create_new_if_exist.value_or(
        !tx.files_settings().of_user(viewer.user_id).update_if_exist);
    std::vector<std::int64_t> ids;
    const Timestamp now = now_utc();
    for (auto& [title, blob] : contents) {
      FileVersionRecord version{
          1,   blob.sha256,   static_cast<std::int64_t>(blob.size), options.comment,
          now, viewer.user_id};
      auto existing = tx.files().by_title(folder.id, title);
      if (existing && !create_new_if_exist) {
        version.version = existing->current_version + 1;
        tx.files().add_version(existing->id, version);
        ids.push_back(existing->id);
        continue;
      }
      FileRecord file;
      file.folder_id = folder.id;
      file.title = existing ? free_title(tx, folder.id, title) : title;
      file.version = version;
      file.created = file.updated = now;
      file.created_by = file.updated_by = viewer.user_id;
      file.id = tx.files().insert(file);
      file.project_id = folder.project_id;
      publish_file_event(tx, event::kFileCreated, viewer.user_id, file);
      ids.push_back(file.id);
    }
    if (options.in_same_write) options.in_same_write(tx);
    record_recent_in_tx(tx, viewer, ids);
    return ids;
  });
}

FileViews FileService::upload(const Caller& caller, FolderRef ref, std::vector<SpooledFile>& files,
                              const UploadOptions& options) {
  if (files.empty())
    throw_bad_request("No input files: send the file as a multipart part or as the body");
  const Viewer viewer = viewer_of(caller);
  if (ref.kind == FolderRef::Kind::kMy) ensure_my_folder(store_, viewer);
  // Refuse before moving bytes around; the write below checks again in its own snapshot.
  store_.read([&](StoreTx& tx) { destination_folder(tx, viewer, ref); });
  // The pins keep the contents from any removal until the versions naming them have committed.
  std::vector<PinnedBlob> pins;
  std::vector<std::pair<std::string, BlobRef>> contents;
  for (SpooledFile& file : files) {
    std::string title = clean_file_title(file.filename);
    if (title.empty()) title = "file" + extension_for_content_type(file.content_type);
    pins.push_back(blobs_.adopt(file));
    contents.emplace_back(std::move(title), pins.back().ref);
  }
  const std::vector<std::int64_t> ids = store_files(caller, ref, std::move(contents), options);
  pins.clear();
  return store_.read_value(
      [&](StoreTx& tx) { return load_file_views(tx, viewer, files_in_order(tx, ids)); });
}

FileViews FileService::create(const Caller& caller, FolderRef ref, const std::string& title,
                              std::string_view content, const UploadOptions& options) {
  const Viewer viewer = viewer_of(caller);
  std::string clean = required_title(title, "The title");
  if (ref.kind == FolderRef::Kind::kMy) ensure_my_folder(store_, viewer);
  store_.read([&](StoreTx& tx) { destination_folder(tx, viewer, ref); });
  PinnedBlob pinned = blobs_.put(content);  // until the version naming it has committed
  std::vector<std::pair<std::string, BlobRef>> contents;
  contents.emplace_back(std::move(clean), pinned.ref);
  const std::vector<std::int64_t> ids = store_files(caller, ref, std::move(contents), options);
  pinned = PinnedBlob();
  return store_.read_value(
      [&](StoreTx& tx) { return load_file_views(tx, viewer, files_in_order(tx, ids)); });
}

FileViews FileService::get(const Caller& caller, std::int64_t id, std::optional<int> version) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    return load_file_views(tx, viewer, {readable_file(tx, access, id, version)});
  });
}

FileViews FileService::history(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    readable_file(tx, access, id, std::nullopt);
    return load_file_views(tx, viewer, tx.files().history(id));
  });
}

FileViews FileService::change_history(const Caller& caller, std::int64_t id, int version,
                                      bool continue_version) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const FileRecord current = changeable_file(tx, viewer, id);
    const auto chosen = version > 0 ? tx.files().at_version(id, version) : current;
    if (!chosen)
      throw ApiError(ErrorKind::kNotFound, "The file has no version " + std::to_string(version));
    if (continue_version) {
      if (current.version.version_group > 1)
        tx.files().continue_version(id, chosen->version.version);
    } else if (chosen->version.version == current.current_version) {
      // add_version opens the next group, which is what completing the current version does.
      FileVersionRecord again = chosen->version;
      again.version = current.current_version + 1;
      again.comment = "Restored from version " + std::to_string(chosen->version.version);
      again.created = now_utc();
      again.created_by = viewer.user_id;
      tx.files().add_version(id, again);
      record_recent_in_tx(tx, viewer, {id});
    } else {
      tx.files().complete_version(id, chosen->version.version);
    }
    return load_file_views(tx, viewer, tx.files().history(id));
  });
}

FileViews FileService::rename(const Caller& caller, std::int64_t id, const std::string& title) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    FileRecord file = changeable_file(tx, viewer, id);
    std::string clean = required_title(title, "The title");
    // As the original: a new name keeps the file's type.
    const std::string ext = extension_of(file.title);
    if (extension_of(clean) != ext) clean += ext;
    tx.files().rename(id, clean, now_utc(), viewer.user_id);
    record_recent_in_tx(tx, viewer, {id});
    return load_file_views(tx, viewer, {*tx.files().by_id(id)});
  });
}

Download FileService::download(const Caller& caller, std::int64_t id, std::optional<int> version) {
  const Viewer viewer = viewer_of(caller);
  Download out = store_.read_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    const FileRecord file = readable_file(tx, access, id, version);
    return Download{blobs_.path_of(file.version.sha256),
                    static_cast<std::uint64_t>(file.version.size), file.version.sha256, file.title};
  });
  // A committed version's content may be in a removal's quarantine for a moment (blob_store.h).
  blobs_.restore_quarantined(out.sha256);
  return out;
}

}  // namespace projectd
