// What the kernel says of a process the tests started: its resident and peak resident memory
// (/proc/PID/status VmRSS, VmHWM) and the CPU time it has used (/proc/PID/stat). For bounded
// abuse tests that check a server stays flat, never for timing assertions.
#pragma once

#include <sys/types.h>

#include <chrono>

namespace projectd::test {

struct ProcessMemory {
  long resident_kib = 0;
  long peak_kib = 0;
  static ProcessMemory of(pid_t pid);
};

// User plus system CPU time used so far.
std::chrono::milliseconds process_cpu_time(pid_t pid);

}  // namespace projectd::test
