// Argon2id's working memory (19 MiB per hash at projectd's cost) from mappings that are kept while
// hashes keep coming and handed back to the OS once none has been used for `idle_release`.
//
// Why not malloc: glibc keeps a freed block of this size in the hashing thread's arena for the rest
// of the process (its dynamic mmap threshold grows past the block, and malloc_trim never shrinks a
// non-main arena's top), which alone put an idle server over its RSS budget after one sign-in.
// Mapping anew for every hash instead costs more than the hash on a VM (a page fault per 4 KiB:
// ~65 ms per 19 MiB here, Argon2 itself ~27 ms), so mappings are reused between hashes and asked
// for as transparent huge pages (~5 ms to fault in 19 MiB when they are granted).
// Thread safety: all members may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace projectd {

class Argon2Memory {
 public:
  explicit Argon2Memory(std::chrono::milliseconds idle_release = std::chrono::seconds(1));
  ~Argon2Memory();
  Argon2Memory(const Argon2Memory&) = delete;
  Argon2Memory& operator=(const Argon2Memory&) = delete;

  // argon2_context's callbacks carry no pointer of ours: while a Scope lives, `allocate` and
  // `deallocate` called on its thread use its Argon2Memory.
  class Scope {
   public:
    explicit Scope(Argon2Memory& memory);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Argon2Memory* previous_;
  };

  // For argon2_context::allocate_cbk and free_cbk. `allocate` fails
  // (ARGON2_MEMORY_ALLOCATION_ERROR) outside a Scope or when the OS refuses the mapping.
  static int allocate(std::uint8_t** memory, std::size_t bytes);
  static void deallocate(std::uint8_t* memory, std::size_t bytes);

  // Bytes mapped now, in use or kept for the next hash.
  std::size_t mapped_bytes() const;

 private:
  struct Mapping {
    std::uint8_t* data;
    std::size_t size;
  };

  std::uint8_t* take(std::size_t bytes);
  void give_back(std::uint8_t* data);
  void release_when_idle();

  const std::chrono::milliseconds idle_release_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Mapping> in_use_;
  std::vector<Mapping> kept_;
  std::chrono::steady_clock::time_point last_return_;
  bool stopping_ = false;
  std::thread releaser_;  // last: starts once the members above exist
};

}  // namespace projectd
