#include "blob/blob_store.h"

#include "blob/sha256.h"
#include "blob/spool_writer.h"
#include "blob/test_temp_dir.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace projectd {
namespace {

namespace fs = std::filesystem;
using testing::ScratchDir;

constexpr char kAbc[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::string stored_contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

std::size_t count_files(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) ++n;
  return n;
}

// Sets a file's mtime `seconds` into the past, as if it had been stored then.
void age(const fs::path& path, long seconds) {
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  timespec times[2] = {st.st_atim, st.st_mtim};
  times[1].tv_sec -= seconds;
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

long mtime_of(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mtim.tv_sec;
}

const auto kNothingReferenced = [](std::string_view) { return false; };

TEST(BlobStore, PutStoresContentUnderItsHash) {
  ScratchDir dir;
  BlobStore store(dir.path() / "blobs");
  const BlobRef ref = store.put("abc").ref;
  EXPECT_EQ(ref.sha256, kAbc);
  EXPECT_EQ(ref.size, 3u);
  EXPECT_EQ(store.path_of(kAbc), dir.path() / "blobs" / "ba" / kAbc);
  EXPECT_TRUE(store.exists(kAbc));
  EXPECT_EQ(stored_contents(store.path_of(kAbc)), "abc");
  EXPECT_TRUE(fs::is_empty(store.temp_dir()));
}

TEST(BlobStore, EmptyContentIsAContentToo) {
  ScratchDir dir;
  BlobStore store(dir.path());
  const BlobRef ref = store.put("").ref;
  EXPECT_EQ(ref.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(ref.size, 0u);
  EXPECT_TRUE(store.exists(ref.sha256));
}

TEST(BlobStore, SameBytesTwiceAreStoredOnce) {
  ScratchDir dir;
  BlobStore store(dir.path() / "blobs", std::chrono::seconds(3600), "n1");
  store.put("same bytes");
  age(store.path_of(store.put("same bytes").ref.sha256), 7200);
  const BlobRef again = store.put("same bytes").ref;
  EXPECT_EQ(count_files(dir.path() / "blobs"), 1u);
  // The second store refreshed the kept copy, so the sweeper's grace protects it again.
  EXPECT_GT(mtime_of(store.path_of(again.sha256)), ::time(nullptr) - 60);
}

TEST(BlobStore, WriterInChunksEqualsPut) {
  ScratchDir dir;
  BlobStore store(dir.path());
  BlobStore::Writer writer = store.writer();
  writer.write("a");
  writer.write("");
  writer.write("bc");
  const BlobRef ref = writer.commit().ref;
  EXPECT_EQ(ref.sha256, kAbc);
  EXPECT_EQ(ref.size, 3u);
  EXPECT_THROW(writer.write("more"), std::logic_error);
}

TEST(BlobStore, UncommittedWriterLeavesNoTempFile) {
  ScratchDir dir;
  BlobStore store(dir.path());
  {
    BlobStore::Writer writer = store.writer();
    writer.write("never committed");
    EXPECT_EQ(count_files(store.temp_dir()), 1u);
    BlobStore::Writer moved(std::move(writer));
  }
  EXPECT_TRUE(fs::is_empty(store.temp_dir()));
  EXPECT_EQ(count_files(dir.path()), 0u);
}

TEST(BlobStore, LeftoversOfThisNodeAreRemovedAtStart) {
  ScratchDir dir;
  fs::create_directories(dir.path() / "tmp" / "n1" / "sub");
  fs::create_directories(dir.path() / "tmp" / "n2");
  std::ofstream(dir.path() / "tmp" / "n1" / "up-abc") << "interrupted";
  std::ofstream(dir.path() / "tmp" / "n1" / "sub" / "x") << "interrupted";
  std::ofstream(dir.path() / "tmp" / "n2" / "up-def") << "another node's upload in flight";
  BlobStore store(dir.path(), std::chrono::seconds(3600), "n1");
  EXPECT_EQ(store.temp_dir(), dir.path() / "tmp" / "n1");
  EXPECT_TRUE(fs::is_empty(store.temp_dir()));
  EXPECT_TRUE(fs::exists(dir.path() / "tmp" / "n2" / "up-def"));
}

TEST(BlobStore, NodeDefaultsToTheHostName) {
  ScratchDir dir;
  BlobStore store(dir.path());
  EXPECT_EQ(store.temp_dir().parent_path(), dir.path() / "tmp");
  EXPECT_FALSE(store.temp_dir().filename().empty());
  EXPECT_TRUE(node_name_problem(store.temp_dir().filename().string()).empty());
}

TEST(BlobStore, NodeNamesAreCheckedBecauseTheyBecomeDirectoryNames) {
  for (const std::string& good : {std::string("a"), std::string("node-1"),
                                  std::string("web_2.example.com"), std::string(64, 'n')})
    EXPECT_EQ(node_name_problem(good), "") << good;
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"", "empty"},
      {".", "not a directory name"},
      {"..", "not a directory name"},
      {"../evil", "letters, digits"},
      {"a/b", "letters, digits"},
      {"a b", "letters, digits"},
      {"n\xc3\xa9", "letters, digits"},
      {std::string(65, 'n'), "longer than 64"},
  };
  for (const auto& [name, why] : bad)
    EXPECT_NE(node_name_problem(name).find(why), std::string::npos)
        << name << ": " << node_name_problem(name);
  ScratchDir dir;
  EXPECT_THROW(BlobStore(dir.path(), std::chrono::seconds(1), "../evil"), std::invalid_argument);
  EXPECT_THROW(BlobStore(dir.path(), std::chrono::seconds(1), ".."), std::invalid_argument);
  // Nothing was made or cleaned outside tmp/ for a refused name.
  EXPECT_FALSE(fs::exists(dir.path() / "evil"));
  BlobStore named(dir.path(), std::chrono::seconds(1), "b.2");
  EXPECT_EQ(named.temp_dir(), dir.path() / "tmp" / "b.2");
}

TEST(BlobStore, RemoveUnreferencedHonoursGraceAndReferences) {
  ScratchDir dir;
  BlobStore store(dir.path(), std::chrono::seconds(3600));
  const std::string kept = store.put("referenced").ref.sha256;
  const std::string fresh = store.put("fresh").ref.sha256;
  const std::string old = store.put("old").ref.sha256;
  age(store.path_of(kept), 7200);
  age(store.path_of(old), 7200);
  const auto referenced = [&](std::string_view sha) { return sha == kept; };
  EXPECT_EQ(store.remove_unreferenced({kept, fresh, old, "not-a-hash", "../x"}, referenced), 1u);
  EXPECT_TRUE(store.exists(kept));
  EXPECT_TRUE(store.exists(fresh));
  EXPECT_FALSE(store.exists(old));
  // Removing what is gone already is no error.
  EXPECT_EQ(store.remove_unreferenced({old}, referenced), 0u);
  EXPECT_TRUE(fs::is_empty(store.temp_dir()));
}

// The pins and quarantine copies a removal or an upload may leave, next to the contents.
std::vector<std::string> leftovers(const fs::path& root) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && (name.starts_with("pin-") || name.find(".gone-") != name.npos))
      names.push_back(name);
  }
  return names;
}

// An upload of the same bytes pins the content between the removal's checks and its rename: the
// removal's second look finds the pin and puts the content back.
TEST(BlobStore, ContentPinnedDuringRemovalIsPutBack) {
  ScratchDir dir;
  BlobStore store(dir.path(), std::chrono::seconds(0));
  const std::string sha = store.put("racing bytes").ref.sha256;
  PinnedBlob upload;
  int checks = 0;
  const auto upload_meanwhile = [&](std::string_view) {
    if (++checks == 1) upload = store.put("racing bytes");  // found there: kept, pinned
    return false;                                           // not committed yet
  };
  EXPECT_EQ(store.remove_unreferenced({sha}, upload_meanwhile), 0u);
  EXPECT_EQ(checks, 1);  // the pin alone decided
  EXPECT_EQ(stored_contents(store.path_of(sha)), "racing bytes");
  upload = PinnedBlob();
  EXPECT_TRUE(leftovers(dir.path()).empty());
}

// The upload pinned, found the content, committed and unpinned between the removal's first look
// and its rename: the store read after the rename sees the reference.
TEST(BlobStore, ContentCommittedDuringRemovalIsPutBack) {
  ScratchDir dir;
  BlobStore store(dir.path(), std::chrono::seconds(0));
  const std::string sha = store.put("racing bytes").ref.sha256;
  bool committed = false;
  const auto commit_meanwhile = [&](std::string_view) {
    if (committed) return true;
    store.put("racing bytes");  // pinned and unpinned again at once
    committed = true;
    return false;  // the removal's first read came before the commit
  };
  EXPECT_EQ(store.remove_unreferenced({sha}, commit_meanwhile), 0u);
  EXPECT_EQ(stored_contents(store.path_of(sha)), "racing bytes");
  EXPECT_TRUE(leftovers(dir.path()).empty());
}

// An upload that comes after the rename finds no copy and links its own; the quarantined copy is
// then put back beside it (or removed) without replacing the upload's.
TEST(BlobStore, UploadDuringQuarantineLinksItsOwnCopy) {
  ScratchDir dir;
  BlobStore store(dir.path(), std::chrono::seconds(0));
  const std::string sha = store.put("racing bytes").ref.sha256;
  PinnedBlob upload;
  store.on_quarantined = [&](const fs::path& quarantined) {
    EXPECT_FALSE(store.exists(sha));
    EXPECT_TRUE(fs::exists(quarantined));
    upload = store.put("racing bytes");
    EXPECT_TRUE(store.exists(sha));
  };
  EXPECT_EQ(store.remove_unreferenced({sha}, kNothingReferenced), 0u);
  EXPECT_EQ(stored_contents(store.path_of(sha)), "racing bytes");
  upload = PinnedBlob();
  EXPECT_TRUE(leftovers(dir.path()).empty());
  // Unpinned and unreferenced, it goes.
  store.on_quarantined = nullptr;
  EXPECT_EQ(store.remove_unreferenced({sha}, kNothingReferenced), 1u);
  EXPECT_FALSE(store.exists(sha));
}

struct Crash {};

// A crash between the rename and the settling leaves the copy in quarantine beside the contents;
// a download puts it back at once, and the next sweep (the first runs at start) settles it by the
// same rule: referenced now means kept, unreferenced means removed.
TEST(BlobStore, QuarantineLeftByACrashIsSettledByTheNextSweep) {
  ScratchDir dir;
  std::string kept;
  std::string dropped;
  {
    BlobStore store(dir.path(), std::chrono::seconds(0), "n1");
    kept = store.put("committed meanwhile").ref.sha256;
    dropped = store.put("really unused").ref.sha256;
    store.on_quarantined = [](const fs::path&) { throw Crash{}; };
    EXPECT_THROW(store.remove_unreferenced({kept}, kNothingReferenced), Crash);
    EXPECT_THROW(store.remove_unreferenced({dropped}, kNothingReferenced), Crash);
    EXPECT_FALSE(store.exists(kept));
    EXPECT_FALSE(store.exists(dropped));
  }
  BlobStore restarted(dir.path(), std::chrono::seconds(0), "n1");
  EXPECT_EQ(leftovers(dir.path()).size(), 2u);
  EXPECT_EQ(restarted.sweep([&](std::string_view sha) { return sha == kept; }), 1u);
  EXPECT_EQ(stored_contents(restarted.path_of(kept)), "committed meanwhile");
  EXPECT_FALSE(restarted.exists(dropped));
  EXPECT_TRUE(leftovers(dir.path()).empty());
}

TEST(BlobStore, RestoreQuarantinedPutsACopyBackForAReader) {
  ScratchDir dir;
  BlobStore store(dir.path(), std::chrono::seconds(0), "n1");
  const std::string sha = store.put("read meanwhile").ref.sha256;
  store.on_quarantined = [](const fs::path&) { throw Crash{}; };
  EXPECT_THROW(store.remove_unreferenced({sha}, kNothingReferenced), Crash);
  EXPECT_FALSE(store.exists(sha));
  EXPECT_TRUE(store.restore_quarantined(sha));
  EXPECT_EQ(stored_contents(store.path_of(sha)), "read meanwhile");
  EXPECT_TRUE(leftovers(dir.path()).empty());
  EXPECT_FALSE(store.restore_quarantined(std::string(64, 'a')));
  EXPECT_FALSE(store.restore_quarantined("../x"));
}

// Another node's pin protects the content as well: pins are looked for in every node's temp
// directory.
TEST(BlobStore, AnotherNodesPinKeepsTheContent) {
  ScratchDir dir;
  BlobStore one(dir.path(), std::chrono::seconds(0), "n1");
  BlobStore two(dir.path(), std::chrono::seconds(0), "n2");
  const std::string sha = one.put("shared").ref.sha256;
  {
    const PinnedBlob pinned = two.put("shared");
    EXPECT_FALSE(fs::is_empty(two.temp_dir()));
    EXPECT_EQ(one.remove_unreferenced({sha}, kNothingReferenced), 0u);
    EXPECT_TRUE(one.exists(sha));
  }
  EXPECT_TRUE(fs::is_empty(two.temp_dir()));
  EXPECT_EQ(one.remove_unreferenced({sha}, kNothingReferenced), 1u);
}

// When the second look cannot be made, the copy goes back before the error.
TEST(BlobStore, AFailedSecondLookPutsTheContentBack) {
  ScratchDir dir;
  BlobStore store(dir.path(), std::chrono::seconds(0));
  const std::string sha = store.put("bytes").ref.sha256;
  int checks = 0;
  const auto store_fails_second_time = [&](std::string_view) -> bool {
    if (++checks == 2) throw std::runtime_error("the store is gone");
    return false;
  };
  EXPECT_THROW(store.remove_unreferenced({sha}, store_fails_second_time), std::runtime_error);
  EXPECT_TRUE(store.exists(sha));
  EXPECT_TRUE(leftovers(dir.path()).empty());
}

TEST(BlobStore, GraceZeroRemovesAtOnce) {
  ScratchDir dir;
  BlobStore store(dir.path(), std::chrono::seconds(0));
  const std::string sha = store.put("bytes").ref.sha256;
  EXPECT_EQ(store.remove_unreferenced({sha}, [](std::string_view) { return true; }), 0u);
  EXPECT_EQ(store.remove_unreferenced({sha}, kNothingReferenced), 1u);
  EXPECT_FALSE(store.exists(sha));
}

TEST(BlobStore, SweepWalksEveryContent) {
  ScratchDir dir;
  BlobStore store(dir.path(), std::chrono::seconds(60));
  const std::string a = store.put("a").ref.sha256;
  const std::string b = store.put("b").ref.sha256;
  const std::string c = store.put("c").ref.sha256;
  age(store.path_of(a), 120);
  age(store.path_of(b), 120);
  std::ofstream(dir.path() / "stray-file") << "not a content";
  EXPECT_EQ(store.sweep([&](std::string_view sha) { return sha == b; }), 1u);
  EXPECT_FALSE(store.exists(a));
  EXPECT_TRUE(store.exists(b));
  EXPECT_TRUE(store.exists(c));
  EXPECT_TRUE(fs::exists(dir.path() / "stray-file"));
}

TEST(BlobStore, AdoptRenamesASpooledFile) {
  ScratchDir dir;
  BlobStore store(dir.path());
  SpoolWriter spool(store.temp_dir());
  spool.write("ab");
  spool.write("c");
  SpooledFile file = spool.finish();
  EXPECT_EQ(file.sha256(), kAbc);
  EXPECT_EQ(file.size(), 3u);
  const fs::path spooled = file.path();
  const BlobRef ref = store.adopt(file).ref;
  EXPECT_EQ(ref.sha256, kAbc);
  EXPECT_EQ(ref.size, 3u);
  EXPECT_TRUE(file.empty());
  EXPECT_FALSE(fs::exists(spooled));
  EXPECT_EQ(stored_contents(store.path_of(kAbc)), "abc");
}

TEST(BlobStore, AdoptOfKnownContentDropsTheSpoolAndRefreshesTheCopy) {
  ScratchDir dir;
  BlobStore store(dir.path());
  store.put("abc");
  age(store.path_of(kAbc), 7200);
  SpoolWriter spool(store.temp_dir());
  spool.write("abc");
  SpooledFile file = spool.finish();
  store.adopt(file);
  EXPECT_TRUE(fs::is_empty(store.temp_dir()));
  EXPECT_EQ(count_files(dir.path()), 1u);
  EXPECT_GT(mtime_of(store.path_of(kAbc)), ::time(nullptr) - 60);
}

TEST(BlobStore, AdoptRefusesFilesOutsideTheTempDir) {
  ScratchDir dir;
  BlobStore store(dir.path() / "blobs");
  SpoolWriter spool(dir.path());
  spool.write("abc");
  SpooledFile file = spool.finish();
  EXPECT_THROW(store.adopt(file), std::invalid_argument);
  EXPECT_FALSE(file.empty());
  SpooledFile nothing;
  EXPECT_THROW(store.adopt(nothing), std::invalid_argument);
}

TEST(BlobStore, PathOfRejectsWhatIsNotAHash) {
  ScratchDir dir;
  BlobStore store(dir.path());
  EXPECT_THROW(store.path_of("../../etc/passwd"), std::invalid_argument);
  EXPECT_THROW(store.path_of(std::string(64, 'A')), std::invalid_argument);
  EXPECT_FALSE(store.exists("a"));
  EXPECT_FALSE(store.exists(kAbc));
}

TEST(BlobStore, UnusableRootIsAClearError) {
  ScratchDir dir;
  std::ofstream(dir.path() / "file") << "x";
  try {
    BlobStore store(dir.path() / "file" / "blobs");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("file/blobs"), std::string::npos) << e.what();
  }
}

TEST(SpoolWriter, DestroyedOrFinishedFilesAreRemoved) {
  ScratchDir dir;
  {
    SpoolWriter spool(dir.path());
    spool.write("aborted upload");
  }
  EXPECT_TRUE(fs::is_empty(dir.path()));
  fs::path kept;
  {
    SpoolWriter spool(dir.path());
    spool.write("x");
    SpooledFile file = spool.finish();
    kept = file.path();
    EXPECT_EQ(stored_contents(kept), "x");
    SpooledFile moved = std::move(file);
    EXPECT_TRUE(file.empty());
    EXPECT_TRUE(fs::exists(kept));
  }
  EXPECT_FALSE(fs::exists(kept));
}

// Past kWriteBehind the writer hands pages to the disk while it writes: the file and its hash must
// come out the same, including a moved writer that carries on.
TEST(SpoolWriter, ALargeFileIsWrittenBehindAndComesOutWhole) {
  ScratchDir dir;
  BlobStore store(dir.path() / "blobs");
  std::string piece(1 << 20, '\0');
  std::string whole;
  SpoolWriter first(store.temp_dir());
  for (int i = 0; i < 9; ++i) {
    std::fill(piece.begin(), piece.end(), static_cast<char>('a' + i));
    first.write(piece);
    whole += piece;
  }
  SpoolWriter spool = std::move(first);
  for (int i = 9; i < 19; ++i) {
    std::fill(piece.begin(), piece.end(), static_cast<char>('a' + i));
    spool.write(piece);
    whole += piece;
  }
  spool.write("tail");
  whole += "tail";
  SpooledFile file = spool.finish();
  EXPECT_EQ(file.size(), whole.size());
  EXPECT_EQ(stored_contents(file.path()), whole);
  Sha256 expected;
  expected.update(whole);
  EXPECT_EQ(file.sha256(), expected.finish_hex());
}

TEST(SpooledFile, ReleaseGivesUpTheFile) {
  ScratchDir dir;
  fs::path path;
  {
    SpoolWriter spool(dir.path());
    SpooledFile file = spool.finish();
    EXPECT_EQ(file.size(), 0u);
    path = file.release();
  }
  EXPECT_TRUE(fs::exists(path));
}

}  // namespace
}  // namespace projectd
