#include "app/malloc_tuning.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>

namespace projectd {

// glibc gives threads that contend for malloc arenas of their own, up to eight per core, and an
// arena keeps what its threads freed. With dozens of request workers (most of them waiting on a
// group commit) RSS under load would grow with the thread count; two arenas per core keep it flat,
// and the per-thread caches in front of them keep contention low. MALLOC_ARENA_MAX in the
// environment still wins. (Argon2id's 19 MiB block stays resident after the first sign-in:
// returning it after each hash, by a fixed mmap threshold, made every sign-in fault it in anew,
// which cost 3 to 7 times Argon2's own CPU on a VM; see bench/README.md.)
//
// glibc also hands the free top of an arena back to the OS once it passes 128 KiB, and a request
// worker frees that much after every uncached answer: the next request faulted the same pages in
// again (a fifth of the CPU of GET task with the response cache off, issue 20; bench/README.md).
// A 16 MiB trim threshold keeps them. Fixing it turns glibc's sliding mmap threshold off, so the
// mmap threshold is fixed too, at 4 MiB: buffers below it (uploads read 512 KiB at a time) come
// from the arenas, larger blocks are mapped and returned whole. MALLOC_TRIM_THRESHOLD_ and
// MALLOC_MMAP_THRESHOLD_ in the environment still win.
void tune_malloc() {
  if (std::getenv("MALLOC_TRIM_THRESHOLD_") == nullptr) mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") == nullptr) mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  mallopt(M_ARENA_MAX, static_cast<int>(2 * cores));
}

void restart_with_malloc_tunables(char** argv) {
  const char* set = std::getenv("GLIBC_TUNABLES");
  const std::string tunables = set == nullptr ? "" : set;
  if (tunables.find("glibc.malloc.tcache_count") != std::string::npos) return;
  const std::string with_count = (tunables.empty() ? "" : tunables + ":") +
                                 "glibc.malloc.tcache_count=" + std::to_string(kThreadCacheCount);
  if (::setenv("GLIBC_TUNABLES", with_count.c_str(), 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // Still here: no /proc, or the exec failed. glibc's default cache only costs CPU.
  if (set == nullptr) {
    ::unsetenv("GLIBC_TUNABLES");
  } else {
    ::setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
  }
}

}  // namespace projectd
