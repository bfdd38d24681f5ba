// Disk faults for tests/disk_faults_http_test.cc, preloaded into the real server (LD_PRELOAD):
// while a trigger file exists in $PROJECTD_FAULT_DIR, these system calls fail with EIO on the
// files they name, as a failing disk would make them fail:
//   fail-blob-write   write() to a file under blobs/ (an upload being spooled)
//   fail-blob-rename  rename() into blobs/ (a content moving into place)
//   fail-db-sync      fsync() and fdatasync() of the database or its write-ahead log
// Built without sanitizers (it sits below them) and outside tests/*.cc, so the test binary itself
// never links it. Every call costs an access() while $PROJECTD_FAULT_DIR is set: tests only.
#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

bool triggered(const char* name) {
  const char* dir = std::getenv("PROJECTD_FAULT_DIR");
  if (dir == nullptr) return false;
  char path[PATH_MAX];
  std::snprintf(path, sizeof path, "%s/%s", dir, name);
  return ::access(path, F_OK) == 0;
}

bool fd_path_contains(int fd, const char* part) {
  char link[64];
  char target[PATH_MAX];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t length = ::readlink(link, target, sizeof target - 1);
  if (length <= 0) return false;
  target[length] = '\0';
  return std::strstr(target, part) != nullptr;
}

template <class Function>
Function next(const char* name) {
  return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

int fail_with_eio() {
  errno = EIO;
  return -1;
}

bool database_sync_fails(int fd) {
  return triggered("fail-db-sync") && fd_path_contains(fd, "projectd.db");
}

}  // namespace

extern "C" ssize_t write(int fd, const void* bytes, size_t count) {
  static const auto real = next<ssize_t (*)(int, const void*, size_t)>("write");
  if (triggered("fail-blob-write") && fd_path_contains(fd, "/blobs/")) return fail_with_eio();
  return real(fd, bytes, count);
}

extern "C" int rename(const char* from, const char* to) {
  static const auto real = next<int (*)(const char*, const char*)>("rename");
  if (triggered("fail-blob-rename") && std::strstr(to, "/blobs/") != nullptr)
    return fail_with_eio();
  return real(from, to);
}

extern "C" int fsync(int fd) {
  static const auto real = next<int (*)(int)>("fsync");
  if (database_sync_fails(fd)) return fail_with_eio();
  return real(fd);
}

extern "C" int fdatasync(int fd) {
  static const auto real = next<int (*)(int)>("fdatasync");
  if (database_sync_fails(fd)) return fail_with_eio();
  return real(fd);
}
