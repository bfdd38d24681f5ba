#include "auth/argon2_memory.h"

#include <argon2.h>
#include <sys/mman.h>

#include <algorithm>

namespace projectd {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

thread_local Argon2Memory* t_current = nullptr;

std::size_t round_up(std::size_t bytes, std::size_t unit) {
  return (bytes + unit - 1) / unit * unit;
}

// A mapping aligned to a huge page, so that every 2 MiB of it can be one huge page: map 2 MiB
// more than needed and unmap what lies outside the aligned range.
std::uint8_t* map_aligned(std::size_t size) {
  const std::size_t span = size + kHugePage;
  void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = round_up(start, kHugePage);
  if (aligned > start) munmap(raw, aligned - start);
  const std::uintptr_t end = start + span;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
  auto* data = reinterpret_cast<std::uint8_t*>(aligned);
  // Only advice: where huge pages are off, the mapping works with 4 KiB pages.
  madvise(data, size, MADV_HUGEPAGE);
  return data;
}

}  // namespace

Argon2Memory::Argon2Memory(std::chrono::milliseconds idle_release)
    : idle_release_(idle_release), releaser_([this] { release_when_idle(); }) {}

Argon2Memory::~Argon2Memory() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  releaser_.join();
  for (const Mapping& m : kept_)
    munmap(m.data, m.size);
  for (const Mapping& m : in_use_)
    munmap(m.data, m.size);
}

Argon2Memory::Scope::Scope(Argon2Memory& memory) : previous_(t_current) {
  t_current = &memory;
}

Argon2Memory::Scope::~Scope() {
  t_current = previous_;
}

int Argon2Memory::allocate(std::uint8_t** memory, std::size_t bytes) {
  *memory = t_current ? t_current->take(bytes) : nullptr;
  return *memory ? ARGON2_OK : ARGON2_MEMORY_ALLOCATION_ERROR;
}

void Argon2Memory::deallocate(std::uint8_t* memory, std::size_t) {
  if (memory && t_current) t_current->give_back(memory);
}

std::size_t Argon2Memory::mapped_bytes() const {
  std::lock_guard lock(mutex_);
  std::size_t total = 0;
  for (const Mapping& m : kept_)
    total += m.size;
  for (const Mapping& m : in_use_)
    total += m.size;
  return total;
}

std::uint8_t* Argon2Memory::take(std::size_t bytes) {
  const std::size_t size = round_up(bytes, kHugePage);
  {
    std::lock_guard lock(mutex_);
    const auto fits =
        std::find_if(kept_.begin(), kept_.end(), [&](const Mapping& m) { return m.size >= size; });
    if (fits != kept_.end()) {
      in_use_.push_back(*fits);
      kept_.erase(fits);
      return in_use_.back().data;
    }
  }
  std::uint8_t* data = map_aligned(size);
  if (!data) return nullptr;
  std::lock_guard lock(mutex_);
  in_use_.push_back({data, size});
  return data;
}

void Argon2Memory::give_back(std::uint8_t* data) {
  {
    std::lock_guard lock(mutex_);
    const auto it = std::find_if(in_use_.begin(), in_use_.end(),
                                 [&](const Mapping& m) { return m.data == data; });
    if (it == in_use_.end()) return;
    kept_.push_back(*it);
    in_use_.erase(it);
    last_return_ = std::chrono::steady_clock::now();
  }
  wake_.notify_all();
}

void Argon2Memory::release_when_idle() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (kept_.empty()) {
      wake_.wait(lock);
      continue;
    }
    const auto due = last_return_ + idle_release_;
    if (std::chrono::steady_clock::now() < due) {
      wake_.wait_until(lock, due);
      continue;
    }
    for (const Mapping& m : kept_)
      munmap(m.data, m.size);
    kept_.clear();
  }
}

}  // namespace projectd
