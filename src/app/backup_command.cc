// `projectd backup` (app/backup_commands.h).
#include "app/backup_commands.h"
#include "app/backup_files.h"
#include "app/backup_manifest.h"
#include "app/postgres_backup_tools.h"
#include "blob/file_io.h"
#include "store/sqlite/sqlite_backup.h"

#include <date/date.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

namespace projectd {

namespace {

namespace fs = std::filesystem;

struct BackupTally {
  std::size_t copied = 0;
  std::uint64_t copied_bytes = 0;
  std::size_t skipped = 0;
  std::size_t removed = 0;
};

// The earlier backup in `dir`, nullopt for an absent or empty `dir`; refuses anything else.
std::optional<BackupManifest> earlier_backup(const fs::path& dir, const std::string& kind) {
  if (!fs::exists(dir) || fs::is_empty(dir)) return std::nullopt;
  if (!fs::is_directory(dir) || !fs::exists(dir / kManifestName)) {
    throw std::runtime_error(dir.string() +
                             " is neither empty nor a projectd backup (it has no manifest.json): "
                             "refused, nothing written");
  }
  BackupManifest manifest = read_manifest(dir);
  if (manifest.store_kind != kind)
    throw std::runtime_error(dir.string() + " holds a backup of another kind of store: refused");
  return manifest;
}

// Copies one content the snapshot references into the backup unless the earlier backup has it.
BackupFile back_up_content(const ReferencedContent& content, const fs::path& blobs,
                           const fs::path& dir, const std::map<std::string, std::uint64_t>& had,
                           BackupTally& tally) {
  const fs::path target = backup_blob_path(dir, content.sha256);
  // Contents are named by their SHA-256, and the earlier manifest's entry was checked when it was
  // written: the same name and size there is the same content.
  if (const auto it = had.find(content.sha256);
      it != had.end() && fs::exists(target) && fs::file_size(target) == it->second) {
    ++tally.skipped;
    return BackupFile{content.sha256, it->second};
  }
  const fs::path source = blobs / content.sha256.substr(0, 2) / content.sha256;
  if (!fs::exists(source)) {
    throw std::runtime_error("content " + content.sha256 + " of " + content.record +
                             " is missing from the blob store (" + source.string() +
                             "): the portal is damaged, run `projectd verify`; no backup written");
  }
  const HashedFile copied = copy_hashed(source, target);
  if (copied.sha256 != content.sha256) {
    fs::remove(target);
    throw std::runtime_error("content " + content.sha256 + " of " + content.record + " (" +
                             source.string() + ") hashes to " + copied.sha256 +
                             ": the portal is damaged, run `projectd verify`");
  }
  ++tally.copied;
  tally.copied_bytes += copied.size;
  return BackupFile{copied.sha256, copied.size};
}

// After the new manifest is in place: the earlier database copy, contents no longer referenced and
// pieces a crash left behind.
void remove_unlisted(const fs::path& dir, const std::optional<BackupManifest>& earlier,
                     const BackupManifest& manifest, BackupTally& tally) {
  if (earlier && earlier->database != manifest.database) fs::remove(dir / earlier->database);
  std::set<std::string> kept;
  for (const BackupFile& blob : manifest.blobs)
    kept.insert(blob.sha256);
  if (!fs::exists(dir / "blobs")) return;
  std::vector<fs::path> gone;
  for (const auto& entry : fs::recursive_directory_iterator(dir / "blobs")) {
    if (entry.is_regular_file() && !kept.contains(entry.path().filename().string()))
      gone.push_back(entry.path());
  }
  for (const fs::path& path : gone) {
    fs::remove(path);
    if (path.extension() != ".part") ++tally.removed;
  }
}

// Writes the database's consistent copy to `part` and returns the contents that copy references.
std::vector<ReferencedContent> backup_copy_database(const PortalDatabase& database,
                                                    const fs::path& part) {
  if (database.postgres) return dump_postgres_portal(database.url, part);
  sqlite_snapshot(database.sqlite_file, part);
  return sqlite_referenced_contents(part);
}

std::string backup_time_text(std::chrono::system_clock::time_point at, const char* format) {
  return date::format(format, std::chrono::floor<std::chrono::milliseconds>(at));
}

}  // namespace

int run_backup(const BackupCommandArgs& args) {
  const PortalDatabase database = portal_database_of(args.store);
  const fs::path blobs = blobs_dir_of(args);
  const fs::path dir = args.to;
  const std::optional<BackupManifest> earlier = earlier_backup(dir, database.kind());
  fs::create_directories(dir);

  // The database first: one consistent snapshot, under a name of its own so the earlier backup
  // stays whole until the new manifest replaces its manifest.
  const auto now = std::chrono::system_clock::now();
  BackupManifest manifest;
  manifest.projectd_version = PROJECTD_VERSION;
  manifest.created = backup_time_text(now, "%FT%TZ");
  manifest.store_kind = database.kind();
  manifest.database = "projectd-" + backup_time_text(now, "%Y%m%dT%H%M%SZ") +
                      (database.postgres ? ".pgdump" : ".db");
  const fs::path part = dir / (manifest.database + ".part");
  fs::remove(part);

  // Then every content the snapshot references (for PostgreSQL: listed in the snapshot pg_dump
  // read). The blob store removes a content only once no
  // record references it AND it is older than the grace period (app/blob_sweeper.h,
  // blob/blob_store.h), and a running server's records only ever stop referencing a content after
  // the snapshot was taken: so each of them is still there now, unless the portal is damaged or
  // the grace period (--blob-grace-seconds, default an hour) is shorter than this backup takes.
  // Either fails the backup clearly, and the earlier backup in `dir` stays as it was.
  std::map<std::string, std::uint64_t> had;
  if (earlier) {
    for (const BackupFile& blob : earlier->blobs)
      had.emplace(blob.sha256, blob.size);
  }
  BackupTally tally;
  try {
    for (const ReferencedContent& content : backup_copy_database(database, part))
      manifest.blobs.push_back(back_up_content(content, blobs, dir, had, tally));
  } catch (...) {
    fs::remove(part);
    throw;
  }
  manifest.database_file = BackupFile{hash_file(part).sha256, fs::file_size(part)};
  fs::rename(part, dir / manifest.database);
  if (fs::exists(dir / "blobs")) fsync_tree(dir / "blobs");
  file_io::fsync_dir(dir);
  // Last: from here on the directory is this backup.
  write_manifest(dir, manifest);
  remove_unlisted(dir, earlier, manifest, tally);

  std::printf("%s backup into %s: database %s (%llu bytes)\n", earlier ? "Incremental" : "Full",
              dir.c_str(), manifest.database.c_str(),
              static_cast<unsigned long long>(manifest.database_file.size));
  std::printf(
      "Copied %zu contents (%llu bytes); skipped %zu already in the backup; removed %zu "
      "no longer referenced.\n",
      tally.copied, static_cast<unsigned long long>(tally.copied_bytes), tally.skipped,
      tally.removed);
  return 0;
}

}  // namespace projectd
