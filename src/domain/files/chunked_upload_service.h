// Chunked, resumable uploads (docs/wire-compatibility.md, "Chunked uploads"): a session opened on a
// folder for one file name and size, chunks appended in order, and the file made when the last
// byte arrives, through FileService::upload exactly as an ordinary upload makes it (naming rules,
// versions, the blob store with its SHA-256). Better than the original, whose sessions live in a
// cache: a session is a row of the store (migration 0011) and its bytes a file under the blob
// directory (blob/upload_staging.h), each chunk fsynced before its answer, so a session survives
// a restart (or another node) and resumes at the last acknowledged byte. A session belongs to the
// person who opened it: to anybody else, and once expired, it does not exist (404). Its lifetime
// slides: it expires `lifetime` after its last acknowledged chunk, and sweep() removes it with its
// bytes.
// Checks run 404 -> 409 -> 403 -> 400; a refused chunk changes nothing.
// Thread safety: every method may be called from any worker thread at once; chunks of one session
// are written one at a time (a second one meanwhile is refused with 409).
#pragma once

#include "blob/blob_store.h"
#include "blob/sha256.h"
#include "blob/upload_staging.h"
#include "domain/caller.h"
#include "domain/files/file_service.h"
#include "store/store.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct NewUploadSession {
  std::string file_name;
  std::int64_t file_size = 0;
  // As UploadOptions; unset: the person's updateifexist setting when the session opens decides.
  std::optional<bool> create_new_if_exist;
  std::string relative_path;  // "a/b": into these subfolders, made when missing
};

// A session as its answers show it: `path` holds folder ids, root first (the breadcrumbs on
// create_session, the folder alone afterwards, as the original).
struct UploadSessionView {
  UploadSessionRecord session;
  std::vector<std::int64_t> path;
};

struct ChunkRequest {
  std::string id;
  // Either says where the client believes it is; when given it must be where the session is.
  std::optional<std::int64_t> chunk_number;  // 1-based: the next one is chunks + 1
  std::optional<std::int64_t> offset;        // the byte the chunk starts at
  SpooledFile* chunk = nullptr;              // null or empty: none sent
};

// After a chunk: the session so far, or, once its last byte has arrived, the file it made.
struct ChunkOutcome {
  std::optional<UploadSessionView> session;
  std::optional<FileViews> file;
};

class ChunkedUploadService {
 public:
  ChunkedUploadService(Store& store, BlobStore& blobs, FileService& files,
                       std::filesystem::path staging_dir, std::chrono::seconds lifetime);

  // 404/403 for the folder as an upload; 400 for no file name or a size below 1; 413 for a size
  // over the upload limit.
  UploadSessionView create(const Caller& caller, FolderRef folder, const NewUploadSession& request);
  // Where a session stands (bytes_uploaded): what a client asks after a lost answer or a restart.
  UploadSessionView status(const Caller& caller, const std::string& id);
  // Appends one chunk. 404 for a session that is not the caller's, gone or expired; 409 for a
  // chunkNumber or offset other than the session's, or while another chunk of it is received;
  // 400 for no chunk, or one that would go past fileSize. With the last byte the file is made
  // and the session ends; a session whose bytes are all there but whose file could not be made
  // (its folder became read-only, say) makes it on the next call without a chunk.
  ChunkOutcome append(const Caller& caller, const ChunkRequest& request);
  // Ends the session and removes its bytes.
  void abort(const Caller& caller, const std::string& id);

  // Removes expired sessions with their bytes, and staged files whose session is gone (a crash
  // between a session's end and the removal of its file); returns how many files it removed.
  std::size_t sweep();

  std::chrono::seconds lifetime() const { return lifetime_; }

 private:
  UploadSessionRecord owned_session(const Viewer& viewer, const std::string& id);
  ChunkOutcome finish(const Caller& caller, const UploadSessionRecord& session,
                      UploadStaging::Lease& lease);
  // The hash of the session's first `offset` bytes: kept from its last chunk, or computed again.
  Sha256 take_hash(const std::string& id, std::uint64_t offset, const UploadStaging::Lease& lease);
  void keep_hash(const std::string& id, std::uint64_t offset, Sha256 hash);
  void forget_hash(const std::string& id);

  Store& store_;
  BlobStore& blobs_;
  FileService& files_;
  UploadStaging staging_;
  std::chrono::seconds lifetime_;

  struct RunningHash {
    std::uint64_t offset = 0;
    Sha256 hash;
  };
  std::mutex hashes_mutex_;
  std::map<std::string, RunningHash> hashes_;  // at most kMaxRunningHashes
};

}  // namespace projectd
