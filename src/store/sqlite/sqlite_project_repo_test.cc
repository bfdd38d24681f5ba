// Projects on SQLite: rows, team, followers, tags, counts, the filtered page, cascades.
#include "store/sqlite/sqlite_project_test_support.h"
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::error_of;
using testing::make_milestone;
using testing::make_project;
using testing::make_task;

class SqliteProjectRepoTest : public testing::SqliteProjectTestBase {
 protected:
  std::vector<std::int64_t> page_ids(const ProjectQuery& query) {
    std::vector<std::int64_t> ids;
    for (const ProjectRecord& p : tx_.projects().page(query))
      ids.push_back(p.id);
    return ids;
  }
  // Tag titles of one project, in the order tags_of gives them.
  std::vector<std::string> tags(std::int64_t project_id) {
    std::vector<std::string> titles;
    for (ProjectTag& tag : tx_.projects().tags_of({project_id}))
      titles.push_back(std::move(tag.title));
    return titles;
  }
  ProjectQuery query_for(const std::string& user_id, bool is_admin = false) {
    ProjectQuery q;
    q.viewer = Viewer{.user_id = user_id, .is_admin = is_admin, .is_visitor = false};
    return q;
  }
};

using Ids = std::vector<std::int64_t>;

TEST_F(SqliteProjectRepoTest, ProjectRoundTripsEveryFieldAndUpdates) {
  std::string pm = add_user("pm");
  FolderRecord folder;
  folder.kind = 3;
  folder.title = "root";
  std::int64_t folder_id = tx_.folders().insert(folder);
  ProjectRecord p{.id = 999,  // ignored
                  .title = "Apollo",
                  .description = "To the moon",
                  .status = ProjectStatus::kPaused,
                  .responsible_id = pm,
                  .is_private = true,
                  .folder_id = folder_id,
                  .created = from_ticks(111),
                  .created_by = "id-admin",
                  .updated = from_ticks(222),
                  .updated_by = pm};
  std::int64_t id = tx_.projects().insert(p);
  EXPECT_NE(id, 999);
  std::int64_t plain_id = tx_.projects().insert(make_project("Plain", pm));
  EXPECT_EQ(plain_id, id + 1);

  auto got = tx_.projects().by_id(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->title, "Apollo");
  EXPECT_EQ(got->description, "To the moon");
  EXPECT_EQ(got->status, ProjectStatus::kPaused);
  EXPECT_EQ(got->responsible_id, pm);
  EXPECT_TRUE(got->is_private);
  EXPECT_EQ(got->folder_id, folder_id);
  EXPECT_EQ(got->created, from_ticks(111));
  EXPECT_EQ(got->created_by, "id-admin");
  EXPECT_EQ(got->updated, from_ticks(222));
  EXPECT_EQ(got->updated_by, pm);
  auto plain = tx_.projects().by_id(plain_id);
  EXPECT_FALSE(plain->is_private);
  EXPECT_EQ(plain->folder_id, std::nullopt);
  EXPECT_EQ(plain->status, ProjectStatus::kOpen);
  EXPECT_FALSE(tx_.projects().by_id(424242));

  ProjectRecord changed = *got;
  changed.title = "Apollo 11";
  changed.description = "";
  changed.status = ProjectStatus::kClosed;
  changed.responsible_id = "id-admin";
  changed.is_private = false;
  changed.folder_id = std::nullopt;
  changed.updated = from_ticks(333);
  changed.updated_by = "id-admin";
  tx_.projects().update(changed);
  got = tx_.projects().by_id(id);
  EXPECT_EQ(got->title, "Apollo 11");
  EXPECT_EQ(got->description, "");
  EXPECT_EQ(got->status, ProjectStatus::kClosed);
  EXPECT_EQ(got->responsible_id, "id-admin");
  EXPECT_FALSE(got->is_private);
  EXPECT_EQ(got->folder_id, std::nullopt);
  EXPECT_EQ(got->created, from_ticks(111));
  EXPECT_EQ(got->updated, from_ticks(333));

  changed.id = 424242;
  EXPECT_EQ(error_of([&] { tx_.projects().update(changed); }).kind(), ErrorKind::kNotFound);

  // by_ids: id order, unknown ids skipped, duplicates once.
  auto some = tx_.projects().by_ids({plain_id, 424242, id, plain_id});
  ASSERT_EQ(some.size(), 2u);
  EXPECT_EQ(some[0].id, id);
  EXPECT_EQ(some[1].id, plain_id);
  EXPECT_TRUE(tx_.projects().by_ids({}).empty());
}

TEST_F(SqliteProjectRepoTest, TeamFollowersAndCounts) {
  std::string ann = add_user("ann");
  std::string bob = add_user("bob");
  std::int64_t id = tx_.projects().insert(make_project("P", ann));
  std::int64_t other = tx_.projects().insert(make_project("Q", ann));

  EXPECT_TRUE(tx_.projects().team(id).empty());
  tx_.projects().put_member(id, {.user_id = bob, .security = team_security::kTasks});
  tx_.projects().put_member(id, {.user_id = ann, .security = 0});
  tx_.projects().put_member(other, {.user_id = bob, .security = 0});
  auto team = tx_.projects().team(id);
  ASSERT_EQ(team.size(), 2u);
  EXPECT_EQ(team[0].user_id, ann);
  EXPECT_EQ(team[1].user_id, bob);
  EXPECT_EQ(team[1].security, team_security::kTasks);

  // put_member on a member changes the security only.
  tx_.projects().put_member(id, {.user_id = bob, .security = team_security::kAll});
  EXPECT_EQ(tx_.projects().member(id, bob)->security, team_security::kAll);
  EXPECT_EQ(tx_.projects().team(id).size(), 2u);
  EXPECT_FALSE(tx_.projects().member(id, "id-admin"));
  tx_.projects().remove_member(id, bob);
  EXPECT_FALSE(tx_.projects().member(id, bob));
  EXPECT_TRUE(tx_.projects().member(other, bob));

  EXPECT_FALSE(tx_.projects().is_follower(id, bob));
  tx_.projects().set_follower(id, bob, true);
  tx_.projects().set_follower(id, bob, true);  // twice is once
  EXPECT_TRUE(tx_.projects().is_follower(id, bob));
  EXPECT_FALSE(tx_.projects().is_follower(other, bob));
  tx_.projects().set_follower(id, bob, false);
  EXPECT_FALSE(tx_.projects().is_follower(id, bob));
  tx_.projects().set_follower(id, bob, false);

  std::int64_t m1 = tx_.milestones().insert(make_milestone(id, "M1", ann));
  MilestoneRecord closed = make_milestone(id, "M2", ann);
  closed.status = MilestoneStatus::kClosed;
  tx_.milestones().insert(closed);
  tx_.milestones().insert(make_milestone(other, "M3", ann));
  TaskRecord open = make_task(id, "open");
  open.milestone_id = m1;
  tx_.tasks().insert(open);
  tx_.tasks().insert(open);
  TaskRecord done = make_task(id, "done");
  done.status = TaskStatus::kClosed;
  tx_.tasks().insert(done);
  tx_.tasks().insert(make_task(other, "elsewhere"));

  std::vector<ProjectCounts> counts;
  EXPECT_EQ(statements_of([&] {
              counts = tx_.project_totals().counts_of({other, 424242, id, other});
            }),
            1u);
  ASSERT_EQ(counts.size(), 2u);  // in id order, unknown ids left out, repeated ones once
  EXPECT_EQ(counts[0].project_id, id);
  EXPECT_EQ(counts[0].open_tasks, 2);
  EXPECT_EQ(counts[0].all_tasks, 3);
  EXPECT_EQ(counts[0].open_milestones, 1);
  EXPECT_EQ(counts[0].participants, 1);
  EXPECT_EQ(counts[1].project_id, other);
  EXPECT_EQ(counts[1].open_tasks, 1);
  EXPECT_EQ(counts[1].all_tasks, 1);
  EXPECT_EQ(counts[1].open_milestones, 1);
  EXPECT_EQ(counts[1].participants, 1);
  EXPECT_EQ(counts[1].discussions, 0);
  EXPECT_TRUE(tx_.project_totals().counts_of({}).empty());
  EXPECT_TRUE(tx_.project_totals().counts_of({424242}).empty());
}

TEST_F(SqliteProjectRepoTest, CountsOfAProjectWithoutContentAreZero) {
  std::int64_t empty = tx_.projects().insert(make_project("Empty", "id-admin"));
  auto counts = tx_.project_totals().counts_of({empty});
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].project_id, empty);
  EXPECT_EQ(counts[0].all_tasks, 0);
  EXPECT_EQ(counts[0].open_milestones, 0);
  EXPECT_EQ(counts[0].participants, 0);
  EXPECT_EQ(counts[0].discussions, 0);
}

TEST_F(SqliteProjectRepoTest, MembershipsOfOneUserInManyProjects) {
  std::string ann = add_user("ann");
  std::string bob = add_user("bob");
  Ids projects;
  for (int i = 0; i < 4; ++i)
    projects.push_back(tx_.projects().insert(make_project("P" + std::to_string(i), ann)));
  tx_.projects().put_member(projects[3], {.user_id = bob, .security = team_security::kFiles});
  tx_.projects().put_member(projects[1], {.user_id = bob, .security = 0});
  tx_.projects().put_member(projects[2], {.user_id = ann, .security = 0});  // another person

  std::vector<ProjectMembership> got;
  EXPECT_EQ(statements_of([&] { got = tx_.projects().memberships_of(projects, bob); }), 1u);
  ASSERT_EQ(got.size(), 2u);  // by project; projects without bob are left out
  EXPECT_EQ(got[0].project_id, projects[1]);
  EXPECT_EQ(got[0].member.user_id, bob);
  EXPECT_EQ(got[0].member.security, 0);
  EXPECT_EQ(got[1].project_id, projects[3]);
  EXPECT_EQ(got[1].member.security, team_security::kFiles);
  EXPECT_TRUE(tx_.projects().memberships_of({}, bob).empty());
  EXPECT_TRUE(tx_.projects().memberships_of({projects[0], projects[2], 424242}, bob).empty());
  EXPECT_TRUE(tx_.projects().memberships_of(projects, "id-nobody").empty());
}

TEST_F(SqliteProjectRepoTest, FollowedAmongGivesTheFollowedIdsSorted) {
  std::string ann = add_user("ann");
  std::string bob = add_user("bob");
  Ids projects;
  for (int i = 0; i < 4; ++i)
    projects.push_back(tx_.projects().insert(make_project("P" + std::to_string(i), ann)));
  tx_.projects().set_follower(projects[2], bob, true);
  tx_.projects().set_follower(projects[0], bob, true);
  tx_.projects().set_follower(projects[1], ann, true);  // another person

  Ids followed;
  EXPECT_EQ(statements_of([&] {
              followed = tx_.projects().followed_among(
                  {projects[3], projects[2], 424242, projects[1], projects[0]}, bob);
            }),
            1u);
  EXPECT_EQ(followed, (Ids{projects[0], projects[2]}));
  EXPECT_EQ(tx_.projects().followed_among({projects[2]}, bob), (Ids{projects[2]}));
  EXPECT_TRUE(tx_.projects().followed_among({}, bob).empty());
  EXPECT_TRUE(tx_.projects().followed_among({projects[1], projects[3], 424242}, bob).empty());
}

TEST_F(SqliteProjectRepoTest, TagsOfManyProjectsByProjectThenTitle) {
  Ids projects;
  for (int i = 0; i < 3; ++i)
    projects.push_back(tx_.projects().insert(make_project("P" + std::to_string(i), "id-admin")));
  tx_.projects().set_tags(projects[2], {"web", "Backend"});
  tx_.projects().set_tags(projects[0], {"api", "web"});

  std::vector<ProjectTag> got;
  EXPECT_EQ(statements_of([&] {
              got = tx_.projects().tags_of({projects[2], 424242, projects[0]});
            }),
            1u);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].project_id, projects[0]);
  EXPECT_EQ(got[0].title, "api");
  EXPECT_EQ(got[1].project_id, projects[0]);
  EXPECT_EQ(got[1].title, "web");
  EXPECT_EQ(got[2].project_id, projects[2]);
  EXPECT_EQ(got[2].title, "Backend");
  EXPECT_EQ(got[3].project_id, projects[2]);
  EXPECT_EQ(got[3].title, "web");
  EXPECT_TRUE(tx_.projects().tags_of({}).empty());
  EXPECT_TRUE(tx_.projects().tags_of({projects[1], 424242}).empty());
}

TEST_F(SqliteProjectRepoTest, TagsReplaceAndMatchIgnoringCase) {
  std::int64_t a = tx_.projects().insert(make_project("A", "id-admin"));
  std::int64_t b = tx_.projects().insert(make_project("B", "id-admin"));
  EXPECT_TRUE(tags(a).empty());

  tx_.projects().set_tags(a, {"web", "Backend", " api ", "", "  ", "WEB"});
  EXPECT_EQ(tags(a), (std::vector<std::string>{"api", "Backend", "web"}));
  EXPECT_EQ(rows("tags"), 3);

  // Existing tags are reused whatever their case; the set is replaced.
  tx_.projects().set_tags(b, {"BACKEND", "mobile"});
  EXPECT_EQ(tags(b), (std::vector<std::string>{"Backend", "mobile"}));
  EXPECT_EQ(rows("tags"), 4);
  tx_.projects().set_tags(a, {"mobile"});
  EXPECT_EQ(tags(a), (std::vector<std::string>{"mobile"}));
  tx_.projects().set_tags(a, {});
  EXPECT_TRUE(tags(a).empty());
  EXPECT_EQ(tags(b).size(), 2u);

  tx_.projects().set_tags(a, {"100%_done", "quote\"and\\slash"});
  EXPECT_EQ(tags(a), (std::vector<std::string>{"100%_done", "quote\"and\\slash"}));

  auto backend = tx_.projects().tag_id("backend");
  ASSERT_TRUE(backend);
  EXPECT_EQ(tx_.projects().tag_id("BackEnd"), backend);
  EXPECT_FALSE(tx_.projects().tag_id("nothing"));
}

TEST_F(SqliteProjectRepoTest, RemoveCascadesToEverythingOfTheProject) {
  std::string ann = add_user("ann");
  std::int64_t id = tx_.projects().insert(make_project("P", ann));
  std::int64_t keep = tx_.projects().insert(make_project("Keep", ann));
  tx_.projects().put_member(id, {.user_id = ann});
  tx_.projects().set_follower(id, ann, true);
  tx_.projects().set_tags(id, {"x"});
  std::int64_t m = tx_.milestones().insert(make_milestone(id, "M", ann));
  TaskRecord t = make_task(id, "T");
  t.milestone_id = m;
  t.responsibles = {ann};
  std::int64_t t1 = tx_.tasks().insert(t);
  std::int64_t t2 = tx_.tasks().insert(make_task(id, "T2"));
  std::int64_t kept_task = tx_.tasks().insert(make_task(keep, "K"));
  tx_.tasks().insert_subtask(testing::make_subtask(t1, "S"));
  tx_.tasks().insert_link({.parent_task_id = t1, .dependence_task_id = t2});
  // A link across projects goes with either end.
  tx_.tasks().insert_link({.parent_task_id = kept_task, .dependence_task_id = t2});
  tx_.tasks().set_subscribed(t1, ann, true);
  tx_.tasks().add_reminder(t1, ann, from_ticks(5));

  tx_.projects().remove(id);
  EXPECT_FALSE(tx_.projects().by_id(id));
  for (const char* table :
       {"project_team", "project_followers", "project_tags", "milestones", "task_responsibles",
        "task_subscribers", "subtasks", "task_links", "task_reminders"}) {
    EXPECT_EQ(rows(table), 0) << table;
  }
  EXPECT_EQ(rows("tasks"), 1);
  EXPECT_EQ(rows("tags"), 1);  // tags are shared; they stay
  EXPECT_TRUE(tx_.projects().by_id(keep));
  tx_.projects().remove(424242);
}

TEST_F(SqliteProjectRepoTest, PageFiltersSortsAndPages) {
  std::string ann = add_user("ann");
  std::string bob = add_user("bob");
  auto add = [&](const char* title, std::int64_t created, const std::string& manager) {
    ProjectRecord p = make_project(title, manager);
    p.created = from_ticks(created);
    return tx_.projects().insert(p);
  };
  std::int64_t zeta = add("Zeta", 300, ann);
  std::int64_t alpha = add("alpha 100%", 100, bob);
  std::int64_t beta = add("Beta", 200, ann);
  std::int64_t beta2 = add("Beta", 200, bob);
  ProjectRecord closed_project = *tx_.projects().by_id(beta2);
  closed_project.status = ProjectStatus::kClosed;
  closed_project.description = "the SECOND beta";
  tx_.projects().update(closed_project);
  tx_.projects().put_member(zeta, {.user_id = bob});
  tx_.projects().put_member(beta, {.user_id = bob});
  tx_.projects().set_follower(alpha, ann, true);
  tx_.projects().set_tags(beta, {"red"});
  tx_.projects().set_tags(zeta, {"red", "blue"});
  std::int64_t red = *tx_.projects().tag_id("red");

  ProjectQuery q = query_for("id-admin", true);
  EXPECT_EQ(page_ids(q), (Ids{alpha, beta, beta2, zeta}));  // created, then id
  q.descending = true;
  EXPECT_EQ(page_ids(q), (Ids{zeta, beta2, beta, alpha}));
  q.sort = ProjectSort::kTitle;
  EXPECT_EQ(page_ids(q), (Ids{zeta, beta2, beta, alpha}));  // ignoring case
  q.descending = false;
  EXPECT_EQ(page_ids(q), (Ids{alpha, beta, beta2, zeta}));
  q.offset = 1;
  q.limit = 2;
  EXPECT_EQ(page_ids(q), (Ids{beta, beta2}));
  EXPECT_EQ(tx_.projects().count(q), 4);
  q.offset = 4;
  EXPECT_TRUE(page_ids(q).empty());

  auto filtered = [&](auto&& set) {
    ProjectQuery f = query_for("id-admin", true);
    set(f);
    return std::make_pair(page_ids(f), tx_.projects().count(f));
  };
  EXPECT_EQ(filtered([](ProjectQuery& f) { f.status = ProjectStatus::kClosed; }),
            std::make_pair(Ids{beta2}, std::int64_t{1}));
  EXPECT_EQ(filtered([&](ProjectQuery& f) { f.participant = bob; }),
            std::make_pair(Ids{beta, zeta}, std::int64_t{2}));
  EXPECT_EQ(filtered([&](ProjectQuery& f) { f.manager = bob; }),
            std::make_pair(Ids{alpha, beta2}, std::int64_t{2}));
  EXPECT_EQ(filtered([&](ProjectQuery& f) { f.follower = ann; }),
            std::make_pair(Ids{alpha}, std::int64_t{1}));
  EXPECT_EQ(filtered([&](ProjectQuery& f) { f.tag_id = red; }),
            std::make_pair(Ids{beta, zeta}, std::int64_t{2}));
  EXPECT_EQ(filtered([](ProjectQuery& f) { f.text = "BETA"; }),
            std::make_pair(Ids{beta, beta2}, std::int64_t{2}));
  EXPECT_EQ(filtered([](ProjectQuery& f) { f.text = "second"; }),
            std::make_pair(Ids{beta2}, std::int64_t{1}));
  EXPECT_EQ(filtered([](ProjectQuery& f) { f.text = "%"; }),
            std::make_pair(Ids{alpha}, std::int64_t{1}));
  EXPECT_EQ(filtered([](ProjectQuery& f) { f.text = "a_"; }),
            std::make_pair(Ids{}, std::int64_t{0}));
  EXPECT_EQ(filtered([&](ProjectQuery& f) {
              f.manager = ann;
              f.participant = bob;
              f.tag_id = red;
              f.text = "e";
            }),
            std::make_pair(Ids{beta, zeta}, std::int64_t{2}));
}

// can_read(): public, or admin, member, creator or manager.
TEST_F(SqliteProjectRepoTest, PageShowsOnlyReadableProjects) {
  std::string pm = add_user("pm");
  std::string member = add_user("member");
  std::string creator = add_user("creator");
  std::string outsider = add_user("outsider");
  std::string guest = add_user("guest", false, true);
  std::int64_t open = tx_.projects().insert(make_project("Public", pm));
  ProjectRecord hidden = make_project("Private", pm);
  hidden.is_private = true;
  hidden.created_by = creator;
  std::int64_t secret = tx_.projects().insert(hidden);
  // A member denied every module still reads the project itself.
  tx_.projects().put_member(secret, {.user_id = member, .security = team_security::kAll});
  hidden.responsible_id = guest;
  hidden.created_by = pm;
  std::int64_t guest_managed = tx_.projects().insert(hidden);

  auto visible = [&](const std::string& user, bool is_admin, bool is_visitor) {
    ProjectQuery q;
    q.viewer = {.user_id = user, .is_admin = is_admin, .is_visitor = is_visitor};
    EXPECT_EQ(tx_.projects().count(q), static_cast<std::int64_t>(page_ids(q).size()));
    return page_ids(q);
  };
  EXPECT_EQ(visible("id-admin", true, false), (Ids{open, secret, guest_managed}));
  EXPECT_EQ(visible(pm, false, false), (Ids{open, secret, guest_managed}));
  EXPECT_EQ(visible(member, false, false), (Ids{open, secret}));
  EXPECT_EQ(visible(creator, false, false), (Ids{open, secret}));
  EXPECT_EQ(visible(outsider, false, false), (Ids{open}));
  EXPECT_EQ(visible(guest, false, true), (Ids{open, guest_managed}));
}

// The repositories through SqliteStore: writes in the writer's transactions, reads on the
// query-only reader connections, and a failing write rolled back whole.
TEST(SqliteProjectStoreTest, ReposWorkInsideTheStoresReadsAndWrites) {
  testing::TempDir dir;
  auto store = SqliteStore::open({.path = dir.file("projectd.db")}, true);
  store->write([](StoreTx& tx) { tx.users().insert(testing::make_user("ann")); });
  auto [project, task] = store->write_value([](StoreTx& tx) {
    std::int64_t p = tx.projects().insert(make_project("P", "id-ann"));
    TaskRecord t = make_task(p, "T", "id-ann");
    t.responsibles = {"id-ann"};
    return std::make_pair(p, tx.tasks().insert(t));
  });
  ApiError error = error_of([&] {
    store->write([&](StoreTx& tx) {
      tx.tasks().insert(make_task(project, "rolled back", "id-ann"));
      tx.tasks().insert_link({.parent_task_id = task, .dependence_task_id = task});
    });
  });
  EXPECT_EQ(error.kind(), ErrorKind::kBadRequest);

  TaskQuery query;
  query.viewer = {.user_id = "id-ann"};
  auto page = store->read_value([&](StoreTx& tx) { return tx.tasks().page(query); });
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, task);
  EXPECT_EQ(page[0].responsibles, (std::vector<std::string>{"id-ann"}));
  EXPECT_EQ(store->read_value([&](StoreTx& tx) {
    return tx.project_totals().counts_of({project}).at(0).all_tasks;
  }),
            1);
}

}  // namespace
}  // namespace projectd
