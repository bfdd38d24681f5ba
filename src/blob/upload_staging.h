// The staged bytes of chunked uploads (domain/files/chunked_upload_service.h): one file per upload
// session, `<dir>/<session id>`, on the blob store's file system so that the finished file enters
// the store by a hard link, never a copy. Chunks are appended in order and fsynced before the
// caller acknowledges them; a chunk that was written but never acknowledged (a crash, a refused
// commit) is cut off by the next append, which always starts at the acknowledged length. A lease
// holds an exclusive flock() on the file, so one chunk of a session is written at a time, across
// processes that share the directory too.
// Thread safety: UploadStaging's methods may be called from any thread at once; a Lease belongs to
// one request.
#pragma once

#include "blob/sha256.h"
#include "blob/spooled_file.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

class UploadStaging {
 public:
  // Creates `dir` when missing; throws std::runtime_error when it cannot.
  explicit UploadStaging(std::filesystem::path dir);

  const std::filesystem::path& dir() const { return dir_; }

  // One session's staged file, open and locked until the lease is destroyed.
  class Lease {
   public:
    ~Lease();
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    // Cuts the file to `offset` bytes, appends the whole of `chunk`, feeding `hash` with its
    // bytes, and fsyncs the file: once this returns the bytes survive a crash.
    void append(std::uint64_t offset, const std::filesystem::path& chunk, Sha256& hash);
    // Feeds `hash` with the first `size` bytes of the file (a hash lost with a restart).
    void hash_prefix(std::uint64_t size, Sha256& hash) const;
    // A hard link of the staged file in `temp_dir` (the blob store's spool), as a SpooledFile of
    // `size` bytes with this digest, ready for BlobStore::adopt; the staged name stays.
    SpooledFile link_into(const std::filesystem::path& temp_dir, std::uint64_t size,
                          std::string sha256) const;

   private:
    friend class UploadStaging;
    Lease(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
    std::filesystem::path path_;
    int fd_ = -1;
  };

  // Opens (creating it empty) and locks the staged file of session `id` (32 hex digits);
  // nullopt when another lease holds it.
  std::optional<Lease> lease(std::string_view id);
  // Removes a session's staged file; quiet when it is not there.
  void remove(std::string_view id);
  // The session ids that have a staged file, sorted.
  std::vector<std::string> staged_ids() const;

 private:
  std::filesystem::path dir_;
};

// Whether `id` can name a session: 32 lowercase hex digits.
bool is_upload_session_id(std::string_view id);

}  // namespace projectd
