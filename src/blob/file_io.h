// Thin POSIX file helpers shared by the blob store and the upload spooling: every failure becomes
// a std::system_error (a std::runtime_error) naming the operation, the path and the errno text, so
// a full disk or a permission problem reads clearly in the log, and its code lets the HTTP layer
// tell a full disk (507) from a defect. Thread safety: pure functions over descriptors.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <utility>

namespace projectd::file_io {

[[noreturn]] void throw_errno(std::string_view what, const std::filesystem::path& path);

// Creates a new, empty file `<dir>/<prefix>XXXXXX` (O_CLOEXEC, mode 0600) and returns its
// descriptor; `path` receives its name.
int create_temp(const std::filesystem::path& dir, std::string_view prefix,
                std::filesystem::path& path);
// Writes every byte, retrying after EINTR and partial writes.
void write_all(int fd, std::string_view bytes, const std::filesystem::path& path);
// Reads up to `size` bytes at `offset` (retrying after EINTR); fewer only at the end of the file.
std::size_t read_at(int fd, char* out, std::size_t size, std::uint64_t offset,
                    const std::filesystem::path& path);
void fsync_fd(int fd, const std::filesystem::path& path);
// Makes a rename, link or unlink inside `dir` durable.
void fsync_dir(const std::filesystem::path& dir);
// Closes and ignores errors: for clean-up paths whose data no longer matters.
void close_quietly(int fd) noexcept;
// Closes and reports errors: for files whose contents must have reached the kernel.
void close_or_throw(int fd, const std::filesystem::path& path);

// Owns a descriptor and closes it quietly: for files only read.
class UniqueFd {
 public:
  explicit UniqueFd(int fd = -1) : fd_(fd) {}
  ~UniqueFd() { close_quietly(fd_); }
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// Opens an existing file for reading (O_CLOEXEC).
UniqueFd open_for_reading(const std::filesystem::path& path);

}  // namespace projectd::file_io
