// File steps shared by `projectd backup`, `restore` and `verify`: hashing a file, copying one
// while hashing it (durably, through a temp name), and syncing directories. Every failure is a
// std::runtime_error naming the file. Thread safety: pure functions over files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace projectd {

struct HashedFile {
  std::string sha256;  // lowercase hex
  std::uint64_t size = 0;
};

// Reads the whole file and hashes it.
HashedFile hash_file(const std::filesystem::path& path);

// Copies `from` to `to` through `<to>.part`: written, fsynced, renamed, its directory fsynced (the
// parent directories are made first). Returns what was read: the caller compares it with the hash
// it expects and removes `to` on a mismatch.
HashedFile copy_hashed(const std::filesystem::path& from, const std::filesystem::path& to);

// fsync of every directory from `dir` down to each file below it, so a tree's new entries are
// durable before it is renamed into place.
void fsync_tree(const std::filesystem::path& dir);

}  // namespace projectd
