// The task filter on SQLite: every TaskQuery filter, each sort both ways, paging, text search,
// and visibility against the read rules of domain/security.
#include "domain/projects/security.h"
#include "store/sql/sql_task_query.h"
#include "store/sqlite/sqlite_project_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace projectd {
namespace {

using testing::make_milestone;
using testing::make_project;
using testing::make_task;
using Ids = std::vector<std::int64_t>;

class SqliteTaskQueryTest : public testing::SqliteProjectTestBase {
 protected:
  Ids page_ids(const TaskQuery& query) {
    Ids ids;
    for (const TaskRecord& t : tx_.tasks().page(query))
      ids.push_back(t.id);
    return ids;
  }
  // The page, after checking that count() agrees with the unpaged size.
  Ids filtered(const TaskQuery& query) {
    Ids ids = page_ids(query);
    EXPECT_EQ(tx_.tasks().count(query), static_cast<std::int64_t>(ids.size()));
    return ids;
  }
  static TaskQuery as(const std::string& user_id, bool is_admin = false, bool is_visitor = false) {
    TaskQuery q;
    q.viewer = Viewer{.user_id = user_id, .is_admin = is_admin, .is_visitor = is_visitor};
    return q;
  }
  static TaskQuery as_admin() { return as("id-admin", true); }
};

// Five tasks over two public projects, varied in every filtered and sorted column.
class SqliteTaskFilterTest : public SqliteTaskQueryTest {
 protected:
  SqliteTaskFilterTest() {
    ann_ = add_user("ann");
    bob_ = add_user("bob");
    cid_ = add_user("cid");
    p1_ = tx_.projects().insert(make_project("P1", ann_));
    p2_ = tx_.projects().insert(make_project("P2", bob_));
    tx_.projects().put_member(p1_, {.user_id = ann_});
    tx_.projects().put_member(p1_, {.user_id = bob_});
    tx_.projects().put_member(p2_, {.user_id = cid_});
    tx_.projects().set_tags(p1_, {"red"});
    tx_.projects().set_tags(p2_, {"blue"});
    m1_ = tx_.milestones().insert(make_milestone(p1_, "M1", bob_));
    m2_ = tx_.milestones().insert(make_milestone(p2_, "M2", ann_));

    auto add = [&](std::int64_t project, std::optional<std::int64_t> milestone, const char* title,
                   std::vector<std::string> responsibles, const std::string& creator,
                   std::optional<std::int64_t> deadline, TaskStatus status, TaskPriority priority,
                   std::int64_t created, std::optional<std::int64_t> start) {
      TaskRecord t = make_task(project, title, creator);
      t.milestone_id = milestone;
      t.responsibles = std::move(responsibles);
      if (deadline) t.deadline = from_ticks(*deadline);
      t.status = status;
      t.priority = priority;
      t.created = from_ticks(created);
      if (start) t.start_date = from_ticks(*start);
      return tx_.tasks().insert(t);
    };
    using enum TaskStatus;
    using enum TaskPriority;
    t1_ = add(p1_, m1_, "Alpha", {bob_}, ann_, 100, kOpen, kHigh, 10, 50);
    t2_ = add(p1_, {}, "beta 50%", {ann_, bob_}, bob_, 200, kClosed, kNormal, 20, {});
    t3_ = add(p1_, m1_, "Gamma", {}, ann_, {}, kOpen, kLow, 20, 10);
    t4_ = add(p2_, m2_, "delta", {cid_}, cid_, 150, kOpen, kNormal, 20, 30);
    t5_ = add(p2_, {}, "Epsilon", {ann_}, ann_, 300, kClosed, kHigh, 40, {});
    // Custom statuses, and descriptions that only match when wildcards are taken literally.
    for (auto [id, custom, description] :
         {std::tuple{t1_, std::optional<std::int64_t>{5}, "first"},
          std::tuple{t3_, std::optional<std::int64_t>{}, "has a_b and back\\slash"},
          std::tuple{t4_, std::optional<std::int64_t>{}, "axb"},
          std::tuple{t5_, std::optional<std::int64_t>{5}, "500 items"}}) {
      TaskRecord t = *tx_.tasks().by_id(id);
      t.custom_status_id = custom;
      t.description = description;
      tx_.tasks().update(t);
    }
    tx_.tasks().set_subscribed(t2_, ann_, true);
    tx_.tasks().set_subscribed(t4_, ann_, true);
    tx_.tasks().set_subscribed(t1_, bob_, true);
  }

  Ids sorted(TaskSort sort, bool descending) {
    TaskQuery q = as_admin();
    q.sort = sort;
    q.descending = descending;
    return filtered(q);
  }

  std::string ann_, bob_, cid_;
  std::int64_t p1_ = 0, p2_ = 0, m1_ = 0, m2_ = 0;
  std::int64_t t1_ = 0, t2_ = 0, t3_ = 0, t4_ = 0, t5_ = 0;
};

TEST_F(SqliteTaskFilterTest, EveryFilter) {
  auto with = [&](auto&& set, TaskQuery q = as_admin()) {
    set(q);
    return filtered(q);
  };
  // Without filters: open tasks first, each group by id.
  EXPECT_EQ(filtered(as_admin()), (Ids{t1_, t3_, t4_, t2_, t5_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.ids = {t5_, t1_, 424242}; }), (Ids{t1_, t5_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.project_id = p1_; }), (Ids{t1_, t3_, t2_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.my_projects = true; }, as(cid_)), (Ids{t4_, t5_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.my_projects = true; }, as(bob_)), (Ids{t1_, t3_, t2_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.milestone_id = m1_; }), (Ids{t1_, t3_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.my_milestones = true; }, as(bob_)), (Ids{t1_, t3_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.my_milestones = true; }, as(ann_)), (Ids{t4_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.no_milestone = true; }), (Ids{t2_, t5_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.tag_id = *tx_.projects().tag_id("red"); }),
            (Ids{t1_, t3_, t2_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.tag_id = 424242; }), (Ids{}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.status = TaskStatus::kClosed; }), (Ids{t2_, t5_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.status = TaskStatus::kOpen; }), (Ids{t1_, t3_, t4_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.custom_status_id = 5; }), (Ids{t1_, t5_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.followed = true; }, as(ann_)), (Ids{t4_, t2_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.followed = true; }, as(cid_)), (Ids{}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.responsible = bob_; }), (Ids{t1_, t2_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.creator = ann_; }), (Ids{t1_, t3_, t5_}));
  // The deadline range is inclusive and leaves out tasks without a deadline.
  EXPECT_EQ(with([&](TaskQuery& q) {
              q.deadline_start = from_ticks(150);
              q.deadline_stop = from_ticks(200);
            }),
            (Ids{t4_, t2_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.deadline_start = from_ticks(200); }), (Ids{t2_, t5_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.deadline_stop = from_ticks(100); }), (Ids{t1_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.last_id = t3_; }), (Ids{t4_, t5_}));
  // Text: case-insensitive substring of title or description, wildcards literal.
  EXPECT_EQ(with([&](TaskQuery& q) { q.text = "ALPHA"; }), (Ids{t1_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.text = "FIRST"; }), (Ids{t1_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.text = "a_b"; }), (Ids{t3_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.text = "50%"; }), (Ids{t2_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.text = "%"; }), (Ids{t2_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.text = "_"; }), (Ids{t3_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.text = "\\"; }), (Ids{t3_}));
  EXPECT_EQ(with([&](TaskQuery& q) { q.text = "k\\s"; }), (Ids{t3_}));
  // Filters combine.
  EXPECT_EQ(with([&](TaskQuery& q) {
              q.project_id = p1_;
              q.status = TaskStatus::kOpen;
              q.responsible = bob_;
            }),
            (Ids{t1_}));
  EXPECT_EQ(with([&](TaskQuery& q) {
              q.creator = ann_;
              q.no_milestone = true;
              q.custom_status_id = 5;
              q.text = "items";
              q.deadline_start = from_ticks(1);
            }),
            (Ids{t5_}));
}

TEST_F(SqliteTaskFilterTest, EachSortBothWaysOpenTasksFirst) {
  using enum TaskSort;
  EXPECT_EQ(sorted(kSortOrder, false), (Ids{t1_, t3_, t4_, t2_, t5_}));
  EXPECT_EQ(sorted(kSortOrder, true), (Ids{t4_, t3_, t1_, t5_, t2_}));
  // Without a deadline: last in both directions.
  EXPECT_EQ(sorted(kDeadline, false), (Ids{t1_, t4_, t3_, t2_, t5_}));
  EXPECT_EQ(sorted(kDeadline, true), (Ids{t4_, t1_, t3_, t5_, t2_}));
  EXPECT_EQ(sorted(kPriority, false), (Ids{t3_, t4_, t1_, t2_, t5_}));
  EXPECT_EQ(sorted(kPriority, true), (Ids{t1_, t4_, t3_, t5_, t2_}));
  // t3 and t4 were created at the same time: id breaks the tie, in the sort's direction.
  EXPECT_EQ(sorted(kCreated, false), (Ids{t1_, t3_, t4_, t2_, t5_}));
  EXPECT_EQ(sorted(kCreated, true), (Ids{t4_, t3_, t1_, t5_, t2_}));
  EXPECT_EQ(sorted(kStartDate, false), (Ids{t3_, t4_, t1_, t2_, t5_}));
  EXPECT_EQ(sorted(kStartDate, true), (Ids{t1_, t4_, t3_, t5_, t2_}));
  // Titles ignore case: Alpha, delta, Gamma; beta, Epsilon.
  EXPECT_EQ(sorted(kTitle, false), (Ids{t1_, t4_, t3_, t2_, t5_}));
  EXPECT_EQ(sorted(kTitle, true), (Ids{t3_, t4_, t1_, t5_, t2_}));

  // With a status filter the sort alone orders.
  TaskQuery closed = as_admin();
  closed.status = TaskStatus::kClosed;
  closed.sort = kCreated;
  closed.descending = true;
  EXPECT_EQ(filtered(closed), (Ids{t5_, t2_}));
}

// Issue 5: the total counts whole projects from task_counts, which triggers keep through every
// task insert, status change, move, delete and project delete.
TEST_F(SqliteTaskQueryTest, TotalFollowsEveryTaskWrite) {
  std::int64_t p1 = tx_.projects().insert(make_project("P1", "id-admin"));
  std::int64_t p2 = tx_.projects().insert(make_project("P2", "id-admin"));
  Ids ids;
  for (int i = 0; i < 6; ++i)
    ids.push_back(tx_.tasks().insert(make_task(i % 2 == 0 ? p1 : p2, "T", "id-admin")));
  auto total = [&](std::optional<std::int64_t> project, std::optional<TaskStatus> status) {
    TaskQuery q = as_admin();
    q.project_id = project;
    q.status = status;
    return filtered(q).size();
  };
  EXPECT_EQ(total({}, {}), 6u);
  TaskRecord moved = *tx_.tasks().by_id(ids[0]);
  moved.project_id = p2;
  moved.status = TaskStatus::kClosed;
  tx_.tasks().update(moved);
  EXPECT_EQ(total(p1, {}), 2u);
  EXPECT_EQ(total(p2, TaskStatus::kClosed), 1u);
  EXPECT_EQ(total(p2, TaskStatus::kOpen), 3u);
  tx_.tasks().remove(ids[1]);
  EXPECT_EQ(total(p2, {}), 3u);
  tx_.projects().remove(p2);
  EXPECT_EQ(total({}, {}), 2u);
  EXPECT_EQ(rows("task_counts"), 1);
}

// Issue 5: the task filter's page walks an index in its order and stops after the page, whatever
// the number of tasks: no sort of every task and no full scan of tasks, for the default order
// and the deadline, priority and title orders, both ways (a count-based guard, not a timed one).
TEST_F(SqliteTaskQueryTest, PagePlanWalksAnOrderIndex) {
  for (TaskSort sort :
       {TaskSort::kSortOrder, TaskSort::kDeadline, TaskSort::kPriority, TaskSort::kTitle}) {
    for (bool descending : {false, true}) {
      TaskQuery q = as("id-user");
      q.sort = sort;
      q.descending = descending;
      q.limit = 100;
      SqlStatement plan =
          connection_.prepare("EXPLAIN QUERY PLAN " + task_page_sql(q, connection_.dialect()));
      std::string details;
      while (plan.step())
        details += plan.text(3) + "\n";
      SCOPED_TRACE(details);
      EXPECT_EQ(details.find("TEMP B-TREE"), std::string::npos);
      EXPECT_EQ(details.find("SCAN t\n"), std::string::npos);
      EXPECT_NE(details.find("SCAN t USING INDEX tasks_status_"), std::string::npos);
    }
  }
}

// Pages of a long list, concatenated, are the unpaged list, in the documented order, for every
// sort and direction; count() is the unpaged size.
TEST_F(SqliteTaskQueryTest, PagesAreStableSlicesOfTheWholeOrder) {
  std::int64_t project = tx_.projects().insert(make_project("P", "id-admin"));
  std::map<std::int64_t, TaskRecord> tasks;
  for (int i = 0; i < 37; ++i) {
    TaskRecord t = make_task(project, std::string(1, "bBaA"[i % 4]));
    t.status = i % 3 == 0 ? TaskStatus::kClosed : TaskStatus::kOpen;
    t.priority = static_cast<TaskPriority>(i % 3 - 1);
    t.created = from_ticks(i % 5);
    if (i % 4 != 0) t.deadline = from_ticks(i % 6);
    if (i % 5 != 0) t.start_date = from_ticks(i % 7);
    t.id = tx_.tasks().insert(t);
    tasks.emplace(t.id, t);
  }
  for (TaskSort sort : {TaskSort::kSortOrder, TaskSort::kDeadline, TaskSort::kPriority,
                        TaskSort::kCreated, TaskSort::kStartDate, TaskSort::kTitle}) {
    for (bool descending : {false, true}) {
      SCOPED_TRACE(::testing::Message()
                   << "sort " << static_cast<int>(sort) << " descending " << descending);
      // The documented order, computed here.
      auto key = [&](const TaskRecord& t) -> std::tuple<bool, std::int64_t> {
        auto optional = [](const std::optional<Timestamp>& v) {
          return std::tuple<bool, std::int64_t>{!v, v ? to_ticks(*v) : 0};
        };
        switch (sort) {
          case TaskSort::kDeadline:
            return optional(t.deadline);
          case TaskSort::kStartDate:
            return optional(t.start_date);
          case TaskSort::kPriority:
            return {false, static_cast<std::int64_t>(t.priority)};
          case TaskSort::kCreated:
            return {false, to_ticks(t.created)};
          case TaskSort::kTitle:
            return {false, std::tolower(static_cast<unsigned char>(t.title[0]))};
          case TaskSort::kSortOrder:
            break;
        }
        return {false, 0};
      };
      Ids expected;
      for (const auto& [id, t] : tasks)
        expected.push_back(id);
      std::sort(expected.begin(), expected.end(), [&](std::int64_t a, std::int64_t b) {
        const TaskRecord& x = tasks.at(a);
        const TaskRecord& y = tasks.at(b);
        if (x.status != y.status) return x.status < y.status;
        auto [x_null, x_value] = key(x);
        auto [y_null, y_value] = key(y);
        if (x_null != y_null) return y_null;  // no value: last either way
        if (x_value != y_value) return descending ? x_value > y_value : x_value < y_value;
        return descending ? a > b : a < b;
      });

      TaskQuery q = as_admin();
      q.sort = sort;
      q.descending = descending;
      EXPECT_EQ(filtered(q), expected);
      Ids paged;
      q.limit = 4;
      for (q.offset = 0; q.offset < 50; q.offset += q.limit) {
        Ids page = page_ids(q);
        EXPECT_LE(page.size(), 4u);
        paged.insert(paged.end(), page.begin(), page.end());
        EXPECT_EQ(tx_.tasks().count(q), 37);
      }
      EXPECT_EQ(paged, expected);
    }
  }
}

// The visibility matrix (docs/wire-compatibility.md, "Permission rules are consistent") on one
// private project, one public project and one private project managed by a guest.
class SqliteTaskVisibilityTest : public SqliteTaskQueryTest {
 protected:
  SqliteTaskVisibilityTest() {
    pm_ = add_user("pm");
    member_ = add_user("member");
    no_tasks_ = add_user("no-tasks");
    no_milestones_ = add_user("no-milestones");
    no_milestones_other_ = add_user("no-milestones-other");
    outsider_ = add_user("outsider");
    assignee_ = add_user("assignee");
    creator_ = add_user("creator");
    guest_ = add_user("guest", false, true);
    guest_member_ = add_user("guest-member", false, true);

    ProjectRecord secret = make_project("Private", pm_);
    secret.is_private = true;
    secret.created_by = creator_;
    secret_ = tx_.projects().insert(secret);
    tx_.projects().put_member(secret_, {.user_id = pm_});
    tx_.projects().put_member(secret_, {.user_id = member_});
    tx_.projects().put_member(secret_, {.user_id = no_tasks_, .security = team_security::kTasks});
    tx_.projects().put_member(secret_,
                              {.user_id = no_milestones_, .security = team_security::kMilestones});
    tx_.projects().put_member(
        secret_, {.user_id = no_milestones_other_, .security = team_security::kMilestones});
    tx_.projects().put_member(secret_, {.user_id = guest_member_});
    open_ = tx_.projects().insert(make_project("Public", pm_));
    ProjectRecord guest_managed = make_project("Guest managed", guest_);
    guest_managed.is_private = true;
    guest_managed.created_by = pm_;
    guest_managed_ = tx_.projects().insert(guest_managed);

    std::int64_t m_of_no_milestones =
        tx_.milestones().insert(make_milestone(secret_, "M1", no_milestones_));
    std::int64_t m_of_pm = tx_.milestones().insert(make_milestone(secret_, "M2", pm_));
    std::int64_t m_public = tx_.milestones().insert(make_milestone(open_, "M3", pm_));
    auto add = [&](std::int64_t project, std::optional<std::int64_t> milestone,
                   std::vector<std::string> responsibles) {
      TaskRecord t = make_task(project, "t", pm_);
      t.milestone_id = milestone;
      t.responsibles = std::move(responsibles);
      return tx_.tasks().insert(t);
    };
    plain_ = add(secret_, {}, {});
    in_m1_ = add(secret_, m_of_no_milestones, {});
    in_m2_ = add(secret_, m_of_pm, {});
    // A responsible who left the team (or never was in it).
    assigned_ = add(secret_, m_of_pm, {assignee_});
    of_no_tasks_ = add(secret_, {}, {no_tasks_});
    public_plain_ = add(open_, {}, {});
    public_in_m3_ = add(open_, m_public, {});
    of_guest_managed_ = add(guest_managed_, {}, {});
  }

  Ids visible(const std::string& user, bool is_admin = false, bool is_visitor = false) {
    return filtered(as(user, is_admin, is_visitor));
  }

  std::string pm_, member_, no_tasks_, no_milestones_, no_milestones_other_, outsider_, assignee_,
      creator_, guest_, guest_member_;
  std::int64_t secret_ = 0, open_ = 0, guest_managed_ = 0;
  std::int64_t plain_ = 0, in_m1_ = 0, in_m2_ = 0, assigned_ = 0, of_no_tasks_ = 0,
               public_plain_ = 0, public_in_m3_ = 0, of_guest_managed_ = 0;
};

TEST_F(SqliteTaskVisibilityTest, Matrix) {
  const Ids everything{plain_,       in_m1_,        in_m2_,        assigned_,
                       of_no_tasks_, public_plain_, public_in_m3_, of_guest_managed_};
  const Ids all_of_secret_and_public{plain_,       in_m1_,        in_m2_,       assigned_,
                                     of_no_tasks_, public_plain_, public_in_m3_};
  const Ids public_only{public_plain_, public_in_m3_};
  EXPECT_EQ(visible("id-admin", true), everything);
  // A guest admin is still an admin for reading.
  EXPECT_EQ(visible("id-admin", true, true), everything);
  // The manager reads every module; created_by of guest_managed too, but not its tasks.
  EXPECT_EQ(visible(pm_), all_of_secret_and_public);
  EXPECT_EQ(visible(member_), all_of_secret_and_public);
  // Tasks denied: only the tasks they are responsible for.
  EXPECT_EQ(visible(no_tasks_), (Ids{of_no_tasks_, public_plain_, public_in_m3_}));
  // Milestones denied: tasks outside milestones, and those of the milestone they are responsible
  // for.
  EXPECT_EQ(visible(no_milestones_),
            (Ids{plain_, in_m1_, of_no_tasks_, public_plain_, public_in_m3_}));
  EXPECT_EQ(visible(no_milestones_other_),
            (Ids{plain_, of_no_tasks_, public_plain_, public_in_m3_}));
  EXPECT_EQ(visible(outsider_), public_only);
  // A responsible outside the team of a private project cannot read the project, so not the task.
  EXPECT_EQ(visible(assignee_), public_only);
  // The creator reads the private project but is not in its team: no tasks module.
  EXPECT_EQ(visible(creator_), public_only);
  // A guest manager is no manager: reads the project, not its tasks.
  EXPECT_EQ(visible(guest_, false, true), public_only);
  EXPECT_EQ(visible(guest_member_, false, true), all_of_secret_and_public);
}

// The SQL and domain/security agree for every viewer and every task and project.
TEST_F(SqliteTaskVisibilityTest, AgreesWithProjectSecurity) {
  std::vector<Viewer> viewers{{.user_id = "id-admin", .is_admin = true},
                              {.user_id = "id-admin", .is_admin = true, .is_visitor = true}};
  for (const std::string& user : {pm_, member_, no_tasks_, no_milestones_, no_milestones_other_,
                                  outsider_, assignee_, creator_}) {
    viewers.push_back({.user_id = user});
  }
  viewers.push_back({.user_id = guest_, .is_visitor = true});
  viewers.push_back({.user_id = guest_member_, .is_visitor = true});
  // The same people with their flags flipped, to cover combinations the data does not have.
  for (std::size_t i = 0, n = viewers.size(); i < n; ++i) {
    viewers.push_back({.user_id = viewers[i].user_id,
                       .is_admin = viewers[i].is_admin,
                       .is_visitor = !viewers[i].is_visitor});
  }
  Ids all_tasks;
  for (const TaskRecord& t : tx_.tasks().page(as_admin()))
    all_tasks.push_back(t.id);

  for (const Viewer& viewer : viewers) {
    SCOPED_TRACE(viewer.user_id + (viewer.is_admin ? " admin" : "") +
                 (viewer.is_visitor ? " guest" : ""));
    Ids expected_tasks;
    for (const TaskRecord& task : tx_.tasks().by_ids(all_tasks)) {
      ProjectRecord project = *tx_.projects().by_id(task.project_id);
      ProjectSecurity security(viewer, project,
                               tx_.projects().member(task.project_id, viewer.user_id));
      std::optional<MilestoneRecord> milestone;
      if (task.milestone_id) milestone = tx_.milestones().by_id(*task.milestone_id);
      if (security.can_read_task(task, milestone ? &*milestone : nullptr)) {
        expected_tasks.push_back(task.id);
      }
    }
    TaskQuery tasks;
    tasks.viewer = viewer;
    EXPECT_EQ(filtered(tasks), expected_tasks);

    Ids expected_projects;
    for (const ProjectRecord& project : tx_.projects().by_ids({secret_, open_, guest_managed_})) {
      if (ProjectSecurity(viewer, project, tx_.projects().member(project.id, viewer.user_id))
              .can_read()) {
        expected_projects.push_back(project.id);
      }
    }
    ProjectQuery projects;
    projects.viewer = viewer;
    Ids got_projects;
    for (const ProjectRecord& project : tx_.projects().page(projects))
      got_projects.push_back(project.id);
    EXPECT_EQ(got_projects, expected_projects);
    EXPECT_EQ(tx_.projects().count(projects), static_cast<std::int64_t>(expected_projects.size()));
  }
}

}  // namespace
}  // namespace projectd
