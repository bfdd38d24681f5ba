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

struct Sweep {
  const fs::path& root;
  const fs::path& temp_dir;
  std::chrono::seconds grace;

  bool old_enough(const struct stat& st) const {
    if (grace.count() <= 0) return true;
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const auto age = std::chrono::seconds(now.tv_sec - st.st_mtim.tv_sec) +
                     std::chrono::nanoseconds(now.tv_nsec - st.st_mtim.tv_nsec);
    return age >= grace;
  }

  // Removes one content under the grace rule. An upload that finds the content present refreshes
  // its mtime instead of writing it; that may happen between our checks and the unlink, so the
  // content is first renamed aside and its mtime looked at again: refreshed means it is put back.
  // An upload refreshing after the rename finds no file and renames its own copy into place.
  bool remove(const std::string& sha, const std::function<bool(std::string_view)>& referenced) {
    const fs::path dir = root / sha.substr(0, 2);
    const fs::path target = dir / sha;
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
      if (errno == ENOENT) return false;
      file_io::throw_errno("cannot stat", target);
    }
    if (!old_enough(st) || referenced(sha)) return false;
    static std::atomic<std::uint64_t> counter{0};
    const fs::path aside = temp_dir / (".gone-" + sha + "-" + std::to_string(++counter));
    if (::rename(target.c_str(), aside.c_str()) != 0) {
      if (errno == ENOENT) return false;  // another sweeper was first
      file_io::throw_errno("cannot move aside", target);
    }
    if (::stat(aside.c_str(), &st) == 0 && !old_enough(st)) {
      if (::rename(aside.c_str(), target.c_str()) != 0)
        file_io::throw_errno("cannot restore", target);
      return false;
    }
    if (::unlink(aside.c_str()) != 0) file_io::throw_errno("cannot remove", aside);
    file_io::fsync_dir(dir);
    return true;
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
    : root_(std::move(root)), grace_(grace) {
  temp_dir_ = root_ / "tmp" / node_name(std::move(node));  // checked before anything is made
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

BlobRef BlobStore::Writer::commit() {
  if (committed_ || fd_ < 0) throw std::logic_error("BlobStore::Writer committed twice");
  file_io::fsync_fd(fd_, temp_);
  file_io::close_or_throw(std::exchange(fd_, -1), temp_);
  BlobRef ref{hash_.finish_hex(), size_};
  store_->place(temp_, ref.sha256);
  committed_ = true;
  return ref;
}

BlobStore::Writer BlobStore::writer() {
  fs::path temp;
  const int fd = file_io::create_temp(temp_dir_, "w-", temp);
  return Writer(*this, std::move(temp), fd);
}

BlobRef BlobStore::put(std::string_view bytes) {
  Writer w = writer();
  w.write(bytes);
  return w.commit();
}

BlobRef BlobStore::adopt(SpooledFile& file) {
  if (file.empty()) throw std::invalid_argument("BlobStore::adopt: the spooled file is empty");
  std::error_code ec;
  if (!fs::equivalent(file.path().parent_path(), temp_dir_, ec)) {
    throw std::invalid_argument("BlobStore::adopt: " + file.path().string() + " is not in " +
                                temp_dir_.string());
  }
  file_io::fsync_fd(file_io::open_for_reading(file.path()).get(), file.path());
  place(file.path(), file.sha256());
  BlobRef ref{file.sha256(), file.size()};
  file.release();
  return ref;
}

// The temp file is already fsynced. A content that is already stored is kept and its mtime
// refreshed, which protects it from a sweeper for the grace period while our version commits.
void BlobStore::place(const fs::path& temp, const std::string& sha256) {
  const fs::path target = path_of(sha256);
  const fs::path dir = target.parent_path();
  std::error_code ec;
  const bool created = fs::create_directory(dir, ec);
  if (ec)
    throw std::runtime_error("cannot create the directory " + dir.string() + ": " + ec.message());
  if (created) file_io::fsync_dir(root_);
  if (::utimensat(AT_FDCWD, target.c_str(), nullptr, 0) == 0) {
    if (::unlink(temp.c_str()) != 0) file_io::throw_errno("cannot remove", temp);
  } else if (errno == ENOENT || errno == EACCES || errno == EPERM) {
    // Absent, or a copy we may not touch (another node's user): replacing it is just as good.
    if (::rename(temp.c_str(), target.c_str()) != 0)
      file_io::throw_errno("cannot rename into", target);
  } else {
    file_io::throw_errno("cannot refresh", target);
  }
  file_io::fsync_dir(dir);
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

std::size_t BlobStore::remove_unreferenced(
    const std::vector<std::string>& sha256s,
    const std::function<bool(std::string_view)>& referenced) {
  Sweep sweep{root_, temp_dir_, grace_};
  std::size_t removed = 0;
  for (const std::string& sha : sha256s)
    if (is_sha256_hex(sha) && sweep.remove(sha, referenced)) ++removed;
  return removed;
}

std::size_t BlobStore::sweep(const std::function<bool(std::string_view)>& referenced) {
  // Names are collected first so that removing never disturbs a directory iteration.
  std::vector<std::string> found;
  std::error_code ec;
  for (fs::directory_iterator dir(root_, ec), end; !ec && dir != end; dir.increment(ec)) {
    const std::string prefix = dir->path().filename().string();
    if (prefix.size() != 2 || !dir->is_directory(ec)) continue;
    std::error_code inner;
    for (fs::directory_iterator file(dir->path(), inner); !inner && file != end;
         file.increment(inner)) {
      std::string name = file->path().filename().string();
      if (is_sha256_hex(name) && name.starts_with(prefix)) found.push_back(std::move(name));
    }
    if (inner)
      throw std::runtime_error("cannot list " + dir->path().string() + ": " + inner.message());
  }
  if (ec) throw std::runtime_error("cannot list " + root_.string() + ": " + ec.message());
  return remove_unreferenced(found, referenced);
}

}  // namespace projectd
