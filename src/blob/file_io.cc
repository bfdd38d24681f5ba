#include "blob/file_io.h"

#include "base/blocking_wait.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace projectd::file_io {

void throw_errno(std::string_view what, const std::filesystem::path& path) {
  const int error = errno;
  throw std::system_error(error, std::generic_category(), std::string(what) + " " + path.string());
}

int create_temp(const std::filesystem::path& dir, std::string_view prefix,
                std::filesystem::path& path) {
  std::string pattern = (dir / (std::string(prefix) + "XXXXXX")).string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) throw_errno("cannot create a temporary file in", dir);
  path = std::move(pattern);
  return fd;
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno("cannot write", path);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::size_t read_at(int fd, char* out, std::size_t size, std::uint64_t offset,
                    const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno("cannot read", path);
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  return done;
}

namespace {

// fsync(fd) as a BlockingWait (base/blocking_wait.h): 0, or the errno it failed with.
int fsync_blocking(int fd) {
  BlockingWait blocking;
  return ::fsync(fd) == 0 ? 0 : errno;
}

}  // namespace

void fsync_fd(int fd, const std::filesystem::path& path) {
  if (const int error = fsync_blocking(fd); error != 0) {
    errno = error;
    throw_errno("cannot fsync", path);
  }
}

void fsync_dir(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw_errno("cannot open the directory", dir);
  if (const int error = fsync_blocking(fd); error != 0) {
    ::close(fd);
    errno = error;
    throw_errno("cannot fsync the directory", dir);
  }
  ::close(fd);
}

UniqueFd open_for_reading(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw_errno("cannot open", path);
  return UniqueFd(fd);
}

void close_quietly(int fd) noexcept {
  if (fd >= 0) ::close(fd);
}

void close_or_throw(int fd, const std::filesystem::path& path) {
  // Linux releases the descriptor even when close fails; EINTR must not be retried.
  if (::close(fd) != 0 && errno != EINTR) throw_errno("cannot close", path);
}

}  // namespace projectd::file_io
