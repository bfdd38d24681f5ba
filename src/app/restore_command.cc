// `projectd restore` (app/backup_commands.h).
#include "app/backup_commands.h"
#include "app/backup_files.h"
#include "app/backup_manifest.h"
#include "app/postgres_backup_tools.h"
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

// The backup in `from`, checked against its manifest before anything is written: a damaged one
// restores nothing. A backup of the other kind of store is refused: moving a portal between stores
// is `projectd copy`'s job.
BackupManifest restore_checked_backup(const fs::path& from, const PortalDatabase& database) {
  const BackupManifest manifest = read_manifest(from);
  if (manifest.store_kind != database.kind()) {
    throw std::runtime_error(
        from.string() + " is a backup of a " + manifest.store_kind + " portal, the target is " +
        database.kind() + ": restore it into its own kind of store (" +
        (manifest.store_kind == "sqlite" ? "--data DIR" : "--store postgresql://... --blobs DIR") +
        "), then move the portal with `projectd copy --from URL --to URL`; nothing changed");
  }
  const std::vector<std::string> problems = backup_problems(from, manifest);
  if (!problems.empty()) {
    for (const std::string& problem : problems)
      std::printf("problem: %s\n", problem.c_str());
    throw std::runtime_error(from.string() + " does not match its manifest: nothing restored");
  }
  return manifest;
}

void restore_require_empty_dir(const fs::path& target) {
  if (fs::exists(target) && (!fs::is_directory(target) || !fs::is_empty(target))) {
    throw std::runtime_error(target.string() +
                             " is not empty: restore only into an empty or new directory; "
                             "nothing changed");
  }
}

// A temp directory beside `target` (same file system, so the final rename is atomic).
fs::path restore_scratch_beside(const fs::path& target) {
  const fs::path absolute = fs::absolute(target).lexically_normal();
  fs::create_directories(absolute.parent_path());
  return absolute.parent_path() /
         ("." + absolute.filename().string() + ".restoring-" + std::to_string(::getpid()));
}

// Every content of the backup into `blobs` (<aa>/<sha256>), each checked as it is read; returns
// the bytes copied.
std::uint64_t restore_contents(const fs::path& from, const BackupManifest& manifest,
                               const fs::path& blobs) {
  std::uint64_t bytes = 0;
  for (const BackupFile& blob : manifest.blobs) {
    restore_file(backup_blob_path(from, blob.sha256),
                 blobs / blob.sha256.substr(0, 2) / blob.sha256, blob);
    bytes += blob.size;
  }
  return bytes;
}

// The empty `scratch` renamed to `target` (empty or absent, checked before).
void restore_into_place(RestoreScratch& scratch, const fs::path& target) {
  const fs::path absolute = fs::absolute(target).lexically_normal();
  fsync_tree(scratch.path());
  if (fs::exists(absolute)) fs::remove(absolute);  // empty, checked above
  fs::rename(scratch.path(), absolute);
  scratch.keep();
  file_io::fsync_dir(absolute.parent_path());
}

int restore_sqlite(const BackupCommandArgs& args, const PortalDatabase& database) {
  if (!args.blobs_dir.empty()) {
    throw std::runtime_error(
        "a SQLite portal is restored into --data DIR with its contents in DIR/blobs; --blobs is "
        "for a PostgreSQL portal");
  }
  const fs::path target = args.store.data_dir;
  if (fs::path(database.sqlite_file) != target / "projectd.db") {
    throw std::runtime_error(
        "projectd restore writes a SQLite backup into a data directory (--data DIR, as "
        "DIR/projectd.db); --store names another file: leave it out");
  }
  restore_require_empty_dir(target);
  const fs::path from = args.from;
  const BackupManifest manifest = restore_checked_backup(from, database);

  RestoreScratch scratch(restore_scratch_beside(target));
  // The contents go to DIR/blobs, inside the temp directory, so a failure leaves nothing.
  // While copying: each file's bytes again, as they are read.
  restore_file(from / manifest.database, scratch.path() / "projectd.db", manifest.database_file);
  const std::uint64_t bytes =
      manifest.database_file.size + restore_contents(from, manifest, scratch.path() / "blobs");
  restore_into_place(scratch, target);
  std::printf(
      "Restored the backup of %s (projectd %s): the database and %zu contents, %llu "
      "bytes, into %s. Start the server with --data %s.\n",
      manifest.created.c_str(), manifest.projectd_version.c_str(), manifest.blobs.size(),
      static_cast<unsigned long long>(bytes), target.c_str(), target.c_str());
  return 0;
}

// The contents into a temp directory first, then the dump in one transaction, then the directory
// into place: a failure before the rename leaves the database and --blobs as they were.
int restore_postgres(const BackupCommandArgs& args, const PortalDatabase& database) {
  const fs::path blobs = blobs_dir_of(args);
  restore_require_empty_dir(blobs);
  require_empty_postgres(database.url);
  const fs::path from = args.from;
  const BackupManifest manifest = restore_checked_backup(from, database);

  RestoreScratch scratch(restore_scratch_beside(blobs));
  const std::uint64_t bytes = restore_contents(from, manifest, scratch.path());
  restore_postgres_dump(database.url, from / manifest.database);
  restore_into_place(scratch, blobs);
  std::printf(
      "Restored the backup of %s (projectd %s): the database (%llu bytes of dump) into the "
      "PostgreSQL database and %zu contents, %llu bytes, into %s. Start the server with the same "
      "--store and --blobs %s.\n",
      manifest.created.c_str(), manifest.projectd_version.c_str(),
      static_cast<unsigned long long>(manifest.database_file.size), manifest.blobs.size(),
      static_cast<unsigned long long>(bytes), blobs.c_str(), blobs.c_str());
  return 0;
}

}  // namespace

int run_restore(const BackupCommandArgs& args) {
  const PortalDatabase database = portal_database_of(args.store);
  return database.postgres ? restore_postgres(args, database) : restore_sqlite(args, database);
}

}  // namespace projectd
