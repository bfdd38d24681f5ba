// Time entries on SQLite: rows, the read rule in the filter's SQL, exact integer totals in one
// statement whatever the number of ids, the sort orders, and entries going with their task.
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::error_of;
using testing::make_project;
using testing::make_task;

using Ids = std::vector<std::int64_t>;

class SqliteTimeRepoTest : public testing::SqliteProjectTestBase {
 protected:
  SqliteTimeRepoTest() {
    ann_ = add_user("ann");
    bob_ = add_user("bob");
    ProjectRecord project = make_project("P", ann_);
    project.is_private = true;
    project_ = tx_.projects().insert(project);
    task_ = tx_.tasks().insert(make_task(project_, "Measured"));
  }

  TimeEntryRecord entry(std::int64_t task, std::int64_t seconds, std::int64_t day = 1) {
    return TimeEntryRecord{.task_id = task,
                           .person_id = ann_,
                           .date = from_ticks(day * 864'000'000'000),
                           .seconds = seconds,
                           .note = std::nullopt,
                           .payment_status = PaymentStatus::kNotChargeable,
                           .status_changed = std::nullopt,
                           .created = from_ticks(day),
                           .created_by = ann_};
  }
  TimeQuery query_of(const Viewer& viewer) {
    TimeQuery query;
    query.viewer = viewer;
    query.project_id = project_;
    return query;
  }
  Ids ids_of(const std::vector<TimeEntryRecord>& entries) {
    Ids ids;
    for (const TimeEntryRecord& e : entries)
      ids.push_back(e.id);
    return ids;
  }

  std::string ann_;
  std::string bob_;
  std::int64_t project_ = 0;
  std::int64_t task_ = 0;
  Viewer ann_viewer_{.user_id = "id-ann", .is_admin = false, .is_visitor = false};
  Viewer bob_viewer_{.user_id = "id-bob", .is_admin = false, .is_visitor = false};
};

TEST_F(SqliteTimeRepoTest, AnEntryRoundTripsEveryField) {
  TimeEntryRecord e = entry(task_, 5400);
  e.id = 999;  // ignored
  e.person_id = bob_;
  e.note = "Wrote it";
  e.payment_status = PaymentStatus::kBilled;
  e.status_changed = from_ticks(77);
  const std::int64_t id = tx_.time().insert(e);
  e.id = id;
  const auto read = tx_.time().by_id(id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->task_id, task_);
  EXPECT_EQ(read->person_id, bob_);
  EXPECT_EQ(read->date, e.date);
  EXPECT_EQ(read->seconds, 5400);
  EXPECT_EQ(read->note, "Wrote it");
  EXPECT_EQ(read->payment_status, PaymentStatus::kBilled);
  EXPECT_EQ(read->status_changed, from_ticks(77));
  EXPECT_EQ(read->created_by, ann_);

  e.note.reset();
  e.status_changed.reset();
  e.seconds = 60;
  tx_.time().update(e);
  EXPECT_FALSE(tx_.time().by_id(id)->note);
  EXPECT_FALSE(tx_.time().by_id(id)->status_changed);
  EXPECT_EQ(tx_.time().by_id(id)->seconds, 60);
  e.id = 424242;
  EXPECT_EQ(error_of([&] { tx_.time().update(e); }).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(ids_of(tx_.time().by_ids({424242, id, id})), Ids{id});
  tx_.time().remove(id);
  EXPECT_FALSE(tx_.time().by_id(id));
}

// A member whose team security denies tasks reads no time, unless they are a responsible of the
// task; someone outside a private project reads none.
TEST_F(SqliteTimeRepoTest, PagesHoldOnlyTimeOnTasksTheViewerReads) {
  const std::int64_t id = tx_.time().insert(entry(task_, 3600));
  EXPECT_EQ(ids_of(tx_.time().page(query_of(ann_viewer_))), Ids{id});
  EXPECT_TRUE(tx_.time().page(query_of(bob_viewer_)).empty());
  tx_.projects().put_member(project_, {.user_id = bob_, .security = team_security::kTasks});
  EXPECT_TRUE(tx_.time().page(query_of(bob_viewer_)).empty());
  EXPECT_EQ(tx_.time().count(query_of(bob_viewer_)), 0);
  EXPECT_EQ(tx_.time().total_seconds(query_of(bob_viewer_)), 0);
  // A project with no time the viewer may read counts 0.
  const std::vector<TimeTotal> bobs =
      tx_.project_totals().seconds_by_project(bob_viewer_, {project_});
  ASSERT_EQ(bobs.size(), 1u);
  EXPECT_EQ(bobs[0].id, project_);
  EXPECT_EQ(bobs[0].seconds, 0);
  TaskRecord task = *tx_.tasks().by_id(task_);
  task.responsibles = {bob_};
  tx_.tasks().update(task);
  EXPECT_EQ(ids_of(tx_.time().page(query_of(bob_viewer_))), Ids{id});
  EXPECT_EQ(tx_.time().total_seconds(query_of(bob_viewer_)), 3600);
}

// Thousands of tenths of an hour sum to exactly what a person computes, and the sums of many tasks
// and projects cost one statement each.
TEST_F(SqliteTimeRepoTest, TotalsAreExactIntegerSumsInOneStatement) {
  Ids tasks;
  for (int t = 0; t < 50; ++t)
    tasks.push_back(tx_.tasks().insert(make_task(project_, "T" + std::to_string(t))));
  for (int i = 0; i < 1000; ++i)
    tx_.time().insert(entry(tasks[static_cast<std::size_t>(i % 50)], 360));  // 0.1 h
  EXPECT_EQ(tx_.time().total_seconds(query_of(ann_viewer_)), 100 * 3600);
  std::vector<TimeTotal> by_task;
  EXPECT_EQ(statements_of([&] { by_task = tx_.time().seconds_by_task(tasks); }), 1u);
  ASSERT_EQ(by_task.size(), 50u);
  for (const TimeTotal& total : by_task)
    EXPECT_EQ(total.seconds, 20 * 360) << total.id;
  const std::int64_t empty = tx_.projects().insert(make_project("Q", ann_));
  std::vector<TimeTotal> by_project;
  EXPECT_EQ(statements_of([&] {
              by_project =
                  tx_.project_totals().seconds_by_project(ann_viewer_, {empty, 424242, project_});
            }),
            1u);
  // Each existing project once, in id order, one without time at 0; an unknown id left out.
  ASSERT_EQ(by_project.size(), 2u);
  EXPECT_EQ(by_project[0].id, project_);
  EXPECT_EQ(by_project[0].seconds, 100 * 3600);
  EXPECT_EQ(by_project[1].id, empty);
  EXPECT_EQ(by_project[1].seconds, 0);
}

TEST_F(SqliteTimeRepoTest, PagesSortByEachColumnThenId) {
  TimeEntryRecord a = entry(task_, 7200, 3);
  a.note = "zebra";
  TimeEntryRecord b = entry(task_, 3600, 1);
  b.note = "Apple";
  TimeEntryRecord c = entry(task_, 7200, 2);
  a.id = tx_.time().insert(a);
  b.id = tx_.time().insert(b);
  c.id = tx_.time().insert(c);
  TimeQuery query = query_of(ann_viewer_);
  EXPECT_EQ(ids_of(tx_.time().page(query)), (Ids{b.id, c.id, a.id}));  // by date
  query.descending = true;
  EXPECT_EQ(ids_of(tx_.time().page(query)), (Ids{a.id, c.id, b.id}));
  query.sort = TimeSort::kHours;
  EXPECT_EQ(ids_of(tx_.time().page(query)), (Ids{c.id, a.id, b.id}));  // equal hours: id desc
  query.sort = TimeSort::kNote;
  query.descending = false;
  EXPECT_EQ(ids_of(tx_.time().page(query)), (Ids{c.id, b.id, a.id}));  // none, Apple, zebra
  query.offset = 1;
  query.limit = 1;
  EXPECT_EQ(ids_of(tx_.time().page(query)), Ids{b.id});
  EXPECT_EQ(tx_.time().count(query), 3);
}

TEST_F(SqliteTimeRepoTest, EntriesGoWithTheirTaskAndProject) {
  const std::int64_t other = tx_.tasks().insert(make_task(project_, "Other"));
  tx_.time().insert(entry(task_, 60));
  tx_.time().insert(entry(other, 60));
  tx_.tasks().remove(task_);
  EXPECT_EQ(rows("time_entries"), 1);
  tx_.projects().remove(project_);
  EXPECT_EQ(rows("time_entries"), 0);
}

// A project's total reads the entries' copy of their task's project (migration 0022), which the
// triggers keep: an entry added, moved to a task of another project, or whose task moves.
TEST_F(SqliteTimeRepoTest, AProjectsTotalFollowsItsEntriesAndTheirTasks) {
  const std::int64_t other_project = tx_.projects().insert(make_project("Q", ann_));
  const std::int64_t other_task = tx_.tasks().insert(make_task(other_project, "There"));
  const auto totals = [&] {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (const TimeTotal& t :
         tx_.project_totals().seconds_by_project(ann_viewer_, {project_, other_project}))
      out.emplace_back(t.id, t.seconds);
    return out;
  };
  using Totals = std::vector<std::pair<std::int64_t, std::int64_t>>;
  TimeEntryRecord e = entry(task_, 60);
  e.id = tx_.time().insert(e);
  tx_.time().insert(entry(other_task, 7));
  EXPECT_EQ(totals(), (Totals{{project_, 60}, {other_project, 7}}));
  e.task_id = other_task;
  tx_.time().update(e);
  EXPECT_EQ(totals(), (Totals{{project_, 0}, {other_project, 67}}));
  TaskRecord moved = *tx_.tasks().by_id(other_task);
  moved.project_id = project_;
  tx_.tasks().update(moved);
  EXPECT_EQ(totals(), (Totals{{project_, 67}, {other_project, 0}}));
}

}  // namespace
}  // namespace projectd
