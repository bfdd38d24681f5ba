#include "process_memory.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace projectd::test {

ProcessMemory ProcessMemory::of(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  if (!status) throw std::runtime_error("no such process");
  ProcessMemory memory;
  std::string line;
  while (std::getline(status, line)) {
    std::istringstream fields(line);
    std::string name;
    long kib = 0;
    fields >> name >> kib;
    if (name == "VmRSS:") memory.resident_kib = kib;
    if (name == "VmHWM:") memory.peak_kib = kib;
  }
  return memory;
}

std::chrono::milliseconds process_cpu_time(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const std::size_t close = text.rfind(')');
  if (close == std::string::npos) throw std::runtime_error("no such process");
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  long utime = 0, stime = 0;
  for (int index = 3; fields >> field; ++index) {
    if (index == 14) utime = std::stol(field);
    if (index == 15) {
      stime = std::stol(field);
      break;
    }
  }
  const long ticks = sysconf(_SC_CLK_TCK);
  return std::chrono::milliseconds((utime + stime) * 1000 / ticks);
}

}  // namespace projectd::test
