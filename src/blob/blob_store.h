// File contents, content-addressed by SHA-256 (DESIGN §5): `<root>/<aa>/<sha256>` where aa is the
// first two hex digits. New contents are written to `<root>/tmp/`, hashed while they stream,
// fsynced, renamed into place and the directory fsynced; only then may the database commit a
// version that names them. Identical contents are stored once.
//
// Removal: a content no file version references any more is removed by remove_unreferenced(),
// but only once its file is older than the grace period, so an upload of the same bytes that has
// renamed its content but not yet committed is never lost (a store that finds the content already
// present refreshes its mtime instead of writing it again).
//
// Each node spools into its own `<root>/tmp/<node>/` (node: `serve --node`, else the host name),
// and on construction removes what interrupted uploads left there, never touching another node's
// uploads in flight. Two processes sharing one blob directory therefore need different node names.
// Thread safety: every method may be called from any thread at once.
#pragma once

#include "blob/sha256.h"
#include "blob/spooled_file.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

struct BlobRef {
  std::string sha256;  // lowercase hex
  std::uint64_t size = 0;
};

// Why `node` cannot name a node's temp directory, or empty when it can: letters, digits, '-', '_'
// and '.' only, not "." or "..", 1 to kMaxNodeName characters (it becomes a directory name).
inline constexpr std::size_t kMaxNodeName = 64;
std::string node_name_problem(std::string_view node);

class BlobStore {
 public:
  // Creates the directories it needs; throws std::runtime_error with a clear message when it
  // cannot. `grace` is how old an unreferenced content must be before it is removed.
  // `node` names this node's temp directory; empty: the host name (its unsafe characters replaced).
  // A non-empty `node` that node_name_problem() refuses throws std::invalid_argument.
  explicit BlobStore(std::filesystem::path root,
                     std::chrono::seconds grace = std::chrono::seconds(3600),
                     std::string node = "");

  // Where uploads are spooled: the same file system as the contents, so adopting is a rename.
  const std::filesystem::path& temp_dir() const { return temp_dir_; }

  // Writes a content piece by piece (for contents made in code: text, html, blank documents).
  class Writer {
   public:
    ~Writer();  // removes the temp file unless committed
    Writer(Writer&&) noexcept;
    Writer& operator=(Writer&&) = delete;
    void write(std::string_view bytes);  // throws std::runtime_error on an I/O error
    // fsync, rename into place (or refresh the existing copy), fsync the directory.
    BlobRef commit();

   private:
    friend class BlobStore;
    Writer(BlobStore& store, std::filesystem::path temp, int fd);
    BlobStore* store_;
    std::filesystem::path temp_;
    int fd_ = -1;
    std::uint64_t size_ = 0;
    Sha256 hash_;
    bool committed_ = false;
  };
  Writer writer();
  BlobRef put(std::string_view bytes);  // writer(), write, commit in one

  // Takes a spooled upload (already hashed, in temp_dir()) into the store: fsync, rename (or drop
  // it when the content is already there, refreshing that copy's mtime), fsync the directory.
  BlobRef adopt(SpooledFile& file);

  std::filesystem::path path_of(std::string_view sha256) const;
  bool exists(std::string_view sha256) const;

  // Removes each of these contents that `referenced` says no version uses any more, once it is
  // older than the grace period; returns how many were removed.
  std::size_t remove_unreferenced(const std::vector<std::string>& sha256s,
                                  const std::function<bool(std::string_view)>& referenced);
  // Walks every stored content (for a periodic or start-up sweep) with the same rule.
  std::size_t sweep(const std::function<bool(std::string_view)>& referenced);

 private:
  void place(const std::filesystem::path& temp, const std::string& sha256);

  std::filesystem::path root_;
  std::filesystem::path temp_dir_;
  std::chrono::seconds grace_;
};

}  // namespace projectd
