#include "http/request_id.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <random>

namespace projectd {
namespace {

bool sane(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// Six hex digits chosen once per process, so ids of two nodes (or two runs) rarely collide.
unsigned process_prefix() {
  static const unsigned prefix = std::random_device{}() & 0xFFFFFFu;
  return prefix;
}

}  // namespace

std::string request_id_of(std::string_view sent) {
  if (sane(sent)) return std::string(sent);
  static std::atomic<std::uint64_t> counter{0};
  char id[32];
  std::snprintf(id, sizeof id, "%06x-%llx", process_prefix(),
                static_cast<unsigned long long>(++counter));
  return id;
}

}  // namespace projectd
