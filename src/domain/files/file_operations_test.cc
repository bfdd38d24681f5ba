// What a move or copy costs (docs/wire-compatibility.md, "File operations are atomic and
// checked"), on a real SQLite store: one write and no read of its own, a fixed number of
// statements plus one per file moved (two per file copied: the file and its version), whatever the
// conflicts; and a refused move changes and records nothing.
#include "domain/files/file_operations.h"

#include "store/sqlite/sqlite_file_test_support.h"
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace projectd {
namespace {

using testing::make_file;
using testing::make_folder;
using testing::make_user;
using testing::TempDir;
using Ids = std::vector<std::int64_t>;

struct OperationCost {
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
  std::uint64_t statements = 0;
};

class FileOperationCostTest : public ::testing::Test {
 protected:
  // The admin's @my holding 60 files and a subfolder `Dest` that already has a.txt ... e.txt.
  FileOperationCostTest() {
    store_->write([&](StoreTx& tx) {
      UserRecord admin = make_user("admin");
      admin.is_admin = true;
      tx.users().insert(admin);
      FolderRecord my = make_folder(std::nullopt, "My Documents", 1);
      my.owner_id = admin.id;
      my_ = tx.folders().insert(my);
      dest_ = tx.folders().insert(make_folder(my_, "Dest"));
      for (const char* taken : {"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}) {
        tx.files().insert(make_file(dest_, taken, taken));
        conflicting_.push_back(tx.files().insert(make_file(my_, taken, taken)));
      }
      for (int i = 0; i < 60; ++i)
        files_.push_back(
            tx.files().insert(make_file(my_, "f" + std::to_string(i) + ".txt", std::to_string(i))));
    });
  }

  OperationCost cost_of(const std::function<void()>& fn) {
    const OperationCost before{store_->reads(), store_->writes(), store_->statements()};
    fn();
    return OperationCost{store_->reads() - before.reads, store_->writes() - before.writes,
                         store_->statements() - before.statements};
  }

  OperationCost move(const Ids& files, ConflictResolve resolve, bool copy = false) {
    MoveRequest request{FolderRef{FolderRef::Kind::kId, dest_}, files, {}, resolve, copy};
    OperationViews views;
    const OperationCost cost = cost_of([&] { views = operations_.move_or_copy(admin_, request); });
    EXPECT_EQ(cost.reads, 0u);
    EXPECT_EQ(cost.writes, 1u);
    EXPECT_EQ(views.operations.size(), 1u);
    return cost;
  }

  std::int64_t files_in(std::int64_t folder) {
    return store_->read_value([&](StoreTx& tx) {
      return tx.files().count_in_folder(FileListQuery{folder, "", {}, 0, 1000});
    });
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, true);
  BlobStore blobs_{dir_.path() / "blobs"};
  FileOperationService operations_{*store_, blobs_};
  Caller admin_{.user_id = "id-admin", .is_admin = true, .is_visitor = false, .token_hash = ""};
  std::int64_t my_ = 0, dest_ = 0;
  Ids files_, conflicting_;
};

TEST_F(FileOperationCostTest, AMoveCostsOneStatementPerFile) {
  const OperationCost ten = move(Ids(files_.begin(), files_.begin() + 10), ConflictResolve::kSkip);
  const OperationCost forty =
      move(Ids(files_.begin() + 10, files_.begin() + 50), ConflictResolve::kSkip);
  EXPECT_EQ(forty.statements, ten.statements + 30);
  EXPECT_EQ(files_in(dest_), 5 + 50);

  // Taken titles renamed in memory (Duplicate): the same one statement per file.
  const OperationCost duplicates = move(conflicting_, ConflictResolve::kDuplicate);
  EXPECT_EQ(duplicates.statements, ten.statements - 5);
  EXPECT_EQ(files_in(dest_), 5 + 50 + 5);
}

// Two statements per copied file and its file.created change event (docs/notifications.md): one
// INSERT riding the copy's own commit.
TEST_F(FileOperationCostTest, ACopyCostsThreeStatementsPerFile) {
  const OperationCost ten =
      move(Ids(files_.begin(), files_.begin() + 10), ConflictResolve::kSkip, true);
  const OperationCost thirty =
      move(Ids(files_.begin() + 10, files_.begin() + 40), ConflictResolve::kSkip, true);
  EXPECT_EQ(thirty.statements, ten.statements + 3 * 20);
  EXPECT_EQ(files_in(dest_), 5 + 40);
  EXPECT_EQ(files_in(my_), 5 + 60);
}

TEST_F(FileOperationCostTest, ARefusedMoveChangesAndRecordsNothing) {
  MoveRequest request{FolderRef{FolderRef::Kind::kId, dest_},
                      {files_[0], files_[1], 424242},
                      {},
                      ConflictResolve::kSkip,
                      false};
  try {
    operations_.move_or_copy(admin_, request);
    ADD_FAILURE() << "an unknown file was moved";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kNotFound);
  }
  EXPECT_EQ(files_in(dest_), 5);
  EXPECT_TRUE(operations_.list(admin_).operations.empty());
}

}  // namespace
}  // namespace projectd
