// Disk faults for tests/disk_faults_http_test.cc, preloaded into the real server (LD_PRELOAD):
// while a trigger file exists in $PROJECTD_FAULT_DIR, these system calls fail with EIO on the
// files they name, as a failing disk would make them fail:
//   fail-blob-write   write() to a file under blobs/ (an upload being spooled)
//   fail-blob-rename  rename() into blobs/ (a content moving into place)
//   fail-db-sync      fsync() and fdatasync() of the database or its write-ahead log
// and these make a content removal stop where a test needs it (crash_consistency_http_test.cc): a
// rename() whose target holds ".gone-" (a content moving to its removal quarantine)
//   hold-quarantine   waits while the trigger exists, having made `quarantine-held` in the
//                     directory (the removal has made its first checks and not renamed yet)
//   kill-quarantine   kills the process with SIGKILL right after the rename, as a crash would
// Built without sanitizers (it sits below them) and outside tests/*.cc, so the test binary itself
// never links it. Every call costs an access() while $PROJECTD_FAULT_DIR is set: tests only.
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
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

// Tells the test that a removal waits at its quarantine rename, then waits while it holds it.
void hold_quarantine() {
  char path[PATH_MAX];
  std::snprintf(path, sizeof path, "%s/quarantine-held", std::getenv("PROJECTD_FAULT_DIR"));
  const int fd = ::open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
  while (triggered("hold-quarantine"))
    ::usleep(10 * 1000);
}

extern "C" int rename(const char* from, const char* to) {
  static const auto real = next<int (*)(const char*, const char*)>("rename");
  if (triggered("fail-blob-rename") && std::strstr(to, "/blobs/") != nullptr)
    return fail_with_eio();
  const bool quarantine = std::strstr(to, ".gone-") != nullptr;
  if (quarantine && triggered("hold-quarantine")) hold_quarantine();
  const int result = real(from, to);
  if (quarantine && result == 0 && triggered("kill-quarantine")) ::raise(SIGKILL);
  return result;
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
