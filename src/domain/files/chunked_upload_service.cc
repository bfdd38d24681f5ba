// ChunkedUploadService: upload sessions, their chunks, and the file their last byte makes.
#include "domain/files/chunked_upload_service.h"

#include "auth/random.h"
#include "base/errors.h"
#include "domain/files/file_types.h"

#include <algorithm>

namespace projectd {

namespace {

// Running hashes kept between chunks; past this many (abandoned sessions) one is dropped and its
// session's next chunk hashes the staged bytes again.
constexpr std::size_t kMaxRunningHashes = 1024;

std::string chunk_position(const UploadSessionRecord& s) {
  return "this upload has received " + std::to_string(s.chunks) + " chunk(s), " +
         std::to_string(s.bytes_uploaded) + " of " + std::to_string(s.bytes_total) +
         " bytes; send chunk " + std::to_string(s.chunks + 1) + " at byte " +
         std::to_string(s.bytes_uploaded);
}

// A random GUID without its hyphens, as the original's session ids look.
std::string new_upload_session_id() {
  std::string id = random_guid();
  std::erase(id, '-');
  return id;
}

// relativePath (the original's FileUploader.VerifyChunkedUpload): the subfolders under `folder`
// that the file goes into, "a/b" for folder/a/b, each made when missing. They lie under a folder
// the viewer may add files to, so the viewer may add files to them too.
FolderRecord folder_along_path(StoreTx& tx, const Viewer& viewer, FolderRecord folder,
                               std::string_view relative_path) {
  while (!relative_path.empty()) {
    const std::size_t slash = relative_path.find_first_of("/\\");
    const std::string title = clean_file_title(relative_path.substr(0, slash));
    relative_path = slash == std::string_view::npos ? "" : relative_path.substr(slash + 1);
    if (title.empty() || title == "." || title == "..") continue;
    std::optional<FolderRecord> found;
    for (FolderRecord& child : tx.folders().children(FolderListQuery{folder.id, title, 0, 1000}))
      if (child.title == title) found = std::move(child);
    if (!found) {
      FolderRecord made;
      made.parent_id = folder.id;
      made.kind = static_cast<int>(FolderKind::kSubfolder);
      made.title = title;
      made.created = made.updated = now_utc();
      made.created_by = made.updated_by = viewer.user_id;
      made.id = tx.folders().insert(made);
      found = std::move(made);
    }
    folder = std::move(*found);
  }
  return folder;
}

}  // namespace

ChunkedUploadService::ChunkedUploadService(Store& store, BlobStore& blobs, FileService& files,
                                           std::filesystem::path staging_dir,
                                           std::chrono::seconds lifetime)
    : store_(store),
      blobs_(blobs),
      files_(files),
      staging_(std::move(staging_dir)),
      lifetime_(lifetime) {}

UploadSessionView ChunkedUploadService::create(const Caller& caller, FolderRef ref,
                                               const NewUploadSession& request) {
  const Viewer viewer = viewer_of(caller);
  if (ref.kind == FolderRef::Kind::kMy) ensure_my_folder_exists(store_, viewer);
  return store_.write_value([&](StoreTx& tx) {
    FolderRecord folder = writable_folder_in_tx(tx, viewer, ref);
    std::string title = clean_file_title(request.file_name);
    if (title.empty()) throw_bad_request("Parameter 'fileName' is required");
    if (request.file_size < 1)
      throw_bad_request("Parameter 'fileSize' must be the file's length in bytes, at least 1");
    if (static_cast<std::uint64_t>(request.file_size) > files_.max_upload_bytes()) {
      throw ApiError(ErrorKind::kPayloadTooLarge,
                     "The file of " + std::to_string(request.file_size) +
                         " bytes is over the upload limit of " +
                         std::to_string(files_.max_upload_bytes()) + " bytes");
    }
    folder = folder_along_path(tx, viewer, std::move(folder), request.relative_path);
    UploadSessionView view;
    UploadSessionRecord& s = view.session;
    s.id = new_upload_session_id();
    s.user_id = viewer.user_id;
    s.folder_id = folder.id;
    s.title = std::move(title);
    s.bytes_total = request.file_size;
    s.create_new_if_exist = request.create_new_if_exist.value_or(
        !tx.files_settings().of_user(viewer.user_id).update_if_exist);
    s.created = now_utc();
    s.expires = s.created + std::chrono::duration_cast<Ticks>(lifetime_);
    tx.upload_sessions().insert(s);
    for (const FolderRecord& f : tx.folders().path(folder.id))
      view.path.push_back(f.id);
    return view;
  });
}

UploadSessionRecord ChunkedUploadService::owned_session(const Viewer& viewer,
                                                        const std::string& id) {
  if (!is_upload_session_id(id)) throw_not_found();
  auto session = store_.read_value([&](StoreTx& tx) { return tx.upload_sessions().by_id(id); });
  // Another person's session, like an expired one, does not exist for the caller.
  if (!session || session->user_id != viewer.user_id || session->expires <= now_utc())
    throw_not_found();
  return std::move(*session);
}

UploadSessionView ChunkedUploadService::status(const Caller& caller, const std::string& id) {
  UploadSessionRecord session = owned_session(viewer_of(caller), id);
  const std::int64_t folder = session.folder_id;
  return UploadSessionView{std::move(session), {folder}};
}

ChunkOutcome ChunkedUploadService::append(const Caller& caller, const ChunkRequest& request) {
  const Viewer viewer = viewer_of(caller);
  owned_session(viewer, request.id);  // before anything is made on disk for this id
  std::optional<UploadStaging::Lease> lease = staging_.lease(request.id);
  if (!lease) {
    throw_conflict(
        "Another chunk of this upload is being received; send the next one when it is answered");
  }
  // Read again under the lease: the chunk that held it may have moved the session on.
  const UploadSessionRecord s = owned_session(viewer, request.id);
  if (request.chunk_number && *request.chunk_number != s.chunks + 1)
    throw_conflict("Chunk " + std::to_string(*request.chunk_number) +
                   " is out of order: " + chunk_position(s));
  if (request.offset && *request.offset != s.bytes_uploaded)
    throw_conflict("A chunk at byte " + std::to_string(*request.offset) +
                   " is out of order: " + chunk_position(s));
  const bool has_chunk = request.chunk && !request.chunk->empty() && request.chunk->size() > 0;
  if (s.bytes_uploaded == s.bytes_total) {
    if (has_chunk)
      throw_bad_request("This upload already has all its " + std::to_string(s.bytes_total) +
                        " bytes; send no more chunks");
    return finish(caller, s, *lease);  // a finish that failed before, tried again
  }
  if (!has_chunk)
    throw_bad_request("No chunk: send the chunk as a multipart part or as the request body");
  const auto size = static_cast<std::int64_t>(request.chunk->size());
  if (size > s.bytes_total - s.bytes_uploaded) {
    throw_bad_request("The chunk of " + std::to_string(size) + " bytes at byte " +
                      std::to_string(s.bytes_uploaded) + " goes past the upload's fileSize of " +
                      std::to_string(s.bytes_total) + " bytes");
  }
  const auto from = static_cast<std::uint64_t>(s.bytes_uploaded);
  Sha256 hash = take_hash(s.id, from, *lease);
  lease->append(from, request.chunk->path(), hash);
  UploadSessionRecord next = s;
  next.bytes_uploaded += size;
  next.chunks += 1;
  next.expires = now_utc() + std::chrono::duration_cast<Ticks>(lifetime_);
  const bool advanced = store_.write_value([&](StoreTx& tx) {
    return tx.upload_sessions().advance(s.id, s.bytes_uploaded, next.bytes_uploaded, next.expires);
  });
  if (!advanced) throw_not_found();  // expired and swept, or aborted, meanwhile
  keep_hash(s.id, static_cast<std::uint64_t>(next.bytes_uploaded), std::move(hash));
  if (next.bytes_uploaded < next.bytes_total) {
    const std::int64_t folder = next.folder_id;
    return ChunkOutcome{UploadSessionView{std::move(next), {folder}}, std::nullopt};
  }
  return finish(caller, next, *lease);
}

ChunkOutcome ChunkedUploadService::finish(const Caller& caller, const UploadSessionRecord& session,
                                          UploadStaging::Lease& lease) {
  const auto total = static_cast<std::uint64_t>(session.bytes_total);
  const std::string sha256 = take_hash(session.id, total, lease).finish_hex();
  forget_hash(session.id);
  std::vector<SpooledFile> files;
  files.push_back(lease.link_into(blobs_.temp_dir(), total, sha256));
  files.back().filename = session.title;
  UploadOptions options;
  options.create_new_if_exist = session.create_new_if_exist;
  // The file and the session's end commit together: never a file made twice, never a session
  // left that made its file.
  options.in_same_write = [&](StoreTx& tx) {
    const auto current = tx.upload_sessions().by_id(session.id);
    if (!current || current->bytes_uploaded != session.bytes_total) throw_not_found();
    tx.upload_sessions().remove(session.id);
  };
  FileViews file =
      files_.upload(caller, FolderRef{FolderRef::Kind::kId, session.folder_id}, files, options);
  // The content is in the blob store now (linked); the staged name is only a leftover.
  try {
    staging_.remove(session.id);
  } catch (const std::exception&) {
    // The file is made and answered for; sweep() removes the staged name later.
  }
  return ChunkOutcome{std::nullopt, std::move(file)};
}

void ChunkedUploadService::abort(const Caller& caller, const std::string& id) {
  owned_session(viewer_of(caller), id);
  std::optional<UploadStaging::Lease> lease = staging_.lease(id);
  if (!lease) throw_conflict("A chunk of this upload is being received; abort when it is answered");
  const bool removed = store_.write_value([&](StoreTx& tx) {
    const auto session = tx.upload_sessions().by_id(id);
    return session && session->user_id == viewer_of(caller).user_id &&
           tx.upload_sessions().remove(id);
  });
  if (!removed) throw_not_found();
  forget_hash(id);
  staging_.remove(id);
}

std::size_t ChunkedUploadService::sweep() {
  // Files are listed before the sessions are read: a file listed was made after its session
  // committed, so a session missing from the later read has really ended.
  const std::vector<std::string> staged = staging_.staged_ids();
  std::vector<std::string> expired;
  store_.write([&](StoreTx& tx) { expired = tx.upload_sessions().remove_expired(now_utc()); });
  const std::vector<std::string> live =
      store_.read_value([](StoreTx& tx) { return tx.upload_sessions().ids(); });
  std::size_t removed = 0;
  for (const std::string& id : staged) {
    if (std::binary_search(live.begin(), live.end(), id)) continue;
    // A chunk still being written for a session that has just ended fails its commit anyway.
    staging_.remove(id);
    forget_hash(id);
    ++removed;
  }
  for (const std::string& id : expired)
    forget_hash(id);
  return removed;
}

Sha256 ChunkedUploadService::take_hash(const std::string& id, std::uint64_t offset,
                                       const UploadStaging::Lease& lease) {
  {
    std::lock_guard lock(hashes_mutex_);
    auto it = hashes_.find(id);
    if (it != hashes_.end()) {
      RunningHash running = std::move(it->second);
      hashes_.erase(it);
      if (running.offset == offset) return std::move(running.hash);
    }
  }
  Sha256 hash;
  lease.hash_prefix(offset, hash);
  return hash;
}

void ChunkedUploadService::keep_hash(const std::string& id, std::uint64_t offset, Sha256 hash) {
  std::lock_guard lock(hashes_mutex_);
  if (hashes_.size() >= kMaxRunningHashes) hashes_.erase(hashes_.begin());
  hashes_.insert_or_assign(id, RunningHash{offset, std::move(hash)});
}

void ChunkedUploadService::forget_hash(const std::string& id) {
  std::lock_guard lock(hashes_mutex_);
  hashes_.erase(id);
}

}  // namespace projectd
