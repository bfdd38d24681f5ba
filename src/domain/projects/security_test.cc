// The permission rules as corrected by docs/wire-compatibility.md ("Permission rules are
// consistent"), role by role.
#include "domain/projects/security.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

const Viewer kAdmin{"admin", true, false};
const Viewer kManager{"pm", false, false};
const Viewer kMember{"member", false, false};
const Viewer kOutsider{"outsider", false, false};
const Viewer kGuest{"guest", false, true};

ProjectRecord project(bool is_private, ProjectStatus status = ProjectStatus::kOpen) {
  ProjectRecord p;
  p.id = 1;
  p.responsible_id = "pm";
  p.created_by = "pm";
  p.is_private = is_private;
  p.status = status;
  return p;
}

TaskRecord task(std::string created_by, std::vector<std::string> responsibles) {
  TaskRecord t;
  t.id = 10;
  t.project_id = 1;
  t.created_by = std::move(created_by);
  t.responsibles = std::move(responsibles);
  return t;
}

ProjectSecurity as(const Viewer& v, const ProjectRecord& p, int denied = -1) {
  std::optional<TeamMember> membership;
  if (denied >= 0) membership = TeamMember{v.user_id, denied};
  return ProjectSecurity(v, p, membership);
}

TEST(ProjectSecurity, PrivateProjectsAreReadOnlyByTeamManagerCreatorAndAdmins) {
  const auto p = project(true);
  EXPECT_TRUE(as(kAdmin, p).can_read());
  EXPECT_TRUE(as(kManager, p).can_read());
  EXPECT_TRUE(as(kMember, p, 0).can_read());
  EXPECT_FALSE(as(kOutsider, p).can_read());
  EXPECT_FALSE(as(kGuest, p).can_read());
  EXPECT_TRUE(as(kGuest, p, 0).can_read());
  EXPECT_TRUE(as(kOutsider, project(false)).can_read());
}

TEST(ProjectSecurity, TeamSecurityDeniesModulesOnlyInPrivateProjects) {
  const int no_tasks = team_security::kTasks;
  EXPECT_FALSE(as(kMember, project(true), no_tasks).can_read_module(team_security::kTasks));
  EXPECT_TRUE(as(kMember, project(true), no_tasks).can_read_module(team_security::kFiles));
  EXPECT_TRUE(as(kMember, project(false), no_tasks).can_read_module(team_security::kTasks));
  EXPECT_TRUE(as(kManager, project(true)).can_read_module(team_security::kTasks));
}

TEST(ProjectSecurity, TaskReadingFollowsResponsibilityAndModules) {
  const auto p = project(true);
  const auto t = task("pm", {"member"});
  EXPECT_TRUE(as(kMember, p, team_security::kTasks).can_read_task(t, nullptr));  // responsible
  EXPECT_FALSE(as(kOutsider, p).can_read_task(t, nullptr));
  MilestoneRecord m;
  m.responsible_id = "someone";
  const auto other = task("pm", {});
  EXPECT_FALSE(as(kMember, p, team_security::kMilestones).can_read_task(other, &m));
  m.responsible_id = "member";
  EXPECT_TRUE(as(kMember, p, team_security::kMilestones).can_read_task(other, &m));
}

TEST(ProjectSecurity, EditingTasks) {
  const auto p = project(false);
  EXPECT_TRUE(as(kManager, p).can_edit_task(task("x", {"y"})));
  EXPECT_TRUE(as(kMember, p, 0).can_edit_task(task("member", {"y"})));  // creator
  EXPECT_TRUE(as(kMember, p, 0).can_edit_task(task("x", {"member"})));  // responsible
  EXPECT_TRUE(as(kMember, p, 0).can_edit_task(task("x", {})));          // unassigned
  EXPECT_FALSE(as(kMember, p, 0).can_edit_task(task("x", {"y"})));
  EXPECT_FALSE(as(kOutsider, p).can_edit_task(task("x", {})));      // not in team
  EXPECT_FALSE(as(kGuest, p, 0).can_edit_task(task("guest", {})));  // guests change nothing
}

TEST(ProjectSecurity, AClosedProjectRefusesEveryContentChange) {
  const auto p = project(false, ProjectStatus::kClosed);
  const auto t = task("pm", {});
  const auto pm = as(kManager, p);
  EXPECT_FALSE(pm.can_edit_task(t));
  EXPECT_FALSE(pm.can_delete_task(t));
  EXPECT_FALSE(pm.can_create_subtask(t));
  EXPECT_FALSE(pm.can_edit_task_files(t));
  EXPECT_FALSE(pm.can_create_task());
  EXPECT_FALSE(pm.can_edit_files());
  // ...but the project itself can still be reopened, deleted and its team changed.
  EXPECT_TRUE(pm.can_edit());
  EXPECT_TRUE(pm.can_edit_team());
  EXPECT_TRUE(as(kAdmin, p).can_delete());
}

TEST(ProjectSecurity, DeleteChecksTheDeleteRight) {
  const auto p = project(false);
  EXPECT_TRUE(as(kAdmin, p).can_delete());
  EXPECT_TRUE(as(kManager, p).can_delete());  // the creator
  ProjectRecord not_created = p;
  not_created.created_by = "someone-else";
  EXPECT_FALSE(as(kManager, not_created).can_delete());  // edit right, but not delete
  EXPECT_TRUE(as(kManager, not_created).can_edit());
  EXPECT_TRUE(as(kMember, p, 0).can_delete_task(task("member", {})));
  EXPECT_FALSE(as(kMember, p, 0).can_delete_task(task("x", {"member"})));
}

TEST(ProjectSecurity, FilesRights) {
  const auto p = project(true);
  EXPECT_TRUE(as(kMember, p, 0).can_edit_files());
  EXPECT_FALSE(as(kMember, p, team_security::kFiles).can_edit_files());
  EXPECT_FALSE(as(kMember, p, team_security::kFiles).can_read_files());
  EXPECT_FALSE(as(kOutsider, project(false)).can_edit_files());
  EXPECT_TRUE(as(kOutsider, project(false)).can_read_files());
  EXPECT_FALSE(as(kMember, p, 0).can_edit_task_files(task("x", {"y"})));
  EXPECT_TRUE(as(kMember, p, 0).can_edit_task_files(task("x", {"member"})));
}

TEST(ProjectSecurity, TimeSpendNeedsAnOpenProjectAndInvolvement) {
  const auto t = task("pm", {"outsider"});
  EXPECT_TRUE(as(kOutsider, project(false)).can_create_time_spend(t, {}));
  EXPECT_FALSE(as(kOutsider, project(false, ProjectStatus::kPaused)).can_create_time_spend(t, {}));
  SubtaskRecord s;
  s.task_id = 10;
  s.responsible_id = "x";
  EXPECT_FALSE(as(kOutsider, project(false)).can_create_time_spend(task("pm", {}), {s}));
  s.responsible_id = "outsider";
  EXPECT_TRUE(as(kOutsider, project(false)).can_create_time_spend(task("pm", {}), {s}));
}

TEST(ProjectSecurity, CreatingThings) {
  EXPECT_TRUE(can_create_project(kMember));
  EXPECT_FALSE(can_create_project(kGuest));
  EXPECT_TRUE(as(kMember, project(false), 0).can_create_task());
  EXPECT_FALSE(as(kOutsider, project(false)).can_create_task());
  EXPECT_FALSE(as(kMember, project(false, ProjectStatus::kPaused), 0).can_create_task());
  EXPECT_TRUE(as(kManager, project(false)).can_create_milestone());
  EXPECT_FALSE(as(kMember, project(false), 0).can_create_milestone());
}

}  // namespace
}  // namespace projectd
