// A temporary file being written and hashed at once: how the HTTP layer spools a request body or
// a multipart file part without holding it in memory. finish() hands the file over as a
// SpooledFile (already hashed, ready for BlobStore::adopt); a writer destroyed before that removes
// its file, so an aborted upload leaves nothing behind.
// Not fsynced here: BlobStore::adopt fsyncs what it keeps, and most spools are thrown away. But a
// large body's pages are sent to the disk while it still arrives (every kWriteBehind bytes, without
// waiting), so that fsync finds little left to write: an upload then takes about as long as the
// slower of the network and the disk, not their sum.
// Thread safety: none; one writer belongs to one request.
#pragma once

#include "blob/sha256.h"
#include "blob/spooled_file.h"

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace projectd {

class SpoolWriter {
 public:
  SpoolWriter() = default;  // empty: open() before writing
  explicit SpoolWriter(const std::filesystem::path& dir) { open(dir); }
  ~SpoolWriter();
  SpoolWriter(SpoolWriter&& other) noexcept;
  SpoolWriter& operator=(SpoolWriter&& other) noexcept;
  SpoolWriter(const SpoolWriter&) = delete;
  SpoolWriter& operator=(const SpoolWriter&) = delete;

  // Creates the file in `dir`; throws std::runtime_error when it cannot.
  void open(const std::filesystem::path& dir);
  bool is_open() const { return fd_ >= 0; }
  void write(std::string_view bytes);  // throws std::runtime_error on an I/O error
  static constexpr std::uint64_t kWriteBehind = 8 << 20;
  std::uint64_t size() const { return size_; }
  // Closes the file and finalises the hash; the writer is empty afterwards.
  SpooledFile finish();

 private:
  void discard() noexcept;

  int fd_ = -1;
  std::filesystem::path path_;
  std::uint64_t size_ = 0;
  std::uint64_t written_behind_ = 0;  // bytes already handed to the disk's writeback
  Sha256 hash_;
};

}  // namespace projectd
