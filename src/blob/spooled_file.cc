#include "blob/spooled_file.h"

#include <unistd.h>

#include <utility>

namespace projectd {

SpooledFile::SpooledFile(std::filesystem::path path, std::uint64_t size, std::string sha256)
    : path_(std::move(path)), size_(size), sha256_(std::move(sha256)) {}

SpooledFile::~SpooledFile() {
  // Best effort: a destructor cannot report, and a leftover is removed at the next start.
  if (!path_.empty()) ::unlink(path_.c_str());
}

SpooledFile::SpooledFile(SpooledFile&& other) noexcept
    : filename(std::move(other.filename)),
      content_type(std::move(other.content_type)),
      path_(std::exchange(other.path_, {})),
      size_(std::exchange(other.size_, 0)),
      sha256_(std::move(other.sha256_)) {}

SpooledFile& SpooledFile::operator=(SpooledFile&& other) noexcept {
  if (this == &other) return *this;
  if (!path_.empty()) ::unlink(path_.c_str());
  filename = std::move(other.filename);
  content_type = std::move(other.content_type);
  path_ = std::exchange(other.path_, {});
  size_ = std::exchange(other.size_, 0);
  sha256_ = std::move(other.sha256_);
  return *this;
}

std::filesystem::path SpooledFile::release() {
  return std::exchange(path_, {});
}

}  // namespace projectd
