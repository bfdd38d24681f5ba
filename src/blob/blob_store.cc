#include "blob/blob_store.h"

#include "blob/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <ctime>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace projectd {

namespace fs = std::filesystem;

namespace {

bool is_sha256_hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool is_node_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

// The node's temp directory name: as given (checked), else the host name reduced to characters
// that are safe in a path.
std::string node_name(std::string node) {
  if (!node.empty()) {
    const std::string problem = node_name_problem(node);
    if (!problem.empty()) throw std::invalid_argument(problem);
    return node;
  }
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) == 0) node = host;
  for (char& c : node)
    if (!is_node_char(c)) c = '_';
  if (node.size() > kMaxNodeName) node.resize(kMaxNodeName);
  if (node.empty() || node == "." || node == "..") node = "node";
  return node;
}

void create_dirs(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    throw std::runtime_error("cannot create the directory " + dir.string() + ": " + ec.message());
}

constexpr std::string_view kPinPrefix = "pin-";
constexpr std::string_view kQuarantineMark = ".gone-";

std::atomic<std::uint64_t> name_counter{0};
std::string unique_suffix() {
  return std::to_string(::getpid()) + "-" + std::to_string(++name_counter);
}

// The content a quarantine name `<sha256>.gone-...` belongs to, or empty.
std::string_view quarantined_content(std::string_view name) {
  if (name.size() <= 64 + kQuarantineMark.size()) return {};
  const std::string_view sha = name.substr(0, 64);
  if (!is_sha256_hex(sha) || name.substr(64, kQuarantineMark.size()) != kQuarantineMark) return {};
  return sha;
}

// The names of the entries in `dir` (no recursion); throws when it cannot be listed.
std::vector<std::string> list_names(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) throw std::runtime_error("cannot list " + dir.string() + ": " + ec.message());
  return names;
}

// One removal or settling under the protocol of blob_store.h.
struct Removal {
  const fs::path& root;
  const std::string& node;
  std::chrono::seconds grace;
  const std::function<bool(std::string_view)>& referenced;
  const std::function<void(const fs::path&)>& on_quarantined;

  bool old_enough(const struct stat& st) const {
    if (grace.count() <= 0) return true;
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const auto age = std::chrono::seconds(now.tv_sec - st.st_mtim.tv_sec) +
                     std::chrono::nanoseconds(now.tv_nsec - st.st_mtim.tv_nsec);
    return age >= grace;
  }

  // Whether any node's upload holds a pin on the content (a temp directory that cannot be listed
  // throws: the caller then keeps the content).
  bool pinned(const std::string& sha) const {
    const std::string prefix = std::string(kPinPrefix) + sha + "-";
    const fs::path tmp = root / "tmp";
    for (const std::string& node_dir : list_names(tmp)) {
      std::error_code ec;
      if (!fs::is_directory(tmp / node_dir, ec)) continue;
      std::vector<std::string> names;
      try {
        names = list_names(tmp / node_dir);
      } catch (const std::runtime_error&) {
        if (!fs::exists(tmp / node_dir, ec)) continue;  // a node's directory being recreated
        throw;
      }
      for (const std::string& name : names)
        if (name.starts_with(prefix)) return true;
    }
    return false;
  }

  bool needed(const std::string& sha) const { return pinned(sha) || referenced(sha); }

  bool remove(const std::string& sha) const {
    const fs::path dir = root / sha.substr(0, 2);
    const fs::path target = dir / sha;
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
      if (errno == ENOENT) return false;
      file_io::throw_errno("cannot stat", target);
    }
    if (!old_enough(st) || needed(sha)) return false;
    const fs::path quarantined =
        dir / (sha + std::string(kQuarantineMark) + node + "-" + unique_suffix());
    if (::rename(target.c_str(), quarantined.c_str()) != 0) {
      if (errno == ENOENT) return false;  // another removal was first
      file_io::throw_errno("cannot quarantine", target);
    }
    if (on_quarantined) on_quarantined(quarantined);
    return settle(sha, quarantined);
  }

  // Decides a quarantined copy: back into place when anything may still need it, else removed.
  // Returns whether it was removed. When the checks fail, the copy goes back before the error.
  bool settle(const std::string& sha, const fs::path& quarantined) const {
    bool keep = true;
    try {
      keep = needed(sha);
    } catch (...) {
      put_back(sha, quarantined);
      throw;
    }
    if (keep) {
      put_back(sha, quarantined);
      return false;
    }
    if (::unlink(quarantined.c_str()) != 0) {
      if (errno == ENOENT) return false;  // settled by another sweep
      file_io::throw_errno("cannot remove", quarantined);
    }
    file_io::fsync_dir(quarantined.parent_path());
    return true;
  }

  // link(), never rename(): a copy placed meanwhile (maybe pinned by an upload) must stay as it is.
  static void put_back(const std::string& sha, const fs::path& quarantined) {
    const fs::path target = quarantined.parent_path() / sha;
    if (::link(quarantined.c_str(), target.c_str()) != 0 && errno != EEXIST) {
      if (errno == ENOENT) return;  // settled by another sweep
      file_io::throw_errno("cannot put back", target);
    }
    if (::unlink(quarantined.c_str()) != 0 && errno != ENOENT)
      file_io::throw_errno("cannot remove", quarantined);
    file_io::fsync_dir(quarantined.parent_path());
  }
};

}  // namespace

std::string node_name_problem(std::string_view node) {
  const std::string quoted = "the node name '" + std::string(node) + "'";
  if (node.empty()) return "the node name is empty";
  if (node.size() > kMaxNodeName)
    return quoted + " is longer than " + std::to_string(kMaxNodeName) + " characters";
  if (node == "." || node == "..") return quoted + " is not a directory name";
  if (!std::all_of(node.begin(), node.end(), is_node_char))
    return quoted + " may only hold letters, digits, '-', '_' and '.'";
  return "";
}

BlobStore::BlobStore(fs::path root, std::chrono::seconds grace, std::string node)
    : root_(std::move(root)), node_(node_name(std::move(node))), grace_(grace) {
  temp_dir_ = root_ / "tmp" / node_;  // the name is checked before anything is made
  create_dirs(root_);
  // Whatever is here was left by an interrupted upload of this node: nobody can adopt it now.
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);
  if (ec) {
    throw std::runtime_error("cannot clean the temporary directory " + temp_dir_.string() + ": " +
                             ec.message());
  }
  create_dirs(temp_dir_);
}

PinnedBlob::PinnedBlob(BlobRef ref_in, fs::path pin)
    : ref(std::move(ref_in)), pin_(std::move(pin)) {}

PinnedBlob::~PinnedBlob() {
  if (!pin_.empty()) ::unlink(pin_.c_str());
}

PinnedBlob::PinnedBlob(PinnedBlob&& other) noexcept
    : ref(std::move(other.ref)), pin_(std::exchange(other.pin_, {})) {}

PinnedBlob& PinnedBlob::operator=(PinnedBlob&& other) noexcept {
  std::swap(ref, other.ref);
  std::swap(pin_, other.pin_);
  return *this;
}

BlobStore::Writer::Writer(BlobStore& store, fs::path temp, int fd)
    : store_(&store), temp_(std::move(temp)), fd_(fd) {}

BlobStore::Writer::~Writer() {
  file_io::close_quietly(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

BlobStore::Writer::Writer(Writer&& other) noexcept
    : store_(other.store_),
      temp_(std::exchange(other.temp_, {})),
      fd_(std::exchange(other.fd_, -1)),
      size_(other.size_),
      hash_(std::move(other.hash_)),
      committed_(other.committed_) {}

void BlobStore::Writer::write(std::string_view bytes) {
  if (committed_ || fd_ < 0) throw std::logic_error("BlobStore::Writer used after commit");
  file_io::write_all(fd_, bytes, temp_);
  hash_.update(bytes);
  size_ += bytes.size();
}

PinnedBlob BlobStore::Writer::commit() {
  if (committed_ || fd_ < 0) throw std::logic_error("BlobStore::Writer committed twice");
  file_io::fsync_fd(fd_, temp_);
  file_io::close_or_throw(std::exchange(fd_, -1), temp_);
  PinnedBlob pinned = store_->place(temp_, BlobRef{hash_.finish_hex(), size_});
  committed_ = true;
  return pinned;
}

BlobStore::Writer BlobStore::writer() {
  fs::path temp;
  const int fd = file_io::create_temp(temp_dir_, "w-", temp);
  return Writer(*this, std::move(temp), fd);
}

PinnedBlob BlobStore::put(std::string_view bytes) {
  Writer w = writer();
  w.write(bytes);
  return w.commit();
}

PinnedBlob BlobStore::adopt(SpooledFile& file) {
  if (file.empty()) throw std::invalid_argument("BlobStore::adopt: the spooled file is empty");
  std::error_code ec;
  if (!fs::equivalent(file.path().parent_path(), temp_dir_, ec)) {
    throw std::invalid_argument("BlobStore::adopt: " + file.path().string() + " is not in " +
                                temp_dir_.string());
  }
  file_io::fsync_fd(file_io::open_for_reading(file.path()).get(), file.path());
  PinnedBlob pinned = place(file.path(), BlobRef{file.sha256(), file.size()});
  file.release();
  return pinned;
}

// The temp file is already fsynced. It becomes the pin first, so that no removal can take the
// content between our look at `<aa>/<sha256>` and the commit of the version naming it.
PinnedBlob BlobStore::place(const fs::path& temp, const BlobRef& ref) {
  const fs::path target = path_of(ref.sha256);
  const fs::path dir = target.parent_path();
  std::error_code ec;
  const bool created = fs::create_directory(dir, ec);
  if (ec)
    throw std::runtime_error("cannot create the directory " + dir.string() + ": " + ec.message());
  if (created) file_io::fsync_dir(root_);
  fs::path pin = temp_dir_ / (std::string(kPinPrefix) + ref.sha256 + "-" + unique_suffix());
  if (::rename(temp.c_str(), pin.c_str()) != 0) file_io::throw_errno("cannot pin", temp);
  PinnedBlob pinned(ref, std::move(pin));
  if (::link(pinned.pin_.c_str(), target.c_str()) == 0) {
    file_io::fsync_dir(dir);
  } else if (errno == EEXIST) {
    // The copy there stays; a fresh mtime makes the grace period count from this upload. A copy
    // we may not touch (another node's user), or one a removal has just quarantined (which our
    // pin makes it put back), keeps its mtime: the grace is a policy, not the protection.
    ::utimensat(AT_FDCWD, target.c_str(), nullptr, 0);
  } else {
    file_io::throw_errno("cannot link into", target);
  }
  return pinned;
}

fs::path BlobStore::path_of(std::string_view sha256) const {
  if (!is_sha256_hex(sha256))
    throw std::invalid_argument("not a lowercase SHA-256 hex digest: " + std::string(sha256));
  return root_ / sha256.substr(0, 2) / sha256;
}

bool BlobStore::exists(std::string_view sha256) const {
  if (!is_sha256_hex(sha256)) return false;
  struct stat st {};
  return ::stat(path_of(sha256).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool BlobStore::restore_quarantined(std::string_view sha256) {
  if (!is_sha256_hex(sha256)) return false;
  if (exists(sha256)) return true;
  const std::string sha(sha256);
  const fs::path dir = root_ / sha.substr(0, 2);
  std::vector<std::string> names;
  try {
    names = list_names(dir);
  } catch (const std::runtime_error&) {
    return false;  // no such directory: nothing to put back
  }
  for (const std::string& name : names)
    if (quarantined_content(name) == sha) {
      Removal::put_back(sha, dir / name);
      if (exists(sha)) return true;
    }
  return exists(sha);
}

std::size_t BlobStore::remove_unreferenced(
    const std::vector<std::string>& sha256s,
    const std::function<bool(std::string_view)>& referenced) {
  const Removal removal{root_, node_, grace_, referenced, on_quarantined};
  std::size_t removed = 0;
  for (const std::string& sha : sha256s)
    if (is_sha256_hex(sha) && removal.remove(sha)) ++removed;
  return removed;
}

std::size_t BlobStore::sweep(const std::function<bool(std::string_view)>& referenced) {
  // Names are collected first so that removing never disturbs a directory iteration.
  std::vector<std::string> found;
  std::vector<std::pair<std::string, fs::path>> quarantined;
  std::error_code ec;
  for (fs::directory_iterator dir(root_, ec), end; !ec && dir != end; dir.increment(ec)) {
    const std::string prefix = dir->path().filename().string();
    if (prefix.size() != 2 || !dir->is_directory(ec)) continue;
    for (std::string& name : list_names(dir->path())) {
      if (!name.starts_with(prefix)) continue;
      if (is_sha256_hex(name)) {
        found.push_back(std::move(name));
      } else if (const std::string_view sha = quarantined_content(name); !sha.empty()) {
        quarantined.emplace_back(std::string(sha), dir->path() / name);
      }
    }
  }
  if (ec) throw std::runtime_error("cannot list " + root_.string() + ": " + ec.message());
  const Removal removal{root_, node_, grace_, referenced, on_quarantined};
  std::size_t removed = 0;
  for (const auto& [sha, path] : quarantined)
    if (removal.settle(sha, path)) ++removed;
  return removed + remove_unreferenced(found, referenced);
}

}  // namespace projectd
