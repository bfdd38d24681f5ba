#include "app/backup_files.h"

#include "blob/file_io.h"
#include "blob/sha256.h"

#include <fcntl.h>
#include <unistd.h>

#include <vector>

namespace projectd {

namespace {

constexpr std::size_t kBackupChunk = 1 << 20;

// Reads `from` in chunks, handing each to `chunk`.
template <class F>
HashedFile read_hashed(const std::filesystem::path& from, F&& chunk) {
  file_io::UniqueFd in = file_io::open_for_reading(from);
  std::vector<char> buffer(kBackupChunk);
  Sha256 hash;
  HashedFile read;
  for (;;) {
    const std::size_t n = file_io::read_at(in.get(), buffer.data(), buffer.size(), read.size, from);
    if (n == 0) break;
    const std::string_view bytes(buffer.data(), n);
    hash.update(bytes);
    chunk(bytes);
    read.size += n;
  }
  read.sha256 = hash.finish_hex();
  return read;
}

}  // namespace

HashedFile hash_file(const std::filesystem::path& path) {
  return read_hashed(path, [](std::string_view) {});
}

HashedFile copy_hashed(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::create_directories(to.parent_path());
  std::filesystem::path part = to;
  part += ".part";
  const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) file_io::throw_errno("open", part);
  HashedFile copied;
  try {
    copied =
        read_hashed(from, [&](std::string_view bytes) { file_io::write_all(fd, bytes, part); });
    file_io::fsync_fd(fd, part);
  } catch (...) {
    file_io::close_quietly(fd);
    std::filesystem::remove(part);
    throw;
  }
  file_io::close_or_throw(fd, part);
  std::filesystem::rename(part, to);
  file_io::fsync_dir(to.parent_path());
  return copied;
}

void fsync_tree(const std::filesystem::path& dir) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_directory()) file_io::fsync_dir(entry.path());
  }
  file_io::fsync_dir(dir);
}

}  // namespace projectd
