#include "store/sqlite/shared_generation.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

namespace projectd {

namespace {

constexpr std::size_t kSharedGenerationBytes = 4096;  // one page; the counter is its first 8 bytes

}  // namespace

SharedGeneration::SharedGeneration(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    spdlog::warn("cannot open {}: changes by other processes are seen only after a restart", path);
    return;
  }
  struct stat st {};
  // A new file is zeros once long enough; several processes growing it at once is harmless.
  const bool sized =
      ::fstat(fd, &st) == 0 && (st.st_size >= static_cast<off_t>(kSharedGenerationBytes) ||
                                ::ftruncate(fd, kSharedGenerationBytes) == 0);
  void* map =
      sized ? ::mmap(nullptr, kSharedGenerationBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
            : MAP_FAILED;
  ::close(fd);
  if (map == MAP_FAILED) {
    spdlog::warn("cannot map {}: changes by other processes are seen only after a restart", path);
    return;
  }
  counter_ = static_cast<std::uint64_t*>(map);
}

SharedGeneration::~SharedGeneration() {
  if (counter_ != nullptr) ::munmap(counter_, kSharedGenerationBytes);
}

std::uint64_t SharedGeneration::load() const {
  if (counter_ == nullptr) return local_.load();
  return std::atomic_ref<std::uint64_t>(*counter_).load();
}

void SharedGeneration::bump() {
  if (counter_ == nullptr) {
    local_.fetch_add(1);
    return;
  }
  std::atomic_ref<std::uint64_t>(*counter_).fetch_add(1);
}

}  // namespace projectd
