#include "store/shared_change_clock.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <atomic>

namespace projectd {

namespace {

// 64 KiB: the commit count, the last broad commit, then 8,190 slots. A file an older projectd made
// (one 4 KiB page, the count first) grows with zeros: its count stays, its slots start clean.
constexpr std::size_t kClockBytes = 64 * 1024;
constexpr std::size_t kClockWords = kClockBytes / sizeof(std::uint64_t);
constexpr std::size_t kCountWord = 0;
constexpr std::size_t kBroadWord = 1;
constexpr std::size_t kFirstSlot = 2;
constexpr std::size_t kSlots = kClockWords - kFirstSlot;

std::atomic_ref<std::uint64_t> word(std::uint64_t& value) {
  return std::atomic_ref<std::uint64_t>(value);
}

// Raises `value` to `at` unless another commit already raised it further.
void raise_to(std::uint64_t& value, std::uint64_t at) {
  auto ref = word(value);
  std::uint64_t seen = ref.load();
  while (seen < at && !ref.compare_exchange_weak(seen, at)) {
  }
}

// splitmix64's finaliser: neighbouring task ids land in unrelated slots.
std::uint64_t mix_scope_key(std::uint64_t key) {
  key ^= key >> 30;
  key *= 0xbf58476d1ce4e5b9ULL;
  key ^= key >> 27;
  key *= 0x94d049bb133111ebULL;
  return key ^ (key >> 31);
}

}  // namespace

SharedChangeClock::SharedChangeClock() : local_(std::make_unique<std::uint64_t[]>(kClockWords)) {
  words_ = local_.get();
}

SharedChangeClock::SharedChangeClock(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  void* map = MAP_FAILED;
  if (fd >= 0) {
    struct stat st {};
    // A new file is zeros once long enough; several processes growing it at once is harmless.
    const bool sized = ::fstat(fd, &st) == 0 && (st.st_size >= static_cast<off_t>(kClockBytes) ||
                                                 ::ftruncate(fd, kClockBytes) == 0);
    if (sized) map = ::mmap(nullptr, kClockBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
  }
  if (map == MAP_FAILED) {
    spdlog::warn("cannot map {}: changes by other processes are seen only after a restart", path);
    local_ = std::make_unique<std::uint64_t[]>(kClockWords);
    words_ = local_.get();
    return;
  }
  words_ = static_cast<std::uint64_t*>(map);
  mapped_ = true;
}

SharedChangeClock::~SharedChangeClock() {
  if (mapped_) ::munmap(words_, kClockBytes);
}

std::uint64_t SharedChangeClock::now() const {
  return word(words_[kCountWord]).load();
}

std::uint64_t& SharedChangeClock::slot_of(ChangeScope scope) const {
  return words_[kFirstSlot + mix_scope_key(scope.key()) % kSlots];
}

void SharedChangeClock::committed(const ScopeDependencies& changed) {
  // Counted first: a value whose stamp is taken from here on may already hold this commit's data,
  // and a value stamped before it is judged by the slots raised next, before the write returns.
  const std::uint64_t at = word(words_[kCountWord]).fetch_add(1) + 1;
  if (!changed) {
    raise_to(words_[kBroadWord], at);
    return;
  }
  for (const ChangeScope scope : *changed)
    raise_to(slot_of(scope), at);
}

bool SharedChangeClock::unchanged_since(std::uint64_t stamp,
                                        const ScopeDependencies& depends_on) const {
  if (!depends_on) return now() == stamp;
  if (word(words_[kBroadWord]).load() > stamp) return false;
  for (const ChangeScope scope : *depends_on)
    if (word(slot_of(scope)).load() > stamp) return false;
  return true;
}

}  // namespace projectd
