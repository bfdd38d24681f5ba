// `projectd restore` (app/backup_commands.h).
#include "app/backup_commands.h"
#include "app/backup_files.h"
#include "app/backup_manifest.h"
#include "app/config.h"
#include "blob/file_io.h"

#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace projectd {

namespace {

namespace fs = std::filesystem;

// Removes the temp directory unless the restore renamed it into place.
class RestoreScratch {
 public:
  explicit RestoreScratch(fs::path path) : path_(std::move(path)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~RestoreScratch() {
    std::error_code ignored;
    if (!kept_) fs::remove_all(path_, ignored);
  }
  RestoreScratch(const RestoreScratch&) = delete;
  RestoreScratch& operator=(const RestoreScratch&) = delete;
  const fs::path& path() const { return path_; }
  void keep() { kept_ = true; }

 private:
  fs::path path_;
  bool kept_ = false;
};

// Copies one file of the backup, checking what it read against the manifest.
void restore_file(const fs::path& from, const fs::path& to, const BackupFile& expected) {
  const HashedFile copied = copy_hashed(from, to);
  if (copied.sha256 != expected.sha256 || copied.size != expected.size) {
    throw std::runtime_error(from.string() + " changed while it was restored (SHA-256 " +
                             copied.sha256 + ", the manifest says " + expected.sha256 +
                             "): nothing restored");
  }
}

}  // namespace

int run_restore(const BackupCommandArgs& args) {
  if (!args.store.store_url.empty() &&
      args.store.store_url != store_url_of("", args.store.data_dir)) {
    throw std::runtime_error(
        "projectd restore writes a SQLite backup into a data directory (--data DIR). Restoring it "
        "into PostgreSQL is `projectd copy`'s job: restore into a directory, then run projectd "
        "copy --from sqlite:DIR/projectd.db --to postgresql://...");
  }
  const fs::path target = args.store.data_dir;
  if (fs::exists(target) && (!fs::is_directory(target) || !fs::is_empty(target))) {
    throw std::runtime_error(target.string() +
                             " is not empty: restore only into an empty or new directory; "
                             "nothing changed");
  }
  const fs::path from = args.from;
  const BackupManifest manifest = read_manifest(from);
  if (manifest.store_kind != "sqlite")
    throw std::runtime_error(from.string() + " is not a backup of a SQLite portal");
  // Before copying: the whole backup against its manifest, so a damaged one restores nothing.
  const std::vector<std::string> problems = backup_problems(from, manifest);
  if (!problems.empty()) {
    for (const std::string& problem : problems)
      std::printf("problem: %s\n", problem.c_str());
    throw std::runtime_error(from.string() + " does not match its manifest: nothing restored");
  }

  const fs::path absolute = fs::absolute(target).lexically_normal();
  fs::create_directories(absolute.parent_path());
  RestoreScratch scratch(absolute.parent_path() / ("." + absolute.filename().string() +
                                                   ".restoring-" + std::to_string(::getpid())));
  // The contents go to DIR/blobs, inside the temp directory, so a failure leaves nothing.
  const fs::path blobs = scratch.path() / "blobs";
  // While copying: each file's bytes again, as they are read.
  restore_file(from / manifest.database, scratch.path() / "projectd.db", manifest.database_file);
  std::uint64_t bytes = manifest.database_file.size;
  for (const BackupFile& blob : manifest.blobs) {
    restore_file(backup_blob_path(from, blob.sha256),
                 blobs / blob.sha256.substr(0, 2) / blob.sha256, blob);
    bytes += blob.size;
  }
  fsync_tree(scratch.path());
  if (fs::exists(absolute)) fs::remove(absolute);  // empty, checked above
  fs::rename(scratch.path(), absolute);
  scratch.keep();
  file_io::fsync_dir(absolute.parent_path());
  std::printf(
      "Restored the backup of %s (projectd %s): the database and %zu contents, %llu "
      "bytes, into %s. Start the server with --data %s.\n",
      manifest.created.c_str(), manifest.projectd_version.c_str(), manifest.blobs.size(),
      static_cast<unsigned long long>(bytes), target.c_str(), target.c_str());
  return 0;
}

}  // namespace projectd
