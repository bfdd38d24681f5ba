// The manifest of a backup directory (docs/operations.md, "Backup, restore and verify"):
// `<backup>/manifest.json` names the database copy and every content with its SHA-256 and size.
// A directory without one is not a backup: it is written last, atomically (temp, fsync, rename,
// fsync of the directory). Contents live in `<backup>/blobs/<aa>/<sha256>` like the blob store.
// Thread safety: pure functions over files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace projectd {

inline constexpr int kBackupFormat = 1;
inline constexpr const char* kManifestName = "manifest.json";

struct BackupFile {
  std::string sha256;
  std::uint64_t size = 0;
};

struct BackupManifest {
  int format = kBackupFormat;
  std::string projectd_version;
  std::string created;     // UTC, ISO 8601
  std::string store_kind;  // "sqlite" or "postgresql"
  std::string database;    // the database copy's file name in the backup directory
  BackupFile database_file;
  std::vector<BackupFile> blobs;  // sorted by sha256
};

// `<dir>/blobs/<aa>/<sha256>`.
std::filesystem::path backup_blob_path(const std::filesystem::path& dir, const std::string& sha256);

// Reads `<dir>/manifest.json`; throws std::runtime_error naming the file when it is missing,
// unreadable, of another format or malformed.
BackupManifest read_manifest(const std::filesystem::path& dir);
// Writes `<dir>/manifest.json` atomically and durably.
void write_manifest(const std::filesystem::path& dir, const BackupManifest& manifest);

// Every way `dir` differs from its manifest, one line each naming the file: a missing file, another
// size or SHA-256 (recomputed), a SQLite database copy that fails its integrity check. Empty:
// sound.
std::vector<std::string> backup_problems(const std::filesystem::path& dir,
                                         const BackupManifest& manifest);

}  // namespace projectd
