// A test VFS that models what a power cut leaves on disk. It wraps SQLite's default VFS and keeps,
// for every file it opened by name, the file's durable content (as of its last xSync) and the
// writes and truncations made since. cut_power() freezes the files: from then on every read, write,
// truncate, sync and delete fails with SQLITE_IOERR_*, so nothing more reaches them and no commit
// can succeed. Once every connection is closed, restore_durable_contents() puts each file back as
// a power cut would leave it: its durable content, or no file at all when it was never synced since
// it was created (its directory entry was never made durable either).
//
// What it models: the page cache (reads see unsynced writes, as on a live system), per-file
// fsync, lost unsynced writes and truncations, lost never-synced files. Optionally a random prefix
// of each file's unsynced changes survives (a disk that wrote back part of its cache in order).
// What it does not: torn writes inside one xWrite, reordering of unsynced writes, a sync that
// lies, directory fsync (a file's first sync makes its name durable; SQLite fsyncs the directory
// only for journals and WALs), and the -shm file, which SQLite maps without going through xOpen:
// it is left as the closing connections left it (stale, or removed when their last checkpoint had
// nothing to copy), and SQLite must rebuild it on the next open.
// A delete is durable at once. The real fsync is skipped: the model is the disk.
//
// Thread safety: every method may be called from any thread; one mutex orders all modelled I/O, so
// the cut falls between two calls, never inside one.
#pragma once

#include "store/sqlite/sqlite_vfs_test_support.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace projectd::testing {

class PowerLossVfs {
 public:
  static constexpr const char* kName = "projectd-power-loss";

  // The one instance, registered with SQLite on first use (not as the default VFS).
  static PowerLossVfs& instance() {
    static PowerLossVfs vfs;
    return vfs;
  }

  // Every modelled read, write, truncate, sync and delete fails from now on. Returns once no such
  // call is running.
  void cut_power() {
    std::lock_guard lock(mutex_);
    cut_ = true;
  }
  // Cuts the power just before the nth write, truncate, sync or delete of a modelled file from now
  // on (n >= 1), so cuts land anywhere between I/O calls: between a commit's frames and its sync,
  // inside a checkpoint...
  void cut_power_before_call(int n) {
    std::lock_guard lock(mutex_);
    calls_until_cut_ = n;
  }
  bool power_is_cut() {
    std::lock_guard lock(mutex_);
    return cut_;
  }

  // Puts every file back as the power cut left it, then forgets them all and thaws, so the next
  // open starts a fresh model from what is on disk. Every file must be closed. With a seed, each
  // file also keeps a random prefix (in write order) of its unsynced changes; without, it loses
  // them all.
  // Returns how many unsynced changes the cut found (all lost, or partly kept with a seed).
  int restore_durable_contents(std::optional<std::uint32_t> keep_prefix_seed = std::nullopt) {
    std::lock_guard lock(mutex_);
    EXPECT_EQ(open_files_, 0) << "a connection on the power-loss VFS is still open";
    std::mt19937 random(keep_prefix_seed.value_or(0));
    int unsynced = 0;
    for (auto& [path, file] : files_) {
      std::size_t kept = 0;
      if (keep_prefix_seed) {
        kept = std::uniform_int_distribution<std::size_t>(0, file.unsynced.size())(random);
      }
      unsynced += static_cast<int>(file.unsynced.size());
      if (kept > 0 && !file.durable) file.durable.emplace();
      if (!file.durable) {
        std::filesystem::remove(path);
        continue;
      }
      for (std::size_t i = 0; i < kept; ++i)
        apply(file.unsynced[i], *file.durable);
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out.write(file.durable->data(), static_cast<std::streamsize>(file.durable->size()));
      EXPECT_TRUE(out.good()) << "cannot restore " << path;
    }
    files_.clear();
    cut_ = false;
    calls_until_cut_ = 0;
    return unsynced;
  }

  // Syncs whose file size differed from the modelled content: something wrote around the model.
  int model_mismatches() {
    std::lock_guard lock(mutex_);
    return mismatches_;
  }

 private:
  struct Change {
    sqlite3_int64 offset = 0;  // a write at offset, or a truncation to offset when truncate
    std::string bytes{};
    bool truncate = false;
  };
  struct FileModel {
    std::optional<std::string> durable;  // none: created and never synced, lost on a power cut
    std::vector<Change> unsynced;
  };

  PowerLossVfs() {
    static sqlite3_vfs vfs = [] {
      sqlite3_vfs copy = wrapping_vfs(kName);
      copy.xOpen = open;
      copy.xDelete = remove;
      return copy;
    }();
    int rc = sqlite3_vfs_register(&vfs, 0);
    EXPECT_EQ(rc, SQLITE_OK);
  }

  // Whether a call that changes a file must fail: the power is off, or this call is the one
  // cut_power_before_call named. Only calls on modelled files count: a cut before a write to a
  // statement journal (a temporary file) is the same cut as before the next durable write.
  // Called with mutex_ held.
  bool cutting(const FileModel* file) {
    if (file != nullptr && calls_until_cut_ > 0 && --calls_until_cut_ == 0) cut_ = true;
    return cut_;
  }

  static void apply(const Change& change, std::string& content) {
    auto offset = static_cast<std::size_t>(change.offset);
    if (change.truncate) {
      content.resize(offset);
      return;
    }
    if (content.size() < offset + change.bytes.size()) content.resize(offset + change.bytes.size());
    content.replace(offset, change.bytes.size(), change.bytes);
  }

  static std::optional<std::string> read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // The model of a wrapped file; null for files without a name (temporary, deleted on close).
  static FileModel* model(sqlite3_file* f) { return static_cast<FileModel*>(wrapped(f).state); }

  static int open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags,
                  int* out_flags) {
    PowerLossVfs& self = instance();
    std::lock_guard lock(self.mutex_);
    if (self.cut_) {
      file->pMethods = nullptr;  // SQLite then does not close it
      return SQLITE_IOERR;
    }
    FileModel* state = nullptr;
    if (name != nullptr && (flags & SQLITE_OPEN_DELETEONCLOSE) == 0) {
      auto [it, added] = self.files_.try_emplace(name);
      // A file first seen here is durable as it is: it was there before the model started.
      if (added) it->second.durable = read_whole(name);
      state = &it->second;
    }
    int rc = open_wrapped(name, file, flags, out_flags, &kMethods, state);
    if (file->pMethods != nullptr)
      ++self.open_files_;  // SQLite will close it, even after a failure
    return rc;
  }

  static int remove(sqlite3_vfs*, const char* name, int sync_dir) {
    PowerLossVfs& self = instance();
    std::lock_guard lock(self.mutex_);
    auto it = self.files_.find(name);
    if (self.cutting(it != self.files_.end() ? &it->second : nullptr)) return SQLITE_IOERR_DELETE;
    int rc = default_vfs()->xDelete(default_vfs(), name, sync_dir);
    if (it != self.files_.end() && rc == SQLITE_OK) it->second = FileModel{};
    return rc;
  }

  static int close(sqlite3_file* f) {
    PowerLossVfs& self = instance();
    std::lock_guard lock(self.mutex_);
    --self.open_files_;
    return pass_through::close(f);
  }

  static int read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
    PowerLossVfs& self = instance();
    std::lock_guard lock(self.mutex_);
    if (self.cut_) return SQLITE_IOERR_READ;
    return pass_through::read(f, buffer, amount, offset);
  }

  static int write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
    PowerLossVfs& self = instance();
    std::lock_guard lock(self.mutex_);
    if (self.cutting(model(f))) return SQLITE_IOERR_WRITE;
    int rc = pass_through::write(f, buffer, amount, offset);
    if (rc == SQLITE_OK && model(f) != nullptr) {
      model(f)->unsynced.push_back({.offset = offset,
                                    .bytes = std::string(static_cast<const char*>(buffer),
                                                         static_cast<std::size_t>(amount))});
    }
    return rc;
  }

  static int truncate(sqlite3_file* f, sqlite3_int64 size) {
    PowerLossVfs& self = instance();
    std::lock_guard lock(self.mutex_);
    if (self.cutting(model(f))) return SQLITE_IOERR_TRUNCATE;
    int rc = pass_through::truncate(f, size);
    if (rc == SQLITE_OK && model(f) != nullptr) {
      model(f)->unsynced.push_back({.offset = size, .truncate = true});
    }
    return rc;
  }

  static int sync(sqlite3_file* f, int) {
    PowerLossVfs& self = instance();
    std::lock_guard lock(self.mutex_);
    if (self.cutting(model(f))) return SQLITE_IOERR_FSYNC;
    FileModel* file = model(f);
    if (file == nullptr) return SQLITE_OK;
    if (!file->durable) file->durable.emplace();
    for (const Change& change : file->unsynced)
      apply(change, *file->durable);
    file->unsynced.clear();
    sqlite3_int64 size = 0;
    if (pass_through::file_size(f, &size) != SQLITE_OK ||
        static_cast<std::size_t>(size) != file->durable->size()) {
      ++self.mismatches_;
    }
    return SQLITE_OK;
  }

  static sqlite3_io_methods methods() {
    sqlite3_io_methods m = pass_through_methods();
    m.xClose = close;
    m.xRead = read;
    m.xWrite = write;
    m.xTruncate = truncate;
    m.xSync = sync;
    return m;
  }
  static inline const sqlite3_io_methods kMethods = methods();

  std::mutex mutex_;
  bool cut_ = false;
  int calls_until_cut_ = 0;                 // 0: no cut planned
  std::map<std::string, FileModel> files_;  // by the full path SQLite opened; nodes never move
  int open_files_ = 0;
  int mismatches_ = 0;
};

}  // namespace projectd::testing
