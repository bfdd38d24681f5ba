// ProjectService::search against a real store: what each viewer finds, and the owners of hits.
#include "domain/projects/project_service.h"
#include "store/sqlite/sqlite_project_test_support.h"
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

using testing::make_milestone;
using testing::make_project;
using testing::make_task;
using testing::make_user;

struct Hit {
  SearchEntity entity;
  std::int64_t id;
  std::optional<std::int64_t> owner;
  bool operator==(const Hit&) const = default;
};

std::vector<Hit> hits_of(const std::vector<SearchHit>& found) {
  std::vector<Hit> out;
  for (const SearchHit& hit : found) {
    out.push_back(Hit{hit.item.entity, hit.item.id,
                      hit.owner ? std::optional<std::int64_t>(hit.owner->id) : std::nullopt});
  }
  return out;
}

class ProjectSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, true);
    store_->write([&](StoreTx& tx) {
      UserRecord admin = make_user("admin");
      admin.is_admin = true;
      tx.users().insert(admin);
      tx.users().insert(make_user("member"));
      tx.users().insert(make_user("outsider"));
      public_ = tx.projects().insert(make_project("Public comet watch", "id-admin"));
      ProjectRecord hidden = make_project("Hidden", "id-admin");
      hidden.is_private = true;
      private_ = tx.projects().insert(hidden);
      tx.projects().put_member(private_, TeamMember{"id-member", team_security::kMilestones});
      TaskRecord visible = make_task(public_, "Find the comet");
      visible.description = "deep sky";
      public_task_ = tx.tasks().insert(visible);
      private_task_ = tx.tasks().insert(make_task(private_, "Comet secret"));
      milestone_ = tx.milestones().insert(make_milestone(private_, "Comet milestone", "id-admin"));
    });
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  std::int64_t public_ = 0, private_ = 0, public_task_ = 0, private_task_ = 0, milestone_ = 0;
  Caller admin_{"id-admin", true, false, ""};
  Caller member_{"id-member", false, false, ""};
  Caller outsider_{"id-outsider", false, false, ""};
};

TEST_F(ProjectSearchTest, PortalWideSearchFindsReadableProjectsAndTasks) {
  ProjectService service(*store_);
  EXPECT_EQ(hits_of(service.search(outsider_, "COMET", std::nullopt)),
            (std::vector<Hit>{{SearchEntity::kProject, public_, std::nullopt},
                              {SearchEntity::kTask, public_task_, public_}}));
  EXPECT_EQ(hits_of(service.search(member_, "comet", std::nullopt)),
            (std::vector<Hit>{{SearchEntity::kProject, public_, std::nullopt},
                              {SearchEntity::kTask, public_task_, public_},
                              {SearchEntity::kTask, private_task_, private_}}));
  const auto found = service.search(outsider_, "deep", std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].item.description, "deep sky");
  EXPECT_EQ(found[0].owner->title, "Public comet watch");
  EXPECT_TRUE(service.search(outsider_, "  ", std::nullopt).empty());
}

TEST_F(ProjectSearchTest, ProjectSearchHonoursTeamSecurityAndHidesPrivateProjects) {
  ProjectService service(*store_);
  EXPECT_EQ(hits_of(service.search(admin_, "comet", private_)),
            (std::vector<Hit>{{SearchEntity::kMilestone, milestone_, private_},
                              {SearchEntity::kTask, private_task_, private_}}));
  // Milestones are hidden from this member by team security.
  EXPECT_EQ(hits_of(service.search(member_, "comet", private_)),
            (std::vector<Hit>{{SearchEntity::kTask, private_task_, private_}}));
  try {
    service.search(outsider_, "comet", private_);
    ADD_FAILURE() << "a private project was searched by an outsider";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kNotFound);
  }
}

}  // namespace
}  // namespace projectd
