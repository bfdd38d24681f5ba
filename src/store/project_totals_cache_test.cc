// The cache of projects' figures (store/project_totals_cache.h) on a real SQLite store: a warm
// read runs no statement, a write naming a project makes only that project's figures read again,
// a broad write all of them, each viewer has their own time total, and writes never use it.
#include "store/project_totals_cache.h"
#include "store/sqlite/sqlite_project_test_support.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <utility>

namespace projectd {
namespace {

using testing::make_project;
using testing::make_task;
using testing::make_user;
using testing::TempDir;

// (project id, figure) of what a read answered, and how many statements it ran.
using Figures = std::vector<std::pair<std::int64_t, std::int64_t>>;
using FiguresRead = std::pair<Figures, std::uint64_t>;

class ProjectTotalsCacheTest : public ::testing::Test {
 protected:
  void open(std::size_t entries = kProjectTotalsCacheEntries) {
    store_ = SqliteStore::open(
        {.path = dir_.file("projectd.db"), .read_caches = {.project_totals = entries}}, true);
    store_->write([&](StoreTx& tx) {
      tx.users().insert(make_user("ann", "Ann"));
      tx.users().insert(make_user("bob", "Bob"));
      ProjectRecord first = make_project("First", "id-ann");
      first.is_private = true;  // Bob reads none of its tasks
      first_ = tx.projects().insert(first);
      second_ = tx.projects().insert(make_project("Second", "id-ann"));
      track(tx, tx.tasks().insert(make_task(first_, "Tracked", "id-ann")), 60);
    });
  }

  static void track(StoreTx& tx, std::int64_t task, std::int64_t seconds) {
    tx.time().insert(TimeEntryRecord{.task_id = task,
                                     .person_id = "id-ann",
                                     .date = from_ticks(864'000'000'000),
                                     .seconds = seconds,
                                     .note = std::nullopt,
                                     .payment_status = PaymentStatus::kNotChargeable,
                                     .status_changed = std::nullopt,
                                     .created = from_ticks(1),
                                     .created_by = "id-ann"});
  }

  // Statements a read runs beyond those of an empty read (its BEGIN and COMMIT).
  template <class Fn>
  FiguresRead read(Fn fn) {
    std::uint64_t before = store_->statements();
    store_->read([](StoreTx&) {});
    const std::uint64_t empty_read = store_->statements() - before;
    before = store_->statements();
    Figures figures;
    store_->read([&](StoreTx& tx) { figures = fn(tx); });
    return {figures, store_->statements() - before - empty_read};
  }

  FiguresRead task_counts(const std::vector<std::int64_t>& ids) {
    return read([&](StoreTx& tx) {
      Figures out;
      for (const ProjectCounts& counts : tx.project_totals().counts_of(ids))
        out.emplace_back(counts.project_id, counts.all_tasks);
      return out;
    });
  }

  FiguresRead seconds(const Viewer& viewer, const std::vector<std::int64_t>& ids) {
    return read([&](StoreTx& tx) {
      Figures out;
      for (const TimeTotal& total : tx.project_totals().seconds_by_project(viewer, ids))
        out.emplace_back(total.id, total.seconds);
      return out;
    });
  }

  // A task and 30 s of time in `project`, by a write that names the project, as task writes do.
  void add_tracked_task(std::int64_t project) {
    store_->write([&](StoreTx& tx) {
      tx.changes_only({ChangeScope::project(project)});
      track(tx, tx.tasks().insert(make_task(project, "More", "id-ann")), 30);
    });
  }

  const Viewer ann_{.user_id = "id-ann"};
  const Viewer bob_{.user_id = "id-bob"};
  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  std::int64_t first_ = 0;
  std::int64_t second_ = 0;
};

TEST_F(ProjectTotalsCacheTest, AWarmReadRunsNoStatementAndAnswersAsTheStore) {
  open();
  // Each project once, in id order, whatever order and repeats the ids come in.
  EXPECT_EQ(task_counts({second_, first_, second_}), FiguresRead({{first_, 1}, {second_, 0}}, 1));
  EXPECT_EQ(task_counts({second_, first_}), FiguresRead({{first_, 1}, {second_, 0}}, 0));
  EXPECT_EQ(seconds(ann_, {second_, first_}), FiguresRead({{first_, 60}, {second_, 0}}, 1));
  EXPECT_EQ(seconds(ann_, {first_, second_}), FiguresRead({{first_, 60}, {second_, 0}}, 0));
  // An unknown project is left out and asked of the store each time, alone.
  EXPECT_EQ(task_counts({first_, 424242}), FiguresRead({{first_, 1}}, 1));
  EXPECT_EQ(task_counts({first_, 424242}), FiguresRead({{first_, 1}}, 1));
}

TEST_F(ProjectTotalsCacheTest, AWriteNamingAProjectMakesOnlyItsFiguresReadAgain) {
  open();
  task_counts({first_, second_});
  seconds(ann_, {first_, second_});
  add_tracked_task(second_);
  EXPECT_EQ(task_counts({first_, second_}), FiguresRead({{first_, 1}, {second_, 1}}, 1));
  EXPECT_EQ(seconds(ann_, {first_, second_}), FiguresRead({{first_, 60}, {second_, 30}}, 1));
  // FiguresRead again: the first project's figures were never read a second time.
  EXPECT_EQ(task_counts({first_}), FiguresRead({{first_, 1}}, 0));
  add_tracked_task(first_);
  EXPECT_EQ(task_counts({first_, second_}), FiguresRead({{first_, 2}, {second_, 1}}, 1));
  EXPECT_EQ(seconds(ann_, {first_, second_}), FiguresRead({{first_, 90}, {second_, 30}}, 1));
  EXPECT_EQ(seconds(ann_, {second_}), FiguresRead({{second_, 30}}, 0));
}

TEST_F(ProjectTotalsCacheTest, ABroadWriteMakesEveryFigureReadAgain) {
  open();
  task_counts({first_, second_});
  seconds(bob_, {first_});
  // Bob joins the first project's team: a broad write, as every team change is.
  store_->write([&](StoreTx& tx) {
    tx.projects().put_member(first_, {.user_id = "id-bob", .security = 0});
    tx.tasks().insert(make_task(second_, "Also", "id-ann"));
  });
  EXPECT_EQ(task_counts({first_, second_}), FiguresRead({{first_, 1}, {second_, 1}}, 1));
  EXPECT_EQ(seconds(bob_, {first_}), FiguresRead({{first_, 60}}, 1));
}

TEST_F(ProjectTotalsCacheTest, EachViewerHasTheirOwnTimeTotal) {
  open();
  EXPECT_EQ(seconds(ann_, {first_}), FiguresRead({{first_, 60}}, 1));
  EXPECT_EQ(seconds(bob_, {first_}), FiguresRead({{first_, 0}}, 1));
  EXPECT_EQ(seconds(bob_, {first_}), FiguresRead({{first_, 0}}, 0));
  // An administrator reads every task: another total again, though the id is the same.
  EXPECT_EQ(seconds(Viewer{.user_id = "id-bob", .is_admin = true}, {first_}),
            FiguresRead({{first_, 60}}, 1));
  EXPECT_EQ(seconds(ann_, {first_}), FiguresRead({{first_, 60}}, 0));
}

TEST_F(ProjectTotalsCacheTest, AWriteReadsItsOwnChangesNotTheCache) {
  open();
  task_counts({first_});
  std::int64_t seen = 0;
  store_->write([&](StoreTx& tx) {
    tx.changes_only({ChangeScope::project(first_)});
    tx.tasks().insert(make_task(first_, "Inside", "id-ann"));
    seen = tx.project_totals().counts_of({first_}).at(0).all_tasks;
  });
  EXPECT_EQ(seen, 2);
}

TEST_F(ProjectTotalsCacheTest, WithoutEntriesEveryReadReadsTheStore) {
  open(0);
  task_counts({first_});
  EXPECT_EQ(task_counts({first_}), FiguresRead({{first_, 1}}, 1));
  seconds(ann_, {first_});
  EXPECT_EQ(seconds(ann_, {first_}), FiguresRead({{first_, 60}}, 1));
}

}  // namespace
}  // namespace projectd
