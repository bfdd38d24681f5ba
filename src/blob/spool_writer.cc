#include "blob/spool_writer.h"

#include "blob/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>
#include <utility>

namespace projectd {

SpoolWriter::~SpoolWriter() {
  discard();
}

SpoolWriter::SpoolWriter(SpoolWriter&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::exchange(other.path_, {})),
      size_(std::exchange(other.size_, 0)),
      written_behind_(std::exchange(other.written_behind_, 0)),
      hash_(std::move(other.hash_)) {}

SpoolWriter& SpoolWriter::operator=(SpoolWriter&& other) noexcept {
  if (this == &other) return *this;
  discard();
  fd_ = std::exchange(other.fd_, -1);
  path_ = std::exchange(other.path_, {});
  size_ = std::exchange(other.size_, 0);
  written_behind_ = std::exchange(other.written_behind_, 0);
  hash_ = std::move(other.hash_);
  return *this;
}

// A moved-from or finished writer has no usable hasher; each file gets a fresh one.
void SpoolWriter::open(const std::filesystem::path& dir) {
  discard();
  hash_ = Sha256();
  fd_ = file_io::create_temp(dir, "up-", path_);
  size_ = 0;
  written_behind_ = 0;
}

void SpoolWriter::write(std::string_view bytes) {
  if (fd_ < 0) throw std::logic_error("SpoolWriter::write without an open file");
  file_io::write_all(fd_, bytes, path_);
  hash_.update(bytes);
  size_ += bytes.size();
  if (size_ - written_behind_ >= kWriteBehind) {
    // Starts writeback and returns; a failure here is only a lost head start (fsync reports it).
    ::sync_file_range(fd_, static_cast<off_t>(written_behind_),
                      static_cast<off_t>(size_ - written_behind_), SYNC_FILE_RANGE_WRITE);
    written_behind_ = size_;
  }
}

SpooledFile SpoolWriter::finish() {
  if (fd_ < 0) throw std::logic_error("SpoolWriter::finish without an open file");
  // From here the SpooledFile owns the path, so a failing close still removes the file.
  SpooledFile file(std::exchange(path_, {}), size_, hash_.finish_hex());
  file_io::close_or_throw(std::exchange(fd_, -1), file.path());
  size_ = 0;
  written_behind_ = 0;
  return file;
}

void SpoolWriter::discard() noexcept {
  file_io::close_quietly(std::exchange(fd_, -1));
  if (!path_.empty()) ::unlink(path_.c_str());
  path_.clear();
}

}  // namespace projectd
