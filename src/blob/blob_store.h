// File contents, content-addressed by SHA-256 (docs/architecture.md, "Storage and durability"):
// `<root>/<aa>/<sha256>` where aa is the first two hex digits. New contents are written to
// `<root>/tmp/<node>/`, hashed while they stream, fsynced and placed; only then may the database
// commit a version that names them. Identical contents are stored once.
//
// Content removal protocol (issue 21). An acknowledged upload's content is never removed, for
// every grace period (0 included) and any number of nodes sharing the directory, by construction
// rather than by timing:
//  - Placing (adopt(), put(), Writer::commit()) first renames the hashed temp file to a pin,
//    `<root>/tmp/<node>/pin-<sha256>-<n>`, then hard-links the pin to `<aa>/<sha256>` if no copy
//    is there (fsyncing the directory) and otherwise keeps the copy that is there, refreshing its
//    mtime. It returns a PinnedBlob whose destructor removes the pin: the caller keeps it until
//    the database transaction naming the content has committed (or failed).
//  - Removal of `<aa>/<sha256>` asks, in this order: is it younger than the grace period (the
//    grace is only a policy now: how long an unused content stays), is it pinned, is it
//    referenced in the store. If none holds, it renames the content to a quarantine name,
//    `<aa>/<sha256>.gone-<node>-<n>`, and then settles the quarantined copy: pinned or referenced
//    now (both asked again, after the rename) puts it back with link() (never replacing a copy
//    that is there again), otherwise it is unlinked.
//  - The content's name is only ever taken away by that rename, and only ever made by link(),
//    which never replaces a copy. So take an upload whose pin exists from time P and which
//    commits at C before removing its pin. A quarantine made before P leaves the name free, and
//    the upload links its own bytes there. A quarantine made after P is settled by checks that
//    run after it: they find the pin, or the pin is gone, C came before it, and the store read
//    that follows sees the reference. Either way the copy is put back; nothing removes it.
//  - A crash between the rename and the settling leaves the quarantined copy in `<aa>/`, not in
//    a temp directory: every sweep (the first runs at start) settles every quarantined copy it
//    finds, whichever node made it, by the same rule. A crashed upload's pin sits in its node's
//    temp directory, which the node empties when it starts again.
//  - A download that finds the content missing (a removal between its rename and settling, for a
//    version that committed meanwhile) puts a quarantined copy back itself:
//    restore_quarantined(); the store has just told it the content is referenced.
// Requires a file system with hard links and atomic rename (any local one, NFS).
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

// A content just placed in the store, pinned: no removal takes it away while this lives. Keep it
// until the database transaction that names the content has committed. Move-only; the
// destructor removes the pin (quietly: a pin left behind only keeps a content longer).
class PinnedBlob {
 public:
  PinnedBlob() = default;
  ~PinnedBlob();
  PinnedBlob(PinnedBlob&& other) noexcept;
  PinnedBlob& operator=(PinnedBlob&& other) noexcept;
  PinnedBlob(const PinnedBlob&) = delete;
  PinnedBlob& operator=(const PinnedBlob&) = delete;

  BlobRef ref;

 private:
  friend class BlobStore;
  PinnedBlob(BlobRef ref, std::filesystem::path pin);
  std::filesystem::path pin_;
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

  // The directory of the contents (other stores of file bytes, such as staged chunked uploads, live
  // beside them on the same file system).
  const std::filesystem::path& root() const { return root_; }
  // Where uploads are spooled: the same file system as the contents, so adopting is a rename.
  const std::filesystem::path& temp_dir() const { return temp_dir_; }

  // Writes a content piece by piece (for contents made in code: text, html, blank documents).
  class Writer {
   public:
    ~Writer();  // removes the temp file unless committed
    Writer(Writer&&) noexcept;
    Writer& operator=(Writer&&) = delete;
    void write(std::string_view bytes);  // throws std::runtime_error on an I/O error
    // fsync, then place and pin the content (see the header comment).
    PinnedBlob commit();

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
  PinnedBlob put(std::string_view bytes);  // writer(), write, commit in one

  // Takes a spooled upload (already hashed, in temp_dir()) into the store: fsync, then place and
  // pin it (see the header comment). The spooled file's bytes become the pin.
  PinnedBlob adopt(SpooledFile& file);

  std::filesystem::path path_of(std::string_view sha256) const;
  bool exists(std::string_view sha256) const;
  // For a reader that has just read a committed version naming this content: when the content
  // is missing but a quarantined copy exists (a removal between its rename and its settling),
  // puts that copy back. Returns whether the content is there afterwards.
  bool restore_quarantined(std::string_view sha256);

  // Removes each of these contents that is older than the grace period, not pinned and that
  // `referenced` says no version uses any more, by the protocol of the header comment (which
  // calls `referenced` again after the quarantine rename); returns how many were removed.
  // `referenced` must read the store afresh on each call.
  std::size_t remove_unreferenced(const std::vector<std::string>& sha256s,
                                  const std::function<bool(std::string_view)>& referenced);
  // Walks every stored content (for a periodic or start-up sweep) with the same rule, and
  // settles every quarantined copy it finds (left by a crash, or by any node's removal).
  std::size_t sweep(const std::function<bool(std::string_view)>& referenced);

  // Test hook: called right after a removal has renamed a content to its quarantine name and
  // before it settles it (tests stop there as a crash would). Set it before any other use.
  std::function<void(const std::filesystem::path& quarantined)> on_quarantined;

 private:
  PinnedBlob place(const std::filesystem::path& temp, const BlobRef& ref);

  std::filesystem::path root_;
  std::string node_;
  std::filesystem::path temp_dir_;
  std::chrono::seconds grace_;
};

}  // namespace projectd
