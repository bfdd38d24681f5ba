// Staged chunked uploads (upload_staging.h).
#include "blob/upload_staging.h"

#include "blob/file_io.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <vector>

namespace projectd {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kStagingBlock = 1 << 20;

}  // namespace

bool is_upload_session_id(std::string_view id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

UploadStaging::UploadStaging(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) {
    throw std::runtime_error("cannot create the upload staging directory " + dir_.string() + ": " +
                             ec.message());
  }
}

std::optional<UploadStaging::Lease> UploadStaging::lease(std::string_view id) {
  if (!is_upload_session_id(id)) throw std::invalid_argument("not an upload session id");
  fs::path path = dir_ / std::string(id);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) file_io::throw_errno("cannot open the staged upload", path);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    file_io::close_quietly(fd);
    if (error == EWOULDBLOCK) return std::nullopt;
    errno = error;
    file_io::throw_errno("cannot lock the staged upload", path);
  }
  return Lease(std::move(path), fd);
}

void UploadStaging::remove(std::string_view id) {
  if (!is_upload_session_id(id)) return;
  const fs::path path = dir_ / std::string(id);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT)
    file_io::throw_errno("cannot remove the staged upload", path);
}

std::vector<std::string> UploadStaging::staged_ids() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (is_upload_session_id(name)) out.push_back(std::move(name));
  }
  if (ec) throw std::runtime_error("cannot list " + dir_.string() + ": " + ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

UploadStaging::Lease::~Lease() {
  file_io::close_quietly(fd_);  // closing releases the flock
}

UploadStaging::Lease::Lease(Lease&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

void UploadStaging::Lease::append(std::uint64_t offset, const fs::path& chunk, Sha256& hash) {
  if (::ftruncate(fd_, static_cast<off_t>(offset)) != 0)
    file_io::throw_errno("cannot cut the staged upload", path_);
  const file_io::UniqueFd in = file_io::open_for_reading(chunk);
  std::vector<char> block(kStagingBlock);
  std::uint64_t read_at = 0;
  for (;;) {
    const std::size_t n = file_io::read_at(in.get(), block.data(), block.size(), read_at, chunk);
    if (n == 0) break;
    const std::string_view bytes(block.data(), n);
    hash.update(bytes);
    std::size_t written = 0;
    while (written < n) {
      const ssize_t w = ::pwrite(fd_, bytes.data() + written, n - written,
                                 static_cast<off_t>(offset + read_at + written));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) file_io::throw_errno("cannot write the staged upload", path_);
      written += static_cast<std::size_t>(w);
    }
    read_at += n;
  }
  file_io::fsync_fd(fd_, path_);
}

void UploadStaging::Lease::hash_prefix(std::uint64_t size, Sha256& hash) const {
  std::vector<char> block(kStagingBlock);
  for (std::uint64_t at = 0; at < size;) {
    const std::size_t want =
        static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), size - at));
    const std::size_t n = file_io::read_at(fd_, block.data(), want, at, path_);
    if (n == 0) throw std::runtime_error("the staged upload " + path_.string() + " is too short");
    hash.update(std::string_view(block.data(), n));
    at += n;
  }
}

SpooledFile UploadStaging::Lease::link_into(const fs::path& temp_dir, std::uint64_t size,
                                            std::string sha256) const {
  // mkostemp reserves a fresh name in the node's own spool; link() needs it free again.
  fs::path linked;
  file_io::close_quietly(file_io::create_temp(temp_dir, "chunked-", linked));
  if (::unlink(linked.c_str()) != 0) file_io::throw_errno("cannot prepare", linked);
  if (::link(path_.c_str(), linked.c_str()) != 0)
    file_io::throw_errno("cannot link the staged upload into", linked);
  return SpooledFile(std::move(linked), size, std::move(sha256));
}

}  // namespace projectd
