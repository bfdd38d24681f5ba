// An upload received into a temporary file of the blob store's temp directory, already hashed:
// the HTTP layer spools request bodies and multipart file parts into these so memory never holds
// an upload, and the blob store adopts them (fsync, rename) without reading them again.
// The temporary file is removed when the SpooledFile is destroyed, unless the blob store adopted
// it. Thread safety: a value type; one owner at a time (move-only).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace projectd {

class SpooledFile {
 public:
  SpooledFile() = default;
  SpooledFile(std::filesystem::path path, std::uint64_t size, std::string sha256);
  ~SpooledFile();
  SpooledFile(SpooledFile&& other) noexcept;
  SpooledFile& operator=(SpooledFile&& other) noexcept;
  SpooledFile(const SpooledFile&) = delete;
  SpooledFile& operator=(const SpooledFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::uint64_t size() const { return size_; }
  const std::string& sha256() const { return sha256_; }  // lowercase hex
  bool empty() const { return path_.empty(); }
  // Gives up ownership of the temporary file (it was renamed away); returns its path.
  std::filesystem::path release();

  // What the client said about it: the part's or Content-Disposition's filename (may be empty)
  // and Content-Type (may be empty).
  std::string filename;
  std::string content_type;

 private:
  std::filesystem::path path_;
  std::uint64_t size_ = 0;
  std::string sha256_;
};

}  // namespace projectd
