// Files and versions on SQLite: round trips, versions and history, titles and extensions, folder
// listings, subtrees, contents and batch costs.
#include "store/sql/sql_file_repos.h"
#include "store/sqlite/sqlite_file_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace projectd {
namespace {

using testing::make_file;
using testing::make_folder;
using testing::make_version;
using testing::sha_of;

using Ids = std::vector<std::int64_t>;
using Names = std::vector<std::string>;

class SqliteFileRepoTest : public testing::SqliteFileTestBase {
 protected:
  std::string extension_column(std::int64_t id) {
    SqlStatement row = connection_.prepare("SELECT extension FROM files WHERE id = ?1");
    row.bind_all(id);
    EXPECT_TRUE(row.step());
    return row.text(0);
  }
};

FileListQuery in(std::int64_t folder_id, std::string text = "",
                 std::vector<std::string> extensions = {}, std::int64_t offset = 0,
                 std::int64_t limit = 1000) {
  return FileListQuery{.folder_id = folder_id,
                       .text = std::move(text),
                       .extensions = std::move(extensions),
                       .offset = offset,
                       .limit = limit};
}

Names titles(const std::vector<FileRecord>& files) {
  Names out;
  for (const FileRecord& f : files)
    out.push_back(f.title);
  return out;
}

TEST_F(SqliteFileRepoTest, FileRoundTripsEveryFieldWithItsFolderPlace) {
  FileRecord f{.id = 999,  // ignored
               .folder_id = root_,
               .title = "Report.DOCX",
               .current_version = 7,  // ignored: the version's number wins
               .version = FileVersionRecord{.version = 1,
                                            .sha256 = sha_of("report"),
                                            .size = 12345,
                                            .comment = "Uploaded",
                                            .created = from_ticks(11),
                                            .created_by = "id-ann"},
               .created = from_ticks(11),
               .created_by = "id-ann",
               .updated = from_ticks(12),
               .updated_by = "id-bob",
               .root_kind = 1,            // ignored: from the folder
               .owner_id = "id-someone",  // ignored
               .project_id = 424242};     // ignored
  std::int64_t id = tx_.files().insert(f);
  EXPECT_NE(id, 999);
  auto got = tx_.files().by_id(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->folder_id, root_);
  EXPECT_EQ(got->title, "Report.DOCX");
  EXPECT_EQ(got->current_version, 1);
  EXPECT_EQ(got->version.version, 1);
  EXPECT_EQ(got->version.sha256, sha_of("report"));
  EXPECT_EQ(got->version.size, 12345);
  EXPECT_EQ(got->version.comment, "Uploaded");
  EXPECT_EQ(got->version.created, from_ticks(11));
  EXPECT_EQ(got->version.created_by, "id-ann");
  EXPECT_EQ(got->created, from_ticks(11));
  EXPECT_EQ(got->created_by, "id-ann");
  EXPECT_EQ(got->updated, from_ticks(12));
  EXPECT_EQ(got->updated_by, "id-bob");
  EXPECT_EQ(got->root_kind, 3);
  EXPECT_EQ(got->owner_id, std::nullopt);
  EXPECT_EQ(got->project_id, project_);
  EXPECT_EQ(extension_column(id), ".docx");

  // A file deep in an @my tree carries the tree's owner.
  FolderRecord my = make_folder(std::nullopt, "My Documents", 1);
  my.owner_id = "id-admin";
  std::int64_t my_id = tx_.folders().insert(my);
  std::int64_t sub = folder(my_id, "Sub");
  auto mine = tx_.files().by_id(file(sub, "notes.txt"));
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->root_kind, 1);
  EXPECT_EQ(mine->owner_id, "id-admin");
  EXPECT_EQ(mine->project_id, std::nullopt);
  EXPECT_EQ(mine->version.comment, std::nullopt);

  EXPECT_FALSE(tx_.files().by_id(987654));
}

TEST_F(SqliteFileRepoTest, VersionsHistoryAndAtVersion) {
  std::int64_t id = file(root_, "plan.txt", "v1");
  FileVersionRecord v2 = make_version(2, "v2", 20);
  v2.comment = "Edited";
  v2.created_by = "id-bob";
  tx_.files().add_version(id, v2);
  tx_.files().add_version(id, make_version(3, "v3", 30));

  auto current = tx_.files().by_id(id);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->current_version, 3);
  EXPECT_EQ(current->version.version, 3);
  EXPECT_EQ(current->version.sha256, sha_of("v3"));
  EXPECT_EQ(current->version.size, 30);
  // The last version stamps the file; its creation stays.
  EXPECT_EQ(current->updated, from_ticks(3'000));
  EXPECT_EQ(current->updated_by, "id-admin");
  EXPECT_EQ(current->created, from_ticks(1'000));

  auto second = tx_.files().at_version(id, 2);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->current_version, 3);
  EXPECT_EQ(second->version.version, 2);
  EXPECT_EQ(second->version.sha256, sha_of("v2"));
  EXPECT_EQ(second->version.comment, "Edited");
  EXPECT_EQ(second->version.created_by, "id-bob");
  EXPECT_EQ(second->version.created, from_ticks(2'000));
  EXPECT_FALSE(tx_.files().at_version(id, 4));
  EXPECT_FALSE(tx_.files().at_version(id, 0));
  EXPECT_FALSE(tx_.files().at_version(987654, 1));

  std::vector<FileRecord> history = tx_.files().history(id);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].version.version, 3);
  EXPECT_EQ(history[1].version.version, 2);
  EXPECT_EQ(history[2].version.version, 1);
  EXPECT_EQ(history[2].version.sha256, sha_of("v1"));
  for (const FileRecord& h : history)
    EXPECT_EQ(h.current_version, 3);
  EXPECT_TRUE(tx_.files().history(987654).empty());

  // A version that does not follow on, or a file that does not exist: nothing is written.
  EXPECT_EQ(testing::error_of([&] { tx_.files().add_version(id, make_version(3, "x")); }).kind(),
            ErrorKind::kConflict);
  EXPECT_EQ(testing::error_of([&] { tx_.files().add_version(id, make_version(5, "x")); }).kind(),
            ErrorKind::kConflict);
  EXPECT_EQ(
      testing::error_of([&] { tx_.files().add_version(987654, make_version(2, "x")); }).kind(),
      ErrorKind::kNotFound);
  EXPECT_EQ(tx_.files().history(id).size(), 3u);
  EXPECT_EQ(tx_.files().by_id(id)->current_version, 3);
}

TEST_F(SqliteFileRepoTest, RenameKeepsTheExtensionColumnInStep) {
  std::int64_t id = file(root_, "draft.txt");
  tx_.files().rename(id, "Final.PDF", from_ticks(5'555), "id-bob");
  auto got = tx_.files().by_id(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title, "Final.PDF");
  EXPECT_EQ(got->updated, from_ticks(5'555));
  EXPECT_EQ(got->updated_by, "id-bob");
  EXPECT_EQ(got->version.created, from_ticks(1'000));  // versions keep their stamps
  EXPECT_EQ(extension_column(id), ".pdf");
  tx_.files().rename(id, "no extension", from_ticks(5'556), "id-bob");
  EXPECT_EQ(extension_column(id), "");
  EXPECT_EQ(
      testing::error_of([&] { tx_.files().rename(987654, "x", from_ticks(1), "id-bob"); }).kind(),
      ErrorKind::kNotFound);
}

TEST(StoredExtension, LastDotLowercasedExceptDotFilesAndTrailingDots) {
  EXPECT_EQ(stored_extension("a.docx"), ".docx");
  EXPECT_EQ(stored_extension("A.DocX"), ".docx");
  EXPECT_EQ(stored_extension("archive.tar.gz"), ".gz");
  EXPECT_EQ(stored_extension("README"), "");
  EXPECT_EQ(stored_extension(""), "");
  EXPECT_EQ(stored_extension(".bashrc"), "");
  EXPECT_EQ(stored_extension(".config.json"), ".json");
  EXPECT_EQ(stored_extension("trailing."), "");
  EXPECT_EQ(stored_extension("v1.2 notes"), ".2 notes");
  EXPECT_EQ(stored_extension("Résumé.ÉTÉ"), ".ÉtÉ");  // ASCII case only
}

TEST_F(SqliteFileRepoTest, ByTitleIgnoresCaseWithinTheFolder) {
  std::int64_t id = file(root_, "Budget.xlsx");
  std::int64_t other = folder(root_, "Other");
  file(other, "budget.xlsx");
  auto got = tx_.files().by_title(root_, "BUDGET.XLSX");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_FALSE(tx_.files().by_title(root_, "Budget"));
  EXPECT_FALSE(tx_.files().by_title(root_, "Budget.xlsx.bak"));
}

TEST_F(SqliteFileRepoTest, InFolderSortsFiltersAndPages) {
  std::int64_t other = folder(root_, "Other");
  file(other, "alpha elsewhere.docx");
  std::int64_t b1 = file(root_, "beta.docx");
  file(root_, "Alpha.DOCX");
  std::int64_t b2 = file(root_, "Beta.docx");
  file(root_, "chart.xlsx");
  file(root_, "photo.png");
  file(root_, "README");
  file(root_, "50% off.txt");
  file(root_, "50 off.txt");

  std::vector<FileRecord> all = tx_.files().in_folder(in(root_));
  EXPECT_EQ(titles(all), (Names{"50 off.txt", "50% off.txt", "Alpha.DOCX", "beta.docx", "Beta.docx",
                                "chart.xlsx", "photo.png", "README"}));
  EXPECT_EQ(all[3].id, b1);  // equal titles ignoring case: by id
  EXPECT_EQ(all[4].id, b2);
  EXPECT_EQ(tx_.files().count_in_folder(in(root_)), 8);

  EXPECT_EQ(titles(tx_.files().in_folder(in(root_, "BETA"))), (Names{"beta.docx", "Beta.docx"}));
  EXPECT_EQ(tx_.files().count_in_folder(in(root_, "BETA")), 2);
  EXPECT_EQ(titles(tx_.files().in_folder(in(root_, "0%"))), (Names{"50% off.txt"}));
  EXPECT_EQ(titles(tx_.files().in_folder(in(root_, "", {".docx"}))),
            (Names{"Alpha.DOCX", "beta.docx", "Beta.docx"}));
  EXPECT_EQ(titles(tx_.files().in_folder(in(root_, "", {".xlsx", ".png"}))),
            (Names{"chart.xlsx", "photo.png"}));
  EXPECT_EQ(tx_.files().count_in_folder(in(root_, "", {".xlsx", ".png"})), 2);
  EXPECT_EQ(titles(tx_.files().in_folder(in(root_, "a", {".docx", ".png"}))),
            (Names{"Alpha.DOCX", "beta.docx", "Beta.docx"}));
  EXPECT_EQ(tx_.files().count_in_folder(in(root_, "", {".pptx"})), 0);
  EXPECT_EQ(titles(tx_.files().in_folder(in(root_, "", {""}))), (Names{"README"}));

  EXPECT_EQ(titles(tx_.files().in_folder(in(root_, "", {}, 2, 3))),
            (Names{"Alpha.DOCX", "beta.docx", "Beta.docx"}));
  EXPECT_EQ(tx_.files().count_in_folder(in(root_, "", {}, 2, 3)), 8);
  EXPECT_TRUE(tx_.files().in_folder(in(root_, "", {}, 8, 3)).empty());
  EXPECT_EQ(titles(tx_.files().in_folder(in(other))), (Names{"alpha elsewhere.docx"}));
  // The current version is what a listing shows.
  tx_.files().add_version(b1, make_version(2, "new", 99));
  std::vector<FileRecord> betas = tx_.files().in_folder(in(root_, "beta"));
  ASSERT_EQ(betas.size(), 2u);
  EXPECT_EQ(betas[0].id, b1);
  EXPECT_EQ(betas[0].version.size, 99);
}

TEST_F(SqliteFileRepoTest, IdsUnderCoverTheWholeSubtree) {
  std::int64_t a = folder(root_, "A");
  std::int64_t b = folder(a, "B");
  std::int64_t c = folder(b, "C");
  std::int64_t side = folder(root_, "Side");
  std::int64_t in_a = file(a, "a");
  std::int64_t in_c1 = file(c, "c1");
  std::int64_t in_c2 = file(c, "c2");
  std::int64_t in_side = file(side, "s");
  std::int64_t in_root = file(root_, "r");
  EXPECT_EQ(tx_.files().ids_under(a), (Ids{in_a, in_c1, in_c2}));
  EXPECT_EQ(tx_.files().ids_under(b), (Ids{in_c1, in_c2}));
  EXPECT_EQ(tx_.files().ids_under(root_), (Ids{in_a, in_c1, in_c2, in_side, in_root}));
  EXPECT_TRUE(tx_.files().ids_under(987654).empty());
}

TEST_F(SqliteFileRepoTest, ContentsAndWhetherTheyAreStillUsed) {
  std::int64_t one = file(root_, "one", "shared");
  tx_.files().add_version(one, make_version(2, "one-v2"));
  std::int64_t two = file(root_, "two", "shared");
  std::int64_t three = file(root_, "three", "only-three");

  std::vector<std::string> expected{sha_of("one-v2"), sha_of("shared")};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(tx_.files().contents_of({one, two, 987654}), expected);
  EXPECT_EQ(tx_.files().contents_of({three}), (Names{sha_of("only-three")}));
  EXPECT_TRUE(tx_.files().contents_of({}).empty());

  tx_.files().remove(one);
  EXPECT_FALSE(tx_.files().by_id(one));
  EXPECT_TRUE(tx_.files().history(one).empty());
  EXPECT_FALSE(tx_.files().content_referenced(sha_of("one-v2")));
  EXPECT_TRUE(tx_.files().content_referenced(sha_of("shared")));  // two still uses it
  tx_.files().remove(two);
  EXPECT_FALSE(tx_.files().content_referenced(sha_of("shared")));
  EXPECT_TRUE(tx_.files().content_referenced(sha_of("only-three")));
  tx_.files().remove(987654);  // unknown: nothing happens
  EXPECT_EQ(rows("file_versions"), 1);
}

TEST_F(SqliteFileRepoTest, RemovingAFileRemovesItsAttachmentsButNotTheAudit) {
  std::int64_t id = file(root_, "f.txt");
  std::int64_t kept = file(root_, "g.txt");
  std::int64_t task = tx_.tasks().insert(testing::make_task(project_, "T"));
  for (std::int64_t f : {id, kept})
    tx_.attachments().attach({.kind = EntityKind::kTask,
                              .entity_id = task,
                              .file_id = f,
                              .attached = from_ticks(1),
                              .attached_by = "id-admin"});
  tx_.attachments().add_audit({.id = 0,
                               .kind = EntityKind::kTask,
                               .entity_id = task,
                               .file_id = id,
                               .file_title = "f.txt",
                               .action = AttachmentAction::kAttach,
                               .reason = "",
                               .user_id = "id-admin",
                               .at = from_ticks(1)});
  tx_.files().remove(id);
  auto left = tx_.attachments().of_entities(EntityKind::kTask, {task});
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].file_id, kept);
  EXPECT_EQ(tx_.attachments().audit(EntityKind::kTask, task).size(), 1u);
}

TEST_F(SqliteFileRepoTest, BatchReadsAreOneStatementWhateverTheirLength) {
  Ids ids;
  for (int i = 0; i < 300; ++i) {
    ids.push_back(file(root_, "f" + std::to_string(i), "c" + std::to_string(i)));
    if (i % 3 == 0) tx_.files().add_version(ids.back(), make_version(2, "d" + std::to_string(i)));
  }
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{10}, ids.size()}) {
    Ids batch(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n));
    batch.push_back(987654);  // unknown: left out
    std::vector<FileRecord> files;
    std::vector<std::string> contents;
    EXPECT_EQ(statements_of([&] { files = tx_.files().by_ids(batch); }), 1u) << n;
    EXPECT_EQ(statements_of([&] { contents = tx_.files().contents_of(batch); }), 1u) << n;
    ASSERT_EQ(files.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_EQ(files[i].id, batch[i]);  // id order
      EXPECT_EQ(files[i].current_version, i % 3 == 0 ? 2 : 1);
    }
    EXPECT_EQ(contents.size(), n + (n + 2) / 3);
  }
  EXPECT_EQ(statements_of([&] { tx_.files().in_folder(in(root_, "f1", {".txt"})); }), 1u);
  EXPECT_EQ(statements_of([&] { tx_.files().ids_under(root_); }), 1u);
}

}  // namespace
}  // namespace projectd
