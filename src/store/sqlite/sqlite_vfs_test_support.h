// The boilerplate of a test VFS that wraps SQLite's default one: each file of the wrapper holds the
// default VFS's own file object right after it, and every io method passes through to it unless
// the wrapper replaces that method. Fault and power-loss tests build on this, overriding only the
// calls they intercept.
#pragma once

#include <sqlite3.h>

namespace projectd::testing {

struct WrappedFile {
  sqlite3_file base;
  sqlite3_file* real;     // the default VFS's file object, stored right after this struct
  void* state = nullptr;  // the wrapper's own, per file
};

// SQLite's default VFS, as it was before any test VFS registered.
inline sqlite3_vfs* default_vfs() {
  static sqlite3_vfs* const vfs = sqlite3_vfs_find(nullptr);
  return vfs;
}

inline WrappedFile& wrapped(sqlite3_file* file) {
  return *reinterpret_cast<WrappedFile*>(file);
}
inline sqlite3_file* real_file(sqlite3_file* file) {
  return wrapped(file).real;
}
inline const sqlite3_io_methods& real_methods(sqlite3_file* file) {
  return *real_file(file)->pMethods;
}

// Every io method of the default VFS, called through the wrapper.
namespace pass_through {
inline int close(sqlite3_file* f) {
  return real_methods(f).xClose(real_file(f));
}
inline int read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  return real_methods(f).xRead(real_file(f), buffer, amount, offset);
}
inline int write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
  return real_methods(f).xWrite(real_file(f), buffer, amount, offset);
}
inline int truncate(sqlite3_file* f, sqlite3_int64 size) {
  return real_methods(f).xTruncate(real_file(f), size);
}
inline int sync(sqlite3_file* f, int flags) {
  return real_methods(f).xSync(real_file(f), flags);
}
inline int file_size(sqlite3_file* f, sqlite3_int64* size) {
  return real_methods(f).xFileSize(real_file(f), size);
}
inline int lock(sqlite3_file* f, int level) {
  return real_methods(f).xLock(real_file(f), level);
}
inline int unlock(sqlite3_file* f, int level) {
  return real_methods(f).xUnlock(real_file(f), level);
}
inline int check_reserved_lock(sqlite3_file* f, int* out) {
  return real_methods(f).xCheckReservedLock(real_file(f), out);
}
inline int file_control(sqlite3_file* f, int op, void* arg) {
  return real_methods(f).xFileControl(real_file(f), op, arg);
}
inline int sector_size(sqlite3_file* f) {
  return real_methods(f).xSectorSize(real_file(f));
}
inline int device_characteristics(sqlite3_file* f) {
  return real_methods(f).xDeviceCharacteristics(real_file(f));
}
inline int shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real_methods(f).xShmMap(real_file(f), page, size, extend, out);
}
inline int shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real_methods(f).xShmLock(real_file(f), offset, n, flags);
}
inline void shm_barrier(sqlite3_file* f) {
  real_methods(f).xShmBarrier(real_file(f));
}
inline int shm_unmap(sqlite3_file* f, int delete_flag) {
  return real_methods(f).xShmUnmap(real_file(f), delete_flag);
}
inline int fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  return real_methods(f).xFetch(real_file(f), offset, amount, out);
}
inline int unfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
  return real_methods(f).xUnfetch(real_file(f), offset, page);
}
}  // namespace pass_through

// Version 3 io methods that all pass through; a wrapper copies them and replaces what it needs.
// The unix VFS has version-3 files: a wrapper that dropped methods would change SQLite's behaviour.
inline sqlite3_io_methods pass_through_methods() {
  return {
      3,
      pass_through::close,
      pass_through::read,
      pass_through::write,
      pass_through::truncate,
      pass_through::sync,
      pass_through::file_size,
      pass_through::lock,
      pass_through::unlock,
      pass_through::check_reserved_lock,
      pass_through::file_control,
      pass_through::sector_size,
      pass_through::device_characteristics,
      pass_through::shm_map,
      pass_through::shm_lock,
      pass_through::shm_barrier,
      pass_through::shm_unmap,
      pass_through::fetch,
      pass_through::unfetch,
  };
}

// Opens name with the default VFS inside file and gives it `methods`. On failure the file keeps no
// methods unless the default VFS set some: SQLite calls xClose whenever pMethods is set, even after
// a failed open.
inline int open_wrapped(sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags,
                        const sqlite3_io_methods* methods, void* state = nullptr) {
  WrappedFile& w = wrapped(file);
  w.real = reinterpret_cast<sqlite3_file*>(&w + 1);
  w.state = state;
  int rc = default_vfs()->xOpen(default_vfs(), name, w.real, flags, out_flags);
  w.base.pMethods = w.real->pMethods != nullptr ? methods : nullptr;
  return rc;
}

// A copy of the default VFS under `name` whose files have room for a WrappedFile; the caller sets
// xOpen (and any other VFS method it intercepts) before registering it.
inline sqlite3_vfs wrapping_vfs(const char* name) {
  sqlite3_vfs copy = *default_vfs();
  copy.zName = name;
  copy.szOsFile = static_cast<int>(sizeof(WrappedFile)) + default_vfs()->szOsFile;
  copy.pNext = nullptr;
  return copy;
}

}  // namespace projectd::testing
