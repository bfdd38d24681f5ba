// How `projectd serve` tunes glibc's allocator for a server of many threads and short requests
// (bench/README.md, issue 20, has the measurements behind each setting).
// Not thread-safe: both run at the start of `serve`, before any other thread exists.
#pragma once

namespace projectd {

// Chunks of each small size a thread keeps free for itself (glibc's tcache; its default is 7).
inline constexpr int kThreadCacheCount = 1000;

// glibc's per-thread cache keeps 7 free chunks of each small size; what a request frees beyond
// that goes to its arena's fast bins, and the request's next allocation over 1 KiB merges every
// one of them first (malloc_consolidate: 5 % of an uncached GET task's CPU). With 1,000 a size a
// request's garbage stays in its thread's cache: 15 to 20 % less CPU per uncached GET task and 5
// to 15 % per request of the 90/10 mix. The price is memory that stays with the threads after a
// load: 166 MiB instead of 72 after every scenario of bench/run.sh (idle and transfer RSS did not
// move). 100 a size kept most of the small mix's gain (85 against 83 us a request) with 10 MiB
// less RSS after it (bench/README.md, issue 20); an operator sets it in GLIBC_TUNABLES.
// glibc reads the count only from GLIBC_TUNABLES as a process starts, so serve starts itself
// again, once, with the count added to what GLIBC_TUNABLES already holds (argv unchanged, same
// process id). A count already there wins; where /proc/self/exe cannot be executed, serve goes on
// with glibc's.
void restart_with_malloc_tunables(char** argv);

// Arena count and trim and mmap thresholds, through mallopt; see malloc_tuning.cc.
void tune_malloc();

}  // namespace projectd
